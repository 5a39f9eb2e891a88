package io.fairspin.rng.escrow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fairspin.rng.internal.SecretBuffers;
import io.fairspin.rng.keys.KeyFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Escrow's secrets are wiped, observably: every buffer of secret bytes that escrowing, reading and replaying
 * make (payload copies of the DRBG inputs, plaintexts before sealing and after opening, decoded fields,
 * replayed round outputs) is watched through {@link SecretBuffers} as it is made, and holds only zeros once
 * the call that owns it is done. Each test also sees the buffers hold secrets while they are in use (the
 * control: a watch that saw nothing, or only zeros, proves nothing).
 */
class EscrowWipeTest {
    private static final KeyPair AUDITOR = KeyFiles.generate(KeyFiles.ESCROW_ALGORITHM);

    @TempDir
    Path dir;

    private final List<byte[]> watched = new ArrayList<>();

    static boolean allZero(byte[] bytes) {
        for (byte b : bytes) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    /** Fails naming the first watched buffer that still holds a non-zero byte; at least {@code atLeast} were watched. */
    static void assertAllWiped(List<byte[]> buffers, int atLeast, String after) {
        assertTrue(buffers.size() >= atLeast, after + ": only " + buffers.size() + " secret buffers were made");
        for (int i = 0; i < buffers.size(); i++) {
            assertTrue(allZero(buffers.get(i)), after + ": secret buffer " + i + " of " + buffers.size() + " ("
                    + buffers.get(i).length + " bytes) was not wiped");
        }
    }

    private static long nonZero(List<byte[]> buffers) {
        return buffers.stream().filter(b -> !allZero(b)).count();
    }

    @Test
    void escrowingWipesTheInputsAndPlaintextsOfEveryRecord() throws Exception {
        Path file = dir.resolve("rng.escrow");
        Map<String, byte[]> seeds = SecretBuffers.watching(watched::add,
                () -> EscrowFileTest.escrowRounds(file, AUDITOR, "r-", 12));
        // INSTANTIATE, RESEEDs, batches and CLOSE: each a payload copy, its encoding, the plaintext and the
        // writer's own decoding of it.
        assertAllWiped(watched, 30, "escrowing 12 rounds");
        EscrowFileTest.assertReplays(file, AUDITOR, seeds);
    }

    @Test
    void aReplayHoldsTheOpenedInputsUntilClosedAndWipesThemAndEveryRoundOutput() throws Exception {
        Path file = dir.resolve("rng.escrow");
        Map<String, byte[]> seeds = EscrowFileTest.escrowRounds(file, AUDITOR, "r-", 12);
        EscrowReplay replay = SecretBuffers.watching(watched::add, () -> EscrowReplay.read(file, AUDITOR.getPrivate()));
        int opened = watched.size();
        assertTrue(nonZero(watched) > 0, "the control: the opened inputs are held while the replay is open");
        // One round near the end: the replay runs through the batches before it, whose outputs no one asked for.
        EscrowReplay.Round one = SecretBuffers.watching(watched::add, () -> replay.round("r-10"));
        assertArrayEquals(seeds.get("r-10"), one.seed().reveal());
        // Batches of 1, 2, 4 and 3 rounds before it (escrowRounds), then its own: 11 outputs.
        assertAllWiped(new ArrayList<>(watched.subList(opened, watched.size())), 11, "replaying round r-10");
        Map<String, EscrowReplay.Round> rounds = SecretBuffers.watching(watched::add, () -> replay.rounds(seeds.keySet()));
        assertAllWiped(new ArrayList<>(watched.subList(opened, watched.size())), 11 + seeds.size(),
                "replaying " + seeds.size() + " rounds");
        seeds.forEach((id, seed) -> assertArrayEquals(seed, rounds.get(id).seed().reveal(), id));
        replay.close();
        assertAllWiped(watched, opened, "closing the replay");
    }

    @Test
    void aReadingThatFailsWipesWhatItOpenedBeforeTheFailure() throws Exception {
        Path file = dir.resolve("rng.escrow");
        EscrowFileTest.escrowRounds(file, AUDITOR, "r-", 12);
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length - 1] ^= 1; // the last record's tag: it fails authentication, the records before it open
        Files.write(file, bytes);
        EscrowException e = assertThrows(EscrowException.class, () -> SecretBuffers.watching(watched::add,
                () -> EscrowReplay.read(file, AUDITOR.getPrivate())));
        assertTrue(e.getMessage().endsWith("fails authentication: the record was altered, or moved from another place "
                + "or file"), e.getMessage());
        assertAllWiped(watched, 10, "a failed reading");
    }

    @Test
    void wipingAPayloadZeroesEveryInputItHolds() {
        byte[] entropy = {1, 2, 3};
        Payload instantiate = Payload.instantiate("ctr-aes256", 10, 32, entropy, new byte[] {4, 5}, new byte[] {6});
        Payload reseed = Payload.reseed(1, new byte[] {7, 8}, new byte[] {9}, 0);
        Payload batch = Payload.generateBatch(2, new int[] {32, 32}, new byte[][] {{10, 11}, {12}});
        List<Payload> payloads = List.of(instantiate, reseed, batch);
        List<byte[]> fields = new ArrayList<>();
        for (Payload p : payloads) {
            fields.addAll(List.of(p.entropyInput, p.nonce, p.personalization, p.additionalInput));
            p.draws.forEach(d -> fields.add(d.additionalInput));
        }
        assertEquals(7, nonZero(fields), "the control: seven of the fields hold input");
        payloads.forEach(Payload::wipe);
        assertAllWiped(fields, 14, "wiping the payloads");
        assertArrayEquals(new byte[] {1, 2, 3}, entropy, "the caller's own input is the caller's: a copy was wiped");
    }
}
