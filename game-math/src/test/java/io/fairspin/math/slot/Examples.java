package io.fairspin.math.slot;

import io.fairspin.math.GameModels;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Stream;

/** Locates the project's example models and the shared reference data from a test. */
final class Examples {
    private Examples() {
    }

    static Path root() {
        return Paths.get(System.getProperty("fairspin.root", "..")).normalize();
    }

    static Path example(String name) {
        return root().resolve("examples").resolve(name);
    }

    static Path reference(String first, String... more) {
        String configured = System.getProperty("fairspin.reference");
        Path base = configured != null ? Paths.get(configured) : Paths.get("..", "..", "shared", "reference");
        return base.resolve(Paths.get(first, more));
    }

    static SlotGame slot(String name) {
        try {
            return (SlotGame) GameModels.load(example(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every slot model in examples/ that SlotGame plays (cascading and hold-and-win models have their own tests). */
    static List<Path> slotModels() {
        try (Stream<Path> files = Files.list(root().resolve("examples"))) {
            return files.filter(p -> p.toString().endsWith(".json"))
                    .filter(p -> {
                        try {
                            String text = Files.readString(p);
                            return text.contains("\"type\": \"slot\"") && !text.contains("\"cascade\"")
                                    && !text.contains("\"holdAndWin\"");
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
