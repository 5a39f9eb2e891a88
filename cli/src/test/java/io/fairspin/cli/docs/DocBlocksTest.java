package io.fairspin.cli.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class DocBlocksTest {
    @Test
    void aBlockMarkedBuiltRunsWithoutItsBuildPrefix() {
        List<DocBlocks.Block> blocks = DocBlocks.parse("README.md", """
                <!-- doc-test: built -->
                ```sh
                mvn -B -q package -DskipTests && ./fairspin simulate examples/sizzling-hot.json --rounds 1M
                ```
                """);
        assertEquals(1, blocks.size());
        assertEquals("./fairspin simulate examples/sizzling-hot.json --rounds 1M", blocks.get(0).script());
    }

    @Test
    void aBlockMarkedBuiltMustStartWithTheBuild() {
        assertThrows(IllegalArgumentException.class, () -> DocBlocks.parse("README.md", """
                <!-- doc-test: built -->
                ```sh
                ./fairspin simulate examples/sizzling-hot.json
                ```
                """));
    }

    @Test
    void anUnmarkedCommandBlockWithoutAKindIsAnError() {
        assertThrows(IllegalArgumentException.class, () -> DocBlocks.parse("README.md", """
                ```
                mvn -B verify
                ```
                """));
    }
}
