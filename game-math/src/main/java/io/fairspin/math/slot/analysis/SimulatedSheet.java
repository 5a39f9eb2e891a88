package io.fairspin.math.slot.analysis;

import io.fairspin.math.AnalysisReport;
import io.fairspin.math.AnalysisReport.Cell;
import io.fairspin.math.AnalysisReport.Table;
import io.fairspin.math.Game;
import io.fairspin.math.RoundOutcome;
import io.fairspin.rng.RandomStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;

/**
 * The PAR sheet of a slot that has no exact figures: a seeded simulation of {@link #ROUNDS} rounds at the game's
 * standard wager, every figure given with its 99% confidence interval and marked as simulated on its line.
 */
public final class SimulatedSheet {
    /** Rounds simulated. */
    public static final int ROUNDS = 1_000_000;
    /** The simulation's seed. */
    public static final long SEED = 1;
    /** Bought rounds simulated for a "Bonus buy" table. */
    public static final int BOUGHT_ROUNDS = 200_000;
    private static final double Z99 = 2.5758293035489004;

    private SimulatedSheet() {
    }

    /**
     * The simulated sheet of {@code game}.
     *
     * @param game the game, played with {@link Game#play(RandomStream, RoundOutcome)}
     * @param title the report's title (the model's name)
     * @param whyNotExact why the game has no exact figures, for the first line
     * @param before rows shown after that line (the stake, ...), not simulated
     * @param after rows shown at the end of the summary (a cap, ...), not simulated
     * @return the report: a summary, then the return by win type, both marked as simulated
     */
    public static AnalysisReport report(Game game, String title, String whyNotExact, List<List<Cell>> before,
            List<List<Cell>> after) {
        return report(game, title, whyNotExact, before, max -> after);
    }

    /**
     * The simulated sheet of {@code game}, with rows at the end that depend on the largest round win seen (a cap's
     * reachability).
     *
     * @param game the game, played with {@link Game#play(RandomStream, RoundOutcome)}
     * @param title the report's title (the model's name)
     * @param whyNotExact why the game has no exact figures, for the first line
     * @param before rows shown after that line (the stake, ...), not simulated
     * @param after the rows shown at the end of the summary, given the largest round win seen in total bets
     * @return the report: a summary, then the return by win type, both marked as simulated
     */
    public static AnalysisReport report(Game game, String title, String whyNotExact, List<List<Cell>> before,
            java.util.function.DoubleFunction<List<List<Cell>>> after) {
        return report(game, title, whyNotExact, before, List.of(List.of(Cell.text(MaxWin.LABEL),
                Cell.text("not computed (simulated sheet: see the largest round win seen)"))), after);
    }

    /**
     * The simulated sheet of {@code game} whose maximum win is known without its exact figures (random reel heights'
     * search): its rows stand where the sheet otherwise says the maximum win is not computed.
     *
     * @param game the game, played with {@link Game#play(RandomStream, RoundOutcome)}
     * @param title the report's title (the model's name)
     * @param whyNotExact why the game has no exact figures, for the first line
     * @param before rows shown after that line (the stake, ...), not simulated
     * @param maxWin the maximum win's rows (with a cap's), before the largest round win seen
     * @param after the rows shown at the end of the summary, given the largest round win seen in total bets
     * @return the report: a summary, then the return by win type, both marked as simulated
     */
    public static AnalysisReport report(Game game, String title, String whyNotExact, List<List<Cell>> before,
            List<List<Cell>> maxWin, java.util.function.DoubleFunction<List<List<Cell>>> after) {
        RoundOutcome outcome = RoundOutcome.forGame(game);
        RandomStream stream = new SeededStream(SEED);
        int features = game.features().size();
        double sum = 0;
        double sumSquares = 0;
        long hits = 0;
        long[] triggers = new long[features];
        double max = 0;
        double[] byType = new double[game.winTypes().size()];
        for (int i = 0; i < ROUNDS; i++) {
            game.play(stream, outcome);
            double x = outcome.win() / (double) outcome.stake();
            sum += x;
            sumSquares += x * x;
            max = Math.max(max, x);
            hits += outcome.win() > 0 ? 1 : 0;
            for (int f = 0; f < features; f++) {
                triggers[f] += outcome.triggered(f) ? 1 : 0;
            }
            for (int t = 0; t < byType.length; t++) {
                byType[t] += outcome.win(t) / (double) outcome.stake();
            }
        }
        double mean = sum / ROUNDS;
        double variance = sumSquares / ROUNDS - mean * mean;
        String label = String.format(Locale.ROOT, " (simulated: %,d rounds, seed %d; 99%% interval)", ROUNDS, SEED);
        List<List<Cell>> rows = new ArrayList<>();
        rows.add(List.of(Cell.text("figures"), Cell.text("simulated, not exact: " + whyNotExact)));
        rows.addAll(before);
        rows.add(List.of(Cell.text("RTP" + label), interval(mean, Math.sqrt(variance / ROUNDS))));
        double hit = hits / (double) ROUNDS;
        rows.add(List.of(Cell.text("hit frequency per round" + label), interval(hit, Math.sqrt(hit * (1 - hit) / ROUNDS))));
        rows.add(List.of(Cell.text("standard deviation per total bet (simulated)"), Cell.approximate(Math.sqrt(variance))));
        for (int f = 0; f < features; f++) {
            double p = triggers[f] / (double) ROUNDS;
            rows.add(List.of(Cell.text(game.features().get(f).replace('-', ' ') + " frequency" + label),
                    interval(p, Math.sqrt(p * (1 - p) / ROUNDS))));
        }
        rows.addAll(maxWin);
        rows.add(List.of(Cell.text("largest round win seen, x total bet (simulated)"), Cell.approximate(max)));
        rows.addAll(after.apply(max));
        List<List<Cell>> types = new ArrayList<>();
        for (int t = 0; t < byType.length; t++) {
            types.add(List.of(Cell.text(game.winTypes().get(t) + " (simulated)"), Cell.approximate(byType[t] / ROUNDS)));
        }
        return new AnalysisReport(title, List.of(
                new Table("Summary (SIMULATED: no exact analysis for this model)", List.of("figure", "value"), rows),
                new Table("Return by win type (simulated)", List.of("win type", "RTP"), types)));
    }

