package io.fairspin.cert.game;

/**
 * Groups the values of a range [0, d) into at most {@code maxBins} bins of consecutive values, bin j
 * holding the values x with floor(x * bins / d) = j, with each bin's exact probability under
 * uniformity. With d at most maxBins every value is its own bin.
 */
final class Bins {
    private final long range;
    private final int count;
    private final double[] probabilities;

    Bins(long range, int maxBins) {
        this.range = range;
        this.count = (int) Math.min(range, maxBins);
        this.probabilities = new double[count];
        for (int j = 0; j < count; j++) {
            long first = ceilDiv((long) j * range, count);
            long end = ceilDiv((long) (j + 1) * range, count);
            probabilities[j] = (double) (end - first) / range;
        }
    }

    private static long ceilDiv(long a, long b) {
        return -Math.floorDiv(-a, b);
    }

    int count() {
        return count;
    }

    double probability(int bin) {
        return probabilities[bin];
    }

    double[] probabilities() {
        return probabilities.clone();
    }

    int of(long value) {
        return count == range ? (int) value : (int) (value * count / range);
    }
}
