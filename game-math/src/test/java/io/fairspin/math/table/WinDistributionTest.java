package io.fairspin.math.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fairspin.math.ExactFigures;
import io.fairspin.math.Fraction;
import io.fairspin.math.Game;
import io.fairspin.math.GameModels;
import io.fairspin.math.WinDistribution;
import java.nio.file.Path;
import java.util.Map;
import java.util.SortedMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A table game's exact win distribution (what the simulation's chi-square test uses) agrees with its
 * exact figures, computed separately by the wager: the probabilities sum to 1, the probability of a
 * positive return is the hit frequency, and for games with a fixed stake the mean return over the stake
 * is the RTP. European roulette's standard wager (100 straight up on 17) is also checked by hand: it
 * returns 3600 (35:1 and the stake) on 1 pocket of 37.
 */
class WinDistributionTest {

    @ParameterizedTest
    @ValueSource(strings = {"roulette-european.json", "roulette-american.json", "roulette-french.json",
        "craps.json", "baccarat.json", "keno.json", "three-card-poker.json", "jacks-or-better-9-6.json",
        "deuces-wild.json", "joker-poker.json"})
    void theDistributionAgreesWithTheExactFigures(String model) throws Exception {
        Game game = GameModels.load(Path.of(System.getProperty("fairspin.root", ".."), "examples", model));
        SortedMap<Long, Fraction> wins = ((WinDistribution) game).winDistribution().orElseThrow();
        ExactFigures exact = game.exactFigures().orElseThrow();
        Fraction total = Fraction.ZERO;
        Fraction positive = Fraction.ZERO;
        Fraction mean = Fraction.ZERO;
        for (Map.Entry<Long, Fraction> award : wins.entrySet()) {
            assertTrue(award.getKey() >= 0 && award.getValue().signum() > 0, model + ": " + award);
            total = total.add(award.getValue());
            positive = award.getKey() > 0 ? positive.add(award.getValue()) : positive;
            mean = mean.add(award.getValue().multiply(Fraction.of(award.getKey())));
        }
        assertEquals(Fraction.ONE, total, model);
        assertEquals(exact.hitFrequency(), positive, model);
        if (game.stake() > 0 && !model.startsWith("craps") && !model.startsWith("three-card")) {
            assertEquals(exact.rtp(), mean.multiply(Fraction.of(1, game.stake())), model);
        }
        if (model.equals("roulette-european.json")) {
            assertEquals(Map.of(0L, Fraction.of(36, 37), 3600L, Fraction.of(1, 37)), wins);
        }
    }
}
