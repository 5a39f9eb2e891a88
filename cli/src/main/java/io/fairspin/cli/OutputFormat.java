package io.fairspin.cli;

import java.util.Locale;

/** How a command prints its result: for people, as JSON for programs, or as CSV tables for spreadsheets. */
public enum OutputFormat {
    /** For people: aligned text, the report's header at the end. */
    TEXT,
    /** One keyed JSON document, described by a schema in docs/schema. */
    JSON,
    /** The result's tables as CSV, each after a {@code # name} line. */
    CSV;

    /**
     * The name on the command line: "text", "json", "csv".
     *
     * @return the lowercase name
     */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
