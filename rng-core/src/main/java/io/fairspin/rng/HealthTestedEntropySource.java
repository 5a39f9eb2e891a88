package io.fairspin.rng;

import java.util.Arrays;

/**
 * An entropy source behind the SP 800-90B continuous health tests (section 4.4): the repetition count
 * test and the adaptive proportion test, with cutoffs computed from the declared min-entropy per sample
 * and the false-positive probability alpha = 2^-alphaExponent.
 *
 * <p>On construction it runs the start-up test (section 4.3): both tests over 1,024 samples that are
 * then discarded. Any failure, at start-up or later, is final: the source throws
 * {@link EntropyHealthException} on this and every later read. Thread-safe.
 */
public final class HealthTestedEntropySource implements EntropySource {
    /** SP 800-90B recommends alpha between 2^-40 and 2^-20; fairspin's default is 2^-30. */
    public static final int DEFAULT_ALPHA_EXPONENT = 30;
    static final int START_UP_SAMPLES = 1024;

    private static HealthTestedEntropySource osSource;
    private static RngFailureException osFailure;

    private final EntropySource source;
    private final double minEntropyPerSample;
    private final int repetitionCutoff;
    private final int proportionCutoff;

    private int repetitionSample = -1;
    private int repetitionCount;
    private int proportionSample = -1;
    private int proportionCount;
    private int proportionPosition;
    private String failure;

    /**
     * Puts health tests in front of {@code source}.
     *
     * @param minEntropyPerSample the min-entropy claimed for each 8-bit sample, in (0, 8]
     * @param alphaExponent       alpha = 2^-alphaExponent, in [20, 40]
     * @param source the raw noise source, read through the tests
     * @throws EntropyHealthException when the start-up test fails
     */
    public HealthTestedEntropySource(EntropySource source, double minEntropyPerSample, int alphaExponent) {
        if (source == null) {
            throw new IllegalArgumentException("source: must not be null");
        }
        if (!(minEntropyPerSample > 0 && minEntropyPerSample <= 8)) {
            throw new IllegalArgumentException("minEntropyPerSample: must be in (0, 8] bits, was " + minEntropyPerSample);
        }
        if (alphaExponent < 20 || alphaExponent > 40) {
            throw new IllegalArgumentException("alphaExponent: must be in [20, 40], was " + alphaExponent);
        }
        this.source = source;
        this.minEntropyPerSample = minEntropyPerSample;
        this.repetitionCutoff = HealthTestCutoffs.repetitionCount(minEntropyPerSample, alphaExponent);
        this.proportionCutoff = HealthTestCutoffs.adaptiveProportion(minEntropyPerSample, alphaExponent);
        read(new byte[START_UP_SAMPLES]);
    }

    /**
     * The operating system's source, claimed at full entropy (8 bits per byte), with the default alpha:
     * one instance per process, opened and start-up tested on first use, so generators share one open
     * device and one health-test state (a failure of the OS source stops them all).
     *
     * @return the process-wide OS source at 8 bits of min-entropy per byte
     */
    public static synchronized HealthTestedEntropySource os() {
        if (osSource == null) {
            if (osFailure != null) {
                throw new RngFailureException("operating-system entropy failed earlier: " + osFailure.getMessage(),
                        osFailure);
            }
            try {
                osSource = new HealthTestedEntropySource(OsEntropySource.open(), 8.0, DEFAULT_ALPHA_EXPONENT);
            } catch (RngFailureException e) {
                osFailure = e;
                throw e;
            }
        }
        return osSource;
    }

    /**
     * The operating system's source with an assessed min-entropy per byte instead of the full 8 bits
     * (for example the result of {@code fairspin certify entropy} on bytes collected from it), with the
     * health-test cutoffs for that entropy and {@code 2^-alphaExponent}. A new instance, with its own
     * health-test state.
     *
     * @param minEntropyPerSample the assessed min-entropy of one OS byte, in bits, in (0, 8]
     * @param alphaExponent the false-alarm rate of each test is 2^-alphaExponent, in [20, 40]
     * @return a new, start-up tested source
     */
    public static HealthTestedEntropySource os(double minEntropyPerSample, int alphaExponent) {
        return new HealthTestedEntropySource(OsEntropySource.open(), minEntropyPerSample, alphaExponent);
    }

