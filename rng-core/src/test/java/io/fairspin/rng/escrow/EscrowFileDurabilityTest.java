package io.fairspin.rng.escrow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.fairspin.rng.keys.KeyFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the escrow file asks of the file system, in order, seen through its {@link EscrowFile.Channels}: real
 * channels wrapped to log every write, truncate and force (with the file's name) and to fail chosen ones. A
 * record is written then forced, data and metadata, before {@code append} returns; a new file's folder entry is
 * synced and an existing file's is not; a torn tail's bytes are written and forced to their cut file and the
 * folder synced before the escrow file is truncated and forced; a failed write is cut back to the last whole
 * record (or says it could not be), and every failure names its file.
 */
class EscrowFileDurabilityTest {
    private static final java.security.KeyPair AUDITOR = KeyFiles.generate(KeyFiles.ESCROW_ALGORITHM);

    @TempDir
    Path dir;

    private final List<String> log = new ArrayList<>();
    /** Operations ("write rng.escrow", "truncate rng.escrow", "force folder") that throw instead. */
    private Predicate<String> failing = op -> false;
    /** Bytes a failing write still writes before it throws. */
    private int partial;
    /**
     * When not 0: the most bytes one read or write moves, as the FileChannel contract allows, and every other
     * positional read moves none.
     */
    private int chunk;
    private boolean skipRead;

    private ByteBuffer limited(ByteBuffer buffer) {
        if (chunk == 0 || buffer.remaining() <= chunk) {
            return buffer;
        }
        return buffer.duplicate().limit(buffer.position() + chunk);
    }

    /** Moves {@code part}'s progress (a limited view of {@code buffer}) to {@code buffer}. */
    private static int advance(ByteBuffer buffer, ByteBuffer part, int moved) {
        if (part != buffer && moved > 0) {
            buffer.position(buffer.position() + moved);
        }
        return moved;
    }

    private EscrowFile.Channels channels() {
        return (path, options) -> new Logged(path.equals(dir) ? "folder" : path.getFileName().toString(),
                FileChannel.open(path, options));
    }

    private void check(String op) throws IOException {
        log.add(op);
        if (failing.test(op)) {
            throw new IOException(op.startsWith("force folder") ? null : "injected: " + op);
        }
    }

    /** A real channel that logs, and fails when told to, what the escrow file asks of it. */
    private final class Logged extends FileChannel {
        private final String name;
        private final FileChannel real;

        Logged(String name, FileChannel real) {
            this.name = name;
            this.real = real;
        }

        @Override
        public int write(ByteBuffer src, long position) throws IOException {
            String op = "write " + name;
            if (failing.test(op)) {
                ByteBuffer part = src.duplicate();
                part.limit(part.position() + Math.min(partial, part.remaining()));
                real.write(part, position);
            }
            check(op);
            ByteBuffer part = limited(src);
            return advance(src, part, real.write(part, position));
        }

        @Override
        public int write(ByteBuffer src) throws IOException {
            check("write " + name);
            ByteBuffer part = limited(src);
            return advance(src, part, real.write(part));
        }

        @Override
        public FileChannel truncate(long size) throws IOException {
            check("truncate " + name + " " + size);
            real.truncate(size);
            return this;
        }

        @Override
        public void force(boolean metaData) throws IOException {
            check("force " + name + (metaData ? "" : " (data only)"));
            real.force(metaData);
        }

        @Override
        public int read(ByteBuffer dst) throws IOException {
            return real.read(dst);
        }

        @Override
        public long read(ByteBuffer[] dsts, int offset, int length) throws IOException {
            return real.read(dsts, offset, length);
        }

        @Override
        public long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
            throw new UnsupportedOperationException();
        }

        @Override
        public long position() throws IOException {
            return real.position();
        }

        @Override
        public FileChannel position(long newPosition) throws IOException {
            real.position(newPosition);
            return this;
        }

        @Override
        public long size() throws IOException {
            return real.size();
        }

        @Override
        public long transferTo(long position, long count, WritableByteChannel target) {
            throw new UnsupportedOperationException();
        }

        @Override
        public long transferFrom(ReadableByteChannel src, long position, long count) {
            throw new UnsupportedOperationException();
        }

        @Override
        public int read(ByteBuffer dst, long position) throws IOException {
            if (chunk != 0 && (skipRead = !skipRead)) {
                return 0;
            }
            ByteBuffer part = limited(dst);
            return advance(dst, part, real.read(part, position));
        }

        @Override
        public MappedByteBuffer map(MapMode mode, long position, long size) {
            throw new UnsupportedOperationException();
        }

        @Override
        public FileLock lock(long position, long size, boolean shared) throws IOException {
            return real.lock(position, size, shared);
        }

        @Override
        public FileLock tryLock(long position, long size, boolean shared) throws IOException {
            return real.tryLock(position, size, shared);
        }

        @Override
        protected void implCloseChannel() throws IOException {
            real.close();
        }
    }

    @Test
    void aNewFilesFolderIsSyncedAndEachRecordIsForcedBeforeAppendReturns() throws Exception {
        Path file = dir.resolve("rng.escrow");
        try (EscrowFile escrow = EscrowFile.open(file, channels())) {
            assertEquals(List.of("force folder"), log);
            escrow.append(new byte[] {1, 2});
            escrow.append(new byte[] {3});
            assertEquals(List.of("force folder", "write rng.escrow", "force rng.escrow", "write rng.escrow",
                    "force rng.escrow"), log);
        }
        assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(file));
        log.clear();
        Files.write(file, new byte[0]);
        EscrowFile.open(file, channels()).close();
        assertEquals(List.of(), log, "an existing file's folder entry is durable already");
    }

    @Test
    void aTornTailIsSavedDurablyBeforeTheFileIsCut() throws Exception {
        Path file = dir.resolve("rng.escrow");
        EscrowFileTest.escrowRounds(file, AUDITOR, "a-", 2);
        long whole = Files.size(file);
        Files.write(file, new byte[] {'F', 'S', 'E', 'R', 1}, java.nio.file.StandardOpenOption.APPEND);
        try (EscrowFile escrow = EscrowFile.open(file, channels())) {
            String cut = "rng.escrow." + whole + ".cut";
            assertEquals(List.of("write " + cut, "force " + cut, "force folder", "truncate rng.escrow " + whole,
                    "force rng.escrow"), log);
            assertArrayEquals(new byte[] {'F', 'S', 'E', 'R', 1}, Files.readAllBytes(dir.resolve(cut)));
            assertEquals(whole, Files.size(file));
        }
    }

    @Test
    void aFailedWriteIsCutBackToTheLastWholeRecord() throws Exception {
        Path file = dir.resolve("rng.escrow");
        EscrowFileTest.escrowRounds(file, AUDITOR, "a-", 1);
        byte[] whole = Files.readAllBytes(file);
        EscrowFile escrow = EscrowFile.open(file, channels());
        failing = op -> op.equals("write rng.escrow");
        partial = 2;
        IOException e = assertThrows(IOException.class, () -> escrow.append(new byte[] {4, 5, 6, 7}));
        assertEquals(file + ": escrow record could not be written durably: injected: write rng.escrow", e.getMessage());
        assertEquals(List.of("write rng.escrow", "truncate rng.escrow " + whole.length, "force rng.escrow"), log);
        assertArrayEquals(whole, Files.readAllBytes(file));
        escrow.close();

        // Nothing written: nothing to cut, the file is forced as it is.
        EscrowFile again = EscrowFile.open(file, channels());
        log.clear();
        partial = 0;
        assertThrows(IOException.class, () -> again.append(new byte[] {4, 5}));
        assertEquals(List.of("write rng.escrow", "force rng.escrow"), log);
        assertArrayEquals(whole, Files.readAllBytes(file));
        again.close();
    }

    @Test
    void aCutBackThatFailsTooSaysSoAndTheNextOpenCutsThePartialRecord() throws Exception {
        Path file = dir.resolve("rng.escrow");
        EscrowFileTest.escrowRounds(file, AUDITOR, "a-", 1);
        long whole = Files.size(file);
        byte[] record = Arrays.copyOf(Files.readAllBytes(file), 70);
        EscrowFile escrow = EscrowFile.open(file, channels());
        failing = op -> op.equals("write rng.escrow") || op.startsWith("truncate");
        partial = 10;
        IOException e = assertThrows(IOException.class, () -> escrow.append(record));
        assertEquals(file + ": escrow record could not be written durably: injected: write rng.escrow; cutting the file "
                + "back to its last whole record at offset " + whole + " failed too (injected: truncate rng.escrow "
                + whole + "): the next open cuts the partial record off", e.getMessage());
        escrow.close();
        assertEquals(whole + 10, Files.size(file));
        try (EscrowFile reopened = EscrowFile.open(file)) {
            assertEquals(new TornTail(whole, 10), reopened.cut().orElseThrow().tail());
        }
    }

    @Test
    void shortReadsAndWritesAreContinuedWhereTheyStopped() throws Exception {
        chunk = 7;
        Path file = dir.resolve("rng.escrow");
        java.util.Map<String, byte[]> seeds = new java.util.HashMap<>();
        try (SeedEscrow escrow = new SeedEscrow(AUDITOR.getPublic(), EscrowFile.open(file, channels()));
             io.fairspin.rng.CertifiedRandom rng = io.fairspin.rng.CertifiedRandom.builder().reseedInterval(3)
                     .escrow(escrow).build()) {
            for (int i = 0; i < 6; i++) {
                for (io.fairspin.rng.RoundSeed seed : rng.roundSeeds(List.of("r-" + i, "s-" + i))) {
                    seeds.put(seed.roundId(), seed.reveal());
                }
            }
        }
        byte[] whole = Files.readAllBytes(file);
        byte[] torn = Arrays.copyOf(whole, 30);
        Files.write(file, torn, java.nio.file.StandardOpenOption.APPEND);
        try (EscrowFile reopened = EscrowFile.open(file, channels())) {
            assertEquals(new TornTail(whole.length, 30), reopened.cut().orElseThrow().tail());
            assertArrayEquals(torn, Files.readAllBytes(reopened.cut().get().savedAs()));
        }
        assertArrayEquals(whole, Files.readAllBytes(file));
        EscrowFileTest.assertReplays(file, AUDITOR, seeds);
    }

    @Test
    void aFolderThatCannotBeSyncedIsNamed() {
        Path file = dir.resolve("rng.escrow");
        failing = op -> op.equals("force folder");
        IOException e = assertThrows(IOException.class, () -> EscrowFile.open(file, channels()));
        assertEquals(dir + ": cannot sync the folder of the escrow file: IOException", e.getMessage());
    }
}
