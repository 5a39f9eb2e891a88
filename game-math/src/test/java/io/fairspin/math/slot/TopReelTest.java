package io.fairspin.math.slot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fairspin.math.AnalysisReport;
import io.fairspin.math.AnalysisReport.Cell;
import io.fairspin.math.ExactFigures;
import io.fairspin.math.Fraction;
import io.fairspin.math.GameModels;
import io.fairspin.math.ModelException;
import io.fairspin.math.PlayedRound;
import io.fairspin.math.RoundOutcome;
import io.fairspin.math.slot.analysis.MaxWin;
import io.fairspin.math.slot.evaluation.LoggedSpinCheck;
import io.fairspin.rng.DrbgStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The Megaways top reel ({@code "topReel"}) and the cap ({@code "maxWin"}) with random reel heights, against
 * {@link NaiveTopReel}, a brute force written apart from the engine over every top reel stop and every (height,
 * stop) of every reel of a small game.
 */
public class TopReelTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** 4 reels of 1 to 3 rows, a weighted top reel of 6 stops over reels 2 and 3, free games at x2. */
    public static final String MINI = """
        {"type": "slot", "id": "mini-top", "rows": 3, "ways": true,
         "symbols": ["wild", "star", "a", "b", "c"],
         "wilds": [{"symbol": "wild"}],
         "reelSets": {"base": [["a", "b", "star", "c", "a"], ["wild", "a", "c", "b", "star", "c"],
                               ["b", "a", "wild", "c", "star"], ["a", "c", "b", "b", "a"]]},
         "baseReels": "base",
         "reelHeights": [{"values": [1, 2, 3], "weights": [1, 2, 1]}, {"values": [2, 3], "weights": [3, 1]},
                         {"values": [1, 3], "weights": [1, 1]}, {"values": [2, 3], "weights": [1, 2]}],
         "topReel": {"stops": ["a", "wild", "b", "star", "c", "a"], "weights": [2, 1, 2, 1, 3, 1],
                     "firstReel": 2, "lastReel": 3},
         "pays": [{"symbol": "a", "pays": [0, 1, 3, 10]}, {"symbol": "b", "pays": [0, 1, 2, 6]},
                  {"symbol": "c", "pays": [0, 0, 2, 5]}],
         "scatters": [{"symbol": "star", "count": "per-symbol", "pays": [0, 1, 4, 20]}],
         "freeGames": {"scatter": "star", "spins": [0, 0, 3, 5], "reels": "base", "multiplier": 2, "retrigger": false},
         "bet": {"lineBet": 1, "lines": 10}}""";

    static SlotGame load(String model) {
        return (SlotGame) GameModels.load("mini-top.json", model.getBytes(StandardCharsets.UTF_8));
    }

    static String withCap(String model, long cap) {
        return model.replace("\"bet\": {", "\"maxWin\": " + cap + ", \"bet\": {");
    }

    private static Cell value(SlotGame game, String label) {
        return game.analyze().tables().get(0).rows().stream().filter(r -> r.get(0).equals(Cell.text(label)))
                .map(r -> r.get(1)).findFirst().orElseThrow(() -> new AssertionError("no row " + label));
    }

    @Test
    void exactFiguresAndTheLargestWinEqualTheBruteForce() throws Exception {
        SlotGame game = load(MINI);
        NaiveTopReel naive = new NaiveTopReel(JSON.readTree(MINI));
        ExactFigures exact = game.exactFigures().orElseThrow();
        assertEquals(naive.rtp, exact.rtp());
        assertEquals(naive.hit, exact.hitFrequency());
        assertEquals(naive.variance, exact.variance());
        assertEquals(naive.freeFrequency, exact.featureFrequencies().get(game.freeFeature));
        assertEquals(Cell.exact(Fraction.of(naive.maxRoundWin, 10)), value(game, MaxWin.LABEL));
        // The cycle: the top reel's weight total times every reel's (height weight x stops).
        assertEquals(Cell.count(naive.cycle.longValueExact()), value(game, "cycle of reel set base"));
    }

    /** The cap with random heights: counted outcome by outcome (the game fits the budget), exact, cut per spin. */
    @Test
    void aCappedGameIsExactAndItsCapReachable() throws Exception {
        String capped = withCap(MINI, 3);
        SlotGame game = load(capped);
        NaiveTopReel naive = new NaiveTopReel(JSON.readTree(capped));
        NaiveTopReel uncapped = new NaiveTopReel(JSON.readTree(MINI));
        assertTrue(naive.rtp.compareTo(uncapped.rtp) < 0, "the cap must cut something here");
        ExactFigures exact = game.exactFigures().orElseThrow();
        assertEquals(naive.rtp, exact.rtp());
        assertEquals(naive.hit, exact.hitFrequency());
        assertEquals(naive.variance, exact.variance());
        assertEquals(Cell.exact(Fraction.of(naive.maxRoundWin, 10)), value(game, MaxWin.LABEL));
        assertEquals(Cell.count(3), value(game, MaxWin.CAP));
        assertTrue(((Cell.Text) value(game, MaxWin.CAP_REACHABLE)).value().startsWith("yes: "));
    }

    /**
     * A capped game too large to count within the budget (the example with a cap) has no exact figures: its sheet is
     * simulated and says so on every line of its summary.
     */
    @Test
    void aCappedGamePastTheBudgetGetsASimulatedSheet() throws Exception {
        ObjectNode model = (ObjectNode) JSON.readTree(Examples.example("mega-dragon-top.json").toFile());
        model.put("maxWin", 40);
        SlotGame game = (SlotGame) GameModels.load("capped.json", JSON.writeValueAsBytes(model));
        assertTrue(game.exactFigures().isEmpty());
        AnalysisReport sheet = game.analyze();
        assertTrue(sheet.tables().get(0).title().contains("SIMULATED"), sheet.tables().get(0).title());
        List<List<Cell>> rows = sheet.tables().get(0).rows();
        assertTrue(((Cell.Text) rows.get(0).get(1)).value().startsWith("simulated, not exact: random reel heights with"
                + " a maximum-win cap"), rows.get(0).toString());
        for (List<Cell> row : rows) {
            String label = ((Cell.Text) row.get(0)).value();
            if (!label.equals("figures") && !label.equals("stake per round") && !label.startsWith("maximum")) {
                assertTrue(label.contains("simulated"), label);
            }
        }
        assertEquals(Cell.count(40), rows.stream().filter(r -> r.get(0).equals(Cell.text(MaxWin.CAP)))
                .map(r -> r.get(1)).findFirst().orElseThrow());
        // The awards' occurrences do not depend on the cap: still stated, for the monitor's and simulation's tests.
        assertTrue(game.occurrencesPerRound().isPresent());
    }

    /**
     * Play: every recorded spin logs the top reel's stop after the reels' stops and shows its symbols in row 0 above
     * the reels it covers (empty above the others); the recorded win is the brute force's for that window, the
     * allocation-free path fed the same bytes wins the same, and the monitor's check accepts the logged round and
     * flags it with the top reel's stop moved.
     */
    @Test
    void playShowsTheTopReelAndTheLoggedRoundChecksOut() throws Exception {
        String capped = withCap(MINI, 3);
        SlotGame game = load(capped);
        JsonNode m = JSON.readTree(capped);
        NaiveTopReel naive = new NaiveTopReel(m);
        JsonNode top = m.get("topReel").get("stops");
        RoundOutcome outcome = RoundOutcome.forGame(game);
        LoggedSpinCheck check = new LoggedSpinCheck(game);
        long[] awards = new long[check.awards().size()];
        boolean[] topSeen = new boolean[top.size()];
        try (DrbgStream recorded = PlayTest.stream(7); DrbgStream fast = PlayTest.stream(7);
             DrbgStream logged = PlayTest.stream(7)) {
            for (int round = 0; round < 1500; round++) {
                SpinResult result = game.play(new SlotGame.Bet(1, 10), recorded);
                game.play(fast, outcome);
                assertEquals(result.win(), outcome.win(), "round " + round);
                SpinResult.Spin spin = result.spins().get(0);
                assertEquals(5, spin.stops().size());
                assertEquals(4, spin.window().size());
                int t = spin.stops().get(4);
                topSeen[t] = true;
                assertEquals("", spin.window().get(0).get(0));
                assertEquals(top.get(t).asText(), spin.window().get(0).get(1));
                assertEquals(top.get((t + 1) % top.size()).asText(), spin.window().get(0).get(2));
                assertEquals("", spin.window().get(0).get(3));
                int[][] columns = new int[4][];
                for (int r = 0; r < 4; r++) {
                    int height = 0;
                    while (height < 3 && !spin.window().get(1 + height).get(r).isEmpty()) {
                        height++;
                    }
                    columns[r] = naive.column(r, height, spin.stops().get(r), t);
                    for (int j = 0; j < columns[r].length; j++) {
                        int row = r == 1 || r == 2 ? j : j + 1;
                        assertEquals(naive.symbols.get(columns[r][j]), spin.window().get(row).get(r));
                    }
                }
                if (spin.freeGames() == 0) {
                    assertEquals(naive.win(columns), result.win(), "round " + round);
                }
                PlayedRound played = game.playRecorded(logged);
                byte[] bytes = played.detail().getBytes(StandardCharsets.UTF_8);
                assertNull(check.check(bytes, played.outcome().stake(), played.outcome().win(), awards), played.detail());
                ObjectNode tampered = (ObjectNode) JSON.readTree(bytes);
                ArrayNode stops = (ArrayNode) tampered.get("spins").get(0).get("stops");
                stops.set(4, (stops.get(4).asInt() + 1) % top.size());
                String verdict = check.check(JSON.writeValueAsBytes(tampered), played.outcome().stake(),
                        played.outcome().win(), new long[awards.length]);
                // No two neighbouring pairs of the top strip are alike, so the moved stop shows another window.
                assertNotNull(verdict, "a moved top reel must show in the window: " + tampered);
            }
        }
        for (boolean seen : topSeen) {
            assertTrue(seen);
        }
    }

    /**
     * The example: its exact RTP and hit frequency (by moments: past the count's budget) against the fast path's
     * averages over 300,000 seeded rounds, within 5 standard errors (fails by chance with P < 1e-6).
     */
    @Test
    void theExampleSimulatesToItsExactFigures() throws Exception {
        MegawaysTest.simulatesToItsExactFigures(Examples.slot("mega-dragon-top.json"), 21, 300_000);
    }

    @Test
    void aTopReelIsCheckedAgainstTheModel() {
        assertRefused("$.topReel", "a top reel needs random reel heights ($.reelHeights)",
                MINI.replaceAll("(?s)\"reelHeights\": \\[.*?\\}\\],", ""));
        assertRefused("$.topReel.stops[2]", "unknown symbol",
                MINI.replace("\"stops\": [\"a\", \"wild\", \"b\"", "\"stops\": [\"a\", \"wild\", \"zebra\""));
        assertRefused("$.topReel.weights", "expected one weight per stop (6), found 5",
                MINI.replace("\"weights\": [2, 1, 2, 1, 3, 1]", "\"weights\": [2, 1, 2, 1, 3]"));
        assertRefused("$.topReel.lastReel", "expected a reel from firstReel (3) to 4, was 2",
                MINI.replace("\"firstReel\": 2, \"lastReel\": 3", "\"firstReel\": 3, \"lastReel\": 2"));
        assertRefused("$.topReel.firstReel", "expected an integer in [1, 4], was 5",
                MINI.replace("\"firstReel\": 2", "\"firstReel\": 5"));
        assertRefused("$.topReel.side", "side",
                MINI.replace("\"firstReel\": 2", "\"side\": 1, \"firstReel\": 2"));
    }

    /** The reels' strips without their scatters ("star" replaced by "c"): scatters then come from the top reel only. */
    private static String starsOnTopOnly(String topStops) {
        String strips = MINI.substring(MINI.indexOf("\"reelSets\""), MINI.indexOf("\"baseReels\""));
        return MINI.replace(strips, strips.replace("\"star\"", "\"c\""))
                .replace("\"stops\": [\"a\", \"wild\", \"b\", \"star\", \"c\", \"a\"]", "\"stops\": " + topStops);
    }

    /**
     * The model's checks see the top reel: a symbol shown only there is not "never shown", scatters shown only there
     * can start the free games (and the figures then equal the brute force's), and free games that would retrigger
     * forever from the top reel's scatters alone are refused.
     */
    @Test
    void theModelChecksCountTheTopReel() throws Exception {
        String gem = MINI.replace("\"symbols\": [\"wild\", \"star\", \"a\", \"b\", \"c\"]",
                "\"symbols\": [\"wild\", \"star\", \"a\", \"b\", \"c\", \"gem\"]")
                .replace("\"stops\": [\"a\", \"wild\", \"b\", \"star\", \"c\", \"a\"]",
                        "\"stops\": [\"a\", \"wild\", \"b\", \"star\", \"c\", \"gem\"]");
        assertEquals(List.of(), load(gem).warnings());
        String onTop = starsOnTopOnly("[\"a\", \"star\", \"star\", \"b\", \"c\", \"a\"]")
                .replace("\"spins\": [0, 0, 3, 5]", "\"spins\": [0, 4]");
        SlotGame game = load(onTop);
        NaiveTopReel naive = new NaiveTopReel(JSON.readTree(onTop));
        assertTrue(naive.freeFrequency.signum() > 0);
        assertEquals(naive.freeFrequency, game.exactFigures().orElseThrow().featureFrequencies().get(game.freeFeature));
        assertEquals(naive.rtp, game.exactFigures().orElseThrow().rtp());
        assertRefused("$.freeGames.spins", "so the feature would never end",
                starsOnTopOnly("[\"star\", \"star\", \"star\", \"star\", \"star\", \"star\"]")
                        .replace("\"spins\": [0, 0, 3, 5]", "\"spins\": [0, 2]")
                        .replace("\"retrigger\": false", "\"retrigger\": true"));
    }

    /**
     * A scatter pay naming a jackpot with random reel heights and a top reel: the jackpot is paid at its amount, so
     * the RTP is the brute force's with the amount as the pay, and the jackpot's own return the difference from the
     * brute force's with that pay at 0; played rounds pay it into its win type.
     */
    @Test
    void aScatterJackpotWithReelHeights() throws Exception {
        String base = MINI.replace("\"multiplier\": 2", "\"multiplier\": 1");
        String jackpot = base.replace("\"pays\": [0, 1, 4, 20]", "\"pays\": [0, 1, 4, \"grand\"]")
                .replace("\"bet\": {", "\"jackpots\": [{\"name\": \"grand\", \"amount\": 50}], \"bet\": {");
        SlotGame game = load(jackpot);
        NaiveTopReel at50 = new NaiveTopReel(JSON.readTree(base.replace("\"pays\": [0, 1, 4, 20]", "\"pays\": [0, 1, 4, 50]")));
        NaiveTopReel at0 = new NaiveTopReel(JSON.readTree(base.replace("\"pays\": [0, 1, 4, 20]", "\"pays\": [0, 1, 4, 0]")));
        ExactFigures exact = game.exactFigures().orElseThrow();
        assertEquals(at50.rtp, exact.rtp());
        assertEquals(at50.variance, exact.variance());
        int type = game.winTypes().indexOf("jackpot grand");
        assertEquals(at50.rtp.subtract(at0.rtp), exact.rtpByWinType().get(type));
        RoundOutcome outcome = RoundOutcome.forGame(game);
        long jackpots = 0;
        try (DrbgStream stream = PlayTest.stream(3)) {
            for (int round = 0; round < 20_000; round++) {
                game.play(stream, outcome);
                assertEquals(0, outcome.win(type) % 500, "the jackpot is paid at 50 total bets of 10");
                jackpots += outcome.win(type) / 500;
            }
        }
        assertTrue(jackpots > 0);
    }

    private static void assertRefused(String path, String words, String model) {
        Executable load = () -> GameModels.load("bad.json", model.getBytes(StandardCharsets.UTF_8));
        ModelException e = org.junit.jupiter.api.Assertions.assertThrows(ModelException.class, load);
        assertEquals(path, e.jsonPath(), e.getMessage());
        assertTrue(e.getMessage().contains(words), e.getMessage());
    }
}
