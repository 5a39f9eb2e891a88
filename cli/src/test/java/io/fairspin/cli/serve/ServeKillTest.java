package io.fairspin.cli.serve;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code fairspin serve} in a child JVM, SIGKILLed again and again while 64 players play over HTTP, and
 * restarted on the same log and escrow each time: every round whose settled response reached a player is
 * in the log, the log verifies, every such round replays from escrow, and no round was played twice.
 */
class ServeKillTest {
    private static final int PLAYERS = 64;

    @Test
    void roundsAnsweredAsSettledSurviveSigkill(@TempDir Path dir) throws Exception {
        killRepeatedly(dir, 3);
    }

    @Test
    @Tag("long")
    void roundsAnsweredAsSettledSurviveTwentySigkills(@TempDir Path dir) throws Exception {
        killRepeatedly(dir, 20);
    }

    private static void killRepeatedly(Path dir, int kills) throws Exception {
        ServeFixture fixture = new ServeFixture(dir);
        Random random = new Random(kills);
        AtomicReference<ServeProcess> server = new AtomicReference<>(ServeProcess.start(dir, fixture.models));
        Players players = new Players(PLAYERS, () -> server.get().url(), ServeFixture.GAME);
        try {
            for (int k = 0; k < kills; k++) {
                long before = players.settled().size();
                long waitUntil = System.nanoTime() + 20_000_000_000L;
                // Let rounds settle on this server (two per player, or 20 s), then kill it mid-load.
                while (players.settled().size() < before + 2 * PLAYERS && System.nanoTime() < waitUntil) {
                    Thread.sleep(10);
                }
                Thread.sleep(random.nextInt(300));
                server.get().kill();
                server.set(ServeProcess.start(dir, fixture.models));
            }
            Thread.sleep(500);
            players.stop();
            assertTrue(server.get().stop(), "a clean stop after the kills: it settled its open rounds");
        } finally {
            players.stop();
            server.get().close();
        }
        assertTrue(players.settled().size() > kills, "rounds were settled: " + players.settled().size());
        long logged = fixture.check(players.settled());
        System.out.printf("serve: %d SIGKILLs, %,d rounds answered as settled, %,d rounds in the log, %,d failed"
                + " requests (first: %s)%n", kills, players.settled().size(), logged, players.failures(),
                players.firstFailures());
    }
}
