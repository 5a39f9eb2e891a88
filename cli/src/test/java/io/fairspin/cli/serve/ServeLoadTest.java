package io.fairspin.cli.serve;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The load test of docs/performance.md: {@code fairspin serve} in a child JVM, 64 players over HTTP on
 * loopback, each playing whole rounds (open, then settle; the settle answered once the round is durable).
 * Prints settled rounds per second and the p50/p99 latency of a round; checks that every settled round is
 * in the log. Speed is reported, not asserted (the machine is shared), with the CPU time the server and the
 * players' JVM took per settled round, which the other load on a shared machine disturbs much less.
 */
@Tag("long")
class ServeLoadTest {
    private static final int PLAYERS = 64;
    private static final long WARM_UP_MILLIS = Long.getLong("fairspin.load.warmupMillis", 10_000);
    private static final long MEASURE_MILLIS = Long.getLong("fairspin.load.millis", 30_000);

    @Test
    void sixtyFourPlayersOnLoopback(@TempDir Path dir) throws Exception {
        ServeFixture fixture = new ServeFixture(dir);
        ServeProcess server = ServeProcess.start(dir, fixture.models);
        Players players = new Players(PLAYERS, server::url, ServeFixture.GAME);
        double rate;
        double p50;
        double p99;
        long rounds;
        double load;
        double serverCpu;
        double clientCpu;
        try {
            Thread.sleep(WARM_UP_MILLIS);
            double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
            players.measure();
            long start = System.nanoTime();
            long serverCpuBefore = server.cpuNanos();
            long clientCpuBefore = clientCpuNanos();
            Thread.sleep(MEASURE_MILLIS);
            rounds = players.measured();
            double seconds = (System.nanoTime() - start) / 1e9;
            serverCpu = (server.cpuNanos() - serverCpuBefore) / 1e3 / Math.max(1, rounds);
            clientCpu = (clientCpuNanos() - clientCpuBefore) / 1e3 / Math.max(1, rounds);
            players.stop();
            rate = rounds / seconds;
            p50 = players.percentileMillis(0.50);
            p99 = players.percentileMillis(0.99);
            load = loadBefore;
            assertTrue(server.stop(), "a clean stop: it settled its open rounds");
        } finally {
            players.stop();
            server.close();
        }
        System.out.printf("serve load: %d players, %,d rounds settled in %.1f s: %,.0f durable rounds/s, round latency"
                + " p50 %.2f ms, p99 %.2f ms; CPU per round: server %.0f µs, players %.0f µs (load average %.2f before"
                + " measuring, %d processors)%n", PLAYERS, rounds, MEASURE_MILLIS / 1e3, rate, p50, p99, serverCpu,
                clientCpu, load, Runtime.getRuntime().availableProcessors());
        assertTrue(rounds > 0);
        fixture.check(players.settled());
    }

    /** The CPU time of this JVM (the players' java.net.http clients and the test). */
    private static long clientCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
