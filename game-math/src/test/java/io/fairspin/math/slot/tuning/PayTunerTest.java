package io.fairspin.math.slot.tuning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fairspin.math.Fraction;
import io.fairspin.math.GameModels;
import io.fairspin.math.ModelException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Tuning by pays with the reels kept. The RTPs checked are those of the written model's bytes loaded again; the pays are
 * checked against the bounds and the order (non-decreasing in the count) read from the files themselves.
 */
class PayTunerTest {
    private static final Fraction TOLERANCE = Fraction.of(5, 10_000);
    private static final Fraction QUARTER = Fraction.of(1, 4);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void tunesSizzlingHotsPaysIntoVariants() throws Exception {
        byte[] model = ReelSetTunerTest.example("sizzling-hot.json");
        List<String> names = List.of("92", "94", "96");
        PayTuner.Result result = PayTuner.tune("sizzling-hot.json", model, names, List.of(ReelSetTuner.decimal("0.92"),
                ReelSetTuner.decimal("0.94"), ReelSetTuner.decimal("0.96")), TOLERANCE, QUARTER, "--variants");
        JsonNode before = JSON.readTree(model);
        JsonNode after = JSON.readTree(result.model());
        assertEquals(before.get("reelSets"), after.get("reelSets"), "the reels are kept");
        for (String name : names) {
            Fraction rtp = GameModels.load("tuned.json", result.model(), name).exactFigures().orElseThrow().rtp();
            assertTrue(Math.abs(rtp.doubleValue() - Integer.parseInt(name) / 100.0) <= 0.0005, name + ": " + rtp.doubleValue());
            JsonNode pays = after.get("variants").get(name).get("pays");
            for (int i = 0; i < pays.size(); i++) {
                JsonNode was = before.get("pays").get(i).get("pays");
                JsonNode now = pays.get(i).get("pays");
                for (int k = 0; k < now.size(); k++) {
                    long p = was.get(k).asLong();
                    long q = now.get(k).asLong();
                    assertTrue(p == 0 ? q == 0 : q >= Math.ceil(p * 0.75) && q <= Math.floor(p * 1.25), name + " " + p + "->" + q);
                    assertTrue(k == 0 || now.get(k - 1).asLong() <= q, name + ": " + now);
                }
            }
            // Pays that were equal stay equal: the line pays of one value all have one value after.
            java.util.Map<Long, java.util.Set<Long>> afterByBefore = new java.util.HashMap<>();
            for (int i = 0; i < pays.size(); i++) {
                for (int k = 0; k < pays.get(i).get("pays").size(); k++) {
                    long p = before.get("pays").get(i).get("pays").get(k).asLong();
                    afterByBefore.computeIfAbsent(p, x -> new java.util.TreeSet<>()).add(pays.get(i).get("pays").get(k).asLong());
                }
            }
            afterByBefore.forEach((p, q) -> assertEquals(1, q.size(), name + ": the pays of " + p + " became " + q));
        }
    }

    /** Lucky Wilds (wild x2 lines, free games x3, a 2,500 x cap) to 0.94: within 0.0005, by the written file. */
    @Test
    void tunesAGameWithWildsFreeGamesAndACap() throws Exception {
        PayTuner.Result result = PayTuner.tune("lucky-wilds.json", ReelSetTunerTest.example("lucky-wilds.json"), null,
                List.of(ReelSetTuner.decimal("0.94")), TOLERANCE, QUARTER, "--target-rtp");
        Fraction rtp = GameModels.load("tuned.json", result.model()).exactFigures().orElseThrow().rtp();
        assertTrue(Math.abs(rtp.doubleValue() - 0.94) <= 0.0005, "" + rtp.doubleValue());
        assertEquals(rtp, result.tuned().get(0).figures().rtp());
    }

    @Test
    void refusesTargetsOutOfReach() throws Exception {
        ModelException e = assertThrows(ModelException.class, () -> PayTuner.tune("sizzling-hot.json",
                ReelSetTunerTest.example("sizzling-hot.json"), null, List.of(ReelSetTuner.decimal("1.5")), TOLERANCE,
                QUARTER, "--target-rtp"));
        assertTrue(e.getMessage().contains("--target-rtp: the RTP 1.500000 is outside what the pays reach within"
                + " --max-change 0.25 with the reels kept"), e.getMessage());
    }

    /** A cascading or hold-and-win slot's pays are not tuned: the refusal says to tune its reels. */
    @Test
    void refusesTheGamesWhosePaysItDoesNotTune() throws Exception {
        for (String name : List.of("tumbling-ways.json", "coin-rush.json")) {
            ModelException e = assertThrows(ModelException.class, () -> PayTuner.tune(name,
                    ReelSetTunerTest.example(name), null, List.of(ReelSetTuner.decimal("0.94")), TOLERANCE, QUARTER,
                    "--target-rtp"));
            assertEquals("$.type", e.jsonPath(), e.getMessage());
            assertTrue(e.getMessage().contains("a cascading or hold-and-win slot: tune its reels (--change weights)"),
                    e.getMessage());
        }
    }

    /**
     * Red White &amp; Blue's per-coin top award (coinPays for 2 and 3 coins) is tuned with the rest: the written model's
     * RTP at the standard wager (1 coin) is within 0.0005 of 0.78; each per-coin pay moved by the pays' common factor,
     * within --max-change; the two pays of 50 stay equal.
     */
    @Test
    void tunesPerCoinPaysWithTheRest() throws Exception {
        byte[] model = ReelSetTunerTest.example("red-white-blue.json");
        PayTuner.Result result = PayTuner.tune("red-white-blue.json", model, null, List.of(ReelSetTuner.decimal("0.78")),
                TOLERANCE, QUARTER, "--target-rtp");
        Fraction rtp = GameModels.load("tuned.json", result.model(), null).exactFigures().orElseThrow().rtp();
        assertTrue(Math.abs(rtp.doubleValue() - 0.78) <= 0.0005, "" + rtp.doubleValue());
        JsonNode before = JSON.readTree(model).get("pays");
        JsonNode after = JSON.readTree(result.model()).get("pays");
        for (String coins : new String[] {"2", "3"}) {
            long p = before.get(0).get("coinPays").get(coins).asLong();
            long q = after.get(0).get("coinPays").get(coins).asLong();
            assertTrue(q != p && q >= Math.ceil(p * 0.75) && q <= Math.floor(p * 1.25), coins + ": " + p + " -> " + q);
        }
        assertEquals(after.get(4).get("pays").get(2), after.get(5).get("pays").get(2), "the pays of 50 stay equal");
    }
}
