package io.fairspin.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fairspin.cli.report.ReportHeader;
import java.io.IOException;
import java.io.OutputStream;

/** Writes results as JSON: indented, one document, newline-terminated. */
public final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    private Json() {
    }

    /**
     * JSON text as a tree, to nest a library's JSON (an entry's readable view) in a result.
     *
     * @param text one JSON document
     * @return its tree
     * @throws java.io.UncheckedIOException when the text is not JSON
     */
    public static JsonNode tree(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("not JSON", e);
        }
    }

    /**
     * Writes a report: {@code value} (an object) with the header first, under {@code "report"}, so every JSON
     * report says which fairspin, command line, date and input files made it.
     *
     * @param out where to write
     * @param header the report's header
     * @param value the result, serialized as a JSON object
     * @throws java.io.IOException when the output cannot be written
     */
    public static void writeReport(OutputStream out, ReportHeader header, Object value) throws IOException {
        ObjectNode report = MAPPER.createObjectNode();
        report.set("report", MAPPER.valueToTree(header.json()));
        JsonNode body = MAPPER.valueToTree(value);
        if (!body.isObject()) {
            throw new IllegalArgumentException("a report is a JSON object, was " + body.getNodeType());
        }
        report.setAll((ObjectNode) body);
        write(out, report);
    }

    /**
     * Writes {@code value} as indented JSON and a newline, then flushes.
     *
     * @param out where to write
     * @param value what to write
     * @throws java.io.IOException when the output cannot be written
     */
    public static void write(OutputStream out, Object value) throws IOException {
        MAPPER.writeValue(out, value);
        out.write('\n');
        out.flush();
    }
}
