package io.fairspin.rng;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The HMAC-SHA256 provably-fair verifier against ../shared/reference/provably-fair/stake-vectors.txt. */
class HmacProvablyFairTest {
    private static final Pattern SEEDS = Pattern.compile("serverSeed=(\\S+) clientSeed=(\\S+)");
    private static final Pattern ROULETTE = Pattern.compile("nonce (\\d+)\\.\\.(\\d+) -> ([\\d ]+)");
    private static final Pattern MINES = Pattern.compile("nonce(\\d+) m=(\\d+) -> \\[([\\d,]+)]");

    private static List<String> section(String name) throws Exception {
        List<String> lines = Files.readAllLines(Reference.path("provably-fair", "stake-vectors.txt"),
                StandardCharsets.US_ASCII);
        List<String> section = new ArrayList<>();
        boolean inside = false;
        for (String line : lines) {
            if (line.startsWith("[")) {
                inside = line.startsWith("[" + name + "]");
            } else if (inside) {
                section.add(line);
            }
        }
        return section;
    }

    private static Matcher seeds(List<String> section) {
        Matcher m = SEEDS.matcher(section.get(0));
        assertTrue(m.find(), section.get(0));
        return m;
    }

    @Test
    void rouletteVectors() throws Exception {
        List<String> section = section("roulette");
        Matcher seeds = seeds(section);
        Matcher spins = ROULETTE.matcher(section.get(1));
        assertTrue(spins.find(), section.get(1));
        int first = Integer.parseInt(spins.group(1));
        int[] expected = Arrays.stream(spins.group(3).trim().split(" ")).mapToInt(Integer::parseInt).toArray();
        assertEquals(Integer.parseInt(spins.group(2)) - first + 1, expected.length);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], HmacProvablyFair.roulette(seeds.group(1), seeds.group(2), first + i, 37),
                    "nonce " + (first + i));
        }
    }

    @Test
    void minesVectors() throws Exception {
        List<String> section = section("mines");
        Matcher seeds = seeds(section);
        int checked = 0;
        for (String line : section.subList(1, section.size())) {
            Matcher m = MINES.matcher(line);
            if (m.find()) {
                int[] expected = Arrays.stream(m.group(3).split(",")).mapToInt(Integer::parseInt).toArray();
                assertArrayEquals(expected, HmacProvablyFair.mines(seeds.group(1), seeds.group(2),
                        Long.parseLong(m.group(1)), 25, Integer.parseInt(m.group(2))), line);
                checked++;
            }
        }
        assertEquals(4, checked);
    }

    @Test
    void floatsHave32BitsAndEightComeFromEachHmacBlock() {
        double[] floats = HmacProvablyFair.floats("server", "client", 1, 20);
        for (double f : floats) {
            assertTrue(f >= 0 && f < 1);
            double scaled = f * 4_294_967_296.0;
            assertEquals(Math.floor(scaled), scaled, "a multiple of 2^-32");
        }
        assertArrayEquals(Arrays.copyOf(floats, 8), HmacProvablyFair.floats("server", "client", 1, 8));
    }
}