    /**
     * The repetition count test's cutoff (SP 800-90B section 4.4.1) for a source of {@code
     * minEntropyPerSample} bits per sample and a false-alarm rate of 2^-alphaExponent.
     *
     * @param minEntropyPerSample the min-entropy H of one sample, in bits, in (0, 8]
     * @param alphaExponent the false-alarm rate is 2^-alphaExponent
     * @return C = 1 + ceil(alphaExponent / H): that many identical samples in a row fail the test
     */
    public static int repetitionCutoff(double minEntropyPerSample, int alphaExponent) {
        return HealthTestCutoffs.repetitionCount(minEntropyPerSample, alphaExponent);
    }

    /**
     * The adaptive proportion test's cutoff (section 4.4.2, window {@link #proportionWindow()}) for a
     * source of {@code minEntropyPerSample} bits per sample and a false-alarm rate of 2^-alphaExponent.
     *
     * @param minEntropyPerSample the min-entropy H of one sample, in bits, in (0, 8]
     * @param alphaExponent the false-alarm rate is 2^-alphaExponent
     * @return the smallest count of the window's first sample, within the window, that fails the test
     */
    public static int proportionCutoff(double minEntropyPerSample, int alphaExponent) {
        return HealthTestCutoffs.adaptiveProportion(minEntropyPerSample, alphaExponent);
    }

    /**
     * The adaptive proportion test's window: 512 samples (SP 800-90B's window for non-binary samples).
     *
     * @return 512
     */
    public static int proportionWindow() {
        return HealthTestCutoffs.WINDOW;
    }

    /**
     * The declared min-entropy per 8-bit sample, in bits.
     *
     * @return the claimed min-entropy, in (0, 8] bits
     */
    public double minEntropyPerSample() {
        return minEntropyPerSample;
    }

    /**
     * Samples needed to gather {@code bits} bits of min-entropy.
     *
     * @param bits the min-entropy wanted, in bits, at least 0
     * @return ceil(bits / min-entropy per sample)
     */
    public int samplesFor(int bits) {
        return (int) Math.ceil(bits / minEntropyPerSample);
    }

    /**
     * The repetition count test's cutoff C: C identical samples in a row fail.
     *
     * @return the repetition count cutoff, at least 2
     */
    public int repetitionCutoff() {
        return repetitionCutoff;
    }

    /**
     * The adaptive proportion test's cutoff C: C copies of a window's first sample in the window fail.
     *
     * @return the adaptive proportion cutoff, at most the window
     */
    public int proportionCutoff() {
        return proportionCutoff;
    }

    /**
     * Whether every health test has passed so far (a failure is final).
     *
     * @return false once any test has failed; the source then refuses every read
     */
    public synchronized boolean healthy() {
        return failure == null;
    }

    @Override
    public synchronized void read(byte[] samples) {
        if (failure != null) {
            throw new EntropyHealthException(failure);
        }
        source.read(samples);
        for (byte sample : samples) {
            test(sample & 0xFF);
            if (failure != null) {
                Arrays.fill(samples, (byte) 0);
                throw new EntropyHealthException(failure);
            }
        }
    }

    private void test(int sample) {
        if (sample == repetitionSample) {
            if (++repetitionCount >= repetitionCutoff) {
                failure = "entropy source failed the SP 800-90B repetition count test: " + repetitionCount
                        + " identical samples in a row (cutoff " + repetitionCutoff + ")";
            }
        } else {
            repetitionSample = sample;
            repetitionCount = 1;
        }
        if (proportionPosition == 0) {
            proportionSample = sample;
            proportionCount = 1;
        } else if (sample == proportionSample && ++proportionCount >= proportionCutoff) {
            failure = "entropy source failed the SP 800-90B adaptive proportion test: " + proportionCount
                    + " copies of one sample in a window of " + HealthTestCutoffs.WINDOW + " (cutoff "
                    + proportionCutoff + ")";
        }
        proportionPosition = (proportionPosition + 1) % HealthTestCutoffs.WINDOW;
    }
}
