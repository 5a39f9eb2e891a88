package io.fairspin.cert.entropy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Reading samples as NIST's tool does, and refusing what it cannot assess. */
class EntropySamplesTest {
    @Test
    void aSampleWiderThanDeclaredIsAnErrorNamingItsOffset() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> EntropySamples.of(new byte[] {1, 3, 7, 16, 2}, 4));
        assertEquals("the sample at byte offset 3 is 16, wider than 4 bits", e.getMessage());
    }

    @Test
    void anEmptyInputIsAnError() {
        assertThrows(IllegalArgumentException.class, () -> EntropySamples.of(new byte[0], 8));
    }

    @Test
    void widthsOutsideOneToEightAreErrors() {
        assertThrows(IllegalArgumentException.class, () -> EntropySamples.of(new byte[] {1}, 0));
        assertThrows(IllegalArgumentException.class, () -> EntropySamples.of(new byte[] {1}, 9));
    }

    @Test
    void fewSamplesAndNarrowSamplesAreStatedWarnings() {
        EntropySamples s = EntropySamples.of(new byte[] {0, 1, 1, 0}, 8);
        assertTrue(s.warnings().stream().anyMatch(w -> w.contains("asks for at least 1,000,000")), s.warnings().toString());
        assertTrue(s.warnings().stream().anyMatch(w -> w.contains("narrower than described")), s.warnings().toString());
    }

    @Test
    void symbolsAreTranslatedDownAndTheBitstringKeepsTheRawValues() {
        EntropySamples s = EntropySamples.of(new byte[] {3, 12, 3, 5}, 4);
        assertEquals(3, s.alphabetSize());
        assertArrayEquals(new byte[] {0, 2, 0, 1}, s.symbols());
        assertArrayEquals(new byte[] {0, 0, 1, 1, 1, 1, 0, 0, 0, 0, 1, 1, 0, 1, 0, 1}, s.bits());
    }
}
