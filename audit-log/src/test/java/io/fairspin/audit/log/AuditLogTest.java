package io.fairspin.audit.log;

import io.fairspin.audit.checkpoint.Checkpoint;
import io.fairspin.audit.checkpoint.NoteVerifier;
import io.fairspin.audit.checkpoint.SignedNote;
import io.fairspin.audit.merkle.MerkleTree;
import io.fairspin.audit.merkle.ProofException;
import io.fairspin.audit.record.LogEntry;
import io.fairspin.audit.record.RngHealthRecord;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fairspin.rng.CertifiedRandom;
import io.fairspin.rng.keys.KeyFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writing, reopening, checkpoints, group commit, fatal syncs and key rotation. */
class AuditLogTest {
    private final KeyPair operator = KeyFiles.generate("Ed25519");

    @Test
    void appendedRoundsSurviveReopenAndTheLogVerifies(@TempDir Path tmp) throws IOException, ProofException {
        Path dir = tmp.resolve("log");
        try (AuditLog log = AuditLog.create(dir, TestLogs.ORIGIN, operator)) {
            for (int i = 0; i < 50; i++) {
                Receipt r = log.append(TestLogs.round(i));
                assertEquals(i + 1, r.index(), "entry 0 is the key announcement");
            }
            SignedNote note = log.checkpoint();
            Checkpoint head = Checkpoint.parse(note.text());
            assertEquals(51, head.size());
            note.verify(NoteVerifier.of(TestLogs.ORIGIN, operator.getPublic()));
        }
        try (AuditLog log = AuditLog.open(dir, operator)) {
            assertEquals(51, log.size());
            assertEquals(List.of(), log.recoveredCuts());
            log.append(TestLogs.round(50));
        }
        LogReport report = LogVerifier.verify(dir, operator.getPublic());
        assertEquals(List.of(), report.problems());
        assertEquals(52, report.entries());
        assertEquals(51, report.rounds());
        assertEquals(0, report.unsignedEntries(), "close signs a last checkpoint");
        List<LogEntry> entries = TestLogs.entries(dir);
        for (int i = 0; i < 51; i++) {
            assertEquals(TestLogs.round(i), entries.get(i + 1).event());
        }
        assertFalse(LogVerifier.verify(dir, KeyFiles.generate("Ed25519").getPublic()).ok(), "a stranger's key anchors nothing");
    }

    @Test
    void theGeneratorsReseedsAreLoggedThroughItsHealthListener(@TempDir Path tmp) throws IOException {
        Path dir = tmp.resolve("log");
        try (AuditLog log = AuditLog.create(dir, TestLogs.ORIGIN, operator);
             CertifiedRandom rng = CertifiedRandom.builder().reseedInterval(2).healthListener(log::logHealth).build()) {
            for (int i = 0; i < 7; i++) {
                rng.nextBytes(new byte[CertifiedRandom.REQUEST_BYTES]);
            }
            log.checkpoint();
        }
        List<RngHealthRecord> logged = new ArrayList<>();
        LogReader.forEach(dir, entry -> {
            if (entry.event() instanceof RngHealthRecord health) {
                logged.add(health);
            }
        });
        assertEquals(3, logged.size(), "seven requests at two per reseed interval reseed three times: " + logged);
        for (int i = 0; i < logged.size(); i++) {
            assertEquals(RngHealthRecord.RESEED, logged.get(i).kind());
            assertEquals(i + 1, logged.get(i).reseeds());
        }
    }

    @Test
    void concurrentRoundsShareSyncs(@TempDir Path tmp) throws IOException {
        AtomicInteger syncs = new AtomicInteger();
        AuditLog.Options options = AuditLog.Options.defaults().forcer(channel -> {
            syncs.incrementAndGet();
            channel.force(false);
        });
        try (AuditLog log = AuditLog.create(tmp.resolve("log"), TestLogs.ORIGIN, operator, options)) {
            int before = syncs.get();
            List<CompletableFuture<Receipt>> receipts = new ArrayList<>();
            for (int i = 0; i < 5000; i++) {
                receipts.add(log.submit(TestLogs.round(i)));
            }
            receipts.forEach(CompletableFuture::join);
            assertEquals(5001, log.size());
            int used = syncs.get() - before;
            assertTrue(used < 5000 / 10, "5000 rounds needed " + used + " syncs");
        }
    }

