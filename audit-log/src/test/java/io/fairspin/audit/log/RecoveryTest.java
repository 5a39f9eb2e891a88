package io.fairspin.audit.log;

import io.fairspin.audit.merkle.MerkleTree;
import io.fairspin.audit.record.LogEntry;
import io.fairspin.audit.record.TailCut;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fairspin.rng.keys.KeyFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Torn tails are cut on a record boundary, saved and logged; every other kind of damage (a bad record
 * followed by good ones, a gap, a deleted, moved or duplicated record, a loss below the last signed
 * checkpoint) makes the log refuse to append and names file and offset.
 */
class RecoveryTest {
    private final KeyPair operator = KeyFiles.generate("Ed25519");

    /** A crash image: 20 rounds under a checkpoint, then {@code unsigned} acknowledged rounds not yet signed. */
    private Path image(Path tmp, int unsigned) throws IOException {
        Path live = tmp.resolve("live");
        AuditLog log = AuditLog.create(live, TestLogs.ORIGIN, operator);
        for (int i = 0; i < 20; i++) {
            log.append(TestLogs.round(i));
        }
        log.checkpoint();
        for (int i = 20; i < 20 + unsigned; i++) {
            log.append(TestLogs.round(i));
        }
        Path image = TestLogs.crashImage(live, tmp.resolve("image"));
        log.close();
        return image;
    }

    /** Byte offsets where each frame of the (single) segment starts, and its end. */
    private static List<Long> frameStarts(Path segment) throws IOException {
        ByteBuffer bytes = LogFiles.read(segment);
        List<Long> starts = new ArrayList<>();
        long offset = bytes.getInt(Frames.SEGMENT_MAGIC.length + 10) + Frames.SEGMENT_MAGIC.length + 2 + 8 + 4 + 4;
        while (offset < bytes.limit()) {
            starts.add(offset);
            offset += Frames.FRAME_OVERHEAD + bytes.getInt((int) offset);
        }
        starts.add(offset);
        return starts;
    }

    @Test
    void aCutAtEveryByteOfTheLastRecordsLandsOnABoundaryAndKeepsTheRest(@TempDir Path tmp) throws IOException {
        Path image = image(tmp, 2);
        Path segment = image.resolve(LogFiles.segmentName(0));
        List<Long> starts = frameStarts(segment);
        List<LogEntry> original = TestLogs.entries(image);
        assertEquals(23, original.size());
        long firstUnsigned = starts.get(21);
        long end = starts.get(23);
        for (long offset = firstUnsigned; offset < end; offset++) {
            long cut = offset;
            Path copy = TestLogs.crashImage(image, tmp.resolve("cut-" + cut));
            truncate(copy.resolve(LogFiles.segmentName(0)), cut);
            int kept = (int) starts.stream().filter(s -> s <= cut).count() - 1;
            LogReport beforeOpen = LogVerifier.verify(copy, operator.getPublic());
            assertEquals(List.of(), beforeOpen.problems(), "a torn tail is not damage; cut at " + cut);
            assertEquals(starts.contains(cut) ? 0 : 1, beforeOpen.tornTails().size(), "cut at " + cut);
            // Syncs are not what this test is about; skipping them keeps 500 reopenings quick.
            try (AuditLog log = AuditLog.open(copy, operator, AuditLog.Options.defaults().forcer(channel -> { }))) {
                boolean boundary = starts.contains(cut);
                assertEquals(boundary ? 0 : 1, log.recoveredCuts().size(), "cut at " + cut);
                assertEquals(kept + (boundary ? 0 : 1), log.size(), "cut at " + cut);
                if (!boundary) {
                    TailCut tc = log.recoveredCuts().get(0);
                    assertEquals(starts.get(kept), tc.offset());
                    byte[] saved = Files.readAllBytes(copy.resolve(tc.savedAs()));
                    assertEquals(cut - starts.get(kept), saved.length);
                    assertArrayEquals(MerkleTree.sha256().digest(saved), tc.sha256());
                }
            }
            List<LogEntry> after = TestLogs.entries(copy);
            assertEquals(original.subList(0, kept), after.subList(0, kept), "cut at " + cut);
            if (!starts.contains(cut)) {
                assertTrue(after.get(kept).event() instanceof TailCut, "the cut is logged");
            }
            assertEquals(List.of(), LogVerifier.verify(copy, operator.getPublic()).problems(), "cut at " + cut);
            TestLogs.deleteRecursively(copy);
        }
    }

