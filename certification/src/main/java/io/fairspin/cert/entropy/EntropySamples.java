package io.fairspin.cert.entropy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Samples of an entropy source as SP 800-90B reads them: one sample per byte, its low
 * {@code bitsPerSample} bits. As NIST's tool does, the literal samples are translated down to
 * 0 .. k-1 when fewer than {@code 2^bits} distinct values occur below the largest one (k distinct
 * values), and the bitstring is every sample's bits, most significant first, from the untranslated
 * values.
 */
public final class EntropySamples {
    /** SP 800-90B section 3.1.1: at least this many samples. */
    public static final int RECOMMENDED_MINIMUM = 1_000_000;

    private final int bitsPerSample;
    private final byte[] raw;
    private final byte[] symbols;
    private final int alphabetSize;
    private final List<String> warnings;
    private byte[] bits;

    private EntropySamples(int bitsPerSample, byte[] raw, byte[] symbols, int alphabetSize, List<String> warnings) {
        this.bitsPerSample = bitsPerSample;
        this.raw = raw;
        this.symbols = symbols;
        this.alphabetSize = alphabetSize;
        this.warnings = Collections.unmodifiableList(warnings);
    }

    /**
     * Reads samples.
     *
     * @param data one sample per byte, in its low {@code bitsPerSample} bits
     * @param bitsPerSample the sample width in bits, 1 to 8
     * @return the samples, translated to consecutive symbols as NIST's tool does
     * @throws IllegalArgumentException when there are no samples, {@code bitsPerSample} is outside
     *     1 to 8, or a sample is wider than {@code bitsPerSample} bits (the message names its offset)
     */
    public static EntropySamples of(byte[] data, int bitsPerSample) {
        if (bitsPerSample < 1 || bitsPerSample > 8) {
            throw new IllegalArgumentException("bits per sample must be 1 to 8, was " + bitsPerSample);
        }
        if (data.length == 0) {
            throw new IllegalArgumentException("no samples (the input is empty)");
        }
        int mask = (1 << bitsPerSample) - 1;
        int or = 0;
        for (int i = 0; i < data.length; i++) {
            int v = data[i] & 0xFF;
            if ((v & ~mask) != 0) {
                throw new IllegalArgumentException("the sample at byte offset " + i + " is " + v
                        + ", wider than " + bitsPerSample + " bit" + (bitsPerSample == 1 ? "" : "s"));
            }
            or |= v;
        }
        List<String> warnings = new ArrayList<>();
        int width = 32 - Integer.numberOfLeadingZeros(or);
        if (width < bitsPerSample) {
            warnings.add("samples appear narrower than described: every sample fits in " + width + " bit"
                    + (width == 1 ? "" : "s") + " (--bits-per-sample " + bitsPerSample + ")");
        }
        if (data.length < RECOMMENDED_MINIMUM) {
            warnings.add("only " + data.length + " samples; SP 800-90B asks for at least 1,000,000");
        }
        boolean[] present = new boolean[1 << bitsPerSample];
        int max = 0;
        for (byte b : data) {
            int v = b & 0xFF;
            present[v] = true;
            max = Math.max(max, v);
        }
        int[] map = new int[present.length];
        int k = 0;
        for (int v = 0; v < present.length; v++) {
            if (present[v]) {
                map[v] = k++;
            }
        }
        byte[] symbols = data.clone();
        if (k < max + 1) {
            for (int i = 0; i < symbols.length; i++) {
                symbols[i] = (byte) map[symbols[i] & 0xFF];
            }
            warnings.add("symbols translated: " + k + " distinct values occur, mapped to 0.." + (k - 1));
        }
        return new EntropySamples(bitsPerSample, data, symbols, k, warnings);
    }

    /**
     * The sample width.
     *
     * @return bits per sample, 1 to 8
     */
    public int bitsPerSample() {
        return bitsPerSample;
    }

    /**
     * The number of samples.
     *
     * @return the number of samples, at least 1
     */
    public int length() {
        return raw.length;
    }

    /**
     * The number of distinct sample values, k.
     *
     * @return k, at least 1
     */
    public int alphabetSize() {
        return alphabetSize;
    }

    /** The samples translated to 0 .. k-1 (shared, not to be modified). */
    byte[] symbols() {
        return symbols;
    }

    /** The samples as read (shared, not to be modified). */
    byte[] raw() {
        return raw;
    }

    /** The bitstring: each sample's {@code bitsPerSample} bits, most significant first, one per byte. */
    synchronized byte[] bits() {
        if (bits == null) {
            if (bitsPerSample == 1) {
                bits = raw;
            } else {
                byte[] b = new byte[raw.length * bitsPerSample];
                int w = bitsPerSample;
                for (int i = 0, j = 0; i < raw.length; i++) {
                    int v = raw[i];
                    for (int s = w - 1; s >= 0; s--) {
                        b[j++] = (byte) ((v >>> s) & 1);
                    }
                }
                bits = b;
            }
        }
        return bits;
    }

    /**
     * What the reader noticed: too few samples, narrower samples than described, translated symbols.
     *
     * @return the warnings, in the order noticed; empty when none
     */
    public List<String> warnings() {
        return warnings;
    }
}
