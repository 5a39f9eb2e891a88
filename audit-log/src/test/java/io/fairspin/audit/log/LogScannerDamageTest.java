package io.fairspin.audit.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fairspin.rng.keys.KeyFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Damage in the middle of a log, with the whole list of what the scanner reports (not only its first line): the
 * damage itself, named by file and offset, and then that the signed checkpoint covers entries that are no longer
 * intact. Nothing after damage is taken as an intact entry, so nothing after it is reported as a second gap or
 * break. Each case is a crash image of one log: the key announcement and 5 rounds, signed, then 3 more rounds
 * acknowledged but not yet signed.
 */
class LogScannerDamageTest {
    private static final KeyPair OPERATOR = KeyFiles.generate("Ed25519");

    @TempDir
    Path tmp;

    private Path image(String name, int offset) throws IOException {
        Path live = tmp.resolve(name + "-live");
        AuditLog writer = AuditLog.create(live, TestLogs.ORIGIN, OPERATOR);
        for (int i = 0; i < 8; i++) {
            writer.append(TestLogs.round(offset + i));
            if (i == 4) {
                writer.checkpoint();
            }
        }
        Path dir = TestLogs.crashImage(live, tmp.resolve(name));
        writer.close();
        return dir;
    }

    private static List<String> problems(Path dir) throws IOException {
        return LogScanner.scan(dir, entry -> { }).problems.stream().map(LogProblem::toString).toList();
    }

    /** The segment's bytes split at its frames: the header, then each frame. */
    private static List<byte[]> pieces(Path segment) throws Exception {
        byte[] bytes = Files.readAllBytes(segment);
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        int offset = Frames.readHeader(buffer, Frames.SEGMENT_MAGIC).length();
        List<byte[]> pieces = new ArrayList<>(List.of(Arrays.copyOf(bytes, offset)));
        while (offset < bytes.length) {
            int end = offset + Frames.FRAME_OVERHEAD + Frames.payloadLength(buffer, offset);
            pieces.add(Arrays.copyOfRange(bytes, offset, end));
            offset = end;
        }
        return pieces;
    }