    /**
     * Rounds submitted and not yet durable when the log is closed are written, and the last checkpoint, signed by
     * close, covers them: every sync is slowed so that most of the rounds are still queued when close is called.
     */
    @Test
    void closeSignsTheRoundsSubmittedBeforeIt(@TempDir Path tmp) throws Exception {
        AuditLog.Options slow = slowSyncs();
        Path dir = tmp.resolve("log");
        List<CompletableFuture<Receipt>> receipts = new ArrayList<>();
        try (AuditLog log = AuditLog.create(dir, TestLogs.ORIGIN, operator, slow)) {
            for (int i = 0; i < 3000; i++) {
                receipts.add(log.submit(TestLogs.round(i)));
            }
        }
        receipts.forEach(CompletableFuture::join);
        LogReport report = LogVerifier.verify(dir, operator.getPublic());
        assertEquals(List.of(), report.problems());
        assertEquals(3001, report.entries());
        assertEquals(0, report.unsignedEntries(), "the last checkpoint covers every round submitted before close");
    }

    @Test
    void closeOnAnInterruptedThreadStillSignsTheRoundsSubmittedBeforeIt(@TempDir Path tmp) throws Exception {
        AuditLog.Options slow = slowSyncs();
        Path dir = tmp.resolve("log");
        List<CompletableFuture<Receipt>> receipts = new ArrayList<>();
        AuditLog log = AuditLog.create(dir, TestLogs.ORIGIN, operator, slow);
        for (int i = 0; i < 3000; i++) {
            receipts.add(log.submit(TestLogs.round(i)));
        }
        Thread.currentThread().interrupt();
        try {
            log.close();
            assertTrue(Thread.currentThread().isInterrupted(), "close keeps the thread's interrupt for its caller");
        } finally {
            Thread.interrupted();
        }
        receipts.forEach(CompletableFuture::join);
        LogReport report = LogVerifier.verify(dir, operator.getPublic());
        assertEquals(List.of(), report.problems());
        assertEquals(3001, report.entries());
        assertEquals(0, report.unsignedEntries(), "the last checkpoint covers every round submitted before close");
    }

    /** Options whose every sync takes 20 ms more, so that rounds are still queued when a test closes the log. */
    private static AuditLog.Options slowSyncs() {
        return AuditLog.Options.defaults().forcer(channel -> {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            channel.force(false);
        });
    }

    /** Options whose syncs, counted in {@code syncs}, throw {@code failure}'s exception from the {@code failAt}-th on. */
    private static AuditLog.Options failingSyncs(AtomicInteger syncs, AtomicInteger failAt,
            java.util.function.Supplier<IOException> failure) {
        return AuditLog.Options.defaults().forcer(channel -> {
            if (syncs.incrementAndGet() >= failAt.get()) {
                throw failure.get();
            }
            channel.force(false);
        });
    }

    @Test
    void aFailedSyncIsFatalAndNeverRetried(@TempDir Path tmp) throws IOException {
        AtomicInteger syncs = new AtomicInteger();
        AtomicInteger failAt = new AtomicInteger(Integer.MAX_VALUE);
        AuditLog.Options options = failingSyncs(syncs, failAt, () -> new IOException("injected: the disk is gone"));
        AuditLog log = AuditLog.create(tmp.resolve("log"), TestLogs.ORIGIN, operator, options);
        log.append(TestLogs.round(0));
        failAt.set(syncs.get() + 1);
        LogFailedException e = assertThrows(LogFailedException.class, () -> log.append(TestLogs.round(1)));
        assertTrue(e.getMessage().contains("injected: the disk is gone"), e.getMessage());
        int syncsAfterFailure = syncs.get();
        assertThrows(LogFailedException.class, () -> log.append(TestLogs.round(2)));
        CompletionException async = assertThrows(CompletionException.class, () -> log.submit(TestLogs.round(3)).join());
        assertTrue(async.getCause() instanceof LogFailedException);
        assertThrows(LogFailedException.class, log::checkpoint);
        log.close();
        assertEquals(syncsAfterFailure, syncs.get(), "no sync was tried again");
        try (AuditLog reopened = AuditLog.open(tmp.resolve("log"), operator)) {
            assertTrue(reopened.size() >= 2, "what was acknowledged is there");
        }
    }

    @Test
    void aFailureWithoutAMessageIsNamedByItsType(@TempDir Path tmp) throws IOException {
        AtomicInteger syncs = new AtomicInteger();
        AtomicInteger failAt = new AtomicInteger(Integer.MAX_VALUE);
        AuditLog.Options options = failingSyncs(syncs, failAt, java.nio.channels.ClosedChannelException::new);
        try (AuditLog log = AuditLog.create(tmp.resolve("log"), TestLogs.ORIGIN, operator, options)) {
            log.append(TestLogs.round(0));
            failAt.set(syncs.get() + 1);
            LogFailedException e = assertThrows(LogFailedException.class, () -> log.append(TestLogs.round(1)));
            assertTrue(e.getMessage().endsWith(": ClosedChannelException"), e.getMessage());
        }
    }

