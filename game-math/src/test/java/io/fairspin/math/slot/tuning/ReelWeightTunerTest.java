package io.fairspin.math.slot.tuning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fairspin.math.ExactFigures;
import io.fairspin.math.Fraction;
import io.fairspin.math.GameModels;
import io.fairspin.math.ModelException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Tuning a one-reel-set model by one reel's weights. Every figure checked here is the exact figure of the written
 * model's bytes, loaded again with GameModels (not the tuner's own prediction); the figures before tuning, which the
 * tuner derives from its k analyses of altered models, are checked against the original model analysed directly.
 */
class ReelWeightTunerTest {
    private static final Fraction TOLERANCE = Fraction.of(5, 10_000);
    private static final Fraction HALF = Fraction.of(1, 2);

    private static ReelWeightTuner.Targets rtp(String rtp) {
        return new ReelWeightTuner.Targets(ReelSetTuner.decimal(rtp), null, null, null, TOLERANCE);
    }

    private static ExactFigures figures(byte[] model, String variant) {
        return GameModels.load("tuned.json", model, variant).exactFigures().orElseThrow();
    }

    private static void near(Fraction target, Fraction achieved, String what) {
        double distance = Math.abs(achieved.subtract(target).doubleValue());
        assertTrue(distance <= 0.0005, what + ": " + achieved.doubleValue() + " vs " + target.doubleValue());
    }

