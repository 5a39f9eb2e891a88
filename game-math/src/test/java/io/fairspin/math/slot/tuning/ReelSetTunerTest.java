package io.fairspin.math.slot.tuning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fairspin.math.Fraction;
import io.fairspin.math.GameModels;
import io.fairspin.math.ModelException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tuning the weights of base reel sets to a target RTP. */
class ReelSetTunerTest {
    static byte[] example(String name) throws Exception {
        return Files.readAllBytes(Path.of(System.getProperty("fairspin.root", ".."), "examples", name));
    }

    /**
     * fruit-mix.json tuned to 0.94 and 0.95: the written model's exact RTP (computed from scratch) equals the
     * weighted mean of the sets' RTPs alone with the new weights (the linearity the tuner relies on, checked
     * on the whole model), and is within SPAN's step of the target, far inside 0.0005.
     */
    @Test
    void reachesTheTargetExactly() throws Exception {
        byte[] model = example("fruit-mix.json");
        for (String target : new String[] {"0.94", "0.95"}) {
            ReelSetTuner.Result result = ReelSetTuner.tune("fruit-mix.json", model, null, ReelSetTuner.decimal(target));
            Fraction weighted = Fraction.ZERO;
            long total = 0;
            for (ReelSetTuner.SetRtp set : result.sets()) {
                weighted = weighted.add(set.rtp().multiply(set.weightAfter()));
                total += set.weightAfter();
            }
            assertEquals(weighted.divide(total), result.achieved());
            Fraction reloaded = GameModels.load("tuned.json", result.model()).exactFigures().orElseThrow().rtp();
            assertEquals(result.achieved(), reloaded);
            Fraction distance = result.achieved().subtract(ReelSetTuner.decimal(target));
            assertTrue(Math.abs(distance.doubleValue()) < 1e-6, target + ": " + distance.doubleValue());
            assertTrue(new String(result.model(), StandardCharsets.UTF_8).contains("\"reelSet\" : \"tight\""));
        }
    }

    /** Three variants in one model: each variant's exact RTP, loaded from the written file, is its target within 1e-6. */
    @Test
    void writesOneVariantPerTarget() throws Exception {
        List<String> names = List.of("92", "94", "95");
        List<ReelSetTuner.Result> results = ReelSetTuner.tuneVariants("fruit-mix.json", example("fruit-mix.json"), names,
                List.of(ReelSetTuner.decimal("0.92"), ReelSetTuner.decimal("0.94"), ReelSetTuner.decimal("0.95")));
        byte[] written = results.get(0).model();
        assertEquals(names, GameModels.variants("tuned.json", written));
        for (int i = 0; i < names.size(); i++) {
            Fraction rtp = GameModels.load("tuned.json", written, names.get(i)).exactFigures().orElseThrow().rtp();
            assertEquals(results.get(i).achieved(), rtp);
            double target = Double.parseDouble(names.get(i)) / 100;
            assertTrue(Math.abs(rtp.doubleValue() - target) < 1e-6, names.get(i) + ": " + rtp.doubleValue());
        }
        // The top level is left as it was.
        assertEquals(GameModels.load("a.json", example("fruit-mix.json")).exactFigures().orElseThrow().rtp(),
                GameModels.load("tuned.json", written).exactFigures().orElseThrow().rtp());
    }

    @Test
    void refusesWhatItCannotTune() throws Exception {
        ModelException out = assertThrows(ModelException.class,
                () -> ReelSetTuner.tune("fruit-mix.json", example("fruit-mix.json"), null, ReelSetTuner.decimal("0.99")));
        assertTrue(out.getMessage().contains("$.baseReels") && out.getMessage().contains("outside what these reel sets reach"),
                out.getMessage());
        ModelException one = assertThrows(ModelException.class,
                () -> ReelSetTuner.tune("sizzling-hot.json", example("sizzling-hot.json"), null, ReelSetTuner.decimal("0.95")));
        assertTrue(one.getMessage().contains("one reel set (\"base\")"), one.getMessage());
        assertEquals(Fraction.of(96, 100), ReelSetTuner.decimal("0.96"));
    }
}
