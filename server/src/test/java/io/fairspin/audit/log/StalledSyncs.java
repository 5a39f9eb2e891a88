package io.fairspin.audit.log;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Log options whose syncs wait, once {@link #stall()} is called, until {@link #release()}: a test's way to hold a
 * served round between its submission and its durability (the syncs are the log's; the class sits in its package for
 * {@code Options.forcer}, which the log keeps to itself).
 */
public final class StalledSyncs {
    private final CountDownLatch released = new CountDownLatch(1);
    private final CountDownLatch waiting = new CountDownLatch(1);
    private volatile boolean stalled;

    /** The options for {@link AuditLog#create(java.nio.file.Path, String, java.security.KeyPair, AuditLog.Options)}. */
    public AuditLog.Options options() {
        return AuditLog.Options.defaults().forcer(channel -> {
            if (stalled) {
                waiting.countDown();
                try {
                    released.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            channel.force(false);
        });
    }

    /** From now on every sync waits for {@link #release()}. */
    public void stall() {
        stalled = true;
    }

    /** Whether a sync is waiting, within {@code seconds}. */
    public boolean awaitStalledSync(long seconds) throws InterruptedException {
        return waiting.await(seconds, TimeUnit.SECONDS);
    }

    /** Lets every waiting and later sync go on. */
    public void release() {
        stalled = false;
        released.countDown();
    }
}
