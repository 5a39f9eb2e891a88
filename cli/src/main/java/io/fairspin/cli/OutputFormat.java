package io.fairspin.cli;

import java.util.Locale;

/** How a command prints its result: for people, as JSON for programs, or as CSV tables for spreadsheets. */
public enum OutputFormat {
    TEXT, JSON, CSV;

    /** The name on the command line: "text", "json", "csv". */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
