package io.fairspin.audit.log;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fairspin.rng.keys.KeyFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.KeyPair;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scanner's report of damage that only a hostile or broken writer makes, each with its file, offset and
 * message: checkpoint frames with a sound CRC that hold no checkpoint, another log's checkpoint, a checkpoint
 * going backwards; a segment whose header or name disagrees, an incomplete header before the last segment, an
 * entry with a sound frame that does not decode; a torn tail only at the end of the last segment.
 */
class LogScannerProblemsTest {
    private static final KeyPair OPERATOR = KeyFiles.generate("Ed25519");

    @TempDir
    Path tmp;

    /** A log of {@code rounds} rounds and a checkpoint after every {@code every} of them. */
    private static Path log(Path dir, String origin, int rounds, int every) throws IOException {
        try (AuditLog log = AuditLog.create(dir, origin, OPERATOR)) {
            for (int i = 0; i < rounds; i++) {
                log.append(TestLogs.round(i));
                if (i % every == every - 1) {
                    log.checkpoint();
                }
            }
        }
        return dir;
    }

    private static List<String> problems(Path dir) throws IOException {
        return LogScanner.scan(dir, entry -> { }).problems.stream().map(LogProblem::toString).toList();
    }

    /** Appends one frame with a sound CRC32C holding {@code payload}; returns its offset. */
    private static long appendFrame(Path file, byte[] payload) throws IOException {
        long offset = Files.size(file);
        ByteBuffer frame = ByteBuffer.allocate(Frames.FRAME_OVERHEAD + payload.length);
        Frames.put(frame, payload, new CRC32C());
        Files.write(file, frame.array(), StandardOpenOption.APPEND);
        return offset;
    }

    /** The payload of the frame at {@code offset}. */
    private static byte[] frameAt(Path file, long offset) throws IOException {
        return Frames.payload(LogFiles.read(file), offset);
    }

    /** The offset of each frame after a file's header. */
    private static List<Long> frames(Path file, byte[] magic) throws Exception {
        ByteBuffer bytes = LogFiles.read(file);
        long offset = Frames.readHeader(bytes, magic).length();
        List<Long> offsets = new java.util.ArrayList<>();
        while (offset < bytes.limit()) {
            offsets.add(offset);
            offset += Frames.FRAME_OVERHEAD + Frames.payloadLength(bytes, offset);
        }
        return offsets;
    }

    @Test
    void checkpointFramesThatHoldNoCheckpointOfThisLogAreNamed() throws Exception {
        Path dir = log(tmp.resolve("log"), TestLogs.ORIGIN, 6, 3);
        Path checkpoints = dir.resolve(LogFiles.CHECKPOINTS);
        byte[] before = Files.readAllBytes(checkpoints);

        long at = appendFrame(checkpoints, new byte[] {(byte) 0xC3, 0x28});
        assertEquals(List.of("checkpoints at offset " + at + ": checkpoint is not UTF-8"), problems(dir));

        Files.write(checkpoints, before);
        at = appendFrame(checkpoints, "not a note".getBytes(StandardCharsets.UTF_8));
        List<String> malformed = problems(dir);
        assertEquals(1, malformed.size(), malformed.toString());
        assertTrue(malformed.get(0).startsWith("checkpoints at offset " + at + ": malformed checkpoint: "), malformed.get(0));

        Path other = log(tmp.resolve("other"), "other.example/log", 3, 3);
        Path otherCheckpoints = other.resolve(LogFiles.CHECKPOINTS);
        Files.write(checkpoints, before);
        at = appendFrame(checkpoints, frameAt(otherCheckpoints, frames(otherCheckpoints, Frames.CHECKPOINT_MAGIC).get(1)));
        assertEquals(List.of("checkpoints at offset " + at + ": checkpoint origin 'other.example/log' is not the log's, '"
                + TestLogs.ORIGIN + "'"), problems(dir));

        // The checkpoints file holds the new log's, then those of sizes 4 and 7 (the key announcement and 3, then 6
        // rounds): size 4 again goes backwards.
        Files.write(checkpoints, before);
        List<Long> offsets = frames(checkpoints, Frames.CHECKPOINT_MAGIC);
        assertEquals(3, offsets.size());
        at = appendFrame(checkpoints, frameAt(checkpoints, offsets.get(1)));
        assertEquals(List.of("checkpoints at offset " + at + ": checkpoint of size 4 follows a larger one (7): the log "
                + "went backwards"), problems(dir));
        Files.write(checkpoints, Arrays.copyOf(before, (int) (long) offsets.get(2)));
        assertEquals(List.of(), problems(dir), "the control: cut after size 4, the log is sound");
    }

