package io.fairspin.cert.entropy;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fairspin.cert.Reference;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.zip.Deflater;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The IID compression statistic (SP 800-90B 5.1.11) is a bzip2 length, as in NIST's {@code ea_iid}
 * (libbz2, block size 5, the samples as decimal text separated by spaces). The expected lengths were
 * computed with libbz2 1.0.8 through Python 3.11's {@code bz2.compress(text, 5)} on the first n
 * samples of NIST's test files in {@code ../shared/reference/sp800-90b/}. Commons Compress's encoder
 * chooses Huffman code lengths slightly differently from libbz2's, so the lengths agree within 0.25%,
 * not to the byte; DEFLATE (the negative control, what this statistic used before) misses by far more.
 */
class Bzip2LengthTest {

    @ParameterizedTest(name = "{0}, first {1} samples")
    @CsvSource({
        "rand1_short.bin, 10000, 1611",
        "rand4_short.bin, 10000, 5520",
        "rand8_short.bin, 10000, 10987",
        "truerand_8bit.bin, 200000, 213591",
        "biased-random-bytes.bin, 200000, 75653",
    })
    void lengthIsLibbz2sWithinAQuarterPercent(String file, int n, int libbz2) throws IOException {
        byte[] data = Files.readAllBytes(Reference.path("sp800-90b").resolve(file));
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(i == 0 ? "" : " ").append(data[i] & 0xFF);
        }
        byte[] text = sb.toString().getBytes(StandardCharsets.US_ASCII);
        int bzip2 = IidAssessment.bzip2Length(text, text.length);
        assertTrue(Math.abs(bzip2 - libbz2) <= 0.0025 * libbz2, "bzip2 " + bzip2 + " vs libbz2 " + libbz2);

        Deflater deflater = new Deflater();
        deflater.setInput(text);
        deflater.finish();
        byte[] out = new byte[text.length + 1024];
        int deflated = 0;
        while (!deflater.finished()) {
            deflated += deflater.deflate(out);
        }
        deflater.end();
        assertTrue(Math.abs(deflated - libbz2) > 0.02 * libbz2, "deflate " + deflated + " vs libbz2 " + libbz2);
    }
}
