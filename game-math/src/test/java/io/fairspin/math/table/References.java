package io.fairspin.math.table;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fairspin.math.Fraction;
import io.fairspin.math.Game;
import io.fairspin.math.GameModels;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/** The shared known answers ({@code ../shared/reference/games/table-games.json}) and the example models. */
public final class References {
    private static JsonNode tableGames;

    private References() {
    }

    /** The node at {@code path} (member names) of table-games.json. */
    public static synchronized JsonNode tableGames(String... path) {
        if (tableGames == null) {
            String configured = System.getProperty("fairspin.reference");
            Path root = configured != null ? Paths.get(configured) : Paths.get("..", "..", "shared", "reference");
            try {
                tableGames = new ObjectMapper().readTree(root.resolve("games/table-games.json").toFile());
            } catch (IOException e) {
                throw new UncheckedIOException("reference data not found under " + root.toAbsolutePath(), e);
            }
        }
        JsonNode node = tableGames;
        for (String name : path) {
            node = node.get(name);
            if (node == null) {
                throw new IllegalStateException("table-games.json has no " + String.join(".", path));
            }
        }
        return node;
    }

    public static Fraction fraction(String... path) {
        return Fraction.parse(tableGames(path).asText());
    }

    public static Path example(String name) {
        return Paths.get("..", "examples", name);
    }

    public static Game load(String exampleName) {
        try {
            return GameModels.load(example(exampleName));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Loads {@code json} as a model named {@code test.json}. */
    public static Game loadText(String json) {
        return GameModels.load("test.json", json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    public static boolean exists(String exampleName) {
        return Files.exists(example(exampleName));
    }
}
