package io.fairspin.cli;

/** How a command prints its result: for people, as JSON for programs, or (for reports) as an HTML page. */
public enum OutputFormat {
    TEXT, JSON, HTML
}
