package io.fairspin.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --max-cycle}: an exact analysis past the limit is refused with one line naming the file, the count
 * and the cycle, before the expensive step (par and simulate alike); a long count shows progress on stderr
 * and stops cleanly on a signal (Ctrl-C's SIGINT runs the same shutdown hooks as the SIGTERM sent here).
 */
class AnalysisLimitTest {
    private static String example(String name) {
        return Path.of(System.getProperty("fairspin.root", ".."), "examples", name).toString();
    }

    private static void refusedInOneLine(CommandRun run, String file, String cycle) {
        assertEquals(1, run.exitCode(), run.stderr());
        assertEquals("", run.text());
        List<String> lines = run.stderr().lines().toList();
        assertEquals(1, lines.size(), run.stderr());
        String line = lines.get(0);
        assertTrue(line.startsWith("fairspin: " + file + ": the exact analysis counts more than 1,000 combinations ("),
                line);
        assertTrue(line.contains("the cycle is " + cycle + " stop combinations); raise --max-cycle to count it"), line);
        assertFalse(line.contains("Exception"), line);
    }

    @Test
    void parRefusesACountPastTheLimitNamingFileAndCycle() {
        String file = example("sizzling-hot.json");
        refusedInOneLine(CommandRun.of("par", file, "--max-cycle", "1K"), file, "9.766e+06");
        assertEquals(0, CommandRun.of("par", file, "--max-cycle", "1M").exitCode(), "raised, it counts");
    }

    @Test
    void aCascadeGameIsRefusedUpFront() {
        String file = example("tumbling-ways.json");
        CommandRun run = CommandRun.of("par", file, "--max-cycle", "1000");
        refusedInOneLine(run, file, run.stderr().replaceFirst("(?s).*the cycle is (\\S+) stop.*", "$1"));
        assertTrue(run.stderr().contains(", after 0; the cycle is"), run.stderr());
    }

    @Test
    void simulateRefusesBeforeItSimulates() {
        String file = example("sizzling-hot.json");
        refusedInOneLine(CommandRun.of("simulate", file, "--rounds", "1K", "--seed", "1", "--max-cycle", "1000"), file,
                "9.766e+06");
        CommandRun bad = CommandRun.of("par", file, "--max-cycle", "0");
        assertEquals(2, bad.exitCode(), "a usage error, before the model is read");
        assertTrue(bad.stderr().contains("--max-cycle: must be at least 1, was 0"), bad.stderr());
    }

    /** A line game whose count reel by reel is long: 40 lines on five reels of 1,000 random stops, every symbol paying. */
    static Path slowModel(Path dir) throws Exception {
        Random random = new Random(1);
        // Twelve symbols on 3,000-stop reels: the count runs for minutes even on a fast, idle machine (seven
        // symbols on 1,000 stops counted 27M combinations in 7 s, before the first progress line at 10 s).
        String[] symbols = {"seven", "melon", "grapes", "plum", "orange", "lemon", "cherry", "bell", "bar", "star",
            "crown", "clover"};
        List<String> reels = new ArrayList<>();
        for (int r = 0; r < 5; r++) {
            List<String> stops = new ArrayList<>();
            for (int s = 0; s < 3000; s++) {
                stops.add('"' + symbols[random.nextInt(symbols.length)] + '"');
            }
            reels.add("[" + String.join(", ", stops) + "]");
        }
        List<String> lines = new ArrayList<>();
        java.util.Set<String> distinct = new java.util.LinkedHashSet<>();
        while (distinct.size() < 40) {
            int[] rows = new int[5];
            for (int r = 0; r < 5; r++) {
                rows[r] = random.nextInt(3);
            }
            distinct.add(java.util.Arrays.toString(rows));
        }
        lines.addAll(distinct);
        Path file = dir.resolve("slow.json");
        Files.writeString(file, "{\"type\": \"slot\", \"id\": \"slow\", \"rows\": 3, \"symbols\": ["
                + java.util.Arrays.stream(symbols).map(s -> '"' + s + '"').collect(java.util.stream.Collectors.joining(", "))
                + "], \"reelSets\": {\"base\": [" + String.join(", ", reels)
                + "]}, \"baseReels\": \"base\", \"paylines\": [" + String.join(", ", lines) + "], \"pays\": ["
                + java.util.Arrays.stream(symbols).map(s -> "{\"symbol\": \"" + s + "\", \"pays\": [0, 0, 20, 100, 500]}")
                        .collect(java.util.stream.Collectors.joining(", "))
                + "], \"bet\": {\"lineBet\": 1, \"lines\": 40}}");
        return file;
    }

    @Test
    void playAndCertifyGameCountNothing(@TempDir Path dir) throws Exception {
        // They play rounds and test draws; neither needs a model's exact figures. Run here under a budget of one
        // combination (threads they start inherit it), the first step of any count would be refused: a model whose
        // count par refuses at once is played and tested whatever its cycle.
        Path model = slowModel(dir);
        CommandRun refused = CommandRun.of("par", model.toString(), "--max-cycle", "1K");
        refusedInOneLine(refused, model.toString(), refused.stderr().replaceFirst("(?s).*the cycle is (\\S+) stop.*", "$1"));
        io.fairspin.math.AnalysisBudget one = new io.fairspin.math.AnalysisBudget(1);
        assertEquals(0, CommandRun.of("keys", "escrow", "--out", dir.resolve("auditor").toString()).exitCode());
        assertEquals(0, CommandRun.of("keys", "signing", "--out", dir.resolve("operator").toString()).exitCode());
        CommandRun play = one.run(() -> CommandRun.of("play", model.toString(), "--rounds", "200", "--log",
                dir.resolve("log").toString(), "--escrow-key", dir.resolve("auditor.pub").toString(), "--signing-key",
                dir.resolve("operator.key").toString(), "--threads", "2"));
        assertEquals(0, play.exitCode(), play.stderr());
        CommandRun certify = one.run(() -> CommandRun.of("certify", "game", model.toString(), "--rounds", "2K",
                "--seed", "1", "--no-progress"));
        assertEquals(0, certify.exitCode(), certify.stderr());
        assertEquals(0, one.counted());
        // The control: under the same budget, the model's exact figures are refused at their first step.
        io.fairspin.math.Game game = io.fairspin.audit.round.ModelFile.load(model).game();
        org.junit.jupiter.api.Assertions.assertThrows(io.fairspin.math.AnalysisBudget.TooLarge.class,
                () -> one.run(game::exactFigures));
    }

    @Test
    void aLongCountShowsProgressAndStopsCleanlyOnASignal(@TempDir Path dir) throws Exception {
        Path model = slowModel(dir);
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        Process process = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "par", model.toString(), "--progress", "--max-cycle", "1T")
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        try {
            // Progress off a terminal: a line every ten seconds.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (!read(err).contains("combinations") && process.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            String early = read(err);
            assertTrue(process.isAlive(), () -> "the count ended before it was stopped: " + early);
            assertTrue(early.contains(" of 1.00T combinations") && early.contains("reel set base, reel "), early);
            process.destroy();
            assertTrue(process.waitFor(30, TimeUnit.SECONDS), "the process ends");
            String stderr = read(err);
            assertEquals("", read(out));
            assertTrue(stderr.contains("fairspin: " + model + ": the exact analysis was interrupted in reel set base, reel "),
                    stderr);
            assertFalse(stderr.contains("Exception") || stderr.contains("\tat "), stderr);
        } finally {
            process.destroyForcibly();
        }
    }

    private static String read(Path file) throws java.io.IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }
}
