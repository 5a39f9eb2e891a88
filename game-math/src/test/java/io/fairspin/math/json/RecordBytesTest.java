package io.fairspin.math.json;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link RecordBytes} writes numbers, booleans and strings in exactly the bytes Jackson's generator writes for them
 * (the independent computation), and compares what it wrote with logged bytes.
 */
class RecordBytesTest {
    private static byte[] jackson(long[] numbers, boolean bool, String text) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JsonGenerator g = OutcomeJson.MAPPER.getFactory().createGenerator(bytes)) {
            g.writeStartArray();
            for (long n : numbers) {
                g.writeNumber(n);
            }
            g.writeBoolean(bool);
            g.writeString(text);
            g.writeEndArray();
        }
        return bytes.toByteArray();
    }

    private static byte[] ours(long[] numbers, boolean bool, String text) {
        RecordBytes out = new RecordBytes();
        out.put('[');
        for (long n : numbers) {
            out.number(n);
            out.put(',');
        }
        out.bool(bool);
        out.put(',');
        out.raw(RecordBytes.encode(text));
        out.put(']');
        return out.bytes();
    }

    @Test
    void numbersBooleansAndStringsAreJacksonsBytes() throws IOException {
        long[] edges = {0, 1, 9, 10, 99, 100, 101, 999, 1000, -1, -9, -10, -100, Integer.MAX_VALUE, Long.MAX_VALUE,
            Long.MIN_VALUE, Long.MIN_VALUE + 1, 1_000_000_000_000L};
        String[] texts = {"", "cherry", "seven x5", "quote \" and \\ backslash", "tab\tnewline\n", "\u0001",
            "caf\u00e9 \u20ac", "\ud83c\udf52"};
        for (String text : texts) {
            assertArrayEquals(jackson(edges, true, text), ours(edges, true, text), text);
        }
        SplittableRandom random = new SplittableRandom(5);
        for (int i = 0; i < 2000; i++) {
            long[] numbers = new long[8];
            for (int k = 0; k < numbers.length; k++) {
                numbers[k] = random.nextLong() >> random.nextInt(64);
            }
            assertArrayEquals(jackson(numbers, false, "x"), ours(numbers, false, "x"));
        }
    }

    @Test
    void comparesWhatItWroteWithLoggedBytes() {
        RecordBytes out = new RecordBytes();
        out.raw(RecordBytes.ascii("{\"win\":"));
        out.number(125);
        out.put('}');
        assertTrue(out.sameAs(RecordBytes.ascii("{\"win\":125}")));
        assertFalse(out.sameAs(RecordBytes.ascii("{\"win\":125} ")));
        assertFalse(out.sameAs(RecordBytes.ascii("{\"win\":12}")));
        assertTrue(out.sameAt(RecordBytes.ascii("[{\"win\":125},"), 1));
        assertFalse(out.sameAt(RecordBytes.ascii("[{\"win\":125"), 1));
        out.reset();
        for (int i = 0; i < 5000; i++) { // past the first buffer
            out.number(i % 10);
        }
        assertTrue(out.size() == 5000);
    }
}
