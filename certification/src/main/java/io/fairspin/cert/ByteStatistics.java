package io.fairspin.cert;

import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.apache.commons.math3.special.Erf;

/**
 * A quick statistical summary of raw generator output, in the manner of the {@code ent} tool: byte
 * frequencies with their chi-square test, Shannon entropy per byte, the mean, the bit balance with the
 * SP 800-22 frequency (monobit) P-value, and the serial correlation of successive bytes.
 *
 * <p>A summary, not a certification battery: it catches gross failures (a stuck or biased source, a
 * truncated file) in one pass at memory speed. Feed it with {@link #update}, then read {@link #summary}.
 */
public final class ByteStatistics {
    private final long[] counts = new long[256];
    private long total;
    private long ones;
    private int first = -1;
    private int previous = -1;
    private double sumProducts;

    /**
     * Adds {@code length} bytes of {@code data} from {@code offset}.
     *
     * @param data the bytes
     * @param offset where in {@code data} they start
     * @param length how many to add, at least 0
     */
    public void update(byte[] data, int offset, int length) {
        long bits = 0;
        double products = 0;
        int prev = previous;
        for (int i = offset; i < offset + length; i++) {
            int v = data[i] & 0xFF;
            counts[v]++;
            bits += Integer.bitCount(v);
            if (prev >= 0) {
                products += (double) prev * v;
            }
            prev = v;
        }
        if (first < 0 && length > 0) {
            first = data[offset] & 0xFF;
        }
        previous = prev;
        ones += bits;
        sumProducts += products;
        total += length;
    }

    /**
     * The figures so far.
     *
     * @return entropy per byte, chi-square, mean, monobit P-value and serial correlation of every byte added
     */
    public Summary summary() {
        double n = total;
        double expected = n / 256;
        double chiSquare = 0;
        double entropy = 0;
        double sum = 0;
        double sumSquares = 0;
        for (int v = 0; v < 256; v++) {
            double c = counts[v];
            chiSquare += (c - expected) * (c - expected) / expected;
            if (c > 0) {
                entropy -= c / n * Math.log(c / n) / Math.log(2);
            }
            sum += c * v;
            sumSquares += c * v * (double) v;
        }
        double bits = 8 * n;
        double imbalance = Math.abs(2.0 * ones - bits);
        return new Summary(total, entropy, chiSquare,
                total == 0 ? Double.NaN : chiSquareP(chiSquare),
                sum / n, ones / bits, Erf.erfc(imbalance / Math.sqrt(2 * bits)),
                serialCorrelation(sum, sumSquares));
    }

    private static double chiSquareP(double chiSquare) {
        return 1 - new ChiSquaredDistribution(null, 255).cumulativeProbability(chiSquare);
    }

    /** Pearson correlation of the n - 1 pairs (x[i], x[i+1]). */
    private double serialCorrelation(double sum, double sumSquares) {
        if (total < 3) {
            return Double.NaN;
        }
        double pairs = total - 1;
        double sumX = sum - previous;
        double sumY = sum - first;
        double sumXX = sumSquares - (double) previous * previous;
        double sumYY = sumSquares - (double) first * first;
        double covariance = sumProducts - sumX * sumY / pairs;
        double varianceX = sumXX - sumX * sumX / pairs;
        double varianceY = sumYY - sumY * sumY / pairs;
        return covariance / Math.sqrt(varianceX * varianceY);
    }

    /**
     * The figures of a byte sequence.
     *
     * @param bytes              how many bytes were read
     * @param entropyBitsPerByte Shannon entropy of the byte frequencies (8 is the maximum)
     * @param chiSquare          chi-square of the 256 byte frequencies against uniform (255 degrees of freedom)
     * @param chiSquareP         its P-value
     * @param mean               arithmetic mean of the bytes (127.5 expected)
     * @param onesFraction       fraction of 1 bits
     * @param monobitP           P-value of the SP 800-22 frequency (monobit) test over all bits
     * @param serialCorrelation  correlation of each byte with the next (0 expected)
     */
    public record Summary(long bytes, double entropyBitsPerByte, double chiSquare, double chiSquareP, double mean,
                          double onesFraction, double monobitP, double serialCorrelation) {
    }
}
