package io.fairspin.cert.game;

/**
 * The serial test: chi-square of the frequencies of non-overlapping t-tuples (pairs for t = 2, triples
 * for t = 3) of successive outcomes over the cells of a t-dimensional grid, binned so the expected count
 * per cell stays at least 5. Non-overlapping tuples are independent, so the plain chi-square applies.
 */
final class SerialTest implements OutcomeTest {
    private final int dimension;
    private final Bins bins;
    private final long[] counts;
    private final int[] tuple;
    private int filled;

    SerialTest(long range, long plannedCount, int dimension) {
        this.dimension = dimension;
        long tuples = plannedCount / dimension;
        int perAxis = (int) Math.max(2, Math.min(dimension == 2 ? 1024 : 64,
                Math.floor(Math.pow(tuples / ChiSquare.MIN_EXPECTED, 1.0 / dimension))));
        this.bins = new Bins(range, perAxis);
        this.counts = new long[(int) Math.pow(bins.count(), dimension)];
        this.tuple = new int[dimension];
    }

    @Override
    public void accept(long value) {
        tuple[filled++] = bins.of(value);
        if (filled == dimension) {
            int cell = 0;
            for (int b : tuple) {
                cell = cell * bins.count() + b;
            }
            counts[cell]++;
            filled = 0;
        }
    }

    @Override
    public GameTestResult result() {
        double[] probabilities = new double[counts.length];
        for (int cell = 0; cell < counts.length; cell++) {
            double p = 1;
            for (int rest = cell, k = 0; k < dimension; k++, rest /= bins.count()) {
                p *= bins.probability(rest % bins.count());
            }
            probabilities[cell] = p;
        }
        return ChiSquare.test(dimension == 2 ? "serial pairs" : "serial triples", counts, probabilities,
                dimension == 2 ? "pairs" : "triples");
    }
}
