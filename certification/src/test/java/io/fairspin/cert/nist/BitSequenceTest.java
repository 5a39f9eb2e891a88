package io.fairspin.cert.nist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** Packed bits and the two input formats. */
class BitSequenceTest {

    @Test
    void binaryIsMostSignificantBitFirst() {
        BitSequence s = BitSequence.fromBytes(new byte[] {(byte) 0b1010_0000, 1}, 0, 16);
        assertEquals(1, s.bit(0));
        assertEquals(0, s.bit(1));
        assertEquals(1, s.bit(2));
        assertEquals(1, s.bit(15));
        assertEquals(0b101, s.window(0, 3));
        assertEquals(3, s.ones(0, 16));
    }

    @Property(tries = 200)
    void windowsOnesAndWrapAgreeWithBitByBit(@ForAll @IntRange(min = 1, max = 700) int n, @ForAll long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        byte[] bits = new byte[n];
        for (int i = 0; i < n; i++) {
            bits[i] = (byte) random.nextInt(2);
        }
        BitSequence s = BitSequence.fromBits(bits);
        int from = random.nextInt(n);
        int to = from + random.nextInt(n - from + 1);
        int ones = 0;
        for (int i = from; i < to; i++) {
            ones += bits[i];
        }
        assertEquals(ones, s.ones(from, to));
        int m = 1 + random.nextInt(Math.min(20, n));
        int at = random.nextInt(n - m + 1);
        int window = 0;
        for (int i = at; i < at + m; i++) {
            window = window << 1 | bits[i];
        }
        assertEquals(window, s.window(at, m));
        int extra = random.nextInt(130);
        BitSequence wrapped = s.wrapped(Math.min(extra, n));
        for (int i = 0; i < wrapped.length(); i++) {
            assertEquals(bits[i % n], wrapped.bit(i), "bit " + i);
        }
    }

    @Test
    void readsAsciiSequencesIgnoringWhiteSpaceAndRejectsOtherCharacters() throws IOException {
        byte[] text = "0101 1\n0011\r\n10x1".getBytes(StandardCharsets.US_ASCII);
        var in = new BufferedInputStream(new ByteArrayInputStream(text));
        assertEquals(BitReader.Format.BINARY, BitReader.detect(in), "an 'x' makes it binary");
        BitReader reader = new BitReader(new ByteArrayInputStream(text), BitReader.Format.ASCII, "bits.txt");
        BitSequence first = reader.next(5);
        assertEquals("01011", bitsOf(first));
        assertEquals("00111", bitsOf(reader.next(5)));
        IOException e = assertThrows(IOException.class, () -> reader.next(2));
        assertTrue(e.getMessage().startsWith("bits.txt: byte offset 15: expected '0', '1'"), e.getMessage());
    }

    @Test
    void binarySequencesStartOnFourByteBoundariesAsInNistsProgram() throws IOException {
        byte[] data = new byte[16];
        data[4] = (byte) 0x40; // bit 33, past the 33 bits of the first sequence
        data[8] = (byte) 0xC0;
        BitReader reader = new BitReader(new ByteArrayInputStream(data), BitReader.Format.BINARY, "raw.bin");
        assertEquals(0, reader.next(33).ones(0, 33), "33 bits take 8 bytes");
        assertEquals(2, reader.next(33).ones(0, 33));
        EOFException e = assertThrows(EOFException.class, () -> reader.next(33));
        assertTrue(e.getMessage().startsWith("raw.bin: insufficient data"), e.getMessage());
    }

    private static String bitsOf(BitSequence s) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            out.append(s.bit(i));
        }
        return out.toString();
    }
}
