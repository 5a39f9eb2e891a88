package io.fairspin.math;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fairspin.math.json.StrictJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

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
     * @param file the model file (JSON)
     * @return the game, ready to play
     * @throws ModelException naming the file and JSON path when the file is not a valid model
     * @throws IOException    when the file cannot be read
     */
    public static Game load(Path file) throws IOException {
        return load(file.toString(), readBounded(file));
    }

    /**
     * The game described by {@code json}, read from the file named {@code fileName} (for messages).
     *
     * @param fileName the file's name as the user gave it, for messages
     * @param json the file's bytes (UTF-8 JSON)
     * @return the game, ready to play
     */
    public static Game load(String fileName, byte[] json) {
        return load(fileName, json, null);
    }

    /**
     * The game described by {@code json} as its RTP variant {@code variant} (null: the model as written at
     * its top level). A model's {@code "variants"} maps each variant's name to the fields it replaces:
     * {@code "reelSets"} by reel set name, any other top-level field as a whole. A variant's game has the id
     * {@code id@variant} unless the variant gives its own {@code "id"}; complaints about it name the file as
     * {@code file (variant NAME)} and the JSON path in the model the variant makes.
     *
     * @param fileName the file's name as the user gave it, for messages
     * @param json the file's bytes (UTF-8 JSON)
     * @param variant a name in the model's {@code variants}, or null
     * @return the game, ready to play
     * @throws ModelException when the model or the variant is not valid, or there is no such variant
     */
    public static Game load(String fileName, byte[] json, String variant) {
        ObjectNode root = StrictJson.model(fileName, json);
        JsonNode variants = root.remove("variants");
        if (variants != null) {
            checkVariants(fileName, variants);
        }
        if (variant != null) {
            if (variants == null || !variants.has(variant)) {
                throw new ModelException(fileName, "$.variants", variants == null
                        ? "missing: the model has no variants, so no variant \"" + variant + "\""
                        : "unknown variant \"" + variant + "\": expected one of " + String.join(", ", names(variants)));
            }
            root = applyVariant(root, variants.get(variant), variant);
            fileName = fileName + " (variant " + variant + ")";
        }
        return read(fileName, root);
    }

    /**
     * The names of the model's RTP variants, in file order; empty when it has none.
     *
     * @param fileName the file's name as the user gave it, for messages
     * @param json the file's bytes (UTF-8 JSON)
     * @return the variants' names
     */
    public static List<String> variants(String fileName, byte[] json) {
        JsonNode variants = StrictJson.model(fileName, json).get("variants");
        if (variants == null) {
            return List.of();
        }
        checkVariants(fileName, variants);
        return names(variants);
    }

    private static List<String> names(JsonNode variants) {
        List<String> names = new ArrayList<>();
        variants.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static void checkVariants(String fileName, JsonNode variants) {
        if (!variants.isObject() || variants.isEmpty()) {
            throw new ModelException(fileName, "$.variants", "expected an object of variants by name");
        }
        for (String name : names(variants)) {
            JsonNode v = variants.get(name);
            if (!v.isObject()) {
                throw new ModelException(fileName, "$.variants." + name, "expected an object of the fields it replaces");
            }
            for (String field : List.of("type", "variants")) {
                if (v.has(field)) {
                    throw new ModelException(fileName, "$.variants." + name + "." + field,
                            "a variant may not replace \"" + field + "\"");
                }
            }
            if (v.has("reelSets") && !v.get("reelSets").isObject()) {
                throw new ModelException(fileName, "$.variants." + name + ".reelSets",
                        "expected an object of reel sets by name");
            }
        }
    }

    private static ObjectNode applyVariant(ObjectNode root, JsonNode overlay, String name) {
        ObjectNode merged = root.deepCopy();
        overlay.fields().forEachRemaining(field -> {
            if (field.getKey().equals("reelSets") && merged.get("reelSets") instanceof ObjectNode sets) {
                field.getValue().fields().forEachRemaining(set -> sets.set(set.getKey(), set.getValue().deepCopy()));
            } else {
                merged.set(field.getKey(), field.getValue().deepCopy());
            }
        });
        if (!overlay.has("id") && merged.get("id") != null && merged.get("id").isTextual()) {
            merged.put("id", merged.get("id").asText() + "@" + name);
        }
        return merged;
    }

    private static Game read(String fileName, JsonNode root) {
        JsonNode type = root.get("type");
        if (type == null || !type.isTextual()) {
            throw new ModelException(fileName, "$.type", "missing: expected the game type as a string, one of "
                    + String.join(", ", GameType.names()));
        }
        return GameType.named(fileName, type.asText()).read(fileName, root);
    }

    /** The largest model file read (a real one is a few KiB; /dev/zero is refused by name, not read for ever). */
    public static final int MAX_MODEL_BYTES = 16 << 20;

    /**
     * The bytes of {@code file}, at most {@link #MAX_MODEL_BYTES}; a larger file is refused naming it.
     *
     * @param file the model file
     * @return its bytes
     * @throws java.io.IOException when the file cannot be read or is larger than the limit
     */
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
