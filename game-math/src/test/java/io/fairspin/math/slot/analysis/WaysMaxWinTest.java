package io.fairspin.math.slot.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fairspin.math.AnalysisReport.Cell;
import io.fairspin.math.Fraction;
import io.fairspin.math.GameModels;
import io.fairspin.math.slot.NaiveTopReel;
import io.fairspin.math.slot.SlotGame;
import io.fairspin.math.slot.TopReelTest;
import io.fairspin.math.slot.model.SlotModel;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The search for the largest win of a ways game with random reel heights ({@link WaysMaxWin}) against
 * {@link NaiveTopReel}, a brute force over every window written apart from the engine: the largest base spin win and
 * its probability, the largest win at each number of free games awarded, a free game's largest win and the round's
 * largest win, features included. The models are small (with and without a top reel, with a cap) and chosen so that
 * each of the search's cuts, broken, gives a wrong answer: a column with scatters is dominated by one without when the
 * scatter count is left out of domination, a symbol whose 3-reel run pays more than its 4-reel run wins most when its
 * run stops (so a column that would extend it must not dominate one that stops it, and the bound must keep the shorter
 * run's pay), and a scatter count reached only by a few windows is lost when the bound is compared at the wrong counts.
 */
class WaysMaxWinTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * The top reel game; the same with a symbol ("c") whose 3-reel run pays more than its 4-reel run, and a last reel
     * where every column without "c" has fewer of every symbol than one with a wild (which counts as "c"); that game
     * without its top reel; both with a cap.
     */
    static List<String> models() {
        String falling = TopReelTest.MINI.replace("{\"symbol\": \"c\", \"pays\": [0, 0, 2, 5]}",
                "{\"symbol\": \"c\", \"pays\": [0, 0, 100, 1]}").replace("[\"a\", \"c\", \"b\", \"b\", \"a\"]",
                "[\"a\", \"c\", \"b\", \"b\", \"wild\", \"a\"]");
        String noTop = falling.replaceAll("(?s)\"topReel\": \\{.*?\\},\\s*", "");
        return List.of(TopReelTest.MINI, falling, noTop, noTop.replace("\"bet\": {", "\"maxWin\": 30, \"bet\": {"),
                TopReelTest.MINI.replace("\"bet\": {", "\"maxWin\": 12, \"bet\": {"));
    }

    @ParameterizedTest
    @MethodSource("models")
    void theLargestWinsEqualTheBruteForce(String model) throws Exception {
        SlotGame game = (SlotGame) GameModels.load("mini.json", model.getBytes(StandardCharsets.UTF_8));
        NaiveTopReel naive = new NaiveTopReel(JSON.readTree(model));
        SlotModel.FreeGames fg = game.model.freeGames();
        SpinMoments base = new SpinMoments();
        SpinMoments free = new SpinMoments();
        assertTrue(WaysMaxWin.addTo(base, game, game.model.baseReels(), 1, true, WaysMaxWin.BUDGET, true));
        assertTrue(WaysMaxWin.addTo(free, game, fg.reels(), fg.multiplier(), fg.retrigger(), WaysMaxWin.BUDGET, true));

        long maxT = naive.base.keySet().stream().mapToLong(k -> k / 1000).max().orElseThrow();
        BigInteger atMax = BigInteger.ZERO;
        for (Map.Entry<Long, BigInteger> e : naive.base.entrySet()) {
            atMax = e.getKey() / 1000 == maxT ? atMax.add(e.getValue()) : atMax;
        }
        assertEquals(maxT, base.maxT);
        assertEquals(Fraction.of(atMax, naive.cycle), base.maxTProbability);
        for (long perFreeGame : new long[] {0, 1, 7, 1000}) {
            long largest = naive.base.keySet().stream().mapToLong(k -> k / 1000 + k % 1000 * perFreeGame).max()
                    .orElseThrow();
            assertEquals(largest, base.outcomes.best(0, perFreeGame), "free games at " + perFreeGame);
        }
        assertEquals(naive.free.keySet().stream().mapToLong(Long::longValue).max().orElseThrow(), free.maxT);
        assertEquals(naive.maxRoundWin, MaxWin.largest(base.outcomes, free.outcomes, 0));
    }

    /**
     * The rows a capped game past the count's budget states on its simulated sheet: the maximum win and whether the
     * cap is reachable, against the brute force (reachable when some base or free spin wins the cap).
     */
    @ParameterizedTest
    @MethodSource("models")
    void theSearchedRowsOfACappedGameEqualTheBruteForce(String model) throws Exception {
        String capped = model.contains("maxWin") ? model : model.replace("\"bet\": {", "\"maxWin\": 1000, \"bet\": {");
        SlotGame game = (SlotGame) GameModels.load("mini.json", capped.getBytes(StandardCharsets.UTF_8));
        NaiveTopReel naive = new NaiveTopReel(JSON.readTree(capped));
        long cap = game.model.maxWin() * game.model.lines();
        boolean reached = naive.base.keySet().stream().anyMatch(k -> k / 1000 == cap) || naive.free.containsKey(cap);
        List<List<Cell>> rows = ParSheet.searchedMaxWin(game);
        assertEquals(List.of(Cell.text(MaxWin.LABEL), Cell.exact(Fraction.of(naive.maxRoundWin, game.model.lines()))),
                rows.get(0));
        assertEquals(List.of(Cell.text(MaxWin.CAP), Cell.count(game.model.maxWin())), rows.get(1));
        assertEquals(reached, ((Cell.Text) rows.get(2).get(1)).value().startsWith("yes"), rows.get(2).toString());
    }

    /**
     * A capped Mega Dragon (its count past the budget: a simulated sheet) states its maximum win exactly, and no
     * simulated round wins more.
     */
    @Test
    void aCappedExamplesSimulatedSheetStatesAnExactMaximumWin() throws Exception {
        byte[] json = java.nio.file.Files.readString(Path.of(System.getProperty("fairspin.root", ".."), "examples",
                "mega-dragon.json")).replace("\"bet\": {", "\"maxWin\": 50, \"bet\": {").getBytes(StandardCharsets.UTF_8);
        SlotGame game = (SlotGame) GameModels.load("capped.json", json);
        assertTrue(game.exactFigures().isEmpty());
        Cell max = game.analyze().tables().get(0).rows().stream().filter(r -> r.get(0).equals(Cell.text(MaxWin.LABEL)))
                .map(r -> r.get(1)).findFirst().orElseThrow();
        assertTrue(assertInstanceOf(Cell.Exact.class, max).value().doubleValue() >= SimulatedSheet.largestRoundWin(game));
    }

    @Test
    void pastItsBudgetTheSearchAddsNothing() {
        SlotGame game = (SlotGame) GameModels.load("mini.json", TopReelTest.MINI.getBytes(StandardCharsets.UTF_8));
        SpinMoments base = new SpinMoments();
        base.maxT = -1;
        assertFalse(WaysMaxWin.addTo(base, game, game.model.baseReels(), 1, true, 20, true));
        assertEquals(-1, base.maxT);
        assertEquals(-1, base.outcomes.largestWin());
    }

    /**
     * The example's sheet states its largest round win exactly, and no round of a seeded simulation wins more (the
     * brute force cannot count its 1.2 x 10^16 windows).
     */
    @Test
    void theExampleStatesAnExactLargestWinThatNoSimulatedRoundPasses() throws Exception {
        SlotGame game = (SlotGame) GameModels.load(Path.of(System.getProperty("fairspin.root", ".."), "examples",
                "mega-dragon.json"));
        Cell max = game.analyze().tables().get(0).rows().stream().filter(r -> r.get(0).equals(Cell.text(MaxWin.LABEL)))
                .map(r -> r.get(1)).findFirst().orElseThrow();
        Cell.Exact exact = assertInstanceOf(Cell.Exact.class, max);
        assertTrue(exact.value().doubleValue() >= SimulatedSheet.largestRoundWin(game), max.toString());
    }
}
