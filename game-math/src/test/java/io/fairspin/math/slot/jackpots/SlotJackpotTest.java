package io.fairspin.math.slot.jackpots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fairspin.math.AnalysisReport;
import io.fairspin.math.ExactFigures;
import io.fairspin.math.Fraction;
import io.fairspin.math.GameModels;
import io.fairspin.math.ModelException;
import io.fairspin.math.PlayedRound;
import io.fairspin.math.RoundOutcome;
import io.fairspin.math.slot.SlotGame;
import io.fairspin.rng.DrbgMechanism;
import io.fairspin.rng.DrbgStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Jackpots in an ordinary line slot: named by a line pay (three wilds win the progressive "grand", three A the
 * fixed "major"), a scatter pay (three stars win the "mini") and a bonus prize ("mini"), in the base game and in
 * free games. Exact figures against {@link NaiveJackpotSlot}, a brute force written apart from the engine.
 */
class SlotJackpotTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static final String MINI = """
            {"type": "slot", "id": "mini-jackpots", "rows": 2,
             "symbols": ["wild", "A", "B", "star", "chest"],
             "wilds": [{"symbol": "wild"}],
             "jackpots": [{"name": "mini", "amount": 2}, {"name": "major", "amount": 5},
                          {"name": "grand", "seed": 20, "rate": "1/100"}],
             "reelSets": {
               "base": [["wild", "A", "B", "star", "chest", "B"], ["A", "wild", "chest", "B", "star", "A"],
                        ["B", "A", "wild", "chest", "star", "B", "A"]],
               "free": [["wild", "A", "B", "star", "B"], ["wild", "A", "B", "chest", "A"], ["A", "wild", "B", "star", "chest"]]},
             "baseReels": "base",
             "paylines": [[0, 0, 0], [1, 1, 1], [0, 1, 0]],
             "pays": [{"symbol": "wild", "pays": [0, 0, "grand"]}, {"symbol": "A", "pays": [0, 2, "major"]},
                      {"symbol": "B", "pays": [0, 1, 4]}],
             "scatters": [{"symbol": "star", "count": "per-reel", "pays": [0, 1, "mini"]}],
             "freeGames": {"scatter": "star", "spins": [0, 0, 2], "reels": "free", "retrigger": false},
             "bonus": {"symbol": "chest", "count": 3, "items": 2, "picks": 1,
                       "prizesPerItem": {"values": [1, 2], "weights": [2, 1]},
                       "prizes": {"values": [3, "mini"], "weights": [5, 1]}},
             "bet": {"lineBet": 1, "lines": 3}}
            """;

    static SlotGame load(String model) {
        return (SlotGame) GameModels.load("mini.json", model.getBytes(StandardCharsets.UTF_8));
    }

    static DrbgStream stream(int seed) {
        byte[] entropy = new byte[32];
        ByteBuffer.wrap(entropy).putInt(seed).putInt(0x14a);
        return new DrbgStream(DrbgMechanism.CTR_AES256.instantiate(entropy, new byte[16], null), 4096);
    }

    /**
     * RTP, hit frequency and variance equal the brute force's round win distribution; each win type's RTP (lines,
     * scatters, free games and bonus without jackpots, then each jackpot at its amount or seed) and each jackpot's
     * wins per round equal the brute force's by linearity; the summary states the contribution apart.
     */
    @Test
    void exactFiguresEqualABruteForce() throws Exception {
        SlotGame game = load(MINI);
        ExactFigures exact = game.exactFigures().orElseThrow();
        NaiveJackpotSlot naive = new NaiveJackpotSlot(JSON.readTree(MINI));
        Map<Long, Fraction> wins = naive.roundWins();
        Fraction mean = Fraction.ZERO;
        Fraction square = Fraction.ZERO;
        for (Map.Entry<Long, Fraction> e : wins.entrySet()) {
            mean = mean.add(e.getValue().multiply(e.getKey()));
            square = square.add(e.getValue().multiply(e.getKey()).multiply(e.getKey()));
        }
        Fraction rtp = mean.divide(3);
        assertEquals(rtp, exact.rtp());
        assertEquals(Fraction.ONE.subtract(wins.getOrDefault(0L, Fraction.ZERO)), exact.hitFrequency());
        assertEquals(square.divide(9).subtract(rtp.multiply(rtp)), exact.variance());
        assertEquals(List.of("line", "scatter", "free-games", "bonus", "jackpot mini", "jackpot major", "jackpot grand"),
                game.winTypes());
        assertEquals(List.of(naive.baseLine().divide(3), naive.baseScatter().divide(3), naive.freeGames().divide(3),
                naive.baseBonus().divide(3), naive.jackpotCredits(0).divide(3), naive.jackpotCredits(1).divide(3),
                naive.jackpotCredits(2).divide(3)), exact.rtpByWinType());
        assertTrue(naive.jackpotCredits(0).signum() > 0 && naive.jackpotCredits(1).signum() > 0
                && naive.jackpotCredits(2).signum() > 0, "every jackpot can be won");

        AnalysisReport report = game.analyze();
        List<List<AnalysisReport.Cell>> summary = report.tables().get(0).rows();
        Fraction jackpotRtp = exact.rtpByWinType().get(4).add(exact.rtpByWinType().get(5)).add(exact.rtpByWinType().get(6));
        assertTrue(summary.contains(List.of(AnalysisReport.Cell.text("RTP without jackpots (lines, scatters and features)"),
                AnalysisReport.Cell.exact(rtp.subtract(jackpotRtp)))), summary.toString());
        assertTrue(summary.contains(List.of(AnalysisReport.Cell.text("RTP with progressive contributions"),
                AnalysisReport.Cell.exact(rtp.add(Fraction.of(1, 100))))), summary.toString());
        AnalysisReport.Table jackpots = report.tables().get(2);
        assertEquals(JackpotReport.TITLE, jackpots.title());
        for (int j = 0; j < 3; j++) {
            assertEquals(AnalysisReport.Cell.exact(naive.jackpotWins(j)), jackpots.rows().get(j).get(4), "wins per round");
            assertEquals(AnalysisReport.Cell.exact(exact.rtpByWinType().get(4 + j)), jackpots.rows().get(j).get(6));
        }
        assertEquals(List.of(AnalysisReport.Cell.text("grand"), AnalysisReport.Cell.text("progressive"),
                new AnalysisReport.Cell.Count(BigInteger.valueOf(20)), AnalysisReport.Cell.exact(Fraction.of(1, 100))),
                jackpots.rows().get(2).subList(0, 4));
    }

    /**
     * examples/jackpot-treasure.json (5x3, 10 lines, free games that retrigger on the base reels, a pick bonus, the
     * grand on five wilds, the major on five stars, the mini as a bonus prize): over all 18^3 x 19^2 stop
     * combinations, every win type's RTP (so the RTP, the RTP without jackpots and each jackpot's RTP), each
     * jackpot's wins per round and the progressive contribution equal the brute force's, by linearity. Free games
     * retrigger, so the round has no finite win distribution: hit frequency and variance are not checked here.
     */
    @Test
    void jackpotTreasureFiguresEqualABruteForce() throws Exception {
        Path file = Paths.get(System.getProperty("fairspin.root", ".."), "examples", "jackpot-treasure.json");
        SlotGame game = (SlotGame) GameModels.load(file);
        NaiveJackpotSlot naive = new NaiveJackpotSlot(JSON.readTree(file.toFile()));
        ExactFigures exact = game.exactFigures().orElseThrow();
        assertEquals(List.of("line", "scatter", "free-games", "bonus", "jackpot mini", "jackpot major", "jackpot grand"),
                game.winTypes());
        List<Fraction> byType = List.of(naive.baseLine(), naive.baseScatter(), naive.freeGames(), naive.baseBonus(),
                naive.jackpotCredits(0), naive.jackpotCredits(1), naive.jackpotCredits(2)).stream()
                .map(f -> f.divide(10)).toList();
        assertEquals(byType, exact.rtpByWinType());
        Fraction rtp = byType.stream().reduce(Fraction.ZERO, Fraction::add);
        Fraction jackpotRtp = byType.get(4).add(byType.get(5)).add(byType.get(6));
        assertEquals(rtp, exact.rtp());
        AnalysisReport report = game.analyze();
        List<List<AnalysisReport.Cell>> summary = report.tables().get(0).rows();
        assertTrue(summary.contains(List.of(AnalysisReport.Cell.text("RTP without jackpots (lines, scatters and features)"),
                AnalysisReport.Cell.exact(rtp.subtract(jackpotRtp)))), summary.toString());
        assertTrue(summary.contains(List.of(AnalysisReport.Cell.text("RTP with progressive contributions"),
                AnalysisReport.Cell.exact(rtp.add(Fraction.of(1, 250))))), summary.toString());
        AnalysisReport.Table jackpots = report.tables().stream().filter(t -> t.title().equals(JackpotReport.TITLE))
                .findFirst().orElseThrow();
        for (int j = 0; j < 3; j++) {
            assertTrue(naive.jackpotWins(j).signum() > 0, "jackpot " + j + " can be won");
            assertEquals(AnalysisReport.Cell.exact(naive.jackpotWins(j)), jackpots.rows().get(j).get(4), "wins per round");
            assertEquals(AnalysisReport.Cell.exact(byType.get(4 + j)), jackpots.rows().get(j).get(6), "jackpot RTP");
        }
    }

    /**
     * Play (the simulation path) and the recorded round pay every win type alike, round by round; meters settle
     * every contribution exactly; each jackpot is won (occurrences: its win over amount x stake) as often as the PAR
     * sheet's wins per round, within 5 standard errors. Negative control: the mini's count is far from the grand's.
     */
    @Test
    void playPaysJackpotsApartAndMetersPayEveryContribution() throws Exception {
        SlotGame game = load(MINI);
        NaiveJackpotSlot naive = new NaiveJackpotSlot(JSON.readTree(MINI));
        for (int seed = 0; seed < 3000; seed++) {
            RoundOutcome played = RoundOutcome.forGame(game);
            try (DrbgStream s = stream(seed)) {
                game.play(s, played);
            }
            PlayedRound recorded;
            try (DrbgStream s = stream(seed)) {
                recorded = game.playRecorded(s);
            }
            for (int t = 0; t < game.winTypes().size(); t++) {
                assertEquals(recorded.outcome().win(t), played.win(t), "seed " + seed + ", " + game.winTypes().get(t));
            }
        }
        ProgressiveMeters meters = game.meters();
        RoundOutcome outcome = RoundOutcome.forGame(game);
        int rounds = 200_000;
        long staked = 0;
        long[] won = new long[3];
        long[] amounts = {2, 5, 20};
        try (DrbgStream stream = stream(-1)) {
            for (int i = 0; i < rounds; i++) {
                game.play(stream, outcome);
                meters.settle(outcome);
                staked += outcome.stake();
                for (int j = 0; j < 3; j++) {
                    assertEquals(0, outcome.win(4 + j) % (amounts[j] * outcome.stake()));
                    won[j] += outcome.win(4 + j) / (amounts[j] * outcome.stake());
                }
            }
        }
        assertTrue(won[2] > 0 && meters.paid() > 0);
        assertEquals(BigInteger.valueOf(staked),
                BigInteger.valueOf(meters.paid()).multiply(BigInteger.valueOf(100)).add(BigInteger.valueOf(meters.growth(2))));
        for (int j = 0; j < 3; j++) {
            double expected = naive.jackpotWins(j).doubleValue() * rounds;
            assertEquals(expected, won[j], 5 * Math.sqrt(expected), "jackpot " + j);
        }
        double grand = naive.jackpotWins(2).doubleValue() * rounds;
        assertTrue(Math.abs(won[0] - grand) > 20 * Math.sqrt(grand));
    }

    @Test
    void refusesJackpotsItCannotPayAsStated() {
        assertRefused("$.jackpots[1]", "is never won", MINI.replace("\"pays\": [0, 2, \"major\"]", "\"pays\": [0, 2, 9]"));
        assertRefused("$.pays[0].pays[2]", "unknown jackpot \"mega\"", MINI.replace("[0, 0, \"grand\"]", "[0, 0, \"mega\"]"));
        assertRefused("$.bonus.prizes.values[1]", "unknown jackpot", MINI.replace("[3, \"mini\"]", "[3, \"minor\"]"));
        assertRefused("$.maxWin", "cut the jackpot", MINI.replace("\"bet\":", "\"maxWin\": 50, \"bet\":"));
        assertRefused("$.freeGames.multiplier", "multiply", MINI.replace("\"retrigger\": false", "\"retrigger\": false, \"multiplier\": 2"));
        assertRefused("$.wilds", "not multiplied", MINI.replace("[{\"symbol\": \"wild\"}]", "[{\"symbol\": \"wild\", \"multiplier\": 2}]"));
        assertRefused("$.jackpots[2].rate", "a fraction", MINI.replace("\"1/100\"", "\"2\""));
        // A bonus prize alone may be a jackpot under a cap and a free-games multiplier: neither applies to it.
        ObjectNode bonusOnly = edit(MINI);
        bonusOnly.set("jackpots", JSON.valueToTree(List.of(Map.of("name", "mini", "amount", 2))));
        bonusOnly.set("pays", JSON.valueToTree(List.of(Map.of("symbol", "B", "pays", List.of(0, 1, 4)))));
        bonusOnly.set("scatters", JSON.valueToTree(List.of(Map.of("symbol", "star", "pays", List.of(0, 1, 3)))));
        bonusOnly.put("maxWin", 50);
        ((ObjectNode) bonusOnly.get("freeGames")).put("multiplier", 2);
        assertEquals(List.of("mini"), load(bonusOnly.toString()).jackpots().stream().map(Jackpot::name).toList());
        // A ways pay is paid once per way: a ways game names its jackpots in scatter pays.
        ObjectNode ways = edit(MINI);
        ways.remove(List.of("paylines", "bonus"));
        ways.put("ways", true);
        ((ObjectNode) ways.get("jackpots").get(0)).put("name", "minor");
        ((ObjectNode) ways.get("scatters").get(0)).set("pays", JSON.valueToTree(List.of(0, 1, "minor")));
        assertRefused("$.pays[0].pays[2]", "once per way", ways.toString());
    }

    private static ObjectNode edit(String model) {
        try {
            return (ObjectNode) JSON.readTree(model);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void assertRefused(String path, String words, String model) {
        ModelException e = assertThrows(ModelException.class, () -> load(model));
        assertTrue(e.getMessage().contains(path) && e.getMessage().contains(words), e.getMessage());
    }
}
