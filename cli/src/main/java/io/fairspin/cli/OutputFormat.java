package io.fairspin.cli;

/** How a command prints its result: for people, or as JSON for programs. */
public enum OutputFormat {
    TEXT, JSON
}
