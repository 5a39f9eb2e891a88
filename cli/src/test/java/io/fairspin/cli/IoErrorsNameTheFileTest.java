package io.fairspin.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiFunction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every command that reads or writes a file answers a faulty one (missing, a dangling or looping symbolic
 * link, a folder, a path through a file, unreadable, empty, truncated) with one line that names the path
 * given, a non-zero exit code other than a usage error, and no stack trace. Driven by a table of every
 * file argument of every command: each row is a command line with {@code F} where the faulty file goes,
 * and the whole file that is truncated or emptied for it (null where any bytes are valid input, as for
 * data files).
 */
class IoErrorsNameTheFileTest {
    @TempDir
    static Path dir;
    static String model;
    static String log;
    static String escrow;
    static String packet;
    static String round;

    static String path(String name) {
        return dir.resolve(name).toString();
    }

    @BeforeAll
    static void aLogWithItsKeysEscrowAndPacket() throws Exception {
        assertEquals(0, CommandRun.of("keys", "escrow", "--out", path("auditor")).exitCode());
        assertEquals(0, CommandRun.of("keys", "signing", "--out", path("operator")).exitCode());
        model = Path.of(System.getProperty("fairspin.root", ".."), "examples", "sizzling-hot.json").toString();
        log = path("log");
        escrow = path("rng.escrow");
        CommandRun play = CommandRun.of("play", model, "--rounds", "20", "--log", log, "--escrow-key",
                path("auditor.pub"), "--signing-key", path("operator.key"), "--escrow", escrow);
        assertEquals(0, play.exitCode(), play.stderr());
        CommandRun prove = CommandRun.of("audit", "prove", log, "--index", "1");
        assertEquals(0, prove.exitCode(), prove.stderr());
        Files.write(dir.resolve("packet.json"), prove.stdout());
        packet = path("packet.json");
        round = prove.text().replaceFirst("(?s).*?\"roundId\"\\s*:\\s*\"([^\"]+)\".*", "$1");
        assertTrue(round.startsWith("sizzling-hot/"), round);
    }

    /** One file argument of one command: the command line ({@code F} for the file) and the whole file, or null. */
    record Row(List<String> command, String whole) {
        static Row of(String whole, String... command) {
            return new Row(List.of(command), whole);
        }

        String[] with(String file) {
            return command.stream().map(a -> a.equals("F") ? file : a).toArray(String[]::new);
        }
    }

    static List<Row> reads() {
        String newLog = path("new-log");
        return List.of(
                Row.of(model, "par", "F"),
                Row.of(model, "simulate", "F", "--rounds", "1K", "--seed", "1"),
                Row.of(model, "certify", "game", "F", "--rounds", "1K"),
                Row.of(null, "rng", "stats", "F"),
                Row.of(null, "certify", "nist", "F"),
                Row.of(null, "certify", "entropy", "F", "--bits-per-sample", "8"),
                Row.of(path("operator.pub"), "audit", "verify", log, "--operator-key", "F"),
                Row.of(packet, "audit", "check-packet", "F", "--operator-key", path("operator.pub")),
                Row.of(path("operator.pub"), "audit", "check-packet", packet, "--operator-key", "F"),
                Row.of(escrow, "rng", "replay", "--escrow", "F", "--auditor-key", path("auditor.key")),
                Row.of(path("auditor.key"), "rng", "replay", "--escrow", escrow, "--auditor-key", "F"),
                Row.of(model, "play", "F", "--rounds", "1", "--log", newLog, "--escrow-key", path("auditor.pub"),
                        "--signing-key", path("operator.key")),
                Row.of(path("auditor.pub"), "play", model, "--rounds", "1", "--log", newLog, "--escrow-key", "F",
                        "--signing-key", path("operator.key")),
                Row.of(path("operator.key"), "play", model, "--rounds", "1", "--log", newLog, "--escrow-key",
                        path("auditor.pub"), "--signing-key", "F"),
                Row.of(path("auditor.key"), "audit", "replay", log, "--round", round, "--auditor-key", "F", "--model",
                        model, "--escrow", escrow),
                Row.of(model, "audit", "replay", log, "--round", round, "--auditor-key", path("auditor.key"), "--model",
                        "F", "--escrow", escrow));
    }

    /** The faults: a name and how to make the faulty path (given a fresh name and the row's whole file). */
    static List<Object[]> faults() throws Exception {
        List<Object[]> faults = new ArrayList<>();
        faults.add(new Object[] {"missing", (BiFunction<Path, String, Path>) (p, whole) -> p});
        faults.add(new Object[] {"dangling link", link((p, whole) -> p.resolveSibling(p.getFileName() + "-nowhere"))});
        faults.add(new Object[] {"link loop", (BiFunction<Path, String, Path>) (p, whole) -> {
            try {
                return Files.createSymbolicLink(p, p.getFileName());
            } catch (java.io.IOException e) {
                throw new AssertionError(e);
            }
        }});
        faults.add(new Object[] {"folder", (BiFunction<Path, String, Path>) (p, whole) -> {
            try {
                return Files.createDirectory(p);
            } catch (java.io.IOException e) {
                throw new AssertionError(e);
            }
        }});
        faults.add(new Object[] {"through a file", (BiFunction<Path, String, Path>) (p, whole) -> {
            try {
                return Files.writeString(p, "x").resolve("inside");
            } catch (java.io.IOException e) {
                throw new AssertionError(e);
            }
        }});
        return faults;
    }