    /**
     * The "Bonus buy" table of a simulated sheet: the price, the free games bought, and the buy's RTP (with its 99%
     * interval) and standard deviation per unit of price from {@link #BOUGHT_ROUNDS} seeded bought rounds, each line
     * marked as simulated.
     *
     * @param game the game, whose {@link Game#play(io.fairspin.math.Bet, RandomStream, RoundOutcome)} plays a bought
     *     round
     * @param buy the model's bonus buy
     * @param freeGames the free games it buys (before retriggers)
     * @return the table
     */
    public static Table bonusBuy(Game game, io.fairspin.math.slot.model.SlotModel.BonusBuy buy, long freeGames) {
        io.fairspin.math.Bet bought = game.standardBet().withBonusBuy();
        RoundOutcome outcome = RoundOutcome.forGame(game);
        RandomStream stream = new SeededStream(SEED);
        double sum = 0;
        double sumSquares = 0;
        for (int i = 0; i < BOUGHT_ROUNDS; i++) {
            game.play(bought, stream, outcome);
            double x = outcome.win() / (double) outcome.stake();
            sum += x;
            sumSquares += x * x;
        }
        double mean = sum / BOUGHT_ROUNDS;
        double variance = sumSquares / BOUGHT_ROUNDS - mean * mean;
        String label = String.format(Locale.ROOT, " (simulated: %,d bought rounds, seed %d; 99%% interval)",
                BOUGHT_ROUNDS, SEED);
        List<List<Cell>> rows = new ArrayList<>();
        rows.add(List.of(Cell.text("price, x total bet"), Cell.count(buy.price())));
        rows.add(List.of(Cell.text("free games bought (as for " + buy.scatters() + " scatters)"), Cell.count(freeGames)));
        rows.add(List.of(Cell.text("RTP of the bonus buy" + label), interval(mean, Math.sqrt(variance / BOUGHT_ROUNDS))));
        rows.add(List.of(Cell.text("standard deviation per unit of price (simulated)"), Cell.approximate(Math.sqrt(variance))));
        return new Table("Bonus buy (simulated)", List.of("figure", "value"), rows);
    }

    /**
     * A cap's rows on a simulated sheet, marked as simulated: the cap, and whether a simulated round reached it
     * ("yes", which a round that reaches it proves) or that none of the {@link #ROUNDS} rounds did, which proves
     * nothing either way.
     *
     * @param cap the model's cap in total bets, 0 for none
     * @param max the largest round win seen, in total bets
     * @param scope what the cap applies to
     * @return the rows, none without a cap
     */
    public static List<List<Cell>> capRows(long cap, double max, String scope) {
        if (cap <= 0) {
            return List.of();
        }
        String seen = max >= cap ? "yes: a simulated round reached it; " : String.format(Locale.ROOT,
                "not seen in %,d simulated rounds (seed %d; a round may still reach it); ", ROUNDS, SEED);
        return List.of(List.of(Cell.text(MaxWin.CAP), Cell.count(cap)),
                List.of(Cell.text(MaxWin.CAP_REACHABLE + " (simulated)"), Cell.text(seen + scope)));
    }

    /**
     * The largest round win, in total bets, that the sheet's seeded simulation ({@link #ROUNDS} rounds, seed
     * {@link #SEED}) sees: what a sheet states, marked as simulated, when it cannot find the largest win exactly.
     *
     * @param game the game, played with {@link Game#play(RandomStream, RoundOutcome)}
     * @return the largest win over stake of the simulated rounds
     */
    public static double largestRoundWin(Game game) {
        RoundOutcome outcome = RoundOutcome.forGame(game);
        RandomStream stream = new SeededStream(SEED);
        double max = 0;
        for (int i = 0; i < ROUNDS; i++) {
            game.play(stream, outcome);
            max = Math.max(max, outcome.win() / (double) outcome.stake());
        }
        return max;
    }

    private static Cell interval(double value, double standardError) {
        return Cell.text(String.format(Locale.ROOT, "%.6f (%.6f .. %.6f)", value, value - Z99 * standardError,
                value + Z99 * standardError));
    }

    /** JDK L64X128MixRandom as a random stream (each nextLong big-endian), for the sheet's simulation only. */
    static final class SeededStream extends RandomStream {
        private final RandomGenerator generator;

        SeededStream(long seed) {
            super(512);
            generator = RandomGeneratorFactory.of("L64X128MixRandom").create(seed);
        }

        @Override
        protected void nextBlock(byte[] destination, int offset) {
            ByteBuffer buffer = ByteBuffer.wrap(destination, offset, 512);
            for (int i = 0; i < 64; i++) {
                buffer.putLong(generator.nextLong());
            }
        }
    }
}
