package io.fairspin.audit.json;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fairspin.audit.round.ModelFile;
import io.fairspin.math.Game;
import io.fairspin.math.PlayedRound;
import io.fairspin.rng.DrbgMechanism;
import io.fairspin.rng.DrbgStream;
import io.fairspin.rng.RoundSeed;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * The one-pass canonical writer against the tree path it replaces on the hot path (the oracle: Jackson reads
 * the text into a tree, the members are sorted, Jackson writes it): whenever the one-pass writer answers, its
 * bytes are the tree path's; it never answers for a text the tree path refuses; and it answers for every
 * round detail the example games write, which is what makes it the fast path.
 */
class CanonicalTextTest {

    /** The tree path's bytes, or null when it refuses the text. */
    private static byte[] byTree(String text) {
        try {
            return CanonicalJson.encodeByTree(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static void sameAsTheTreePath(String text) {
        byte[] fast = CanonicalText.encode(text);
        byte[] tree = byTree(text);
        if (fast != null) {
            assertNotNull(tree, () -> "the one-pass writer took a text the tree path refuses: " + text);
            assertArrayEquals(tree, fast, () -> "different bytes for " + text);
        }
    }

    @Test
    void everyExampleGamesRoundDetailIsWrittenInOnePassAsTheTreePathWritesIt() throws IOException {
        List<Path> models;
        try (Stream<Path> files = Files.list(Path.of("..", "examples"))) {
            models = files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertTrue(models.size() >= 20, "the examples: " + models);
        byte[] seed = new byte[RoundSeed.seedLength(DrbgMechanism.CTR_AES256)];
        for (Path file : models) {
            Game game = ModelFile.load(file).game();
            for (int round = 0; round < 200; round++) {
                seed[0] = (byte) round;
                seed[1] = (byte) (round >> 8);
                PlayedRound played;
                try (DrbgStream stream = RoundSeed.of(DrbgMechanism.CTR_AES256, "r" + round, seed).stream()) {
                    played = game.playRecorded(stream);
                }
                String detail = played.detail();
                byte[] fast = CanonicalText.encode(detail);
                assertNotNull(fast, () -> file + ": the one-pass writer handed a game's detail to the tree path: "
                        + detail);
                assertArrayEquals(CanonicalJson.encodeByTree(detail), fast, () -> file + ": " + detail);
            }
        }
    }

    @Test
    void textsTheTreePathMustDecideAreLeftToIt() {
        for (String text : List.of("{\"a\":1.5}", "{\"a\":1e3}", "-0", "[-0]", "01", "{\"a\":\"\\u0041\"}",
                "{\"a\\\"\":1}", "{\"a\":1,\"a\":2}", "{\"b\":1,\"a\":2,\"b\":3}", "[1,]", "{\"a\":1} x", "",
                "\"\ud800\"", "[1234567890123456789]", "{\"a\" 1}", "nul", "[" .repeat(300) + "]".repeat(300))) {
            assertNull(CanonicalText.encode(text), text);
        }
    }

    @Test
    void membersOutOfOrderAreSortedByUtf16AsTheTreePathSortsThem() {
        // "B" < "a" < "b" < "é" < "\uFFFD" in UTF-16; escapes left in the values, no surrogates.
        String text = "{ \"\uFFFD\":0, \"b\" : [ {\"z\": 1, \"y\": true}, \"x\" ],\n \"a\" : { \"é\": null, \"B\": -7 },"
                + " \"\u20ac\": \"\u00e9\u20ac\u007f\u0080\" }";
        byte[] fast = CanonicalText.encode(text);
        assertNotNull(fast);
        assertArrayEquals(CanonicalJson.encodeByTree(text), fast);
    }

    @Test
    void aLargeObjectsMembersAreSortedAsTheTreePathSortsThemAndADuplicateAmongThemIsLeftToIt() {
        // More members than are sorted in place: names "m999" down to "m0" with nested objects out of order.
        StringBuilder text = new StringBuilder("{");
        for (int i = 999; i >= 0; i--) {
            text.append(i < 999 ? "," : "").append("\"m").append(i).append("\":{\"b\":").append(i).append(",\"a\":[]}");
        }
        String large = text.append('}').toString();
        byte[] fast = CanonicalText.encode(large);
        assertNotNull(fast);
        assertArrayEquals(CanonicalJson.encodeByTree(large), fast);
        assertNull(CanonicalText.encode(large.replace("\"m500\"", "\"m7\"")), "a duplicate name among many");
    }

    @Test
    void aTextAfterALongerOneOnTheSameThreadIsReadToItsOwnEndOnly() {
        // The thread's writer keeps its buffers: what a longer text left in them must not be read as this one's.
        String longer = "{\"b\":[1,2,3],\"a\":{\"y\":true,\"x\":null}}";
        String[] cut = {"{\"b\":[1,2", "{\"b\":[1,2,3]", "{\"b\":[1,2,3],\"a\":{\"y\":tr", "{\"b\":[1,2,3],\"a\":{\"y\":true"};
        for (String text : cut) {
            assertNotNull(CanonicalText.encode(longer));
            assertNull(CanonicalText.encode(text), text);
        }
        String big = "[" + "1,".repeat(20_000) + "1]";
        assertArrayEquals(CanonicalJson.encodeByTree(big), CanonicalText.encode(big), "a text past the kept buffers");
        assertArrayEquals(CanonicalJson.encodeByTree(longer), CanonicalText.encode(longer), "the next one after it");
    }

    @Test
    void charactersBeyondTheBmpAreLeftToTheTreePath() {
        // Jackson writes them as two \\u escapes, in names and in values; the tree path decides.
        for (String text : List.of("{\"a\":{\"\uD83C\uDFB0\":true}}", "[\"\uD83C\uDFB0\"]")) {
            assertNull(CanonicalText.encode(text), text);
            assertTrue(new String(CanonicalJson.encode(text), java.nio.charset.StandardCharsets.UTF_8)
                    .contains("\\uD83C\\uDFB0"), text);
        }
    }

    @Property(tries = 3000)
    void randomTextsGiveTheTreePathsBytesOrAreLeftToIt(@ForAll("texts") String text) {
        sameAsTheTreePath(text);
    }

    @Property(tries = 2000)
    void damagedTextsGiveTheTreePathsBytesOrAreLeftToIt(@ForAll("texts") String text, @ForAll long seed) {
        Random random = new Random(seed);
        StringBuilder damaged = new StringBuilder(text);
        int edits = 1 + random.nextInt(3);
        String alphabet = "{}[]\",:-0.e \\x\u00e9\ud83c";
        for (int i = 0; i < edits && damaged.length() > 0; i++) {
            int at = random.nextInt(damaged.length());
            switch (random.nextInt(3)) {
                case 0 -> damaged.deleteCharAt(at);
                case 1 -> damaged.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
                default -> damaged.setCharAt(at, alphabet.charAt(random.nextInt(alphabet.length())));
            }
        }
        sameAsTheTreePath(damaged.toString());
    }

    @Provide
    Arbitrary<String> texts() {
        return value(3);
    }

    private static Arbitrary<String> value(int depth) {
        Arbitrary<String> scalar = Arbitraries.oneOf(
                Arbitraries.of("true", "false", "null", "0", "-0", "7", "-12", "1.5", "2e3", "00",
                        "123456789012345678", "1234567890123456789", "-9223372036854775808"),
                Arbitraries.longs().map(n -> Long.toString(n)),
                name().map(n -> "\"" + n + "\""));
        if (depth == 0) {
            return scalar;
        }
        Arbitrary<String> array = value(depth - 1).list().ofMaxSize(4)
                .flatMap(items -> space().map(s -> "[" + s + String.join("," + s, items) + s + "]"));
        Arbitrary<String> member = net.jqwik.api.Combinators.combine(name(), value(depth - 1), space())
                .as((n, v, s) -> "\"" + n + "\"" + s + ":" + s + v);
        Arbitrary<String> object = member.list().ofMaxSize(5)
                .flatMap(items -> space().map(s -> "{" + s + String.join("," + s, items) + s + "}"));
        return Arbitraries.oneOf(scalar, array, object, object);
    }

    private static Arbitrary<String> name() {
        return Arbitraries.oneOf(
                Arbitraries.of("a", "b", "B", "ab", "wins", "window", "é", "\u20ac", "\uD83C\uDFB0", "\uFFFD", "",
                        "x\\\"y", "\\u0062", "tab\\t", "\u007f", "\u0080\u009f", "a b", "/"),
                Arbitraries.strings().withCharRange(' ', '\u00ff').ofMaxLength(3)
                        .map(s -> s.replace("\\", "").replace("\"", "")));
    }

    private static Arbitrary<String> space() {
        return Arbitraries.of("", "", "", " ", "\n  ", "\t", "\r\n");
    }
}
