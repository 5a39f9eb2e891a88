package io.fairspin.math;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Loads a model file of any game type: reads the JSON, checks its {@code "type"} field and hands the
 * document to the reader of that type. The one entry point the command line and servers use.
 */
public final class GameModels {
    private GameModels() {
    }

    /**
     * The game described by the model file at {@code file}.
     *
     * @throws ModelException naming the file and JSON path when the file is not a valid model
     * @throws IOException    when the file cannot be read
     */
    public static Game load(Path file) throws IOException {
        return load(file.toString(), readBounded(file));
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
            JsonNode root = StrictJson.read(json);
            if (root == null || !root.isObject()) {
                throw new ModelException(fileName, "$", "expected a JSON object");
            }
            return root;
        } catch (StrictJson.InvalidJsonException e) {
            throw new ModelException(fileName, "$", e.getMessage());
        }
    }

    /** The largest model file read (a real one is a few KiB; /dev/zero is refused by name, not read for ever). */
    public static final int MAX_MODEL_BYTES = 16 << 20;

    /** The bytes of {@code file}, at most {@link #MAX_MODEL_BYTES}; a larger file is refused naming it. */
    public static byte[] readBounded(Path file) throws IOException {
        if (Files.isDirectory(file)) {
            throw new java.nio.file.FileSystemException(file.toString(), null, "is a folder, expected a file");
        }
        try (java.io.InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(MAX_MODEL_BYTES + 1);
            if (bytes.length > MAX_MODEL_BYTES) {
                throw new ModelException(file.toString(), "$", "larger than " + MAX_MODEL_BYTES
                        + " bytes, more than any model file");
            }
            return bytes;
        }
    }
}
