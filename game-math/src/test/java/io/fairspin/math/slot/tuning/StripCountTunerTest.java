package io.fairspin.math.slot.tuning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fairspin.math.ExactFigures;
import io.fairspin.math.Fraction;
import io.fairspin.math.GameModels;
import io.fairspin.math.ModelException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Tuning plain strips by their symbol counts. Every figure checked is the written model's, read from its bytes: by the
 * engine's exact analysis (as {@code par} does) for the examples, and by a brute force written here, apart from the
 * tuner and the engine, for a small model.
 */
class StripCountTunerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Fraction TOLERANCE = Fraction.of(5, 10_000);
    private static final Fraction HALF = Fraction.of(1, 2);

    private static ReelWeightTuner.Targets rtp(String rtp, Fraction tolerance) {
        return new ReelWeightTuner.Targets(ReelSetTuner.decimal(rtp), null, null, null, tolerance);
    }

    /**
     * Sizzling Hot's middle strip tuned to three RTPs: each variant of the written file, analysed from its bytes, is
     * within 0.0005 of its target; the tuned strip is still a plain strip of 25 stops; only the listed stops differ from
     * the original, each by the symbol the result says; every symbol's count moved by at most half of itself; no
     * other reel changed; and the top level is untouched.
     */
    @Test
    void tunesSizzlingHotsMiddleStripIntoVariants() throws Exception {
        byte[] model = ReelSetTunerTest.example("sizzling-hot.json");
        List<String> names = List.of("92", "94", "96");
        StripCountTuner.Result result = StripCountTuner.tune("sizzling-hot.json", model, names,
                List.of(rtp("0.92", TOLERANCE), rtp("0.94", TOLERANCE), rtp("0.96", TOLERANCE)), HALF, new int[0],
                "--variants");
        JsonNode before = JSON.readTree(model).get("reelSets").get("base");
        JsonNode written = JSON.readTree(result.model());
        assertEquals(Fraction.of(1868274, 1953125), GameModels.load("t.json", result.model(), null).exactFigures()
                .orElseThrow().rtp());
        for (int v = 0; v < names.size(); v++) {
            String name = names.get(v);
            ExactFigures f = GameModels.load("t.json", result.model(), name).exactFigures().orElseThrow();
            assertTrue(Math.abs(f.rtp().doubleValue() - Integer.parseInt(name) / 100.0) <= 0.0005, name + " " + f.rtp());
            assertEquals(f.rtp(), result.tuned().get(v).figures().rtp());
            JsonNode after = written.get("variants").get(name).get("reelSets").get("base");
            for (int r = 0; r < 5; r++) {
                if (r != 2) {
                    assertEquals(before.get(r), after.get(r), "reel " + (r + 1) + " kept");
                }
            }
            JsonNode strip = after.get(2);
            assertTrue(strip.isArray() && strip.size() == 25, strip.toString());
            Map<String, String> listed = new HashMap<>();
            result.tuned().get(v).stops().forEach(c -> listed.put(c.path(), c.before() + ">" + c.after()));
            Map<String, Integer> countBefore = new HashMap<>();
            Map<String, Integer> countAfter = new HashMap<>();
            for (int i = 0; i < 25; i++) {
                String was = before.get(2).get(i).asText();
                String now = strip.get(i).asText();
                countBefore.merge(was, 1, Integer::sum);
                countAfter.merge(now, 1, Integer::sum);
                String path = "$.reelSets.base[2][" + i + "]";
                assertEquals(was.equals(now) ? null : was + ">" + now, listed.get(path), path);
            }
            assertEquals(listed.size(), result.tuned().get(v).stops().size());
            for (var e : countBefore.entrySet()) {
                int moved = Math.abs(countAfter.getOrDefault(e.getKey(), 0) - e.getValue());
                assertTrue(moved <= e.getValue() / 2, name + " " + e.getKey() + " moved " + moved);
            }
            assertTrue(countBefore.keySet().containsAll(countAfter.keySet()), "no symbol the strip lacked");
        }
    }

    /** A target the counts cannot reach is refused naming the option and the range, before anything is written. */
    @Test
    void refusesATargetOutOfReach() throws Exception {
        byte[] model = ReelSetTunerTest.example("sizzling-hot.json");
        ModelException e = assertThrows(ModelException.class, () -> StripCountTuner.tune("sizzling-hot.json", model, null,
                List.of(rtp("0.5", TOLERANCE)), HALF, new int[0], "--target-rtp"));
        assertTrue(e.getMessage().contains("$.reelSets.base[2]: --target-rtp: the RTP 0.500000 is outside what can be"
                + " reached by changing at most --max-change 0.5 of each symbol's stops on $.reelSets.base[2]: about"),
                e.getMessage());
        ModelException virtual = assertThrows(ModelException.class, () -> StripCountTuner.tune("classic-sevens.json",
                ReelSetTunerTest.example("classic-sevens.json"), null, List.of(rtp("0.9", TOLERANCE)), HALF, new int[0],
                "--target-rtp"));
        assertTrue(virtual.getMessage().contains("virtual reel"), virtual.getMessage());
    }

    /**
     * Several strips of a small model (3 reels of 10 stops, 3 rows, 4 lines, a scatter paying for 3 and counted once
     * per reel) tuned together: the written model's RTP and hit frequency, computed by {@link #bruteForce} over every
     * stop combination from the written bytes, equal what the tuner reports (its figures are the engine's analysis of
     * those bytes), and the RTP is within the tolerance of the target; no window of a tuned strip shows two scatters.
     */
    @Test
    void aSmallModelTunedOnSeveralStripsAgreesWithABruteForce() throws Exception {
        String tiny = """
                {"type": "slot", "id": "tiny", "name": "tiny", "rows": 3, "symbols": ["a", "b", "c", "s"],
                 "reelSets": {"base": [
                   ["a", "c", "b", "c", "s", "c", "b", "c", "a", "b"],
                   ["c", "a", "c", "b", "a", "c", "s", "b", "c", "c"],
                   ["b", "c", "a", "c", "c", "b", "s", "c", "a", "c"]]},
                 "baseReels": "base",
                 "paylines": [[1, 1, 1], [0, 0, 0], [2, 2, 2], [0, 1, 2]],
                 "pays": [{"symbol": "a", "pays": [0, 0, 40]}, {"symbol": "b", "pays": [0, 0, 15]},
                          {"symbol": "c", "pays": [0, 1, 4]}],
                 "scatters": [{"symbol": "s", "count": "per-reel", "pays": [0, 0, 5]}],
                 "bet": {"lineBet": 1, "lines": 4}}
                """;
        byte[] model = tiny.getBytes(StandardCharsets.UTF_8);
        Fraction[] original = bruteForce(model);
        assertEquals(original[0], GameModels.load("tiny.json", model, null).exactFigures().orElseThrow().rtp());
        Fraction tolerance = Fraction.of(1, 100);
        Fraction target = Fraction.of(original[0].multiply(Fraction.of(85, 100)).multiply(100).numerator()
                .divide(original[0].multiply(Fraction.of(85, 100)).multiply(100).denominator()), BigInteger.valueOf(100));
        StripCountTuner.Result result = StripCountTuner.tune("tiny.json", model, null,
                List.of(new ReelWeightTuner.Targets(target, null, null, null, tolerance)), Fraction.of(9, 10),
                new int[] {1, 0, 2}, "--target-rtp");
        Fraction[] tuned = bruteForce(result.model());
        assertEquals(tuned[0], result.tuned().get(0).figures().rtp());
        assertEquals(tuned[1], result.tuned().get(0).figures().hitFrequency());
        assertTrue(ReelWeightTuner.distance(tuned[0], target).compareTo(tolerance) <= 0,
                tuned[0].doubleValue() + " vs " + target.doubleValue());
        assertTrue(!result.tuned().get(0).stops().isEmpty(), "something changed");
        JsonNode reels = JSON.readTree(result.model()).get("reelSets").get("base");
        for (JsonNode strip : reels) {
            assertEquals(10, strip.size());
            for (int i = 0; i < 10; i++) {
                if (strip.get(i).asText().equals("s")) {
                    for (int d = 1; d < 3; d++) {
                        assertTrue(!strip.get((i + d) % 10).asText().equals("s"), "two scatters in a window: " + strip);
                    }
                }
            }
        }
    }

    /**
     * RTP and hit frequency (per round) of a line-and-scatter model with plain strips, by visiting every stop
     * combination: a line pays its symbol's pay for the run of that symbol from the leftmost reel (no wilds), the
     * scatter pays per reel showing it anywhere in the window, in total bets. Written from the model format's
     * description, not from the engine.
     */
    static Fraction[] bruteForce(byte[] json) throws Exception {
        JsonNode root = JSON.readTree(json);
        int rows = root.get("rows").asInt();
        List<List<String>> strips = new ArrayList<>();
        for (JsonNode strip : root.get("reelSets").get(root.get("baseReels").asText())) {
            List<String> stops = new ArrayList<>();
            strip.forEach(s -> stops.add(s.asText()));
            strips.add(stops);
        }
        Map<String, long[]> pays = new HashMap<>();
        for (JsonNode pay : root.get("pays")) {
            long[] p = new long[pay.get("pays").size()];
            for (int i = 0; i < p.length; i++) {
                p[i] = pay.get("pays").get(i).asLong();
            }
            pays.put(pay.get("symbol").asText(), p);
        }
        JsonNode scatter = root.get("scatters").get(0);
        int lines = root.get("paylines").size();
        int reels = strips.size();
        long total = 0;
        long hits = 0;
        long combos = 0;
        int[] stop = new int[reels];
        while (true) {
            long win = 0;
            for (JsonNode line : root.get("paylines")) {
                String first = strips.get(0).get((stop[0] + line.get(0).asInt()) % strips.get(0).size());
                int run = 1;
                while (run < reels && strips.get(run).get((stop[run] + line.get(run).asInt()) % strips.get(run).size())
                        .equals(first)) {
                    run++;
                }
                long[] p = pays.get(first);
                win += p == null ? 0 : p[run - 1];
            }
            int count = 0;
            for (int r = 0; r < reels; r++) {
                boolean shows = false;
                for (int j = 0; j < rows; j++) {
                    shows |= strips.get(r).get((stop[r] + j) % strips.get(r).size()).equals(scatter.get("symbol").asText());
                }
                count += shows ? 1 : 0;
            }
            if (count > 0) {
                win += scatter.get("pays").get(Math.min(count, scatter.get("pays").size()) - 1).asLong() * lines;
            }
            total += win;
            hits += win > 0 ? 1 : 0;
            combos++;
            int r = reels - 1;
            while (r >= 0 && ++stop[r] == strips.get(r).size()) {
                stop[r] = 0;
                r--;
            }
            if (r < 0) {
                break;
            }
        }
        return new Fraction[] {Fraction.of(total, combos * lines), Fraction.of(hits, combos)};
    }
}