    @Test
    void segmentsRollAndTheLogStillVerifies(@TempDir Path tmp) throws IOException {
        Path dir = tmp.resolve("log");
        AuditLog.Options small = AuditLog.Options.defaults().segmentBytes(4096);
        try (AuditLog log = AuditLog.create(dir, TestLogs.ORIGIN, operator, small)) {
            for (int i = 0; i < 200; i++) {
                log.submit(TestLogs.round(i));
            }
            log.append(TestLogs.round(200));
        }
        try (AuditLog log = AuditLog.open(dir, operator, small)) {
            log.append(TestLogs.round(201));
        }
        LogReport report = LogVerifier.verify(dir, operator.getPublic());
        assertEquals(List.of(), report.problems());
        assertTrue(report.segments().size() > 5, report.segments().size() + " segments");
        assertEquals(203, report.entries());
        for (LogReport.Segment s : report.segments()) {
            assertTrue(s.bytes() <= 4096, s.file() + " is " + s.bytes() + " bytes");
        }
    }

    @Test
    void keyRotationIsLoggedAndEveryKeyOfTheChainAnchorsTheLog(@TempDir Path tmp) throws IOException {
        Path dir = tmp.resolve("log");
        KeyPair next = KeyFiles.generate("Ed25519");
        try (AuditLog log = AuditLog.create(dir, TestLogs.ORIGIN, operator)) {
            log.append(TestLogs.round(0));
            log.rotateKey(next);
            log.append(TestLogs.round(1));
        }
        LogReport report = LogVerifier.verify(dir, operator.getPublic());
        assertEquals(List.of(), report.problems());
        assertEquals(2, report.keys().size());
        assertEquals(KeyFiles.keyId(next.getPublic()), report.keys().get(1).keyId());
        assertEquals(List.of(), LogVerifier.verify(dir, next.getPublic()).problems());
        assertThrows(IllegalArgumentException.class, () -> AuditLog.open(dir, operator), "the old key is retired");
        try (AuditLog log = AuditLog.open(dir, next)) {
            log.append(TestLogs.round(2));
        }
        assertEquals(List.of(), LogVerifier.verify(dir, operator.getPublic()).problems());
    }

