package io.fairspin.cli;

/** Marks a command that can print its result as HTML ({@code --format html}); others refuse that format. */
public interface HtmlOutput {
}
