package io.fairspin.audit.log;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fairspin.audit.record.LogEntry;
import io.fairspin.rng.keys.KeyFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The follower's frame checks, which run partly on its decoding threads (a frame's CRC32C is checked where the frame is
 * decoded): a damaged frame in the middle of a segment is reported as damage at its own index and offset, with no entry
 * after it delivered; a damaged last frame is a write in progress until reading finishes, then damage (as
 * {@code audit verify} says), here in a signed entry;
 * the same on one thread and on three, and with the segment read in chunks of 16 MiB (the whole segment at once) or of
 * 5,000 bytes (frames split between chunks, and on three threads each chunk read ahead while the one before is
 * decoded). An entry that does not link to the one before it is found in the middle of a decoding batch too (where the
 * decoding thread compares it with its neighbour). The frames' offsets are found here by walking the segment's length
 * fields, not by the follower's code.
 */
class LogFollowerFramesTest {
    private final KeyPair operator = KeyFiles.generate("Ed25519");

    /** A one-segment log of 3,000 rounds (more than a decoding batch of 256, so the damage falls in a later batch). */
    private Path log(Path dir) throws IOException {
        try (AuditLog log = AuditLog.create(dir, TestLogs.ORIGIN, operator)) {
            for (long n = 0; n < 3000; n++) {
                log.append(TestLogs.round(n));
                if ((n + 1) % 500 == 0) {
                    log.checkpoint();
                }
            }
        }
        return dir;
    }

