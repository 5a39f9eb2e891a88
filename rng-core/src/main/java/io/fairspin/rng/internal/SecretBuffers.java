package io.fairspin.rng.internal;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * The buffers of secret bytes that rng-core owns (key file bytes, escrow plaintexts, opened escrow inputs)
 * are marked when they are made, so that a test can see every one of them after the call that made it
 * and check that it was wiped: {@link #watching} hands each buffer marked on the calling thread to a
 * watcher. Without a watcher, {@link #secret} only returns its argument. Not exported from the module.
 */
public final class SecretBuffers {
    private static final ThreadLocal<Consumer<byte[]>> WATCHER = new ThreadLocal<>();

    private SecretBuffers() {
    }

    /**
     * Marks {@code buffer} as holding secret bytes that its owner zeroes when done.
     *
     * @param buffer the new buffer
     * @return {@code buffer}
     */
    public static byte[] secret(byte[] buffer) {
        Consumer<byte[]> watcher = WATCHER.get();
        if (watcher != null) {
            watcher.accept(buffer);
        }
        return buffer;
    }

    /**
     * Runs {@code action} on this thread, handing every buffer it marks as secret to {@code watcher}.
     *
     * @param watcher receives each secret buffer as it is made
     * @param action  what to watch
     * @param <T>     what the action returns
     * @return what {@code action} returned
     * @throws Exception what {@code action} threw
     */
    public static <T> T watching(Consumer<byte[]> watcher, Callable<T> action) throws Exception {
        Consumer<byte[]> before = WATCHER.get();
        WATCHER.set(watcher);
        try {
            return action.call();
        } finally {
            WATCHER.set(before);
        }
    }
}
