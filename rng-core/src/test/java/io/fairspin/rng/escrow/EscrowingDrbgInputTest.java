package io.fairspin.rng.escrow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.fairspin.rng.DrbgMechanism;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * An input the DRBG would refuse is refused before its record: a RESEED record of a reseed that was never
 * made is one that no replay can apply.
 */
class EscrowingDrbgInputTest {
    @Test
    void anInputTheMechanismRefusesWritesNoRecord() {
        DrbgMechanism noDf = DrbgMechanism.CTR_AES256_NO_DF;
        AtomicInteger records = new AtomicInteger();
        EscrowingDrbg drbg = new EscrowingDrbg(noDf.instantiate(new byte[48], null, null), 64,
                (sequence, payload) -> records.incrementAndGet());
        int before = records.get();
        byte[] tooLong = new byte[noDf.maxAdditionalInputBytes() + 1];
        assertThrows(IllegalArgumentException.class, () -> drbg.reseed(new byte[48], tooLong));
        assertEquals(before, records.get(), "no record of a reseed that was not made");
        assertThrows(IllegalArgumentException.class, () -> drbg.reseed(new byte[47], null));
        assertEquals(before, records.get(), "nor of one whose entropy input has the wrong length");
        drbg.generate(new byte[16], 0, 16, null);
        assertEquals(before + 1, records.get(), "the DRBG goes on, its next request escrowed");
    }
}
