package io.fairspin.audit.log;

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
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The follower's frame checks, which run partly on its decoding threads (a frame's CRC32C is checked where the frame is
 * decoded): a damaged frame in the middle of a segment is reported as damage at its own index and offset, with no entry
 * after it delivered; a damaged last frame is a write in progress, reported as a torn tail only when reading finishes;
 * the same on one thread and on three. The frames' offsets are found here by walking the segment's length fields, not
 * by the follower's code.
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

    private static Read read(Path dir, int threads) throws IOException {
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
        }, threads)) {
            follower.poll();
            problems.add("finish");
            follower.finish();
            for (int i = 0; i < indices.size(); i++) {
                assertEquals(i, indices.get(i));
            }
            assertEquals(indices.size(), follower.entries());
            return new Read(follower.entries(), problems);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3})
    void aDamagedFrameInTheMiddleIsDamageAtItsIndexAndOffset(int threads, @TempDir Path tmp) throws IOException {
        Path dir = log(tmp.resolve("log"));
        Path segment = segment(dir);
        byte[] bytes = Files.readAllBytes(segment);
        List<Long> frames = frameOffsets(bytes);
        assertEquals(3001, frames.size(), "the key announcement and 3,000 rounds");
        assertEquals(new Read(3001, List.of("finish")), read(dir, threads));

        // A payload byte of entry 1,800 changed (the frame's CRC32C no longer matches), then its CRC32C field instead.
        int damaged = 1800;
        long offset = frames.get(damaged);
        Read expected = new Read(damaged, List.of("CORRUPT " + damaged + " " + offset + " damaged frame, followed by a"
                + " valid frame at offset " + frames.get(damaged + 1), "finish"));
        for (int at : new int[] {(int) offset + 8 + 20, (int) offset + 5}) {
            byte[] changed = bytes.clone();
            changed[at] ^= 0x40;
            Files.write(segment, changed);
            assertEquals(expected, read(dir, threads));
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3})
    void aDamagedLastFrameIsATornTailWhenReadingFinishes(int threads, @TempDir Path tmp) throws IOException {
        Path dir = log(tmp.resolve("log"));
        Path segment = segment(dir);
        byte[] bytes = Files.readAllBytes(segment);
        List<Long> frames = frameOffsets(bytes);
        int last = frames.size() - 1;
        long offset = frames.get(last);
        bytes[bytes.length - 3] ^= 0x10;
        Files.write(segment, bytes);
        Read read = read(dir, threads);
        assertEquals(last, read.entries());
        assertEquals(List.of("finish", "TORN_TAIL " + last + " " + offset + " incomplete or damaged frame at the end of"
                + " the newest segment (a write in progress, or a torn tail the next open cuts)"), read.problems());
    }
}
