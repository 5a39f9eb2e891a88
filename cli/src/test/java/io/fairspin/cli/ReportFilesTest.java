package io.fairspin.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reports are written whole or not at all, each writer through a temporary file of its own: writers of
 * one report (two monitors, two threads) never write into one temporary file, a reader only ever sees a
 * whole report, and a leftover temporary file of a crashed writer is neither in the way nor touched.
 */
class ReportFilesTest {
    @TempDir
    Path dir;

    @Test
    void concurrentWritersOfOneReportNeverMixTheirBytes() throws Exception {
        Path report = dir.resolve("report.html");
        int writers = 3;
        int writes = 40;
        Set<String> contents = ConcurrentHashMap.newKeySet();
        List<String> seen = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean done = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(writers + 1);
        try {
            Future<?> reader = pool.submit(() -> {
                while (!done.get()) {
                    try {
                        seen.add(Files.readString(report, StandardCharsets.UTF_8));
                    } catch (java.io.IOException e) {
                        // not written yet
                    }
                }
                return null;
            });
            List<Future<?>> futures = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int writer = w;
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < writes; i++) {
                        // 200 KB of one repeated line: a mix of two writers or a cut would show.
                        String content = ("writer " + writer + " write " + i + "\n").repeat(10_000);
                        contents.add(content);
                        ReportFiles.write(report, content);
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
            done.set(true);
            reader.get();
        } finally {
            pool.shutdownNow();
        }
        assertTrue(contents.contains(Files.readString(report)), "the last report is one writer's whole report");
        synchronized (seen) {
            for (String s : seen) {
                assertTrue(contents.contains(s), "a reader saw a partial or mixed report of " + s.length() + " chars");
            }
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(report), files.toList(), "no temporary file is left");
        }
    }

    @Test
    void aCrashedWritersTemporaryFileIsNeitherInTheWayNorTouched() throws Exception {
        Path report = dir.resolve("r.html");
        // What a writer killed before its rename leaves, under the names fixed temporary files had.
        List<Path> leftovers = List.of(dir.resolve("r.html.tmp"),
                dir.resolve(".r.html.tmp-" + ProcessHandle.current().pid()));
        for (Path leftover : leftovers) {
            Files.writeString(leftover, "another writer's report, half written");
        }
        ReportFiles.write(report, "whole");
        assertEquals("whole", Files.readString(report));
        for (Path leftover : leftovers) {
            assertEquals("another writer's report, half written", Files.readString(leftover));
        }
        Path temp = ReportFiles.newTemp(report);
        assertTrue(temp.getFileName().toString().matches("\\.r\\.html\\.[0-9a-z]+\\.tmp"), temp.toString());
        assertEquals(dir, temp.getParent(), "beside the report, so the rename stays on one file system");
    }

    /**
     * writeAll: when one file of the set cannot be written (its folder is missing), none is: the others' targets are
     * untouched and no temporary file is left; when all can, all are there with their contents.
     */
    @Test
    void writeAllWritesEveryFileOrNone() throws Exception {
        Path model = dir.resolve("model.json");
        Files.writeString(model, "old");
        java.util.Map<Path, byte[]> files = new java.util.LinkedHashMap<>();
        files.put(model, "new".getBytes(StandardCharsets.UTF_8));
        files.put(dir.resolve("sheet.txt"), "sheet".getBytes(StandardCharsets.UTF_8));
        files.put(dir.resolve("missing").resolve("diff.json"), "{}".getBytes(StandardCharsets.UTF_8));
        java.io.IOException e = org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class,
                () -> ReportFiles.writeAll(files));
        assertTrue(e.getMessage().contains("diff.json"), e.getMessage());
        assertEquals("old", Files.readString(model));
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(List.of("model.json"), left.map(f -> f.getFileName().toString()).toList());
        }
        files.remove(dir.resolve("missing").resolve("diff.json"));
        ReportFiles.writeAll(files);
        assertEquals("new", Files.readString(model));
        assertEquals("sheet", Files.readString(dir.resolve("sheet.txt")));
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(2, left.count());
        }
    }

    /**
     * writeAll: a rename that fails (the target is a folder with files in it) is an error naming that target; the
     * temporary files are removed and the renames before it undone: a file that was there holds what it held, one that
     * was not is gone.
     */
    @Test
    void writeAllUndoesItsRenamesWhenARenameFails() throws Exception {
        Path sheet = Files.writeString(dir.resolve("sheet.txt"), "old sheet");
        Path diff = dir.resolve("diff.json");
        Path folder = Files.createDirectory(dir.resolve("model.json"));
        Files.writeString(folder.resolve("inside"), "x");
        java.util.Map<Path, byte[]> files = new java.util.LinkedHashMap<>();
        files.put(sheet, "sheet".getBytes(StandardCharsets.UTF_8));
        files.put(diff, "{}".getBytes(StandardCharsets.UTF_8));
        files.put(folder, "new".getBytes(StandardCharsets.UTF_8));
        java.io.IOException e = org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class,
                () -> ReportFiles.writeAll(files));
        assertTrue(e.getMessage().startsWith(folder + ": cannot write the report"), e.getMessage());
        assertEquals("old sheet", Files.readString(sheet));
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(List.of("model.json", "sheet.txt"),
                    left.map(f -> f.getFileName().toString()).sorted().toList(), "no temporary or new file is left");
        }
    }
}
