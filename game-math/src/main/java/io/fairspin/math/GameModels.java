package io.fairspin.math;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.DeserializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Loads a model file of any game type: reads the JSON, checks its {@code "type"} field and hands the
 * document to the reader of that type. The one entry point the command line and servers use.
 */
public final class GameModels {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);

    private GameModels() {
    }

    /**
     * The game described by the model file at {@code file}.
     *
     * @throws ModelException naming the file and JSON path when the file is not a valid model
     * @throws IOException    when the file cannot be read
     */
    public static Game load(Path file) throws IOException {
        return load(file.toString(), Files.readAllBytes(file));
    }

    /** The game described by {@code json}, read from the file named {@code fileName} (for messages). */
    public static Game load(String fileName, byte[] json) {
        JsonNode root = parse(fileName, json);
        JsonNode type = root.get("type");
        if (type == null || !type.isTextual()) {
            throw new ModelException(fileName, "$.type", "missing: expected the game type as a string, one of "
                    + String.join(", ", GameType.names()));
        }
        return GameType.named(fileName, type.asText()).read(fileName, root);
    }

    private static JsonNode parse(String fileName, byte[] json) {
        try {
            JsonNode root = MAPPER.readTree(json);
            if (root == null || !root.isObject()) {
                throw new ModelException(fileName, "$", "expected a JSON object");
            }
            return root;
        } catch (JsonProcessingException e) {
            throw new ModelException(fileName, "$", "not valid JSON at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + ": " + withoutSource(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new ModelException(fileName, "$", "not valid JSON: " + e.getMessage());
        }
    }

    /**
     * Jackson's message without its internals: an embedded location ("[Source: REDACTED ...; line: 1, column:
     * 26]") made short, and no Jackson class or feature named after a duplicate field.
     */
    private static String withoutSource(String message) {
        return message.replaceAll("\\[Source: [^\\]]*; line: (\\d+), column: (\\d+)]", "line $1, column $2")
                .replaceAll("^Duplicate field ('[^']*') for `ObjectNode`.*", "duplicate field $1");
    }
}
