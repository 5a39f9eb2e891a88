package io.fairspin.math.slot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fairspin.math.ExactFigures;
import io.fairspin.math.Fraction;
import io.fairspin.math.GameModels;
import io.fairspin.math.RoundOutcome;
import io.fairspin.math.slot.picks.BonusPrizes;
import io.fairspin.rng.DrbgStream;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A random number of picks (examples/buoy-bonus.json: 2, 3 or 4 picks weighted 6:3:1, each buoy hiding one
 * prize from a weighted table). Every exact figure is checked against the brute force written apart from the
 * engine ({@link NaiveSlot} over all 16^5 stop combinations, {@link IndependentFigures} enumerating each pick
 * count with its weight and each prize sequence of the picked buoys); the bonus return is also checked to be
 * the weighted sum of the returns of the same game with 2, 3 and 4 fixed picks, and a bonus to pay on average
 * E[picks] x E[prize], here 2.5 x 13.8 = 34.5 line bets.
 */
class RandomPicksTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void exactFiguresEqualTheBruteForce() throws Exception {
        SlotGame game = Examples.slot("buoy-bonus.json");
        NaiveSlot naive = new NaiveSlot(Examples.example("buoy-bonus.json"));
        Map<Long, Fraction> award = IndependentFigures.bonusAward(naive, naive.model.get("bonus"));
        assertEquals(award, BonusPrizes.of(game.model.bonus()).distribution, "one bonus round's award");
        Fraction mean = award.entrySet().stream().map(e -> e.getValue().multiply(e.getKey()))
                .reduce(Fraction.ZERO, Fraction::add);
        assertEquals(Fraction.of(345, 10), mean, "E[picks] x E[prize] = 2.5 x 13.8 line bets");
        IndependentFigures expected = IndependentFigures.of(naive);
        ExactFigures exact = game.exactFigures().orElseThrow();
        assertEquals(expected.exactRtp, exact.rtp(), "rtp");
        assertEquals(expected.exactByWinType, exact.rtpByWinType(), "rtp by win type (lines, bonus)");
        assertEquals(expected.exactFeatureFrequencies, exact.featureFrequencies(), "bonus frequency");
        assertEquals(expected.exactHitFrequency, exact.hitFrequency(), "hit frequency");
        assertEquals(expected.exactVariance, exact.variance(), "variance");
    }

    private static SlotGame withPicks(ObjectNode model, int picks) throws Exception {
        ObjectNode copy = model.deepCopy();
        ((ObjectNode) copy.get("bonus")).put("picks", picks);
        return (SlotGame) GameModels.load("fixed.json", JSON.writeValueAsBytes(copy));
    }

    @Test
    void theBonusReturnIsTheMixtureOfTheFixedPickReturns() throws Exception {
        ObjectNode model = (ObjectNode) JSON.readTree(Files.readString(Examples.example("buoy-bonus.json")));
        SlotGame game = Examples.slot("buoy-bonus.json");
        int bonus = game.winTypes().indexOf("bonus");
        Fraction mixture = Fraction.ZERO;
        int[] picks = {2, 3, 4};
        int[] weights = {6, 3, 1};
        for (int i = 0; i < picks.length; i++) {
            mixture = mixture.add(withPicks(model, picks[i]).exactFigures().orElseThrow().rtpByWinType().get(bonus)
                    .multiply(Fraction.of(weights[i], 10)));
        }
        ExactFigures exact = game.exactFigures().orElseThrow();
        assertEquals(mixture, exact.rtpByWinType().get(bonus));
        // The bonus return is E[bonus lines per round] x E[award]: against the one-pick game (E[award] = E[prize]
        // = 13.8 line bets) the ratio is E[picks] = 2.5, so a bonus pays 34.5 line bets on average.
        SlotGame onePick = withPicks(model, 1);
        Fraction perPrize = onePick.exactFigures().orElseThrow().rtpByWinType().get(bonus);
        assertEquals(Fraction.of(345, 138), exact.rtpByWinType().get(bonus).divide(perPrize));
    }

    /** Rounds show 2 to 4 picks, about as often as weighted; the fast path's RTP agrees with the exact one. */
    @Test
    void playDrawsThePicksFirstAndSimulatesToTheExactRtp() throws Exception {
        SlotGame game = Examples.slot("buoy-bonus.json");
        int[] seen = new int[5];
        try (DrbgStream stream = PlayTest.stream(9)) {
            for (int i = 0; i < 20_000; i++) {
                SpinResult result = game.play(new SlotGame.Bet(2, 10), stream);
                for (SpinResult.BonusRound b : result.spins().get(0).bonuses()) {
                    seen[b.picked().size()]++;
                    assertEquals(b.amount(), b.picked().stream().mapToLong(p -> b.items().get(p).get(0)).sum() * 2);
                }
            }
        }
        int bonuses = seen[2] + seen[3] + seen[4];
        assertTrue(bonuses > 200, "bonuses " + bonuses);
        assertEquals(0, seen[0] + seen[1]);
        // 4 picks come with probability 1/10: within 5 standard deviations.
        assertEquals(0.1, seen[4] / (double) bonuses, 5 * Math.sqrt(0.09 / bonuses));
        ExactFigures exact = game.exactFigures().orElseThrow();
        RoundOutcome outcome = RoundOutcome.forGame(game);
        int rounds = 300_000;
        double total = 0;
        try (DrbgStream stream = PlayTest.stream(10)) {
            for (int i = 0; i < rounds; i++) {
                game.play(stream, outcome);
                total += outcome.win() / (double) outcome.stake();
            }
        }
        assertEquals(exact.rtp().doubleValue(), total / rounds, 5 * Math.sqrt(exact.variance().doubleValue() / rounds));
    }
}