    private static Path segment(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".seg")).sorted().findFirst().orElseThrow();
        }
    }

    /** The segment header's length: magic (8), version (2), first index (8), origin length (4), origin, CRC32C (4). */
    private static int headerLength(byte[] segment) {
        return 8 + 2 + 8 + 4 + ByteBuffer.wrap(segment).getInt(18) + 4;
    }

    /** The offset of every frame of the segment: after the header, each frame is a u32 length, a u32 CRC, the bytes. */
    private static List<Long> frameOffsets(byte[] segment) {
        List<Long> offsets = new ArrayList<>();
        ByteBuffer in = ByteBuffer.wrap(segment);
        for (int at = headerLength(segment); at < segment.length; at += 8 + in.getInt(at)) {
            offsets.add((long) at);
        }
        return offsets;
    }

    private record Read(long entries, List<String> problems) {
    }

    private static Read read(Path dir, int threads, int chunkBytes) throws IOException {
        return read(dir, threads, chunkBytes, new byte[1][]);
    }

    /** Reads the log; {@code root} gets the root hash of the entries read. */
    private static Read read(Path dir, int threads, int chunkBytes, byte[][] root) throws IOException {
        List<String> problems = new ArrayList<>();
        List<Long> indices = new ArrayList<>();
        try (LogFollower follower = new LogFollower(dir, new LogFollower.Listener() {
            @Override
            public void entry(LogEntry entry) {
                indices.add(entry.index());
            }

            @Override
            public void problem(LogFollower.Problem kind, long index, LogProblem problem) {
                problems.add(kind + " " + index + " " + problem.offset() + " " + problem.message());
            }
        }, threads, chunkBytes)) {
            follower.poll();
            problems.add("finish");
            follower.finish();
            for (int i = 0; i < indices.size(); i++) {
                assertEquals(i, indices.get(i));
            }
            assertEquals(indices.size(), follower.entries());
            root[0] = follower.rootHash();
            return new Read(follower.entries(), problems);
        }
    }

    /** The segment read whole (the default chunk) or in chunks of 5,000 bytes, on one thread and on three. */
    private static final String READS = """
            1, 16777216
            3, 16777216
            1, 5000
            3, 5000
            """;

    @ParameterizedTest
    @CsvSource(textBlock = READS)
    void aDamagedFrameInTheMiddleIsDamageAtItsIndexAndOffset(int threads, int chunkBytes, @TempDir Path tmp)
            throws IOException {
        Path dir = log(tmp.resolve("log"));
        Path segment = segment(dir);
        byte[] bytes = Files.readAllBytes(segment);
        List<Long> frames = frameOffsets(bytes);
        assertEquals(3001, frames.size(), "the key announcement and 3,000 rounds");
        byte[][] root = new byte[1][];
        assertEquals(new Read(3001, List.of("finish")), read(dir, threads, chunkBytes, root));
        byte[][] wholeOnOneThread = new byte[1][];
        read(dir, 1, 16 << 20, wholeOnOneThread);
        assertArrayEquals(wholeOnOneThread[0], root[0], "the same tree however the segment is read");

        // A payload byte of entry 1,800 changed (the frame's CRC32C no longer matches), then its CRC32C field instead.
        int damaged = 1800;
        long offset = frames.get(damaged);
        Read expected = new Read(damaged, List.of("CORRUPT " + damaged + " " + offset + " damaged frame, followed by a"
                + " valid frame at offset " + frames.get(damaged + 1), "finish"));
        for (int at : new int[] {(int) offset + 8 + 20, (int) offset + 5}) {
            byte[] changed = bytes.clone();
            changed[at] ^= 0x40;
            Files.write(segment, changed);
            assertEquals(expected, read(dir, threads, chunkBytes));
        }
    }

    /**
     * Entry 1,800 (the ninth of a decoding batch of 256 that starts at the key announcement) with a changed previous
     * hash in an intact frame (its CRC32C computed again): the chain breaks there, and nothing after it is delivered.
     */
    @ParameterizedTest
    @CsvSource(textBlock = READS)
    void anEntryThatDoesNotLinkInTheMiddleOfABatchBreaksTheChain(int threads, int chunkBytes, @TempDir Path tmp)
            throws IOException {
        Path dir = log(tmp.resolve("log"));
        Path segment = segment(dir);
        byte[] bytes = Files.readAllBytes(segment);
        List<Long> frames = frameOffsets(bytes);
        int relinked = 1800;
        int offset = (int) (long) frames.get(relinked);
        // payload: version u8, type u8, index i64, previous hash [32]
        bytes[offset + 8 + 10 + 5] ^= 0x01;
        int length = ByteBuffer.wrap(bytes).getInt(offset);
        CRC32C crc = new CRC32C();
        crc.update(bytes, offset, 4);
        crc.update(bytes, offset + 8, length);
        ByteBuffer.wrap(bytes).putInt(offset + 4, (int) crc.getValue());
        Files.write(segment, bytes);
        assertEquals(new Read(relinked, List.of("CORRUPT " + relinked + " " + offset + " entry " + relinked
                + " does not link to the entry before it: the chain is broken", "finish")), read(dir, threads,
                chunkBytes));
    }

    @ParameterizedTest
    @CsvSource(textBlock = READS)
    void aDamagedLastFrameIsDamageWhenReadingFinishes(int threads, int chunkBytes, @TempDir Path tmp)
            throws IOException {
        Path dir = log(tmp.resolve("log"));
        Path segment = segment(dir);
        byte[] bytes = Files.readAllBytes(segment);
        List<Long> frames = frameOffsets(bytes);
        int last = frames.size() - 1;
        long offset = frames.get(last);
        bytes[bytes.length - 3] ^= 0x10;
        Files.write(segment, bytes);
        Read read = read(dir, threads, chunkBytes);
        assertEquals(last, read.entries());
        long checkpoints = Files.size(dir.resolve(LogFiles.CHECKPOINTS));
        assertEquals(List.of("finish", "CHECKPOINT " + last + " " + checkpoints + " a signed checkpoint covers "
                + (last + 1) + " entries but only " + last + " are intact: signed entries are missing or damaged (a"
                + " writer's open refuses the log)", "CORRUPT " + last + " " + offset + " the last frame of the newest"
                + " segment is whole but its length or CRC32C is wrong: damage, or a torn write after a power loss (the"
                + " next open cuts and logs it)"), read.problems());
    }
}
