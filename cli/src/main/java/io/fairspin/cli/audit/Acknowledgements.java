package io.fairspin.cli.audit;

import io.fairspin.audit.log.Receipt;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** Rounds submitted to an audit log and not yet acknowledged, oldest first: what the writing commands wait on. */
final class Acknowledgements {
    private final ArrayDeque<CompletableFuture<Receipt>> pending = new ArrayDeque<>();

    void add(CompletableFuture<Receipt> receipt) {
        pending.add(receipt);
    }

    int size() {
        return pending.size();
    }

    /** Waits for the oldest round to be durable. */
    void awaitOldest() throws IOException {
        try {
            pending.poll().join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof IOException) {
                throw (IOException) e.getCause();
            }
            throw e;
        }
    }

    /** Waits for every round to be durable; returns how many there were. */
    long drain() throws IOException {
        long n = pending.size();
        while (!pending.isEmpty()) {
            awaitOldest();
        }
        return n;
    }
}
