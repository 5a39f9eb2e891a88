package io.fairspin.cli.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** examples/README.md names every model file in examples/, so none is left undescribed. */
class ExamplesReadmeTest {
    @Test
    void everyExampleModelIsListed() throws Exception {
        Path examples = Path.of(System.getProperty("fairspin.root", "."), "examples");
        String readme = Files.readString(examples.resolve("README.md"));
        try (Stream<Path> files = Files.list(examples)) {
            List<String> missing = files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".json"))
                    .filter(n -> !readme.contains("`" + n + "`")).sorted().toList();
            assertEquals(List.of(), missing, "example models examples/README.md does not name");
        }
    }
}