    @Test
    void theWrongKeyCutsNothing(@TempDir Path tmp) throws IOException {
        Path image = image(tmp, 2);
        Path segment = image.resolve(LogFiles.segmentName(0));
        truncate(segment, Files.size(segment) - 7);
        long torn = Files.size(segment);
        assertThrows(IllegalArgumentException.class, () -> AuditLog.open(image, KeyFiles.generate("Ed25519")));
        assertEquals(torn, Files.size(segment));
        assertFalse(Files.exists(image.resolve(LogFiles.CUT)));
        try (AuditLog log = AuditLog.open(image, operator)) {
            assertEquals(1, log.recoveredCuts().size());
        }
    }

    @Test
    void aCutBelowTheLastSignedCheckpointIsCorruption(@TempDir Path tmp) throws IOException {
        Path image = image(tmp, 0);
        Path segment = image.resolve(LogFiles.segmentName(0));
        List<Long> starts = frameStarts(segment);
        long cut = starts.get(20) + 5;
        truncate(segment, cut);
        LogCorruptedException e = assertThrows(LogCorruptedException.class, () -> AuditLog.open(image, operator));
        assertTrue(e.getMessage().contains("signed entries are missing"), e.getMessage());
        LogReport report = LogVerifier.inspect(image);
        assertTrue(report.tornTails().contains(new LogProblem(segment.getFileName().toString(),
                starts.get(20), "torn tail of 5 bytes, half-written when the writer stopped (the next open cuts and logs it)")));
        assertFalse(report.ok(), "a tail torn below the last signed checkpoint is more than a torn tail: "
                + report.problems());
    }

    @Test
    void aBadRecordFollowedByGoodOnesIsCorruptionWithFileAndOffset(@TempDir Path tmp) throws IOException {
        Path image = image(tmp, 3);
        Path segment = image.resolve(LogFiles.segmentName(0));
        List<Long> starts = frameStarts(segment);
        long damaged = starts.get(21);
        flipBit(segment, (damaged + 20) * 8);
        LogCorruptedException e = assertThrows(LogCorruptedException.class, () -> AuditLog.open(image, operator));
        LogProblem problem = e.problems().get(0);
        assertEquals(LogFiles.segmentName(0), problem.file());
        assertEquals(damaged, problem.offset());
        assertTrue(problem.message().contains("followed by a valid frame"), problem.message());
    }

    @Test
    void inspectionReportsEveryDamagedSpotNotOnlyTheFirst(@TempDir Path tmp) throws IOException {
        Path image = image(tmp, 5);
        Path segment = image.resolve(LogFiles.segmentName(0));
        List<Long> starts = frameStarts(segment);
        flipBit(segment, (starts.get(3) + 30) * 8);
        flipBit(segment, (starts.get(22) + 30) * 8);
        LogReport report = LogVerifier.inspect(image);
        List<Long> offsets = report.problems().stream().filter(p -> p.file().equals(segment.getFileName().toString()))
                .map(LogProblem::offset).toList();
        assertEquals(List.of(starts.get(3), starts.get(22)), offsets);
        assertEquals(3, report.entries(), "intact entries: those before the first damage");
        assertEquals(starts.size() - 1 - 2, report.segments().get(0).entries(), "frames with a valid CRC32C");
    }

