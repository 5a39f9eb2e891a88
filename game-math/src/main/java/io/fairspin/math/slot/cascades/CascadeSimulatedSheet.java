package io.fairspin.math.slot.cascades;

import io.fairspin.math.AnalysisReport;
import io.fairspin.math.AnalysisReport.Cell;
import io.fairspin.math.AnalysisReport.Table;
import io.fairspin.math.RoundOutcome;
import io.fairspin.rng.RandomStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;

/**
 * The PAR sheet of a cascading game that has no exact figures: a seeded simulation of
 * {@link #ROUNDS} rounds, every figure given with its 99% confidence interval and marked as simulated.
 */
final class CascadeSimulatedSheet {
    static final int ROUNDS = 1_000_000;
    static final long SEED = 1;
    private static final double Z99 = 2.5758293035489004;

    private CascadeSimulatedSheet() {
    }

    static AnalysisReport report(CascadeGame game) {
        RoundOutcome outcome = RoundOutcome.forGame(game);
        RandomStream stream = new SeededStream(SEED);
        double sum = 0;
        double sumSquares = 0;
        long hits = 0;
        long triggers = 0;
        double max = 0;
        double[] byType = new double[game.winTypes().size()];
        for (int i = 0; i < ROUNDS; i++) {
            game.play(stream, outcome);
            double x = outcome.win() / (double) outcome.stake();
            sum += x;
            sumSquares += x * x;
            max = Math.max(max, x);
            hits += outcome.win() > 0 ? 1 : 0;
            triggers += game.freeFeature >= 0 && outcome.triggered(game.freeFeature) ? 1 : 0;
            for (int t = 0; t < byType.length; t++) {
                byType[t] += outcome.win(t) / (double) outcome.stake();
            }
        }
        double mean = sum / ROUNDS;
        double variance = sumSquares / ROUNDS - mean * mean;
        String label = String.format(Locale.ROOT, " (simulated: %,d rounds, seed %d; 99%% interval)", ROUNDS, SEED);
        List<List<Cell>> rows = new ArrayList<>();
        rows.add(List.of(Cell.text("figures"), Cell.text("simulated, not exact: " + game.notExactBecause())));
        rows.add(List.of(Cell.text("stake per round"), Cell.text(CascadeAnalysis.stakeText(game.model))));
        if (!game.betLimits().standardOnly()) {
            io.fairspin.math.BetLimits.Limit lines = game.betLimits().limit("lines");
            rows.add(List.of(Cell.text("RTP at other bets"), Cell.text(lines == null || lines.min() == lines.max()
                    ? "the same at every bet the limits allow (the bet per line and the coins never change it)"
                    : "the same at every bet per line and number of coins; other numbers of lines change it and are"
                    + " not simulated here")));
        }
        rows.add(List.of(Cell.text("RTP" + label), interval(mean, Math.sqrt(variance / ROUNDS))));
        double hit = hits / (double) ROUNDS;
        rows.add(List.of(Cell.text("hit frequency per round" + label), interval(hit, Math.sqrt(hit * (1 - hit) / ROUNDS))));
        rows.add(List.of(Cell.text("standard deviation per total bet (simulated)"), Cell.approximate(Math.sqrt(variance))));
        if (game.freeFeature >= 0) {
            double f = triggers / (double) ROUNDS;
            rows.add(List.of(Cell.text("free games frequency" + label), interval(f, Math.sqrt(f * (1 - f) / ROUNDS))));
        }
        rows.add(List.of(Cell.text("largest round win seen, x total bet (simulated)"), Cell.approximate(max)));
        if (game.model.maxWin() > 0) {
            rows.add(List.of(Cell.text("round win cap, x total bet (features included)"), Cell.count(game.model.maxWin())));
        }
        List<List<Cell>> types = new ArrayList<>();
        for (int t = 0; t < byType.length; t++) {
            types.add(List.of(Cell.text(game.winTypes().get(t) + " (simulated)"), Cell.approximate(byType[t] / ROUNDS)));
        }
        return new AnalysisReport(game.name(), List.of(
                new Table("Summary (SIMULATED: no exact analysis for this model)", List.of("figure", "value"), rows),
                new Table("Return by win type (simulated)", List.of("win type", "RTP"), types)));
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
