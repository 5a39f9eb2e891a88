package io.fairspin.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** One run of the fairspin command in-process, with its exit code and captured streams. */
record CommandRun(int exitCode, byte[] stdout, String stderr) {

    static CommandRun of(String... args) {
        return withInput(new byte[0], args);
    }

    static CommandRun withInput(byte[] stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Io io = new Io(new ByteArrayInputStream(stdin), out, new PrintStream(err, true, StandardCharsets.UTF_8), false);
        int code = Main.run(io, args);
        return new CommandRun(code, out.toByteArray(), err.toString(StandardCharsets.UTF_8));
    }

    /** The JSON result without its "report" header (version, command line, date, inputs), for comparing runs. */
    com.fasterxml.jackson.databind.JsonNode jsonWithoutReport() {
        try {
            return ((com.fasterxml.jackson.databind.node.ObjectNode) new com.fasterxml.jackson.databind.ObjectMapper()
                    .readTree(stdout)).without("report");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    String text() {
        return new String(stdout, StandardCharsets.UTF_8);
    }
}
