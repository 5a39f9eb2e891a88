package io.fairspin.rng.escrow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fairspin.rng.CertifiedRandom;
import io.fairspin.rng.DrbgMechanism;
import io.fairspin.rng.RoundSeed;
import io.fairspin.rng.keys.KeyFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The escrow file's own rules: a torn last record is cut off on open (its bytes kept aside) and new
 * records replay after it; damage before the end is an error naming the file and offset and nothing is
 * appended; one writer at a time; one auditor key per file; an empty batch writes nothing.
 */
class EscrowFileTest {
    private static final KeyPair AUDITOR = KeyFiles.generate(KeyFiles.ESCROW_ALGORITHM);

    @TempDir
    Path dir;

    /** Escrows {@code count} round seeds (in batches of up to 5) and returns them by round id. */
    static Map<String, byte[]> escrowRounds(Path file, KeyPair auditor, String prefix, int count) throws IOException {
        Map<String, byte[]> seeds = new HashMap<>();
        try (SeedEscrow escrow = new SeedEscrow(auditor.getPublic(), EscrowFile.open(file));
             CertifiedRandom rng = CertifiedRandom.builder().reseedInterval(7).escrow(escrow).build()) {
            for (int i = 0; i < count; ) {
                List<String> ids = new ArrayList<>();
                for (int k = 0; k < 1 + i % 5 && i < count; k++, i++) {
                    ids.add(prefix + i);
                }
                for (RoundSeed seed : rng.roundSeeds(ids)) {
                    seeds.put(seed.roundId(), seed.reveal());
                }
            }
        }
        return seeds;
    }

    static void assertReplays(Path file, KeyPair auditor, Map<String, byte[]> seeds) throws IOException {
        try (EscrowReplay replay = EscrowReplay.read(file, auditor.getPrivate())) {
            assertEquals(Optional.empty(), replay.tornTail());
            seeds.forEach((id, seed) -> assertArrayEquals(seed, replay.round(id).seed().reveal(), id));
        }
    }

    /** {offset, length} of each record. */
    static List<long[]> records(byte[] escrow) {
        List<long[]> list = new ArrayList<>();
        for (int at = 0; at < escrow.length; ) {
            int length = Frame.HEADER_BYTES + ByteBuffer.wrap(escrow, at + Frame.HEADER_BYTES - 4, 4).getInt();
            list.add(new long[] {at, length});
            at += length;
        }
        return list;
    }

    @Test
    void aTornLastRecordIsCutOffKeptAsideAndNewRoundsReplayAfterIt() throws Exception {
        Path file = dir.resolve("rng.escrow");
        Map<String, byte[]> seeds = escrowRounds(file, AUDITOR, "a-", 12);
        byte[] whole = Files.readAllBytes(file);
        long[] last = records(whole).get(records(whole).size() - 1);
        Random random = new Random(13);
        for (int trial = 0; trial < 40; trial++) {
            int keep = 1 + random.nextInt((int) last[1] - 1);
            Files.write(file, Arrays.copyOf(whole, (int) last[0] + keep));
            try (EscrowFile opened = EscrowFile.open(file)) {
                EscrowFile.Cut cut = opened.cut().orElseThrow();
                assertEquals(new TornTail(last[0], keep), cut.tail());
                assertEquals(file.resolveSibling("rng.escrow." + last[0] + (trial == 0 ? "" : "-" + trial) + ".cut"),
                        cut.savedAs());
                assertArrayEquals(Arrays.copyOfRange(whole, (int) last[0], (int) last[0] + keep),
                        Files.readAllBytes(cut.savedAs()));
                assertEquals(last[0], Files.size(file));
            }
        }
        Map<String, byte[]> expected = new HashMap<>(seeds);
        // The torn record was the CLOSE record: rounds drawn before it are all in whole records.
        expected.putAll(escrowRounds(file, AUDITOR, "b-", 9));
        assertReplays(file, AUDITOR, expected);
        try (EscrowFile again = EscrowFile.open(file)) {
            assertEquals(Optional.empty(), again.cut());
        }
    }

