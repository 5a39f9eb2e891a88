package io.fairspin.rng.escrow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fairspin.rng.Drbg;
import io.fairspin.rng.DrbgMechanism;
import io.fairspin.rng.RngFailureException;
import io.fairspin.rng.keys.KeyFiles;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The escrow's rules at their limits: what a reader accepts of an INSTANTIATE or RESEED record (request size,
 * unread bytes), the writer's refusal of a record a reader would reject or could not hold, the figures an
 * auditor reads for an instance (counted here call by call), the replay of an instance that was never closed,
 * and the error messages a user sees for a folder, a duplicated round id and too many cut files.
 */
class EscrowRulesTest {
    private static final KeyPair AUDITOR = KeyFiles.generate(KeyFiles.ESCROW_ALGORITHM);
    private static final String ID = "0123456789abcdef";
    private static final int REQUEST = 32;

    @TempDir
    Path dir;

    private static byte[] filled(int length, int value) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, (byte) value);
        return bytes;
    }

    private static Payload instantiate(int requestBytes) {
        return Payload.instantiate("ctr-aes256", 100, requestBytes, filled(32, 1), filled(16, 2), null);
    }

    @Test
    void anInstantiateRecordsRequestSizeIsOneToTheLargestRequest() {
        int max = DrbgMechanism.MAX_BYTES_PER_REQUEST;
        assertNull(EscrowReader.payloadProblem(instantiate(1)));
        assertNull(EscrowReader.payloadProblem(instantiate(max)));
        assertEquals("INSTANTIATE record has request size 0, expected 1 to " + max,
                EscrowReader.payloadProblem(instantiate(0)));
        assertEquals("INSTANTIATE record has request size " + (max + 1) + ", expected 1 to " + max,
                EscrowReader.payloadProblem(instantiate(max + 1)));
        assertEquals("INSTANTIATE record names an unknown mechanism", EscrowReader.payloadProblem(
                Payload.instantiate("ctr-aes512", 100, 32, filled(32, 1), filled(16, 2), null)));
        assertNull(EscrowReader.payloadProblem(Payload.close(3)), "only INSTANTIATE records have these fields");
    }

    @Test
    void aReseedDropsFewerBytesThanARequestAndOnlyAfterARequest() {
        Payload start = instantiate(REQUEST);
        assertNull(EscrowReader.unreadProblem(List.of(start, Payload.reseed(1, filled(32, 3), null, REQUEST - 1))));
        assertEquals("RESEED record drops 32 unread bytes of a request of 32, expected fewer",
                EscrowReader.unreadProblem(List.of(start, Payload.reseed(1, filled(32, 3), null, REQUEST))));
        String noRequest = "RESEED record drops unread bytes of a request, but no request was made since the instance's "
                + "start or its previous drop";
        assertEquals(noRequest, EscrowReader.unreadProblem(List.of(start, Payload.reseed(0, filled(32, 3), null, 5))));
        // The request may be before an earlier record that dropped nothing...
        assertNull(EscrowReader.unreadProblem(List.of(start, Payload.generate(2, 40, filled(4, 9)),
                Payload.reseed(0, filled(32, 3), null, 0), Payload.reseed(0, filled(32, 3), null, 5))));
        // ...but not before an earlier drop.
        assertEquals(noRequest, EscrowReader.unreadProblem(List.of(start, Payload.generate(2, 40, filled(4, 9)),
                Payload.reseed(0, filled(32, 3), null, 4), Payload.reseed(0, filled(32, 3), null, 5))));
        assertNull(EscrowReader.unreadProblem(List.of(start, Payload.reseed(0, filled(32, 3), null))),
                "a reseed that drops nothing needs no request");
    }

    /** An escrow store that keeps the records in memory. */
    private static class MemoryStore implements EscrowStore {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        boolean closed;

        @Override
        public Optional<String> keyId() {
            return Optional.empty();
        }

        @Override
        public String toString() {
            return "memory";
        }

        @Override
        public void append(byte[] record) {
            bytes.write(record, 0, record.length);
        }

        @Override
        public void close() throws IOException {
            closed = true;
        }
    }

    @Test
    void theWriterRefusesARecordAReaderWouldRejectOrCouldNotHold() throws Exception {
        MemoryStore store = new MemoryStore();
        try (SeedEscrow escrow = new SeedEscrow(AUDITOR.getPublic(), store)) {
            assertEquals(KeyFiles.keyId(AUDITOR.getPublic()), escrow.keyId());
            assertEquals("SeedEscrow[key " + escrow.keyId() + ", " + store + "]", escrow.toString());
            RngFailureException zero = assertThrows(RngFailureException.class, () -> escrow.instantiate(ID,
                    DrbgMechanism.CTR_AES256, filled(32, 1), filled(16, 2), null, 100, 0));
            assertEquals("escrow: a record that a reader rejects (INSTANTIATE record has request size 0, expected 1 to "
                    + DrbgMechanism.MAX_BYTES_PER_REQUEST + ") was not written", zero.getMessage());
            assertEquals(0, store.bytes.size());

        }
        assertTrue(store.closed);
        // The largest record a reader accepts has a ciphertext of 1 MiB: a plaintext of 1 MiB less the tag. A batch of
        // 16 calls: requests (8), count (4), then per call its length (4) and its additional input, length-prefixed.
        int largest = Frame.MAX_CIPHERTEXT_BYTES - Frame.TAG_BYTES;
        int lastInput = largest - 12 - 16 * 8 - 15 * 65536;
        for (int extra : new int[] {0, 1}) {
            MemoryStore batches = new MemoryStore();
            byte[][] outputs = new byte[16][8];
            byte[][] inputs = new byte[16][];
            for (int i = 0; i < 16; i++) {
                inputs[i] = filled(i < 15 ? 65536 : lastInput + extra, i);
            }
            try (SeedEscrow escrow = new SeedEscrow(AUDITOR.getPublic(), batches)) {
                Drbg drbg = escrow.instantiate(ID, DrbgMechanism.CTR_AES256, filled(32, 1), filled(16, 2), null, 100, 32);
                int instantiate = batches.bytes.size();
                if (extra == 0) {
                    drbg.generateEach(outputs, inputs);
                    assertEquals(instantiate + Frame.HEADER_BYTES + Frame.MAX_CIPHERTEXT_BYTES, batches.bytes.size());
                    drbg.close();
                } else {
                    RngFailureException tooLong = assertThrows(RngFailureException.class, () -> drbg.generateEach(outputs,
                            inputs));
                    assertEquals("escrow: a record of " + (largest + 1) + " bytes is longer than a reader accepts",
                            tooLong.getMessage());
                    assertEquals(instantiate, batches.bytes.size());
                    continue;
                }
            }
            try (EscrowReplay replay = EscrowReplay.read(new ByteArrayInputStream(batches.bytes.toByteArray()), "memory",
                    AUDITOR.getPrivate())) {
                assertEquals(16, replay.instances().get(0).generateCalls(), "the largest record reads");
            }
        }
    }

    @Test
    void aStoreOfAnotherKeyIsClosedAndAFailureToCloseItIsKept() {
        IOException closing = new IOException("cannot close");
        EscrowStore other = new MemoryStore() {
            @Override
            public Optional<String> keyId() {
                return Optional.of("00000000000000aa");
            }

            @Override
            public void close() throws IOException {
                throw closing;
            }
        };
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new SeedEscrow(AUDITOR.getPublic(), other));
        assertTrue(e.getMessage().startsWith("memory: its records are sealed to auditor key 00000000000000aa"),
                e.getMessage());
        assertEquals(List.of(closing), List.of(e.getSuppressed()));
    }

    /**
     * One instance, call by call: 3 requests, a GENERATE, 2 requests, a batch of 3, 1 request, a reseed that
     * drops the last 5 bytes of that request, 4 requests, close. Returns the file's bytes and the requests.
     */
    private byte[] escrowOneInstance(ByteArrayOutputStream requests) throws Exception {
        MemoryStore store = new MemoryStore();
        try (SeedEscrow escrow = new SeedEscrow(AUDITOR.getPublic(), store)) {
            Drbg drbg = escrow.instantiate(ID, DrbgMechanism.CTR_AES256, filled(32, 1), filled(16, 2), null, 100, REQUEST);
            byte[] request = new byte[REQUEST];
            for (int call : new int[] {3, -1, 2, -3, 1, -5, 4}) {
                if (call > 0) {
                    for (int i = 0; i < call; i++) {
                        drbg.generate(request, 0, REQUEST, null);
                        requests.write(request, 0, REQUEST);
                    }
                } else if (call == -1) {
                    drbg.generate(new byte[20], 0, 20, filled(3, 7));
                } else if (call == -3) {
                    drbg.generateEach(new byte[][] {new byte[8], new byte[9], new byte[10]},
                            new byte[][] {filled(1, 1), null, filled(2, 2)});
                } else {
                    drbg.reseed(filled(32, 8), null, 5);
                    byte[] kept = requests.toByteArray();
                    requests.reset();
                    requests.write(kept, 0, kept.length - 5);
                }
            }
            drbg.close();
        }
        return store.bytes.toByteArray();
    }

    /** A generator's replayed output holds its replayed state and bytes while open, and closing it wipes them. */
    @Test
    void closingAnInstancesReplayedOutputWipesIt() throws Exception {
        byte[] escrow = escrowOneInstance(new ByteArrayOutputStream());
        try (EscrowReplay replay = EscrowReplay.read(new ByteArrayInputStream(escrow), "memory", AUDITOR.getPrivate())) {
            java.util.List<byte[]> watched = new java.util.ArrayList<>();
            EscrowReplay.Output output = io.fairspin.rng.internal.SecretBuffers.watching(watched::add, () -> {
                EscrowReplay.Output opened = replay.output(ID);
                opened.nextBytes(new byte[3 * REQUEST + 7]);
                return opened;
            });
            assertTrue(watched.stream().anyMatch(b -> !java.util.Arrays.equals(b, new byte[b.length])),
                    "the control: the replayed output's buffers hold secrets while open");
            output.close();
            EscrowWipeTest.assertAllWiped(watched, 1, "closing a replayed output");
        }
    }

    @Test
    void anInstancesFiguresAreItsCallsCounted() throws Exception {
        ByteArrayOutputStream requests = new ByteArrayOutputStream();
        byte[] escrow = escrowOneInstance(requests);
        try (EscrowReplay replay = EscrowReplay.read(new ByteArrayInputStream(escrow), "memory", AUDITOR.getPrivate())) {
            // INSTANTIATE, GENERATE, GENERATE_BATCH, RESEED, CLOSE; 3 + 2 + 1 + 4 requests; 1 + 3 other calls.
            assertEquals(List.of(new EscrowReplay.Instance(ID, DrbgMechanism.CTR_AES256, REQUEST, 5, 10, 4, true,
                    10 * REQUEST - 5)), replay.instances());
            byte[] output = new byte[10 * REQUEST - 5];
            replay.output(ID).nextBytes(output);
            assertArrayEquals(requests.toByteArray(), output);
            IllegalStateException past = assertThrows(IllegalStateException.class, () -> replay.output(ID)
                    .nextBytes(new byte[10 * REQUEST - 4]));
            assertEquals("DRBG " + ID + " was closed after 10 requests of 32 bytes; its output ends there", past.getMessage());
        }
    }

    @Test
    void anOutputStreamWipesTheOutputsOfTheGenerateRecordsItRunsThrough() throws Exception {
        ByteArrayOutputStream requests = new ByteArrayOutputStream();
        byte[] escrow = escrowOneInstance(requests);
        try (EscrowReplay replay = EscrowReplay.read(new ByteArrayInputStream(escrow), "memory", AUDITOR.getPrivate())) {
            List<byte[]> watched = new java.util.ArrayList<>();
            byte[] output = new byte[10 * REQUEST - 5];
            io.fairspin.rng.internal.SecretBuffers.watching(watched::add, () -> {
                replay.output(ID).nextBytes(output);
                return null;
            });
            assertArrayEquals(requests.toByteArray(), output);
            // The stream's own request buffer (32 bytes) holds the output it hands out; everything else it made is
            // zero: the outputs of the GENERATE record (20 bytes) and of the batch (8, 9 and 10 bytes), which went to
            // their callers and are wiped on the way, and the DRBG's derivation buffers (whole AES blocks).
            List<byte[]> holding = watched.stream().filter(b -> !EscrowWipeTest.allZero(b)).toList();
            assertEquals(1, holding.size(), "only the stream's request buffer holds bytes");
            assertEquals(REQUEST, holding.get(0).length);
            List<Integer> wiped = watched.stream().map(b -> b.length).filter(n -> n % 16 != 0).toList();
            assertEquals(List.of(20, 8, 9, 10), wiped);
        }
    }

    @Test
    void anOutputStreamsBlockRefillReadsTheNextByteInOrder() throws Exception {
        // Every read of an output stream is overridden to take exactly the bytes asked for; its one-byte block
        // refill (what RandomStream's own reads would call) must read the same output, in the same order.
        ByteArrayOutputStream requests = new ByteArrayOutputStream();
        byte[] escrow = escrowOneInstance(requests);
        byte[] expected = requests.toByteArray();
        try (EscrowReplay replay = EscrowReplay.read(new ByteArrayInputStream(escrow), "memory", AUDITOR.getPrivate())) {
            io.fairspin.rng.RandomStream stream = replay.output(ID);
            java.lang.reflect.Method nextBlock = io.fairspin.rng.RandomStream.class.getDeclaredMethod("nextBlock",
                    byte[].class, int.class);
            nextBlock.setAccessible(true);
            byte[] read = new byte[expected.length];
            for (int i = 0; i < read.length; i += 3) {
                nextBlock.invoke(stream, read, i); // one byte
                if (i + 1 < read.length) {
                    byte[] two = new byte[Math.min(2, read.length - i - 1)];
                    stream.nextBytes(two);
                    System.arraycopy(two, 0, read, i + 1, two.length);
                }
            }
            assertArrayEquals(expected, read);
        }
    }

    @Test
    void anInstanceThatWasNeverClosedReplaysPastItsLastRecord() throws Exception {
        ByteArrayOutputStream requests = new ByteArrayOutputStream();
        byte[] escrow = escrowOneInstance(requests);
        List<long[]> records = EscrowFileTest.records(escrow);
        byte[] open = Arrays.copyOf(escrow, (int) records.get(records.size() - 1)[0]); // without its CLOSE record
        try (EscrowReplay replay = EscrowReplay.read(new ByteArrayInputStream(open), "memory", AUDITOR.getPrivate())) {
            EscrowReplay.Instance instance = replay.instances().get(0);
            assertFalse(instance.closed());
            assertEquals(6, instance.requests(), "the 4 requests after the reseed were recorded by the CLOSE record");
            byte[] output = new byte[10 * REQUEST - 5 + 100];
            replay.output(ID).nextBytes(output);
            assertArrayEquals(requests.toByteArray(), Arrays.copyOf(output, 10 * REQUEST - 5), "the same requests");
        }
    }

    @Test
    void aClosedInstanceReplayHasWipedItsDrbg() throws Exception {
        ByteArrayOutputStream requests = new ByteArrayOutputStream();
        byte[] escrow = escrowOneInstance(requests);
        List<Payload> payloads = EscrowReader.read(new ByteArrayInputStream(escrow), "memory",
                Hpke.recipientPair(AUDITOR.getPrivate()), KeyFiles.keyIdBytes(AUDITOR.getPublic().getEncoded()))
                .instances().get(ID);
        InstanceReplay replay = new InstanceReplay(ID, payloads);
        assertEquals(REQUEST, replay.requestBytes());
        byte[] first = new byte[REQUEST];
        List<byte[]> buffers = new java.util.ArrayList<>();
        io.fairspin.rng.internal.SecretBuffers.watching(buffers::add, () -> {
            replay.nextOutput(first, 0, REQUEST);
            return null;
        });
        assertArrayEquals(Arrays.copyOf(requests.toByteArray(), REQUEST), first);
        assertEquals(1, buffers.size(), "the request buffer");
        assertArrayEquals(first, buffers.get(0), "the control: it holds the request until closed");
        replay.close();
        EscrowWipeTest.assertAllWiped(buffers, 1, "closing the instance replay");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> replay.nextOutput(first, 0, REQUEST));
        assertEquals("ctr-aes256: DRBG instance was closed", e.getMessage());
    }

    @Test
    void anotherAuditorsKeyIsSaidApartFromDamage() throws Exception {
        byte[] escrow = escrowOneInstance(new ByteArrayOutputStream());
        EscrowException wrong = assertThrows(EscrowException.class, () -> EscrowReplay.read(new ByteArrayInputStream(
                escrow), "memory", KeyFiles.generate(KeyFiles.ESCROW_ALGORITHM).getPrivate()));
        assertTrue(wrong.wrongKey(), wrong.getMessage());
        assertTrue(wrong.getMessage().endsWith(" (wrong key)"), wrong.getMessage());
        escrow[escrow.length - 1] ^= 1;
        EscrowException damaged = assertThrows(EscrowException.class, () -> EscrowReplay.read(new ByteArrayInputStream(
                escrow), "memory", AUDITOR.getPrivate()));
        assertFalse(damaged.wrongKey(), damaged.getMessage());
    }

    @Test
    void aReseedCannotDropMoreThanARequestOrWithoutOne() throws Exception {
        try (SeedEscrow escrow = new SeedEscrow(AUDITOR.getPublic(), new MemoryStore())) {
            Drbg drbg = escrow.instantiate(ID, DrbgMechanism.CTR_AES256, filled(32, 1), filled(16, 2), null, 100, REQUEST);
            IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
                    () -> drbg.reseed(filled(32, 8), null, 5));
            assertEquals("unreadBytes: 5 bytes cannot have been dropped from no request since the last drop",
                    none.getMessage());
            drbg.generate(new byte[REQUEST], 0, REQUEST, null);
            IllegalArgumentException whole = assertThrows(IllegalArgumentException.class,
                    () -> drbg.reseed(filled(32, 8), null, REQUEST));
            assertEquals("unreadBytes: 32 bytes cannot have been dropped from a request of 32 bytes", whole.getMessage());
            drbg.reseed(filled(32, 8), null, REQUEST - 1);
            drbg.close();
        }
    }

    @Test
    void aRoundIdDrawnTwiceIsRefusedNamingBothPlaces() throws Exception {
        MemoryStore store = new MemoryStore();
        try (SeedEscrow escrow = new SeedEscrow(AUDITOR.getPublic(), store)) {
            Drbg drbg = escrow.instantiate(ID, DrbgMechanism.CTR_AES256, filled(32, 1), filled(16, 2), null, 100, REQUEST);
            byte[] input = io.fairspin.rng.RoundSeed.drawInput("twice");
            drbg.generate(new byte[32], 0, 32, input);
            drbg.generateEach(new byte[][] {new byte[32], new byte[32]}, new byte[][] {filled(3, 3), input});
            drbg.close();
        }
        try (EscrowReplay replay = EscrowReplay.read(new ByteArrayInputStream(store.bytes.toByteArray()), "memory",
                AUDITOR.getPrivate())) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> replay.round("twice"));
            assertEquals("memory: round 'twice' was drawn 2 times (DRBG " + ID + " record 1, DRBG " + ID + " record 2); a "
                    + "round id must be unique", e.getMessage());
            assertEquals("EscrowReplay[memory, 1 DRBG instances]", replay.toString());
        }
    }

    @Test
    void aFolderAMissingFolderAndTooManyCutsAreNamed() throws Exception {
        Path missing = dir.resolve("missing").resolve("rng.escrow");
        FileSystemException noFolder = assertThrows(FileSystemException.class, () -> EscrowFile.open(missing));
        assertEquals(missing + ": its folder does not exist", noFolder.getMessage());
        FileSystemException folder = assertThrows(FileSystemException.class, () -> EscrowReplay.read(dir,
                AUDITOR.getPrivate()));
        assertEquals(dir + ": is a folder, expected an escrow file", folder.getMessage());

        Path file = dir.resolve("rng.escrow");
        Files.write(file, new byte[] {'F', 'S', 'E'});
        Files.createFile(dir.resolve("rng.escrow.0.cut"));
        for (int attempt = 1; attempt <= 1000; attempt++) {
            Files.createFile(dir.resolve("rng.escrow.0-" + attempt + ".cut"));
        }
        IOException tooMany = assertThrows(IOException.class, () -> EscrowFile.open(file));
        assertEquals(dir.resolve("rng.escrow.0-1000.cut") + ": cannot save the torn escrow record: too many earlier cuts",
                tooMany.getMessage());
        assertEquals(3, Files.size(file), "nothing was cut");
        Files.delete(dir.resolve("rng.escrow.0-1000.cut"));
        try (EscrowFile opened = EscrowFile.open(file)) {
            assertEquals(dir.resolve("rng.escrow.0-1000.cut"), opened.cut().orElseThrow().savedAs(), "the 1001st name");
            assertEquals("torn last record at offset 0 (3 bytes) cut off, its bytes saved as " + opened.cut().get().savedAs(),
                    opened.cut().get().toString());
        }
    }
}
