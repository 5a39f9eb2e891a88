package io.fairspin.audit.round;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class EscrowReferenceTest {

    @Test
    void aReferenceReadsBackAsWritten() {
        EscrowReference ref = new EscrowReference("92c05fcf864477da", "a0d0d0e95881a176", "table 7/round=12");
        assertEquals("fairspin-escrow/1 key=92c05fcf864477da drbg=a0d0d0e95881a176 round=table 7/round=12",
                ref.encode());
        assertEquals(ref, EscrowReference.parse(ref.encode()));
    }

    @Test
    void anythingElseIsRefusedWithTheExpectedForm() {
        for (String bad : new String[] {"demo:none", "fairspin-escrow/1 key=92c05fcf864477da drbg=A0D0 round=1",
            "fairspin-escrow/2 key=92c05fcf864477da drbg=a0d0d0e95881a176 round=1"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> EscrowReference.parse(bad));
            assertEquals("escrow_reference: '" + bad + "' is not of the form 'fairspin-escrow/1 key=<16 hex digits>"
                    + " drbg=<16 hex digits> round=<round id>'", e.getMessage());
        }
    }
}
