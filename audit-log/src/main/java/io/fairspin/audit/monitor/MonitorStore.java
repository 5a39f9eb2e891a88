package io.fairspin.audit.monitor;

import io.fairspin.audit.log.LogFollower;
import io.fairspin.audit.witness.WitnessStore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Keeps what a monitor verified of the log it follows across its runs, so that a log rolled back or rewritten while no
 * monitor ran is caught when one starts again: the {@link WitnessStore.Followed} state of the log's origin in a
 * {@link WitnessStore} (a witness's store may be shared: the monitor's files have names of their own). {@link #resume}
 * has the follower check the log against the stored state before it reads; {@link #save} records the follower's state
 * in its place, only when it extends the stored one.
 */
public final class MonitorStore {
    private final WitnessStore store;
    /** The state this run started from or last wrote; null when the store held none for the log. */
    private WitnessStore.Followed saved;
    private boolean wrote;

    /**
     * The monitor's state in the store in {@code dir}, created when absent.
     *
     * @param dir the store's folder
     * @throws java.io.IOException when the folder cannot be created
     */
    public MonitorStore(Path dir) throws IOException {
        this.store = new WitnessStore(dir);
    }

    /**
     * Reads the stored state of the follower's log and has the follower check that the log extends it
     * ({@link LogFollower#expectExtending}). A store that follows other logs and not this one is refused unless
     * {@code addLog}; so is one that follows logs while the folder holds no log yet.
     *
     * @param follower the follower, before its first poll
     * @param addLog whether a log the store does not follow yet may be added to it
     * @return the stored state the log must extend, or null when the store held none for it
     * @throws java.io.IOException when the store or the log's header cannot be read, a file of the state is damaged or
     *     another log's (naming the file and the field), or the store follows other logs and not {@code addLog}
     */
    public WitnessStore.Followed resume(LogFollower follower, boolean addLog) throws IOException {
        String origin = follower.readOrigin();
        saved = origin == null ? null : store.followed(origin);
        if (saved == null) {
            List<String> others = store.followedOrigins();
            if (!others.isEmpty() && !addLog) {
                throw new IOException(store.dir() + ": origin: this store follows " + String.join(", ", others)
                        + (origin == null ? ", and the log has no readable header (no segment nor checkpoints file, or"
                        + " both headers damaged): the log was deleted or damaged, or it is another" : ", not the log's origin '" + origin + "'")
                        + " (--add-log to follow another log with this store)");
            }
            return null;
        }
        follower.expectExtending(saved.tree(), saved.signedHead());
        return saved;
    }

    /**
     * Records the follower's state (the tree head of the entries read, the last signed checkpoint verified) in place of
     * the stored one, holding the store's lock, when it extends what the store held ({@link
     * LogFollower#extendsExpected()}) and differs from it; a log that was rolled back or rewritten leaves the store as it
     * was, so every later run alerts again.
     *
     * @param follower the follower, after a poll
     * @return the state now stored, or null when nothing was written
     * @throws java.io.IOException when the store cannot be written, or another run changed the log's state in it
     */
    public WitnessStore.Followed save(LogFollower follower) throws IOException {
        if (follower.origin() == null || !follower.extendsExpected()) {
            return null;
        }
        WitnessStore.Followed state = new WitnessStore.Followed(follower.treeHead(), follower.lastCheckpointNote());
        if (same(state, saved)) {
            return null;
        }
        try (WitnessStore.Lock held = store.lock()) {
            WitnessStore.Followed now = store.followed(state.tree().origin());
            if (!same(now, saved)) {
                throw new IOException(store.dir() + ": the state of '" + state.tree().origin() + "' changed since this"
                        + " monitor read it (" + describe(saved) + " then, " + describe(now) + " now): another monitor"
                        + " follows the log with this store, or this run did not start from it");
            }
            store.putFollowed(state);
        }
        saved = state;
        wrote = true;
        return state;
    }

    /**
     * What the store holds of the log now: the state this run started from, or the last it wrote; null when none.
     *
     * @return the stored state, or null
     */
    public WitnessStore.Followed stored() {
        return saved;
    }

    /**
     * Whether this run wrote the log's state.
     *
     * @return true when {@link #save} wrote it at least once
     */
    public boolean wrote() {
        return wrote;
    }

    private static boolean same(WitnessStore.Followed a, WitnessStore.Followed b) {
        if (a == null || b == null) {
            return a == b;
        }
        String noteA = a.checkpoint() == null ? "" : a.checkpoint().encode();
        String noteB = b.checkpoint() == null ? "" : b.checkpoint().encode();
        return a.tree().equals(b.tree()) && noteA.equals(noteB);
    }

    private static String describe(WitnessStore.Followed state) {
        return state == null ? "none" : state.tree().size() + " entries";
    }
}