    @Test
    void aSegmentWhoseNameOrOriginDisagreesOrThatIsNotWholeBeforeTheLastIsNamed() throws Exception {
        Path dir = tmp.resolve("log");
        try (AuditLog log = AuditLog.create(dir, TestLogs.ORIGIN, OPERATOR, AuditLog.Options.defaults().segmentBytes(4096))) {
            for (int i = 0; i < 40; i++) {
                log.append(TestLogs.round(i));
            }
        }
        List<Path> segments = LogFiles.segments(dir);
        assertTrue(segments.size() >= 3, segments.toString());
        Path second = segments.get(1);
        byte[] secondBytes = Files.readAllBytes(second);

        Files.write(second, Arrays.copyOf(secondBytes, 20));
        List<String> incomplete = problems(dir);
        assertEquals(second.getFileName() + " at offset 0: the segment header is incomplete", incomplete.get(0));
        assertEquals(2, incomplete.size(), "then only the checkpoint no longer covered: " + incomplete);

        Files.write(second, secondBytes);
        Path renamed = second.resolveSibling(LogFiles.segmentName(1));
        Files.move(second, renamed);
        List<String> named = problems(dir);
        assertEquals(renamed.getFileName() + " at offset 0: the header says the first entry is "
                + Frames.readHeader(ByteBuffer.wrap(secondBytes), Frames.SEGMENT_MAGIC).firstIndex() + ", the name disagrees",
                named.get(0));
        assertEquals(2, named.size(), "then only the checkpoint no longer covered: " + named);
        Files.move(renamed, second);

        Path other = tmp.resolve("other");
        try (AuditLog log = AuditLog.create(other, "other.example/log", OPERATOR)) {
            log.append(TestLogs.round(0));
        }
        Path last = segments.get(segments.size() - 1);
        byte[] lastBytes = Files.readAllBytes(last);
        Files.write(last, Files.readAllBytes(other.resolve(LogFiles.segmentName(0))));
        List<String> foreign = problems(dir);
        assertTrue(foreign.contains(last.getFileName() + " at offset 0: origin 'other.example/log' is not the log's, '"
                + TestLogs.ORIGIN + "'"), foreign.toString());
        Files.write(last, lastBytes);
        assertEquals(List.of(), problems(dir), "the control: restored, the log is sound");
    }

    @Test
    void aLastSegmentWithATornHeaderIsCutWholeAndTheLogGoesOn() throws Exception {
        Path live = tmp.resolve("live");
        AuditLog writer = AuditLog.create(live, TestLogs.ORIGIN, OPERATOR, AuditLog.Options.defaults().segmentBytes(4096));
        int rounds = 0;
        while (LogFiles.segments(live).size() < 3) {
            writer.append(TestLogs.round(rounds++));
        }
        Path dir = TestLogs.crashImage(live, tmp.resolve("log"));
        writer.close();
        List<Path> segments = LogFiles.segments(dir);
        Path last = segments.get(segments.size() - 1);
        byte[] header = Arrays.copyOf(Files.readAllBytes(last), 12);
        Files.write(last, header);
        LogScanner.Result torn = LogScanner.scan(dir, entry -> { });
        assertEquals(List.of(), torn.problems);
        assertEquals(List.of(new LogScanner.TornTail(last, 0, 12, true)), torn.tornTails);
        long intact = torn.entries;
        try (AuditLog reopened = AuditLog.open(dir, OPERATOR)) {
            assertEquals(1, reopened.recoveredCuts().size());
            io.fairspin.audit.record.TailCut cut = reopened.recoveredCuts().get(0);
            assertEquals(last.getFileName().toString(), cut.segment());
            assertEquals(0, cut.offset());
            assertEquals(12, cut.length());
            assertArrayEquals(header, Files.readAllBytes(dir.resolve(cut.savedAs())));
            assertEquals(intact + 1, reopened.size(), "the entries before it and the cut's own entry");
        }
        assertEquals(List.of(), problems(dir));
    }

    @Test
    void aSoundFrameThatIsNoEntryIsNamedAndATornTailOnlyEndsTheLastSegment() throws Exception {
        // A crash image: the key announcement and 4 rounds signed, 2 more rounds acknowledged but not yet signed.
        Path live = tmp.resolve("live");
        AuditLog writer = AuditLog.create(live, TestLogs.ORIGIN, OPERATOR);
        for (int i = 0; i < 6; i++) {
            writer.append(TestLogs.round(i));
            if (i == 3) {
                writer.checkpoint();
            }
        }
        Path dir = TestLogs.crashImage(live, tmp.resolve("log"));
        writer.close();
        Path segment = dir.resolve(LogFiles.segmentName(0));
        byte[] before = Files.readAllBytes(segment);
        long at = appendFrame(segment, "garbage".getBytes(StandardCharsets.UTF_8));
        List<String> problems = problems(dir);
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith(segment.getFileName() + " at offset " + at + ": malformed entry: "),
                problems.get(0));

        Files.write(segment, Arrays.copyOf(before, before.length - 3));
        LogScanner.Result torn = LogScanner.scan(dir, entry -> { });
        assertEquals(List.of(), torn.problems);
        assertEquals(1, torn.tornTails.size());
        LogScanner.TornTail tail = torn.tornTails.get(0);
        assertEquals(segment, tail.file());
        assertTrue(tail.truncated());
        long lastFrame = frames(segment, Frames.SEGMENT_MAGIC).get(6);
        assertEquals(lastFrame, tail.offset());
        assertEquals(before.length - 3 - lastFrame, tail.length());
        assertEquals(6, torn.entries, "the key announcement and rounds 0 to 4, before the torn one");
    }
}