    @Test
    void damageBeforeTheEndIsAnErrorNamingFileAndOffsetAndNothingIsWritten() throws Exception {
        Path file = dir.resolve("rng.escrow");
        escrowRounds(file, AUDITOR, "a-", 6);
        byte[] whole = Files.readAllBytes(file);
        List<long[]> records = records(whole);
        Random random = new Random(7);
        for (int trial = 0; trial < 30; trial++) {
            long[] record = records.get(1 + random.nextInt(records.size() - 2));
            byte[] damaged = whole.clone();
            int field = random.nextInt(4);
            int at = (int) record[0] + new int[] {random.nextInt(4), 4, 5, Frame.HEADER_BYTES - 4}[field];
            damaged[at] = (byte) (field == 3 ? 0x7F : damaged[at] ^ (1 + random.nextInt(255)));
            Files.write(file, damaged);
            EscrowException e = assertThrows(EscrowException.class, () -> EscrowFile.open(file));
            assertTrue(e.getMessage().startsWith(file + ": offset " + record[0] + ": "), e.getMessage());
            assertTrue(e.getMessage().endsWith("the file is damaged here, and nothing is appended after damage"),
                    e.getMessage());
            assertArrayEquals(damaged, Files.readAllBytes(file));
        }
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(List.of(file), left.toList(), "no cut file for damage");
        }
    }

    @Test
    void aSecondWriterIsRefusedUntilTheFirstCloses() throws Exception {
        Path file = dir.resolve("rng.escrow");
        try (EscrowFile first = EscrowFile.open(file)) {
            IOException e = assertThrows(IOException.class, () -> EscrowFile.open(file));
            assertEquals(file + ": the escrow file is open for writing elsewhere (another process or generator "
                    + "holds its lock); one writer at a time", e.getMessage());
            first.append(new byte[0]);
        }
        EscrowFile.open(file).close();
    }

    @Test
    void aFileIsBoundToTheKeyOfItsRecords() throws Exception {
        Path file = dir.resolve("rng.escrow");
        Map<String, byte[]> seeds = escrowRounds(file, AUDITOR, "a-", 3);
        byte[] before = Files.readAllBytes(file);
        KeyPair other = KeyFiles.generate(KeyFiles.ESCROW_ALGORITHM);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new SeedEscrow(other.getPublic(), EscrowFile.open(file)));
        assertEquals(file + ": its records are sealed to auditor key " + KeyFiles.keyId(AUDITOR.getPublic())
                + ", not to the given key " + KeyFiles.keyId(other.getPublic()) + "; an escrow file holds one auditor "
                + "key's records (use that key, or another escrow file)", e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(file));
        try (EscrowFile reopened = EscrowFile.open(file)) {
            assertEquals(Optional.of(KeyFiles.keyId(AUDITOR.getPublic())), reopened.keyId(), "the refusal closed it");
        }
        seeds.putAll(escrowRounds(file, AUDITOR, "b-", 3));
        assertReplays(file, AUDITOR, seeds);
    }

    @Test
    void recordsOfTwoKeysInOneFileAreDamage() throws Exception {
        Path a = dir.resolve("a.escrow");
        Path b = dir.resolve("b.escrow");
        escrowRounds(a, AUDITOR, "a-", 2);
        escrowRounds(b, KeyFiles.generate(KeyFiles.ESCROW_ALGORITHM), "b-", 2);
        long sizeA = Files.size(a);
        Files.write(a, Files.readAllBytes(b), java.nio.file.StandardOpenOption.APPEND);
        EscrowException e = assertThrows(EscrowException.class, () -> EscrowFile.open(a));
        assertTrue(e.getMessage().startsWith(a + ": offset " + sizeA + ": the record is sealed to key "), e.getMessage());
    }

    @Test
    void anEmptyBatchWritesNothing() throws Exception {
        Path file = dir.resolve("rng.escrow");
        try (SeedEscrow escrow = new SeedEscrow(AUDITOR.getPublic(), EscrowFile.open(file));
             CertifiedRandom rng = CertifiedRandom.builder().escrow(escrow).build()) {
            long size = Files.size(file);
            assertEquals(List.of(), rng.roundSeeds(List.of()));
            assertEquals(size, Files.size(file));
            rng.roundSeeds(List.of("r-1"));
            assertTrue(Files.size(file) > size);
        }
        try (EscrowReplay replay = EscrowReplay.read(file, AUDITOR.getPrivate())) {
            assertEquals(1, replay.instances().get(0).generateCalls());
        }
    }

    @Test
    void aNewFileIsCreatedOnlyInAnExistingFolder() {
        Path file = dir.resolve("missing").resolve("rng.escrow");
        IOException e = assertThrows(IOException.class, () -> EscrowFile.open(file));
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
        assertFalse(Files.exists(file.getParent()));
    }

    @Test
    void aFailedAppendLeavesTheFileAtItsLastWholeRecord() throws Exception {
        Path file = dir.resolve("rng.escrow");
        escrowRounds(file, AUDITOR, "a-", 2);
        long size = Files.size(file);
        EscrowFile opened = EscrowFile.open(file);
        opened.close();
        IOException e = assertThrows(IOException.class, () -> opened.append(new byte[100]));
        assertTrue(e.getMessage().startsWith(file + ": escrow record could not be written durably"), e.getMessage());
        assertEquals(size, Files.size(file));
        assertEquals(DrbgMechanism.CTR_AES256, EscrowReplay.read(file, AUDITOR.getPrivate()).instances().get(0)
                .mechanism());
    }
}
