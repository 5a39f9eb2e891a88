package io.fairspin.rng.escrow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fairspin.rng.CertifiedRandom;
import io.fairspin.rng.Drbg;
import io.fairspin.rng.DrbgMechanism;
import io.fairspin.rng.keys.KeyFiles;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.security.KeyPair;
import java.util.HexFormat;
import java.util.List;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.junit.jupiter.api.Test;

/**
 * The RESEED record's count of unread bytes (what {@code CertifiedRandom.reseed(additionalInput)} dropped of
 * its latest request): the writer refuses a count that no caller could have dropped, the reader rejects
 * one in a record sealed by anyone else, and a RESEED without a count (every record written before the
 * count existed) still reads as 0.
 */
class UnreadBytesRecordTest {
    private static final KeyPair AUDITOR = KeyFiles.generate(KeyFiles.ESCROW_ALGORITHM);
    private static final String INSTANCE = "00112233445566ff";
    private static final int REQUEST = CertifiedRandom.REQUEST_BYTES;

    /** Seals payloads as records of one instance, as SeedEscrow does but without its checks. */
    private static final class Records {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final AsymmetricKeyParameter recipient = Hpke.recipient(AUDITOR.getPublic());
        final byte[] keyId = KeyFiles.keyIdBytes(AUDITOR.getPublic().getEncoded());
        final byte[] instance = HexFormat.of().parseHex(INSTANCE);
        long sequence;

        Records add(Payload payload) {
            byte[][] sealed = Hpke.seal(recipient, Frame.info(keyId, instance),
                    Frame.aad(payload.type, keyId, instance, sequence), payload.encode());
            out.writeBytes(new Frame(payload.type, keyId, instance, sequence++, sealed[0], sealed[1]).encode());
            return this;
        }

        Records add(RecordType type, byte[] plaintext) {
            byte[][] sealed = Hpke.seal(recipient, Frame.info(keyId, instance),
                    Frame.aad(type, keyId, instance, sequence), plaintext);
            out.writeBytes(new Frame(type, keyId, instance, sequence++, sealed[0], sealed[1]).encode());
            return this;
        }

        String rejected() {
            EscrowException e = assertThrows(EscrowException.class, () -> EscrowReplay.read(
                    new ByteArrayInputStream(out.toByteArray()), "test.escrow", AUDITOR.getPrivate()));
            return e.getMessage();
        }
    }

    private static Records instantiated() {
        return new Records().add(Payload.instantiate("ctr-aes256", 100, REQUEST, new byte[48], new byte[16],
                new byte[0]));
    }

    private static Payload reseed(long requestsBefore, int unread) {
        return Payload.reseed(requestsBefore, new byte[32], new byte[] {1}, unread);
    }

    @Test
    void aCountOfAWholeRequestOrMoreIsRejected() {
        for (int unread : new int[] {REQUEST, REQUEST + 1, Integer.MAX_VALUE}) {
            String message = instantiated().add(reseed(1, unread)).rejected();
            assertTrue(message.contains("RESEED record drops " + unread + " unread bytes of a request of " + REQUEST
                    + ", expected fewer"), message);
        }
    }

    @Test
    void aCountWithNoRequestToDropFromIsRejected() {
        assertTrue(instantiated().add(reseed(0, 5)).rejected().contains("no request was made since the instance's start"
                + " or its previous drop"));
        // Two drops of the same request: the second has no request of its own.
        assertTrue(instantiated().add(reseed(3, 5)).add(Payload.generate(0, 32, new byte[] {7}))
                .add(reseed(0, 9)).rejected().contains("no request was made since"));
        // A drop after round-seed draws, of the request made before them, is what CertifiedRandom writes.
        try (EscrowReplay replay = read(instantiated().add(reseed(3, 5)).add(Payload.generate(1, 32, new byte[] {7}))
                .add(reseed(0, 9)))) {
            assertEquals(3, replay.instances().get(0).records() - 1);
        }
    }

    @Test
    void anExplicitZeroCountIsMalformedAndNoCountReadsAsZero() {
        byte[] old = reseed(2, 0).encode();
        byte[] zero = java.util.Arrays.copyOf(old, old.length + 4);
        assertTrue(instantiated().add(RecordType.RESEED, zero).rejected()
                .contains("unread byte count is 0, expected 1 or more (0 is written as no count)"));
        try (EscrowReplay replay = read(instantiated().add(RecordType.RESEED, old))) {
            byte[] first = new byte[10];
            replay.output(INSTANCE).nextBytes(first);
        }
    }

    @Test
    void theWriterRefusesACountNoCallerCouldHaveDropped() {
        EscrowingDrbg drbg = new EscrowingDrbg(DrbgMechanism.CTR_AES256.instantiate(new byte[48], new byte[16], null),
                REQUEST, (sequence, payload) -> { });
        assertThrows(IllegalArgumentException.class, () -> drbg.reseed(new byte[48], null, 1), "no request yet");
        drbg.generate(new byte[REQUEST], 0, REQUEST, null);
        assertThrows(IllegalArgumentException.class, () -> drbg.reseed(new byte[48], null, REQUEST));
        assertThrows(IllegalArgumentException.class, () -> drbg.reseed(new byte[48], null, -1));
        drbg.reseed(new byte[48], null, REQUEST - 1);
        assertThrows(IllegalArgumentException.class, () -> drbg.reseed(new byte[48], null, 1), "dropped already");
        Drbg plain = DrbgMechanism.CTR_AES256.instantiate(new byte[48], new byte[16], null);
        plain.reseed(new byte[48], null, 7); // a plain DRBG ignores the count
    }

    private static EscrowReplay read(Records records) {
        try {
            return EscrowReplay.read(new ByteArrayInputStream(records.out.toByteArray()), "test.escrow",
                    AUDITOR.getPrivate());
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void everyRejectionNamesTheSourceAndOffset() {
        List<String> messages = List.of(instantiated().add(reseed(1, REQUEST)).rejected(),
                instantiated().add(reseed(0, 1)).rejected());
        messages.forEach(m -> assertTrue(m.startsWith("test.escrow: offset "), m));
    }
}
