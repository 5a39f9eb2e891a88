package io.fairspin.cli.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class InputsTest {
    /** SHA-256("abc"), FIPS 180-2 appendix B.1. */
    private static final String ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

    @Test
    void everyReportOfARunStatesStdinAsRead() throws Exception {
        Inputs inputs = new Inputs();
        try (InputStream in = inputs.stdin(new ByteArrayInputStream("abc".getBytes(StandardCharsets.US_ASCII)))) {
            in.readAllBytes();
        }
        List<Inputs.Input> first = inputs.describe();
        assertEquals(List.of(new Inputs.Input("-", 3, ABC)), first);
        assertEquals(first, inputs.describe(), "a second report (text after HTML) states the same hash");
    }
}
