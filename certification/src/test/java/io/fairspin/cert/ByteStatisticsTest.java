package io.fairspin.cert;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The byte summary against answers worked out by hand and against NIST's published frequency P-value. */
class ByteStatisticsTest {

    @Test
    void everyByteValueOnceIsPerfectlyFlat() {
        byte[] data = new byte[256];
        for (int i = 0; i < 256; i++) {
            data[i] = (byte) i;
        }
        ByteStatistics stats = new ByteStatistics();
        stats.update(data, 0, 128);
        stats.update(data, 128, 128);
        ByteStatistics.Summary s = stats.summary();
        assertEquals(256, s.bytes());
        assertEquals(8.0, s.entropyBitsPerByte(), 1e-12);
        assertEquals(0.0, s.chiSquare(), 1e-12);
        assertEquals(1.0, s.chiSquareP(), 1e-12);
        assertEquals(127.5, s.mean(), 1e-12);
        assertEquals(0.5, s.onesFraction(), 1e-12);
        assertEquals(1.0, s.monobitP(), 1e-12);
        // 0, 1, ..., 255 against 1, 2, ..., 255: a perfect linear relation.
        assertEquals(1.0, s.serialCorrelation(), 1e-12);
    }

    @Test
    void aConstantStreamHasNoEntropyAndAHugeChiSquare() {
        byte[] data = new byte[1024];
        java.util.Arrays.fill(data, (byte) 0xFF);
        ByteStatistics stats = new ByteStatistics();
        stats.update(data, 0, data.length);
        ByteStatistics.Summary s = stats.summary();
        assertEquals(0.0, s.entropyBitsPerByte(), 1e-12);
        // 255 values expected 4 times, seen 0; one seen 1024: 255 * 4 + (1024 - 4)^2 / 4.
        assertEquals(255 * 4 + 1020.0 * 1020 / 4, s.chiSquare(), 1e-6);
        assertEquals(1.0, s.onesFraction(), 1e-12);
    }

    @Test
    void theMonobitPValueOfTheSha1DataMatchesNist() throws IOException {
        // SP 800-22 Rev.1a Appendix B: the Frequency test on the SHA-1 generator's 10^6 bits gives 0.604458.
        Path file = Path.of(System.getProperty("fairspin.reference", "../../shared/reference"), "sts", "data.sha1");
        byte[] data = Files.readAllBytes(file);
        ByteStatistics stats = new ByteStatistics();
        stats.update(data, 0, data.length);
        assertEquals(0.604458, stats.summary().monobitP(), 1e-6);
    }
}
