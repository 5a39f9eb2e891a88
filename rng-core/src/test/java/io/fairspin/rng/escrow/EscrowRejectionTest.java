package io.fairspin.rng.escrow;

import io.fairspin.rng.keys.KeyFiles;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fairspin.rng.DrbgMechanism;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An escrow that was altered in any way is rejected as a whole, with the offset of the first bad record
 * and what was expected; no error message carries a secret.
 */
class EscrowRejectionTest {
    private static final KeyPair AUDITOR = KeyFiles.generate("X25519");

    @TempDir
    Path dir;
    private Path file;
    private byte[] bytes;
    private List<int[]> records;
    private EscrowedRun run;
    private final List<String> messages = new ArrayList<>();

    @BeforeEach
    void escrowAShortRun() throws Exception {
        file = dir.resolve("rng.escrow");
        run = EscrowedRun.play(file, AUDITOR, DrbgMechanism.CTR_AES256, 2, false, 6);
        bytes = Files.readAllBytes(file);
        records = records(bytes);
    }

    /** {offset, length} of each record, from the ciphertext length at header offset 62. */
    private static List<int[]> records(byte[] escrow) {
        List<int[]> list = new ArrayList<>();
        for (int at = 0; at < escrow.length; ) {
            int length = Frame.HEADER_BYTES + ByteBuffer.wrap(escrow, at + 62, 4).getInt();
            list.add(new int[] {at, length});
            at += length;
        }
        return list;
    }

    private String rejected(byte[] altered) throws Exception {
        Files.write(file, altered);
        EscrowException e = assertThrows(EscrowException.class, () -> EscrowReplay.read(file, AUDITOR.getPrivate()));
        messages.add(e.getMessage());
        return e.getMessage();
    }

    private byte[] record(int index) {
        int[] r = records.get(index);
        return Arrays.copyOfRange(bytes, r[0], r[0] + r[1]);
    }

    private byte[] concat(byte[]... parts) {
        ByteBuffer b = ByteBuffer.allocate(Arrays.stream(parts).mapToInt(p -> p.length).sum());
        for (byte[] p : parts) {
            b.put(p);
        }
        return b.array();
    }

    private byte[] records(int from, int to) {
        return Arrays.copyOfRange(bytes, records.get(from)[0], to < records.size() ? records.get(to)[0] : bytes.length);
    }

    @Test
    void theUntouchedEscrowReads() throws Exception {
        try (EscrowReplay escrow = EscrowReplay.read(file, AUDITOR.getPrivate())) {
            assertEquals(records.size(), escrow.instances().get(0).records());
        }
        assertTrue(records.size() > 10, "instantiate, 6 rounds, reseeds, close: " + records.size());
    }

    @Test
    void aWrongKeyIsRejectedAtTheFirstRecord() throws Exception {
        KeyPair other = KeyFiles.generate("X25519");
        EscrowException e = assertThrows(EscrowException.class, () -> EscrowReplay.read(file, other.getPrivate()));
        assertEquals(file + ": offset 0: the record is sealed to key " + KeyFiles.keyId(AUDITOR.getPublic())
                + ", the given private key is " + KeyFiles.keyId(other.getPublic()) + " (wrong key)", e.getMessage());
        messages.add(e.getMessage());
        assertNoSecrets();
    }

    @Test
    void aTamperedCiphertextOrHeaderFailsAuthentication() throws Exception {
        int[] third = records.get(3);
        byte[] flipped = bytes.clone();
        flipped[third[0] + Frame.HEADER_BYTES + 5] ^= 1;
        assertEquals(file + ": offset " + third[0] + ": DRBG " + run.instanceId + " record 3 fails authentication:"
                + " the record was altered, or moved from another place or file", rejected(flipped));

        byte[] retyped = bytes.clone();
        retyped[third[0] + 5] = (byte) (retyped[third[0] + 5] == 2 ? 3 : 2);
        assertTrue(rejected(retyped).endsWith("record 3 fails authentication: the record was altered, or moved"
                + " from another place or file"));

        byte[] newEnc = bytes.clone();
        newEnc[third[0] + 30] ^= 0x40;
        assertTrue(rejected(newEnc).contains("record 3 fails authentication"));
        assertNoSecrets();
    }

