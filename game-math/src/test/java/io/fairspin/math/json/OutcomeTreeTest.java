package io.fairspin.math.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fairspin.math.Game;
import io.fairspin.math.GameModels;
import io.fairspin.math.PlayedRound;
import io.fairspin.rng.DrbgMechanism;
import io.fairspin.rng.DrbgStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link OutcomeTree} against Jackson's {@code readTree}, which {@link OutcomeJson#object} used alone before: on the
 * canonical outcomes of every example game, and on them changed at random bytes (a digit, a letter, a quote, a
 * bracket, a backslash, a space, a control or non-ASCII byte), a tree it reads equals Jackson's node for node (an
 * {@code IntNode} is not equal to a {@code LongNode} of the same value), and with members left out it equals Jackson's
 * tree with those members removed.
 */
class OutcomeTreeTest {
    private static final ObjectMapper READ = new ObjectMapper();
    private static final ObjectMapper SORTED = new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    static Stream<Path> models() throws IOException {
        Path examples = Path.of(System.getProperty("fairspin.root", "..")).normalize().resolve("examples");
        return Files.list(examples).filter(p -> p.toString().endsWith(".json")).sorted();
    }

    private static DrbgStream stream(int seed) {
        byte[] entropy = new byte[32];
        ByteBuffer.wrap(entropy).putInt(seed).putInt(0x7ee);
        return new DrbgStream(DrbgMechanism.CTR_AES256.instantiate(entropy, new byte[16], null), 4096);
    }

    /** Jackson's tree of {@code bytes}, or null when Jackson does not read it as an object. */
    private static JsonNode jackson(byte[] bytes) {
        try {
            JsonNode tree = READ.readTree(bytes);
            return tree != null && tree.isObject() ? tree : null;
        } catch (IOException e) {
            return null;
        }
    }

    @ParameterizedTest
    @MethodSource("models")
    void treesAreJacksonsOnEveryExamplesOutcomesAndOnChangedBytes(Path file) throws Exception {
        Game game = GameModels.load(file);
        DrbgStream stream = stream(7);
        SplittableRandom random = new SplittableRandom(41);
        byte[] alphabet = "0123456789\"[]{},:abcxyz-. \\\t\u0001\u007f".getBytes(StandardCharsets.ISO_8859_1);
        int read = 0;
        int changedRead = 0;
        for (int i = 0; i < 150; i++) {
            PlayedRound played = game.playRecorded(stream);
            byte[] logged = SORTED.writeValueAsBytes(READ.readValue(played.detail(), Object.class));
            JsonNode tree = OutcomeTree.read(logged, Set.of());
            String where = file.getFileName() + ": " + new String(logged, StandardCharsets.UTF_8);
            if (tree != null) {
                read++;
                assertEquals(jackson(logged), tree, where);
            }
            assertEquals(jackson(logged), OutcomeJson.object(logged), where);
            for (int k = 0; k < 20; k++) {
                byte[] changed = logged.clone();
                int at = random.nextInt(changed.length);
                changed[at] = k % 5 == 4 ? (byte) (0x80 + random.nextInt(0x80)) : alphabet[random.nextInt(alphabet.length)];
                JsonNode fast = OutcomeTree.read(changed, Set.of());
                if (fast != null) {
                    changedRead++;
                    JsonNode expected = jackson(changed);
                    assertNotNull(expected, new String(changed, StandardCharsets.ISO_8859_1));
                    assertEquals(expected, fast, new String(changed, StandardCharsets.ISO_8859_1));
                }
            }
        }
        assertTrue(read > 140, file.getFileName() + ": " + read + " of 150 read");
        assertTrue(changedRead > 0, file.getFileName() + ": no changed outcome read");
    }

    @Test
    void membersLeftOutAreMissingAndTheRestIsJacksons() throws Exception {
        Game game = GameModels.load(Path.of(System.getProperty("fairspin.root", "..")).normalize()
                .resolve("examples").resolve("coin-rush.json"));
        DrbgStream stream = stream(9);
        for (int i = 0; i < 300; i++) {
            byte[] logged = SORTED.writeValueAsBytes(READ.readValue(game.playRecorded(stream).detail(), Object.class));
            JsonNode expected = jackson(logged);
            removeAll(expected, "window");
            assertEquals(expected, OutcomeTree.read(logged, Set.of("window")), new String(logged, StandardCharsets.UTF_8));
        }
    }

    @Test
    void whatJacksonReadsOtherwiseIsLeftToJackson() {
        for (String text : new String[] {"{\"a\":1.0}", "{\"a\":1e3}", "{\"a\":01}", "{\"a\":-0}", "{ \"a\":1}",
            "{\"a\":\"\\u0041\"}", "{\"a\":1234567890123456789}", "[1]", "{\"a\":1}x", "{\"a\":tru}", "{\"a\":\"\u00e9\"}"}) {
            assertEquals(null, OutcomeTree.read(text.getBytes(StandardCharsets.UTF_8), Set.of()), text);
        }
        assertEquals(READ.createObjectNode().put("a", 2147483647).put("b", 2147483648L).put("c", -2147483648)
                .put("d", -2147483649L), OutcomeTree.read(("{\"a\":2147483647,\"b\":2147483648,\"c\":-2147483648,"
                        + "\"d\":-2147483649}").getBytes(StandardCharsets.US_ASCII), Set.of()));
    }

    private static void removeAll(JsonNode node, String name) {
        if (node instanceof ObjectNode) {
            ((ObjectNode) node).remove(name);
        }
        for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
            removeAll(it.next(), name);
        }
    }
}