    private static void write(Path file, List<byte[]> pieces) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] piece : pieces) {
            out.write(piece);
        }
        Files.write(file, out.toByteArray());
    }

    private static long offsetOf(List<byte[]> pieces, int index) {
        long offset = 0;
        for (int i = 0; i < index; i++) {
            offset += pieces.get(i).length;
        }
        return offset;
    }

    private static byte[] frame(byte[] payload) {
        ByteBuffer frame = ByteBuffer.allocate(Frames.FRAME_OVERHEAD + payload.length);
        Frames.put(frame, payload, new CRC32C());
        return frame.array();
    }

    private static final String SEGMENT = LogFiles.segmentName(0);

    @Test
    void aSoundLogIsClean() throws Exception {
        Path dir = image("log", 0);
        LogScanner.Result result = LogScanner.scan(dir, entry -> { });
        assertTrue(result.clean());
        assertEquals(9, result.entries);
        assertEquals(8, result.rounds);
        Path notAFolder = Files.createFile(tmp.resolve("file"));
        assertThrows(java.nio.file.NotDirectoryException.class, () -> LogScanner.scan(notAFolder, entry -> { }));
        assertThrows(java.nio.file.NoSuchFileException.class, () -> LogScanner.scan(tmp.resolve("none"), entry -> { }));
        Files.delete(dir.resolve(SEGMENT));
        List<String> none = problems(dir);
        assertEquals("the log folder: no segment files: not an audit log, or its segments were deleted", none.get(0));
        assertEquals(3, none.size(), "then the two checkpoints that cover entries no longer there: " + none);
    }

    @Test
    void anEntryOutOfPlaceOrOffTheChainStopsTheIntactEntries() throws Exception {
        Path dir = image("log", 0);
        Path segment = dir.resolve(SEGMENT);
        List<byte[]> original = pieces(segment);
        String uncovered = "checkpoints at offset ";

        // A copy of entry 6 after it: entry 6 where entry 7 belongs; entries 7 and 8 are not taken.
        List<byte[]> duplicated = new ArrayList<>(original);
        duplicated.add(8, original.get(7));
        write(segment, duplicated);
        List<String> found = problems(dir);
        assertEquals(List.of(SEGMENT + " at offset " + offsetOf(duplicated, 8) + ": entry 6 where entry 7 belongs: an entry "
                + "was deleted, duplicated or moved"), found);
        assertEquals(7, LogScanner.scan(dir, entry -> { }).entries, "entries 0 to 6 are intact, 7 and 8 are not taken");

        // Entry 6 of another log of the same origin: the right index, the wrong chain.
        List<byte[]> foreign = new ArrayList<>(original);
        foreign.set(7, pieces(image("other", 100).resolve(SEGMENT)).get(7));
        write(segment, foreign);
        assertEquals(List.of(SEGMENT + " at offset " + offsetOf(foreign, 7) + ": entry 6 does not link to the entry before "
                + "it: the chain is broken"), problems(dir));
        assertEquals(6, LogScanner.scan(dir, entry -> { }).entries);

        // A sound frame that is no entry, before entry 2 (signed): the checkpoint is no longer covered.
        List<byte[]> garbage = new ArrayList<>(original);
        garbage.add(3, frame("garbage".getBytes(StandardCharsets.UTF_8)));
        write(segment, garbage);
        found = problems(dir);
        assertEquals(2, found.size(), found.toString());
        assertTrue(found.get(0).startsWith(SEGMENT + " at offset " + offsetOf(garbage, 3) + ": malformed entry: "), found.get(0));
        assertTrue(found.get(1).startsWith(uncovered) && found.get(1).endsWith(": a signed checkpoint covers 6 entries but only "
                + "2 are intact: signed entries are missing or damaged"), found.get(1));
    }

    @Test
    void aDamagedOrTornFrameBeforeTheEndIsDamageAndAForeignCheckpointIsCaught() throws Exception {
        Path dir = image("log", 0);
        Path segment = dir.resolve(SEGMENT);
        List<byte[]> original = pieces(segment);

        List<byte[]> damaged = new ArrayList<>(original);
        byte[] bad = original.get(2).clone();
        bad[bad.length - 1] ^= 1;
        damaged.set(2, bad);
        write(segment, damaged);
        List<String> found = problems(dir);
        assertEquals(2, found.size(), found.toString());
        assertEquals(SEGMENT + " at offset " + offsetOf(damaged, 2) + ": damaged frame (length or CRC32C wrong), followed by a "
                + "valid frame at offset " + offsetOf(damaged, 3), found.get(0));

        write(segment, original);
        Path checkpoints = dir.resolve(LogFiles.CHECKPOINTS);
        byte[] before = Files.readAllBytes(checkpoints);
        Path other = image("other", 100);
        ByteBuffer otherCheckpoints = LogFiles.read(other.resolve(LogFiles.CHECKPOINTS));
        long last = Frames.readHeader(otherCheckpoints, Frames.CHECKPOINT_MAGIC).length();
        while (last + Frames.FRAME_OVERHEAD + Frames.payloadLength(otherCheckpoints, last) < otherCheckpoints.limit()) {
            last += Frames.FRAME_OVERHEAD + Frames.payloadLength(otherCheckpoints, last);
        }
        // The other log's checkpoint of size 6 (the same size as ours: not backwards), over other entries.
        byte[] theirs = Frames.payload(otherCheckpoints, last);
        long at = Files.size(checkpoints);
        Files.write(checkpoints, frame(theirs), java.nio.file.StandardOpenOption.APPEND);
        assertEquals(List.of("checkpoints at offset " + at + ": the checkpoint of size 6 does not match the entries: its "
                + "root hash differs"), problems(dir));
        Files.write(checkpoints, before);

        byte[] header = original.get(0).clone();
        header[header.length - 6] ^= 1; // in the origin: the header's CRC32C no longer matches
        List<byte[]> badHeader = new ArrayList<>(original);
        badHeader.set(0, header);
        write(segment, badHeader);
        found = problems(dir);
        assertEquals(SEGMENT + " at offset 0: header: CRC32C mismatch", found.get(0));
        assertFalse(LogScanner.scan(dir, entry -> { }).clean());
    }

    @Test
    void aTornLastFrameOfASegmentBeforeTheLastBreaksTheLogThereAndNothingAfterIsTaken() throws Exception {
        // Small segments: the log rolls to a new segment every few entries. A torn frame at the end of any segment
        // but the last is damage (only the last segment can end in a crash's torn tail); the segments after it
        // are counted, not taken as intact entries, so they raise no second problem (no index gap).
        Path live = tmp.resolve("rolled-live");
        AuditLog writer = AuditLog.create(live, TestLogs.ORIGIN, OPERATOR, AuditLog.Options.defaults().segmentBytes(4096));
        for (int i = 0; i < 60; i++) {
            writer.append(TestLogs.round(i));
        }
        Path dir = TestLogs.crashImage(live, tmp.resolve("rolled"));
        writer.close();
        List<Path> segments = LogFiles.segments(dir);
        assertTrue(segments.size() >= 3, segments.size() + " segments");
        Path first = segments.get(0);
        List<byte[]> pieces = pieces(first);
        int frames = pieces.size() - 1;
        long size = Files.size(first);
        long lastFrame = offsetOf(pieces, pieces.size() - 1);
        Files.write(first, Arrays.copyOf(Files.readAllBytes(first), (int) size - 3));

        List<String> found = problems(dir);
        assertEquals(1, found.size(), found.toString());
        assertTrue(found.get(0).startsWith(first.getFileName() + " at offset " + lastFrame + ": "), found.get(0));
        assertFalse(found.get(0).contains("index gap"), found.get(0));
        LogScanner.Result result = LogScanner.scan(dir, entry -> { });
        assertEquals(frames - 1, result.entries, "the entries before the torn frame are intact, none after");
        assertTrue(result.tornTails.isEmpty(), "not a torn tail: the segments after it hold entries");
    }
}
