package io.fairspin.cli.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The load test of docs/performance.md: {@code fairspin serve} in a child JVM and 64 players on loopback, driven
 * by the native HTTP load generator {@code wrk} with the script {@code rounds.lua} beside this class: each
 * connection is a player with its own session, playing whole rounds (open, then settle; the settle answered once
 * the round is durable). Prints settled rounds per second, the p50/p99 latency of a round and the CPU time the
 * server and wrk took per settled round (the other load on a shared machine disturbs it much less than the rate);
 * checks that no exchange failed and that every round a player saw settled is in the log, verifies and replays.
 * Speed is reported, not asserted. Skips where wrk is not installed, unless {@code FAIRSPIN_REQUIRE_WRK=1}
 * (set by .ci/run once it installed wrk): then it fails.
 */
@Tag("long")
class ServeLoadTest {
    private static final int PLAYERS = Integer.getInteger("fairspin.load.players", 64);
    private static final long WARM_UP_MILLIS = Long.getLong("fairspin.load.warmupMillis", 10_000);
    private static final long MEASURE_MILLIS = Long.getLong("fairspin.load.millis", 30_000);
    private static final Pattern SUMMARY = Pattern.compile("fairspin-load: (\\d+) rounds settled in ([\\d.]+) s: (\\d+)"
            + " rounds/s, round latency p50 ([\\d.]+) ms, p99 ([\\d.]+) ms, max ([\\d.]+) ms; (\\d+) failed exchanges;"
            + " first failure: (.*)");
    private static final Pattern CPU_TIME = Pattern.compile("(\\d+)m([\\d.]+)s");

    @Test
    void sixtyFourPlayersOnLoopback(@TempDir Path dir) throws Exception {
        requireWrk();
        ServeFixture fixture = new ServeFixture(dir);
        Path script = dir.resolve("rounds.lua");
        try (InputStream in = ServeLoadTest.class.getResourceAsStream("rounds.lua")) {
            Files.copy(in, script);
        }
        Path settledFile = dir.resolve("settled.txt");
        ServeProcess server = ServeProcess.start(dir, fixture.models);
        Run run;
        double serverCpu;
        double load;
        try {
            wrk(server.url(), script, WARM_UP_MILLIS, null);
            load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
            long serverCpuBefore = server.cpuNanos();
            run = wrk(server.url(), script, MEASURE_MILLIS, settledFile);
            serverCpu = (server.cpuNanos() - serverCpuBefore) / 1e3 / Math.max(1, run.rounds);
            assertTrue(server.stop(), "a clean stop: it settled its open rounds");
        } finally {
            server.close();
        }
        System.out.printf("serve load (wrk): %d players, %,d rounds settled in %.1f s: %,.0f durable rounds/s, round"
                + " latency p50 %.2f ms, p99 %.2f ms; CPU per round: server %.0f µs, wrk %.0f µs (load average %.2f"
                + " before measuring, %d processors)%n", PLAYERS, run.rounds, run.seconds, run.rate, run.p50, run.p99,
                serverCpu, run.cpuNanos / 1e3 / Math.max(1, run.rounds), load,
                Runtime.getRuntime().availableProcessors());
        assertEquals("0 failed exchanges; first failure: none", run.failures + " failed exchanges; first failure: "
                + run.firstFailure);
        assertTrue(run.rounds > 0, "rounds were settled");
        Map<String, Players.Settled> seen = settled(settledFile);
        assertEquals(run.rounds, seen.size(), "every settled round is listed once");
        fixture.check(seen);
    }

    /** What a run of wrk reported, and the CPU time it took. */
    private record Run(long rounds, double seconds, double rate, double p50, double p99, long failures,
            String firstFailure, long cpuNanos) {
    }

    /** Runs wrk with one thread per connection for {@code millis}; its summary line and its CPU time (bash's times). */
    private static Run wrk(String url, Path script, long millis, Path settledFile) throws IOException,
            InterruptedException {
        String command = String.join(" ", List.of("wrk", "-t" + PLAYERS, "-c" + PLAYERS,
                "-d" + Math.max(1, millis / 1000) + "s", "--timeout", "10s", "-s", quote(script), url, "--",
                ServeFixture.GAME, settledFile == null ? "" : quote(settledFile))) + "; status=$?; times; exit $status";
        Process process = new ProcessBuilder("bash", "-c", command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(millis + 60_000, TimeUnit.MILLISECONDS), "wrk did not end");
        Matcher summary = SUMMARY.matcher(output);
        if (process.exitValue() != 0 || !summary.find()) {
            fail("wrk failed (exit " + process.exitValue() + "):\n" + output);
        }
        // bash's times: the shell's user and system time, then its children's (wrk's) on the last line.
        String[] lines = output.strip().split("\n");
        Matcher cpu = CPU_TIME.matcher(lines[lines.length - 1]);
        long cpuNanos = 0;
        while (cpu.find()) {
            cpuNanos += (long) ((Long.parseLong(cpu.group(1)) * 60 + Double.parseDouble(cpu.group(2))) * 1e9);
        }
        return new Run(Long.parseLong(summary.group(1)), Double.parseDouble(summary.group(2)),
                Double.parseDouble(summary.group(3)), Double.parseDouble(summary.group(4)),
                Double.parseDouble(summary.group(5)), Long.parseLong(summary.group(7)), summary.group(8), cpuNanos);
    }

    private static String quote(Path path) {
        return "'" + path.toString().replace("'", "'\\''") + "'";
    }

    /** The rounds the players saw settled, from rounds.lua's file: "roundId commitment win logIndex" a line. */
    private static Map<String, Players.Settled> settled(Path file) throws IOException {
        Map<String, Players.Settled> seen = new HashMap<>();
        for (String line : Files.readAllLines(file)) {
            String[] f = line.split(" ");
            Players.Settled s = new Players.Settled(f[0], f[1], Long.parseLong(f[2]), Long.parseLong(f[3]));
            assertTrue(seen.put(s.roundId(), s) == null, "round " + s.roundId() + " was answered as settled twice");
        }
        return seen;
    }

    /**
     * Skips without wrk, unless the environment says it must be there (FAIRSPIN_REQUIRE_WRK=1, which .ci/run sets
     * once it has installed it): then its absence fails the test.
     */
    private static void requireWrk() throws InterruptedException {
        boolean present;
        try {
            present = new ProcessBuilder("wrk", "--version").redirectErrorStream(true).start().waitFor() >= 0;
        } catch (IOException e) {
            present = false;
        }
        if (!present && "1".equals(System.getenv("FAIRSPIN_REQUIRE_WRK"))) {
            fail("wrk is not on PATH but FAIRSPIN_REQUIRE_WRK=1");
        }
        assumeTrue(present, "wrk is not on PATH; install it (Debian: apt-get install wrk) to run the serve load test");
    }
}
