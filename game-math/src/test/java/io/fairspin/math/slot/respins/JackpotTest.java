package io.fairspin.math.slot.respins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fairspin.math.AnalysisReport;
import io.fairspin.math.ExactFigures;
import io.fairspin.math.Fraction;
import io.fairspin.math.ModelException;
import io.fairspin.math.RoundOutcome;
import io.fairspin.math.slot.jackpots.ProgressiveMeters;
import io.fairspin.rng.DrbgStream;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Jackpots won in the hold-and-win feature: fixed and progressive, their RTP stated apart, meters in simulation. */
class JackpotTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** {@link HoldAndWinTest#MINI} with a coin value that is a fixed "mini" jackpot of 5 and a progressive "grand" of seed 20. */
    static String withJackpots(String rate) throws Exception {
        ObjectNode root = (ObjectNode) JSON.readTree(HoldAndWinTest.MINI);
        root.set("jackpots", JSON.readTree("[{\"name\": \"mini\", \"amount\": 5}, {\"name\": \"grand\", \"seed\": 20,"
                + " \"rate\": \"" + rate + "\"}]"));
        ObjectNode hw = (ObjectNode) root.get("holdAndWin");
        hw.set("values", JSON.readTree("{\"values\": [1, 2, \"mini\"], \"weights\": [3, 2, 1]}"));
        hw.put("grand", "grand");
        return root.toString();
    }

    static Fraction[] naive(String values) throws Exception {
        return new NaiveHoldAndWin(JSON.readTree(HoldAndWinTest.edit(HoldAndWinTest.MINI, "values",
                "{\"values\": " + values + ", \"weights\": [3, 2, 1]}"))).figures();
    }

    /**
     * At their amount and seed the jackpots pay what numbers would: RTP, variance and hit frequency equal the
     * brute force of the same model with numbers (values 1, 2, 5 and a grand prize of 20). The mini jackpot's
     * own RTP is the brute force's derivative in its amount: 5 x (RTP with 6 - RTP with 5); the grand one's is
     * the brute force's grand prize RTP.
     */
    @Test
    void jackpotRtpEqualsABruteForceAndIsStatedApart() throws Exception {
        HoldAndWinGame game = (HoldAndWinGame) HoldAndWinTest.load(withJackpots("1/100"));
        ExactFigures exact = game.exactFigures().orElseThrow();
        Fraction[] expected = naive("[1, 2, 5]");
        assertEquals(expected[0], exact.rtp());
        assertEquals(expected[1], exact.hitFrequency());
        assertEquals(expected[2], exact.variance());
        assertEquals(List.of("line", "scatter", "hold-and-win", "jackpot mini", "jackpot grand"), game.winTypes());
        Fraction mini = naive("[1, 2, 6]")[0].subtract(expected[0]).multiply(5);
        assertEquals(mini, exact.rtpByWinType().get(3), "mini jackpot RTP");
        assertEquals(expected[7], exact.rtpByWinType().get(4), "grand jackpot RTP at its seed");
        assertEquals(expected[6].subtract(mini), exact.rtpByWinType().get(2), "coin values other than the mini jackpot");
        AnalysisReport report = game.analyze();
        assertTrue(report.tables().get(0).rows().stream().anyMatch(r -> r.equals(List.of(
                AnalysisReport.Cell.text("RTP with progressive contributions"),
                AnalysisReport.Cell.exact(exact.rtp().add(Fraction.of(1, 100)))))), report.tables().get(0).toString());
        AnalysisReport.Table jackpots = report.tables().get(2);
        assertEquals(List.of(AnalysisReport.Cell.text("grand"), AnalysisReport.Cell.text("progressive"),
                new AnalysisReport.Cell.Count(BigInteger.valueOf(20)), AnalysisReport.Cell.exact(Fraction.of(1, 100))),
                jackpots.rows().get(1).subList(0, 4));
    }

    /**
     * Simulated rounds with progressive meters: every contribution is paid or still on the meter (exactly),
     * and each jackpot's win frequency is within 5 binomial standard errors of the PAR sheet's chance.
     * Negative control: the mini jackpot's frequency is far from the grand one's chance.
     */
    @Test
    void metersPayEveryContributionAndJackpotsWinAsOftenAsStated() throws Exception {
        HoldAndWinGame game = (HoldAndWinGame) HoldAndWinTest.load(withJackpots("3/200"));
        AnalysisReport.Table table = game.analyze().tables().get(2);
        double miniChance = ((AnalysisReport.Cell.Exact) table.rows().get(0).get(4)).value().doubleValue();
        double grandChance = ((AnalysisReport.Cell.Exact) table.rows().get(1).get(4)).value().doubleValue();
        ProgressiveMeters meters = game.meters();
        RoundOutcome outcome = RoundOutcome.forGame(game);
        int rounds = 300_000;
        long staked = 0;
        long minis = 0;
        long grands = 0;
        try (DrbgStream stream = HoldAndWinTest.stream(21)) {
            for (int i = 0; i < rounds; i++) {
                game.play(stream, outcome);
                meters.settle(outcome);
                staked += outcome.stake();
                minis += outcome.win(3) > 0 ? 1 : 0;
                grands += outcome.win(4) > 0 ? 1 : 0;
            }
        }
        assertTrue(grands > 0 && meters.paid() > 0);
        // paid + on the meter = 3/200 of every stake, exactly.
        assertEquals(BigInteger.valueOf(staked).multiply(BigInteger.valueOf(3)),
                BigInteger.valueOf(meters.paid()).multiply(BigInteger.valueOf(200)).add(BigInteger.valueOf(meters.growth(1))));
        assertEquals(0, meters.growth(0), "a fixed jackpot has no meter");
        assertEquals(miniChance, minis / (double) rounds, 5 * Math.sqrt(miniChance * (1 - miniChance) / rounds));
        assertEquals(grandChance, grands / (double) rounds, 5 * Math.sqrt(grandChance * (1 - grandChance) / rounds));
        assertTrue(Math.abs(grandChance - minis / (double) rounds) > 20 * Math.sqrt(grandChance / rounds));
    }

    @Test
    void refusesJackpotsItCannotPay() throws Exception {
        String model = withJackpots("1/100");
        assertRefused("$.jackpots[1].rate", "a fraction \"a/b\" in (0, 1)", model.replace("\"1/100\"", "\"3/2\""));
        assertRefused("$.jackpots[1].rate", "a fraction", model.replace("\"1/100\"", "0.01"));
        assertRefused("$.holdAndWin.grand", "unknown jackpot \"major\"", model.replace("\"grand\":\"grand\"", "\"grand\":\"major\""));
        assertRefused("$.jackpots[0]", "is never won", model.replace("\"mini\"],", "3],"));
        assertRefused("$.jackpots[1].name", "duplicate jackpot", model.replace("\"name\":\"grand\"", "\"name\":\"mini\""));
        assertRefused("$.jackpots[0]", "expected \"amount\"", model.replace("\"amount\":5", "\"value\":5"));
    }

    private static void assertRefused(String path, String words, String model) {
        ModelException e = assertThrows(ModelException.class, () -> HoldAndWinTest.load(model));
        assertTrue(e.getMessage().contains(path) && e.getMessage().contains(words), e.getMessage());
    }
}
