package io.fairspin.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.OutputStream;

/** Writes results as JSON: indented, one document, newline-terminated. */
public final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    private Json() {
    }

    public static void write(OutputStream out, Object value) throws IOException {
        MAPPER.writeValue(out, value);
        out.write('\n');
        out.flush();
    }
}