    @Test
    void damageInAnOlderSegmentIsCorruption(@TempDir Path tmp) throws IOException {
        Path live = tmp.resolve("live");
        AuditLog.Options small = AuditLog.Options.defaults().segmentBytes(4096);
        try (AuditLog log = AuditLog.create(live, TestLogs.ORIGIN, operator, small)) {
            for (int i = 0; i < 60; i++) {
                log.append(TestLogs.round(i));
            }
        }
        List<Path> segments = LogFiles.segments(live);
        assertTrue(segments.size() >= 4);
        Path gap = TestLogs.crashImage(live, tmp.resolve("gap"));
        Files.delete(gap.resolve(segments.get(2).getFileName()));
        LogCorruptedException missing = assertThrows(LogCorruptedException.class, () -> AuditLog.open(gap, operator));
        assertEquals(segments.get(3).getFileName().toString(), missing.problems().get(0).file());
        assertTrue(missing.problems().get(0).message().startsWith("index gap"), missing.getMessage());

        Path older = segments.get(1);
        long size = Files.size(older);
        truncate(older, size - 3);
        LogCorruptedException e = assertThrows(LogCorruptedException.class, () -> AuditLog.open(live, operator));
        assertEquals(older.getFileName().toString(), e.problems().get(0).file());
    }

    @Test
    void aTornLastCheckpointIsCutAndLogged(@TempDir Path tmp) throws IOException {
        Path image = image(tmp, 3);
        Path checkpoints = image.resolve(LogFiles.CHECKPOINTS);
        long size = Files.size(checkpoints);
        truncate(checkpoints, size - 40);
        try (AuditLog log = AuditLog.open(image, operator)) {
            assertEquals(1, log.recoveredCuts().size());
            assertEquals(LogFiles.CHECKPOINTS, log.recoveredCuts().get(0).segment());
            assertEquals(24 + 1, log.size(), "every entry kept, plus the logged cut");
        }
        assertEquals(List.of(), LogVerifier.verify(image, operator.getPublic()).problems());
    }

    @Test
    void deletedReorderedAndDuplicatedRecordsAreDetected(@TempDir Path tmp) throws IOException {
        Path image = image(tmp, 5);
        Path segment = image.resolve(LogFiles.segmentName(0));
        List<Long> starts = frameStarts(segment);
        byte[] bytes = Files.readAllBytes(segment);
        byte[] header = Arrays.copyOfRange(bytes, 0, (int) (long) starts.get(0));
        List<byte[]> frames = new ArrayList<>();
        for (int i = 0; i + 1 < starts.size(); i++) {
            frames.add(Arrays.copyOfRange(bytes, (int) (long) starts.get(i), (int) (long) starts.get(i + 1)));
        }
        List<List<byte[]>> edits = new ArrayList<>();
        List<byte[]> deleted = new ArrayList<>(frames);
        deleted.remove(10);
        edits.add(deleted);
        List<byte[]> swapped = new ArrayList<>(frames);
        swapped.set(10, frames.get(11));
        swapped.set(11, frames.get(10));
        edits.add(swapped);
        List<byte[]> duplicated = new ArrayList<>(frames);
        duplicated.add(10, frames.get(10));
        edits.add(duplicated);
        List<byte[]> lastDeletedButSigned = new ArrayList<>(frames.subList(0, 20));
        edits.add(lastDeletedButSigned);
        int n = 0;
        for (List<byte[]> edit : edits) {
            Path copy = TestLogs.crashImage(image, tmp.resolve("edit-" + n++));
            try (var out = Files.newOutputStream(copy.resolve(LogFiles.segmentName(0)))) {
                out.write(header);
                for (byte[] f : edit) {
                    out.write(f);
                }
            }
            LogReport report = LogVerifier.verify(copy, operator.getPublic());
            assertFalse(report.ok(), "edit " + n + " went unnoticed");
            assertThrows(LogCorruptedException.class, () -> AuditLog.open(copy, operator), "edit " + n);
        }
    }

    private static void truncate(Path file, long size) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.truncate(size);
        }
    }

    static void flipBit(Path file, long bit) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ByteBuffer one = ByteBuffer.allocate(1);
            channel.read(one, bit / 8);
            one.put(0, (byte) (one.get(0) ^ (1 << (bit % 8))));
            one.rewind();
            channel.write(one, bit / 8);
        }
    }
}