    @Test
    void swappedRemovedOrDuplicatedRecordsAreOutOfSequence() throws Exception {
        int at = records.get(2)[0];
        String swapped = rejected(concat(records(0, 2), record(3), record(2), records(4, records.size())));
        assertEquals(file + ": offset " + at + ": DRBG " + run.instanceId + " record 3 where record 2 was expected:"
                + " a record is missing, duplicated or out of order", swapped);
        assertTrue(rejected(concat(records(0, 2), records(3, records.size()))).contains("record 3 where record 2"));
        assertTrue(rejected(concat(records(0, 3), record(2), records(3, records.size())))
                .contains("record 2 where record 3"));
        assertNoSecrets();
    }

    @Test
    void aSwappedRecordWithItsSequenceNumberRewrittenFailsAuthentication() throws Exception {
        byte[] second = record(2);
        byte[] third = record(3);
        ByteBuffer.wrap(second).putLong(22, 3);
        ByteBuffer.wrap(third).putLong(22, 2);
        assertTrue(rejected(concat(records(0, 2), third, second, records(4, records.size())))
                .endsWith("record 2 fails authentication: the record was altered, or moved from another place or file"));
        assertNoSecrets();
    }

    @Test
    void aRecordMovedToAnotherInstanceFailsAuthentication() throws Exception {
        Path otherFile = dir.resolve("other.escrow");
        EscrowedRun other = EscrowedRun.play(otherFile, AUDITOR, DrbgMechanism.CTR_AES256, 2, false, 6);
        byte[] foreign = records(Files.readAllBytes(otherFile)).stream().skip(1).findFirst()
                .map(r -> Arrays.copyOfRange(bytesOf(otherFile), r[0], r[0] + r[1])).orElseThrow();
        // Relabel the other file's record 1 as this instance's record 1.
        System.arraycopy(HexFormat.of().parseHex(run.instanceId), 0, foreign, 14, 8);
        assertTrue(rejected(concat(record(0), foreign, records(2, records.size())))
                .endsWith("DRBG " + run.instanceId + " record 1 fails authentication: the record was altered, or moved"
                        + " from another place or file"), other.instanceId);
        assertNoSecrets();
    }

    private static byte[] bytesOf(Path path) {
        try {
            return Files.readAllBytes(path);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aTornLastRecordIsReportedAndTheWholeRecordsBeforeItAreRead() throws Exception {
        int[] last = records.get(records.size() - 1);
        for (int keep : new int[] {last[1] - 7, 66, 65, 20, 4, 1}) {
            Files.write(file, Arrays.copyOf(bytes, last[0] + keep));
            try (EscrowReplay replay = EscrowReplay.read(file, AUDITOR.getPrivate())) {
                assertEquals(java.util.Optional.of(new TornTail(last[0], keep)), replay.tornTail(), "kept " + keep);
                assertEquals(records.size() - 1, replay.instances().stream().mapToInt(EscrowReplay.Instance::records)
                        .sum());
            }
        }
        Files.write(file, bytes);
        try (EscrowReplay replay = EscrowReplay.read(file, AUDITOR.getPrivate())) {
            assertEquals(java.util.Optional.empty(), replay.tornTail());
        }
        assertEquals(file + ": offset 0: no whole escrow record, only a torn one of 20 bytes",
                rejected(Arrays.copyOf(bytes, 20)));
        assertEquals(file + ": offset 0: empty: no escrow records", rejected(new byte[0]));
        assertEquals(file + ": offset 0: not an escrow record (expected the magic bytes \"FSER\")",
                rejected(new byte[100]));
        byte[] garbageTail = Arrays.copyOf(bytes, last[0] + 3);
        garbageTail[last[0] + 2] = 'X';
        assertEquals(file + ": offset " + last[0] + ": not an escrow record (expected the magic bytes \"FSER\")",
                rejected(garbageTail), "a partial header that is not a header's start is damage, not a torn tail");
        assertNoSecrets();
    }

    /** No 8-byte run of any entropy the generator read, seed it drew or private key byte appears in a message. */
    private void assertNoSecrets() {
        List<byte[]> secrets = new ArrayList<>(run.seeds);
        secrets.add(run.entropy.toByteArray());
        secrets.add(AUDITOR.getPrivate().getEncoded());
        Secrets.assertAbsent(secrets, messages);
    }
}