    @Test
    void aLogOpenedInTheMiddleOfARotationFinishesItAndAsksForTheNewKey(@TempDir Path tmp) throws IOException {
        Path dir = tmp.resolve("log");
        KeyPair next = KeyFiles.generate("Ed25519");
        Path checkpoints = dir.resolve(LogFiles.CHECKPOINTS);
        long beforeRotation;
        try (AuditLog log = AuditLog.create(dir, TestLogs.ORIGIN, operator)) {
            log.append(TestLogs.round(0));
            log.checkpoint();
            beforeRotation = Files.size(checkpoints);
            log.rotateKey(next);
        }
        // The crash: the new key's announcement is durable, the checkpoint covering it is not.
        try (java.nio.channels.FileChannel file = java.nio.channels.FileChannel.open(checkpoints,
                java.nio.file.StandardOpenOption.WRITE)) {
            file.truncate(beforeRotation);
        }
        IllegalArgumentException early = assertThrows(IllegalArgumentException.class, () -> AuditLog.open(dir, next));
        assertTrue(early.getMessage().contains("a rotation to it is pending"), early.getMessage());
        assertEquals(beforeRotation, Files.size(checkpoints), "a refused open writes nothing");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AuditLog.open(dir, operator));
        assertTrue(e.getMessage().contains("reopen the log with the new key"), e.getMessage());
        LogReport finished = LogVerifier.verify(dir, operator.getPublic());
        assertEquals(List.of(), finished.problems());
        assertEquals(2, finished.keys().size(), "the old key vouched for the new one");
        assertThrows(IllegalArgumentException.class, () -> AuditLog.open(dir, operator), "the old key is retired");
        try (AuditLog log = AuditLog.open(dir, next)) {
            for (int i = 1; i < 40; i++) {
                log.append(TestLogs.round(i));
            }
            log.checkpoint();
            log.append(TestLogs.round(40));
        }
        assertEquals(List.of(), LogVerifier.verify(dir, operator.getPublic()).problems());
        assertEquals(List.of(), LogVerifier.verify(dir, next.getPublic()).problems());
    }

    @Test
    void aCheckpointInconsistentWithTheSignedOneIsNeverSigned(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("log");
        AuditLog log = AuditLog.create(dir, TestLogs.ORIGIN, operator);
        log.append(TestLogs.round(0));
        long checkpointsBefore = Files.size(dir.resolve(LogFiles.CHECKPOINTS));
        // Simulate a bug or a swapped state: the log's memory of its last signed head gets another root.
        java.lang.reflect.Field field = AuditLog.class.getDeclaredField("lastSigned");
        field.setAccessible(true);
        Object signed = field.get(log);
        Class<?> type = signed.getClass();
        java.lang.reflect.Constructor<?> make = type.getDeclaredConstructors()[0];
        make.setAccessible(true);
        Checkpoint real = (Checkpoint) type.getDeclaredMethod("checkpoint").invoke(signed);
        Checkpoint forged = new Checkpoint(real.origin(), real.size(), MerkleTree.leafHash(new byte[] {9}));
        field.set(log, make.newInstance(type.getDeclaredMethod("note").invoke(signed), forged,
                type.getDeclaredMethod("tree").invoke(signed)));

        LogFailedException e = assertThrows(LogFailedException.class, log::checkpoint);
        assertTrue(e.getMessage().startsWith("refusing to sign a checkpoint of size 2"), e.getMessage());
        assertEquals(checkpointsBefore, Files.size(dir.resolve(LogFiles.CHECKPOINTS)), "nothing was signed");
        assertThrows(LogFailedException.class, () -> log.append(TestLogs.round(1)));
        log.close();
    }

    @Test
    void aSecondWriterIsRefused(@TempDir Path tmp) throws IOException {
        Path dir = tmp.resolve("log");
        try (AuditLog log = AuditLog.create(dir, TestLogs.ORIGIN, operator)) {
            IOException e = assertThrows(IOException.class, () -> AuditLog.open(dir, operator));
            assertTrue(e.getMessage().endsWith("the log is open for writing elsewhere"), e.getMessage());
            assertEquals(1, log.size());
        }
        assertThrows(java.nio.file.FileAlreadyExistsException.class,
                () -> AuditLog.create(dir, TestLogs.ORIGIN, operator));
        assertTrue(Files.exists(dir.resolve(LogFiles.segmentName(0))));
    }

    /**
     * A checkpoint being signed and synced never holds up submitters (a game server submits its rounds on the threads
     * that serve its connections): the checkpoints file's sync is stalled while a round is submitted and made durable.
     */
    @Test
    void submittingNeverWaitsForACheckpoint(@TempDir Path tmp) throws Exception {
        java.util.concurrent.CountDownLatch inSync = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        Thread[] checkpointer = new Thread[1];
        AuditLog.Options options = AuditLog.Options.defaults().forcer(channel -> {
            if (Thread.currentThread() == checkpointer[0]) {
                inSync.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            channel.force(false);
        });
        try (AuditLog log = AuditLog.create(tmp.resolve("log"), TestLogs.ORIGIN, operator, options)) {
            log.append(TestLogs.round(0));
            CompletableFuture<SignedNote> signing = new CompletableFuture<>();
            checkpointer[0] = new Thread(() -> {
                try {
                    signing.complete(log.checkpoint());
                } catch (IOException | RuntimeException e) {
                    signing.completeExceptionally(e);
                }
            });
            checkpointer[0].start();
            assertTrue(inSync.await(10, java.util.concurrent.TimeUnit.SECONDS), "the checkpoint reached its sync");
            try {
                CompletableFuture<Receipt> submitted = CompletableFuture.supplyAsync(
                        () -> log.submit(TestLogs.round(1))).thenCompose(f -> f);
                assertEquals(2, submitted.get(10, java.util.concurrent.TimeUnit.SECONDS).index(),
                        "submitted and durable while the checkpoint waits for its sync");
            } finally {
                release.countDown();
            }
            assertEquals(2, Checkpoint.parse(signing.get(10, java.util.concurrent.TimeUnit.SECONDS).text()).size());
        }
    }

    /** An {@code Error} on the writer thread (out of memory, say) still answers the rounds waiting for it. */
    @Test
    void anErrorOnTheWriterFailsTheWaitingRounds(@TempDir Path tmp) throws Exception {
        java.util.concurrent.atomic.AtomicBoolean broken = new java.util.concurrent.atomic.AtomicBoolean();
        AuditLog.Options options = AuditLog.Options.defaults().forcer(channel -> {
            if (broken.get()) {
                throw new OutOfMemoryError("injected");
            }
            channel.force(false);
        });
        AuditLog log = AuditLog.create(tmp.resolve("log"), TestLogs.ORIGIN, operator, options);
        log.append(TestLogs.round(0));
        broken.set(true);
        CompletableFuture<Receipt> waiting = log.submit(TestLogs.round(1));
        java.util.concurrent.ExecutionException e = assertThrows(java.util.concurrent.ExecutionException.class,
                () -> waiting.get(10, java.util.concurrent.TimeUnit.SECONDS));
        assertTrue(e.getCause() instanceof LogFailedException, e.getCause().toString());
        assertTrue(e.getCause().getMessage().contains("OutOfMemoryError: injected"), e.getCause().getMessage());
        assertThrows(LogFailedException.class, () -> log.append(TestLogs.round(2)));
        broken.set(false);
        log.close();
    }
}
