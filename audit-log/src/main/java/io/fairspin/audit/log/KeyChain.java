package io.fairspin.audit.log;

import io.fairspin.audit.checkpoint.NoteVerifier;
import io.fairspin.audit.record.KeyAnnouncement;
import java.util.ArrayList;
import java.util.List;

/**
 * Which key must sign each checkpoint. Entry 0 announces the first key. A later announcement takes
 * effect after the first checkpoint that covers it, which the previous key signs: so each key vouches
 * for the next, and the tree under any trusted checkpoint vouches for every earlier key.
 */
final class KeyChain {
    private final List<NoteVerifier> signers;
    private final NoteVerifier active;
    private final NoteVerifier pending;

    private KeyChain(List<NoteVerifier> signers, NoteVerifier active, NoteVerifier pending) {
        this.signers = signers;
        this.active = active;
        this.pending = pending;
    }

    /** The chain given the log's announcements (entry 0 first) and its checkpoints in order. */
    static KeyChain of(List<LogScanner.Announcement> announcements, List<LogScanner.StoredCheckpoint> checkpoints) {
        List<NoteVerifier> signers = new ArrayList<>();
        NoteVerifier active = announcements.get(0).key().verifier();
        long covered = 0;
        for (LogScanner.StoredCheckpoint stored : checkpoints) {
            signers.add(active);
            covered = stored.checkpoint().size();
            active = keyAnnouncedBefore(announcements, covered, active);
        }
        NoteVerifier latest = keyAnnouncedBefore(announcements, Long.MAX_VALUE, active);
        return new KeyChain(signers, active, latest.equals(active) ? null : latest);
    }

    /** The last key announced at an index below {@code size}, or {@code fallback} when none is. */
    static NoteVerifier keyAnnouncedBefore(List<LogScanner.Announcement> announcements, long size,
                                           NoteVerifier fallback) {
        LogScanner.Announcement last = lastAnnouncedBefore(announcements, size);
        return last == null ? fallback : last.key().verifier();
    }

    /** The last announcement at an index below {@code size}, or null when none is. */
    static LogScanner.Announcement lastAnnouncedBefore(List<LogScanner.Announcement> announcements, long size) {
        LogScanner.Announcement last = null;
        for (LogScanner.Announcement a : announcements) {
            if (a.index() < size) {
                last = a;
            }
        }
        return last;
    }

    /**
     * Why an announcement of a key named for another origin is not one of the log's keys: a signed note's key name is
     * its log's origin, and a witness files a log's key under that name.
     */
    static String foreignKey(long index, KeyAnnouncement announcement, String origin) {
        return "entry " + index + " announces a key named '" + announcement.keyName() + "', not for the log's origin '"
                + origin + "': it is not one of the log's keys";
    }

    /** The key that must have signed checkpoint {@code i}. */
    NoteVerifier signerOf(int i) {
        return signers.get(i);
    }

    /** The key that signs the next checkpoint. */
    NoteVerifier active() {
        return active;
    }

    /** A key announced but not yet covered by a checkpoint: it takes over after the next one; or null. */
    NoteVerifier pending() {
        return pending;
    }
}