    /**
     * Sizzling Hot (one reel set, plain strips) to 0.94: the written model's exact RTP is within 0.0005 (in fact within
     * about 1e-6, the rounding of weights scaled by a million); its strips are unchanged, the middle reel is now a
     * virtual reel; and the RTP and hit frequency before, which the tuner reconstructs from two analyses of altered
     * models, equal the original model's (1868274/1953125 and 1219584/9765625, par's figures).
     */
    @Test
    void tunesAModelWithOneReelSet() throws Exception {
        byte[] model = ReelSetTunerTest.example("sizzling-hot.json");
        ReelWeightTuner.Result result = ReelWeightTuner.tune("sizzling-hot.json", model, null, List.of(rtp("0.94")), HALF,
                new int[0], "--target-rtp");
        assertEquals(Fraction.of(1868274, 1953125), result.rtpBefore());
        assertEquals(Fraction.of(1219584, 9765625), result.hitFrequencyBefore());
        assertEquals(figures(model, null).rtp(), result.rtpBefore());
        Fraction written = figures(result.model(), null).rtp();
        assertEquals(written, result.tuned().get(0).figures().rtp());
        assertTrue(Math.abs(written.doubleValue() - 0.94) < 1e-7, "" + written.doubleValue());
        assertEquals(2, result.reels()[0]);
        String text = new String(result.model(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(text.contains("\"weightedRow\" : 1"), text);
        for (ReelWeightTuner.SymbolWeight s : result.tuned().get(0).symbols()) {
            double ratio = s.after().doubleValue() / s.before().doubleValue();
            assertTrue(ratio > 0.3 && ratio < 3, s.toString()); // each weight moved at most x1.5 / x0.5, shares by at most 3x
        }
    }

    /** Three variants of Sizzling Hot in one file: each variant, loaded from the written bytes, is within 0.0005. */
    @Test
    void writesVariantsOfAModelWithOneReelSet() throws Exception {
        List<String> names = List.of("92", "94", "96");
        ReelWeightTuner.Result result = ReelWeightTuner.tune("sizzling-hot.json",
                ReelSetTunerTest.example("sizzling-hot.json"), names, List.of(rtp("0.92"), rtp("0.94"), rtp("0.96")),
                HALF, new int[0], "--variants");
        assertEquals(names, GameModels.variants("tuned.json", result.model()));
        for (int i = 0; i < names.size(); i++) {
            near(ReelSetTuner.decimal("0." + names.get(i)), figures(result.model(), names.get(i)).rtp(), names.get(i));
        }
        // The top level is untouched: its RTP is the original's.
        assertEquals(Fraction.of(1868274, 1953125), figures(result.model(), null).rtp());
    }

    /**
     * RTP and hit frequency at once (three groups): both within 1e-5 in the written model (the original's hit frequency,
     * 0.124885, is 0.0009 away from the target), and a volatility index band held.
     */
    @Test
    void meetsHitFrequencyAndVolatility() throws Exception {
        Fraction hit = ReelSetTuner.decimal("0.1258");
        ReelWeightTuner.Targets targets = new ReelWeightTuner.Targets(ReelSetTuner.decimal("0.95"), hit,
                Fraction.of(9), Fraction.of(20), TOLERANCE);
        ReelWeightTuner.Result result = ReelWeightTuner.tune("sizzling-hot.json",
                ReelSetTunerTest.example("sizzling-hot.json"), null, List.of(targets), HALF, new int[0], "--target-rtp");
        ExactFigures f = figures(result.model(), null);
        near(ReelSetTuner.decimal("0.95"), f.rtp(), "RTP");
        near(hit, f.hitFrequency(), "hit frequency");
        assertTrue(Math.abs(f.hitFrequency().subtract(hit).doubleValue()) < 1e-5, "" + f.hitFrequency().doubleValue());
        assertTrue(Math.abs(f.rtp().doubleValue() - 0.95) < 1e-5, "" + f.rtp().doubleValue());
        double vi = 1.6448536269514722 * Math.sqrt(f.variance().doubleValue());
        assertTrue(vi >= 9 && vi <= 20, "VI " + vi);
    }

    /** Targets out of reach name the option and the exact reachable range. */
    @Test
    void refusesTargetsOutOfReach() throws Exception {
        byte[] model = ReelSetTunerTest.example("sizzling-hot.json");
        ModelException rtp = assertThrows(ModelException.class, () -> ReelWeightTuner.tune("sizzling-hot.json", model,
                null, List.of(rtp("0.5")), HALF, new int[0], "--target-rtp"));
        assertTrue(rtp.getMessage().contains("--target-rtp: the RTP 0.500000 is outside what can be reached"), rtp.getMessage());
        ModelException hit = assertThrows(ModelException.class, () -> ReelWeightTuner.tune("sizzling-hot.json", model,
                null, List.of(new ReelWeightTuner.Targets(ReelSetTuner.decimal("0.95"), ReelSetTuner.decimal("0.9"), null,
                        null, TOLERANCE)), HALF, new int[0], "--target-rtp"));
        assertTrue(hit.getMessage().contains("--hit-frequency 0.900000: at RTP 0.950000 the hit frequency reachable"),
                hit.getMessage());
        ModelException vi = assertThrows(ModelException.class, () -> ReelWeightTuner.tune("sizzling-hot.json", model,
                null, List.of(new ReelWeightTuner.Targets(ReelSetTuner.decimal("0.95"), null, Fraction.of(100),
                        Fraction.of(200), TOLERANCE)), HALF, new int[0], "--target-rtp"));
        assertTrue(vi.getMessage().contains("--volatility-index 100..200"), vi.getMessage());
    }

    /**
     * Mega Dragon plays its free games on the base game's reel set: the tuned model bases its spins on a copy
     * ("base-tuned") and its free games keep "base" unchanged; the written model's RTP is within 0.0005 of the target,
     * though its reels' random heights leave room for weights scaled by only 100 (the model's cycle stays within 2^62).
     */
    @Test
    void aSetFreeGamesShareIsCopied() throws Exception {
        byte[] model = ReelSetTunerTest.example("mega-dragon.json");
        ReelWeightTuner.Result result = ReelWeightTuner.tune("mega-dragon.json", model, null, List.of(rtp("0.95")), HALF,
                new int[0], "--target-rtp");
        Fraction rtp = figures(result.model(), null).rtp();
        assertTrue(Math.abs(rtp.doubleValue() - 0.95) <= 0.0005, "" + rtp.doubleValue());
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        var before = json.readTree(model);
        var after = json.readTree(result.model());
        assertEquals("base-tuned", after.get("baseReels").asText());
        assertEquals(before.get("reelSets").get("base"), after.get("reelSets").get("base"));
        assertEquals(before.get("freeGames"), after.get("freeGames"));
    }

    /**
     * Several reels at once: within --max-change 0.05 the middle reel of Sizzling Hot alone cannot bring the RTP to
     * 0.946 (refused, naming the option), but reels 3, 2 and 4 in turn can: the written model's exact RTP is within
     * 0.0005, reel 3 is set at a vertex of its bounds, and every tuned weight is within 5% of its scaled original.
     */
    @Test
    void severalReelsReachWhatOneCannot() throws Exception {
        byte[] model = ReelSetTunerTest.example("sizzling-hot.json");
        Fraction small = Fraction.of(5, 100);
        ModelException one = assertThrows(ModelException.class, () -> ReelWeightTuner.tune("sizzling-hot.json", model,
                null, List.of(rtp("0.946")), small, new int[] {2}, "--target-rtp"));
        assertTrue(one.getMessage().contains("--target-rtp: the RTP 0.946000 is outside what can be reached"),
                one.getMessage());
        ReelWeightTuner.Result result = ReelWeightTuner.tune("sizzling-hot.json", model, null, List.of(rtp("0.946")), small,
                new int[] {2, 1, 3}, "--target-rtp");
        Fraction written = figures(result.model(), null).rtp();
        near(ReelSetTuner.decimal("0.946"), written, "RTP");
        var after = new com.fasterxml.jackson.databind.ObjectMapper().readTree(result.model()).get("reelSets").get("base");
        java.util.Set<Integer> tunedReels = new java.util.TreeSet<>();
        for (ReelWeightTuner.SymbolWeight s : result.tuned().get(0).symbols()) {
            tunedReels.add(s.reel());
        }
        assertTrue(tunedReels.size() >= 2 && tunedReels.contains(2), tunedReels.toString());
        for (int r : tunedReels) {
            long least = Long.MAX_VALUE;
            long most = 0;
            for (var w : after.get(r).get("weights")) {
                least = Math.min(least, w.asLong());
                most = Math.max(most, w.asLong());
            }
            assertTrue(most * 95 <= least * 105 + 105, "reel " + (r + 1) + " weights " + least + " to " + most);
        }
    }
}
