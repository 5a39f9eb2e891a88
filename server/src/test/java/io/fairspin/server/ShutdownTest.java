package io.fairspin.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fairspin.audit.log.StalledSyncs;
import io.fairspin.audit.record.RoundRecord;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A stop whose grace ends while a settle waits for its round's durability: the round is settled and made durable by
 * the stop, and the waiting request still gets its settled answer, sent from the server's pool (which stops last),
 * not dropped with its connection nor answered as a log failure from the log's writer thread.
 */
class ShutdownTest {
    @Test
    void aSettleWaitingPastTheGraceIsAnsweredSettled(@TempDir Path dir) throws Exception {
        StalledSyncs syncs = new StalledSyncs();
        TestServer s = new TestServer(dir, List.of("sizzling-hot.json"), b -> b, syncs.options());
        CompletableFuture<Void> stopped;
        TestServer.Reply settled;
        try {
            String token = s.newSession();
            String round = s.send("POST", "/api/rounds", token, "{\"game\": \"sizzling-hot\"}").body().get("roundId")
                    .asText();
            syncs.stall();
            CompletableFuture<TestServer.Reply> settling = CompletableFuture.supplyAsync(() -> {
                try {
                    return s.send("POST", "/api/rounds/" + round + "/settle", token, null);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            assertTrue(syncs.awaitStalledSync(10), "the settle's round waits for its sync");
            stopped = CompletableFuture.runAsync(() -> {
                try {
                    s.server.stop(Duration.ofMillis(200));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            Thread.sleep(1_000); // the grace is over; the stop waits for the round's durability
            syncs.release();
            settled = settling.get(20, TimeUnit.SECONDS);
            stopped.get(20, TimeUnit.SECONDS);
            assertEquals(200, settled.status(), settled.text());
            assertEquals("settled", settled.body().get("state").asText());
            assertEquals(round, settled.body().get("roundId").asText());
        } finally {
            syncs.release();
            s.close();
        }
        assertEquals(1, s.entries().stream().filter(e -> e.event() instanceof RoundRecord).count());
    }
}
