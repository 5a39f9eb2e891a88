package io.fairspin.sim;

import static org.junit.jupiter.api.Assertions.assertFalse;

import io.fairspin.math.Game;
import io.fairspin.math.GameModels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The example models ({@code examples/*.json} under the system property {@code fairspin.root}), for tests. */
final class ExampleModels {
    private ExampleModels() {
    }

    /** The model file {@code examples/name}. */
    static Game load(String name) throws IOException {
        return GameModels.load(directory().resolve(name));
    }

    /** Every example model that has exact figures, in file name order; fails when there is none. */
    static List<Game> withExactFigures() throws IOException {
        List<Game> games = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory())) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                Game game = GameModels.load(file);
                if (game.exactFigures().isPresent()) {
                    games.add(game);
                }
            }
        }
        assertFalse(games.isEmpty(), "no example model with exact figures in " + directory());
        return games;
    }

    private static Path directory() {
        return Path.of(System.getProperty("fairspin.root", "..")).resolve("examples");
    }
}
