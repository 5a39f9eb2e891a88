package io.fairspin.cert.entropy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.fairspin.cert.Reference;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every figure NIST's {@code ea_non_iid -vv} printed for the files in
 * {@code ../shared/reference/sp800-90b/} (commit 68ed165 of NIST's tool): counts exactly, the rest
 * within a relative 1e-9.
 */
class NistReferenceTest {
    private static final Pattern FIGURE = Pattern.compile("^(Literal|Bitstring) (.+?) Estimate: (.+?) = (\\S+)$");
    private static final Pattern LOADED = Pattern.compile("^Loaded (\\d+) samples of (\\d+) distinct (\\d)-bit-wide symbols$");
    private static final double RELATIVE = 1e-9;

    static Stream<String> files() throws IOException {
        try (Stream<Path> list = Files.list(Reference.path("sp800-90b"))) {
            return list.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".res"))
                    .map(n -> n.substring(0, n.length() - 4)).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("files")
    void everyFigureMatchesNist(String name) throws IOException {
        Path dir = Reference.path("sp800-90b");
        List<String> lines = Files.readAllLines(dir.resolve(name + ".res"));
        Matcher loaded = LOADED.matcher(lines.get(1));
        assertTrue(loaded.matches(), lines.get(1));
        int bits = Integer.parseInt(loaded.group(3));
        EntropySamples samples = EntropySamples.of(Files.readAllBytes(dir.resolve(name + ".bin")), bits);
        assertEquals(Long.parseLong(loaded.group(1)), samples.length());
        assertEquals(Integer.parseInt(loaded.group(2)), samples.alphabetSize());
        NonIidAssessment result = NonIidAssessment.run(samples, 2);
        Map<String, Estimate> byPrefix = new HashMap<>();
        for (Estimate e : result.estimates()) {
            byPrefix.put(e.linePrefix(), e);
        }
        List<String> failures = new ArrayList<>();
        int compared = 0;
        for (String line : lines) {
            Matcher m = FIGURE.matcher(line);
            if (m.matches()) {
                String prefix = m.group(1) + " " + m.group(2) + " Estimate: ";
                Estimate e = byPrefix.get(prefix);
                if (e == null || !e.applicable()) {
                    failures.add(line + "  -> no estimate " + (e == null ? "" : e.notApplicable()));
                    continue;
                }
                String label = m.group(3);
                Number actual = null;
                if (label.equals("min entropy")) {
                    actual = e.minEntropy();
                } else {
                    for (Figure f : e.figures()) {
                        if (f.label().equals(label)) {
                            actual = f.value();
                        }
                    }
                }
                compared++;
                check(failures, line, m.group(4), actual);
            } else if (line.startsWith("H_original: ")) {
                compared++;
                check(failures, line, line.substring(12), result.hOriginal());
            } else if (line.startsWith("H_bitstring = ")) {
                compared++;
                check(failures, line, line.substring(14), result.hBitstring());
            } else if (line.startsWith("Assessed min entropy: ")) {
                compared++;
                check(failures, line, line.substring(22), result.minEntropy());
            } else if (line.contains(" Estimate: ") && line.endsWith(".")) {
                String prefix = line.substring(0, line.indexOf(" Estimate: ") + 11);
                Estimate e = byPrefix.get(prefix);
                String note = line.substring(prefix.length());
                if (e == null || !e.notes().contains(note)) {
                    failures.add(line + "  -> notes " + (e == null ? "none" : e.notes()));
                }
            }
        }
        if (!failures.isEmpty()) {
            fail(name + ": " + failures.size() + " of " + compared + " figures differ:\n" + String.join("\n", failures));
        }
        assertTrue(compared > 40, "compared " + compared);
    }

    private static void check(List<String> failures, String line, String expected, Number actual) {
        if (actual == null) {
            failures.add(line + "  -> missing");
            return;
        }
        if (!expected.contains(".") && !expected.contains("e") && actual instanceof Long) {
            if (Long.parseLong(expected) != actual.longValue()) {
                failures.add(line + "  -> " + actual);
            }
            return;
        }
        double want = Double.parseDouble(expected);
        double got = actual.doubleValue();
        if (!(Math.abs(got - want) <= RELATIVE * Math.abs(want))) {
            failures.add(line + "  -> " + got + " (relative " + Math.abs(got - want) / Math.abs(want) + ")");
        }
    }
}