    private static BiFunction<Path, String, Path> link(BiFunction<Path, String, Path> target) {
        return (p, whole) -> {
            try {
                return Files.createSymbolicLink(p, target.apply(p, whole));
            } catch (java.io.IOException e) {
                throw new AssertionError(e);
            }
        };
    }

    private static final List<String> failures = new ArrayList<>();

    private static void check(String fault, String given, String[] command) {
        CommandRun run = CommandRun.of(command);
        String line = String.join(" ", command);
        List<String> lines = run.stderr().lines().filter(l -> !l.startsWith("recovered from a crash")).toList();
        if (run.exitCode() == ExitCode.TAMPERED && command[1].equals("check-packet")) {
            // A packet that does not check out is a verdict on stdout (exit code 4), naming the packet.
            lines = run.text().lines().limit(1).map(l -> "fairspin: " + l).toList();
        }
        boolean tornEscrow = run.exitCode() == 0 && fault.startsWith("truncated") && lines.size() == 1
                && lines.get(0).contains(given + ": torn last record at offset ");
        String problem = null;
        if (tornEscrow) {
            // An escrow cut inside its last record is what a crash leaves, not damage: replayed up to it, and said.
            problem = null;
        } else if (run.exitCode() == 0 || run.exitCode() == ExitCode.USAGE) {
            problem = "exit " + run.exitCode();
        } else if (lines.size() != 1) {
            problem = lines.size() + " lines";
        } else if (!lines.get(0).startsWith("fairspin: ") || !lines.get(0).contains(given)) {
            problem = "does not name the file";
        } else if (lines.get(0).contains("Exception") || run.stderr().contains("\tat ")) {
            problem = "a Java class or a stack trace";
        }
        if (problem != null) {
            failures.add(fault + ": " + line + "\n    -> " + problem + ": " + run.stderr().strip());
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyFaultyFileIsNamedInOneLine() throws Exception {
        failures.clear();
        int n = 0;
        for (Row row : reads()) {
            for (Object[] fault : faults()) {
                Path p = dir.resolve("fault-" + n++);
                String given = ((BiFunction<Path, String, Path>) fault[1]).apply(p, row.whole()).toString();
                check((String) fault[0], given, row.with(given));
            }
            if (!root()) {
                Path p = dir.resolve("fault-" + n++);
                Files.writeString(p, "x");
                Files.setPosixFilePermissions(p, java.util.Set.of());
                check("unreadable", p.toString(), row.with(p.toString()));
            }
            if (row.whole() != null) {
                byte[] whole = Files.readAllBytes(Path.of(row.whole()));
                for (int keep : new int[] {0, whole.length / 2, Math.min(20, whole.length - 1)}) {
                    Path p = dir.resolve("fault-" + n++);
                    Files.write(p, Arrays.copyOf(whole, keep));
                    check("truncated to " + keep + " bytes", p.toString(), row.with(p.toString()));
                }
            }
        }
        assertTrue(failures.isEmpty(), failures.size() + " faults not named in one line:\n" + String.join("\n", failures));
    }

    @Test
    void everyOutputInAMissingOrFaultyFolderIsNamed() throws Exception {
        failures.clear();
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        for (String folder : List.of(path("no-such-folder"), file.toString())) {
            String out = folder + "/out";
            check("write", out, new String[] {"keys", "escrow", "--out", out});
            check("write", out, new String[] {"keys", "signing", "--out", out});
            check("write", out + ".html", new String[] {"par", model, "--report", out + ".html"});
            check("write", out, new String[] {"rng", "bytes", "--count", "1K", "--out", out});
            check("write", out, new String[] {"rng", "ints", "--bound", "37", "--count", "1K", "--out", out});
            check("write", out + ".html", new String[] {"simulate", model, "--rounds", "1K", "--seed", "1", "--report",
                out + ".html"});
            check("write", out, new String[] {"rng", "bytes", "--count", "1K", "--escrow", out, "--escrow-key",
                path("auditor.pub")});
            check("write", out, new String[] {"play", model, "--rounds", "1", "--log", out, "--escrow-key",
                path("auditor.pub"), "--signing-key", path("operator.key")});
        }
        assertTrue(failures.isEmpty(), failures.size() + " faults not named in one line:\n" + String.join("\n", failures));
    }

    private static boolean root() {
        return "root".equals(System.getProperty("user.name"));
    }

    @Test
    void theTableCoversEveryRead() {
        assertFalse(reads().isEmpty());
    }
}
