package io.fairspin.audit.log;

import io.fairspin.audit.checkpoint.Checkpoint;
import io.fairspin.audit.checkpoint.NoteVerifier;
import io.fairspin.audit.merkle.ProofException;
import io.fairspin.rng.keys.KeyFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Checks a whole log folder, read-only: every CRC32C, the canonical encoding of every entry, index
 * continuity, the hash chain, every checkpoint's root against the recomputed Merkle tree, and (in
 * {@link #verify}) every checkpoint's signature by the key the log's own key announcements require,
 * anchored to a key the caller trusts.
 */
public final class LogVerifier {
    private LogVerifier() {
    }

    /**
     * Full verification; {@code trusted} is the operator's public key (any key of the log's chain). The checkpoints
     * must keep the bound the log declares: at most {@code max_unsigned} entries between two of them and after the
     * last; a log that declares none may have at most its inferred interval after the last.
     *
     * @param dir the log's folder
     * @param trusted the operator's Ed25519 public key
     * @return every problem found, and the log's figures
     * @throws java.io.IOException when the log cannot be read
     */
    public static LogReport verify(Path dir, PublicKey trusted) throws IOException {
        return verify(dir, trusted, 0);
    }

    /**
     * Full verification, accepting up to {@code allowUnsigned} entries past the last signed checkpoint even when
     * that is more than the log's bound (a log still being written by a writer that declares none).
     *
     * @param dir the log's folder
     * @param trusted the operator's Ed25519 public key
     * @param allowUnsigned the unsigned entries accepted at the end
     * @return every problem found, and the log's figures
     * @throws java.io.IOException when the log cannot be read
     */
    public static LogReport verify(Path dir, PublicKey trusted, long allowUnsigned) throws IOException {
        LogScanner.Result scan = LogScanner.scan(dir, entry -> { });
        List<LogProblem> problems = structuralProblems(scan);
        unsignedProblem(scan, allowUnsigned, problems);
        if (!scan.announcements.isEmpty()) {
            checkSignatures(scan, trusted, problems);
        }
        return report(scan, problems, true);
    }

    /**
     * Everything but signatures; works on a damaged log and reports what it can.
     *
     * @param dir the log's folder
     * @return every problem found, and the log's figures
     * @throws java.io.IOException when the folder cannot be read
     */
    public static LogReport inspect(Path dir) throws IOException {
        LogScanner.Result scan = LogScanner.scan(dir, entry -> { });
        return report(scan, structuralProblems(scan), false);
    }

    private static List<LogProblem> structuralProblems(LogScanner.Result scan) {
        List<LogProblem> problems = new ArrayList<>(scan.problems);
        if (scan.entries > 0 && (scan.announcements.isEmpty() || scan.announcements.get(0).index() != 0)) {
            problems.add(new LogProblem(LogFiles.segmentName(0), 0, "entry 0 does not announce the log's key"));
        }
        if (scan.checkpoints.isEmpty()) {
            problems.add(new LogProblem(LogFiles.CHECKPOINTS, 0, "no signed checkpoint"));
        }
        return problems;
    }

    /** Where the checkpoints do not keep the log's declared bound (or, for a log that declares none, its inferred interval). */
    private static void unsignedProblem(LogScanner.Result scan, long allowUnsigned, List<LogProblem> problems) {
        if (scan.problems.isEmpty()) {
            problems.addAll(CheckpointBound.problems(scan, allowUnsigned, false));
        }
    }

    private static void checkSignatures(LogScanner.Result scan, PublicKey trusted, List<LogProblem> problems) {
        KeyChain chain = KeyChain.of(scan.announcements, scan.checkpoints);
        byte[] trustedKey = trusted.getEncoded();
        boolean anchored = false;
        for (int i = 0; i < scan.checkpoints.size(); i++) {
            LogScanner.StoredCheckpoint stored = scan.checkpoints.get(i);
            NoteVerifier signer = chain.signerOf(i);
            try {
                stored.note().verify(signer);
                anchored |= Arrays.equals(signer.publicKey().getEncoded(), trustedKey);
            } catch (ProofException e) {
                problems.add(new LogProblem(LogFiles.CHECKPOINTS, stored.offset(), "checkpoint of size "
                        + stored.checkpoint().size() + ": " + e.getMessage()));
            }
        }
        if (!anchored && !scan.checkpoints.isEmpty()) {
            problems.add(new LogProblem(LogFiles.CHECKPOINTS, 0, "no valid checkpoint is signed by the given key "
                    + KeyFiles.keyId(trusted) + ": it is not this log's key, or its checkpoints were altered"));
        }
    }

    private static LogReport report(LogScanner.Result scan, List<LogProblem> problems, boolean signatures) {
        List<LogReport.Segment> segments = new ArrayList<>();
        long bytes = 0;
        for (LogScanner.Segment s : scan.segments) {
            segments.add(new LogReport.Segment(s.file().getFileName().toString(), s.firstIndex(), s.entries(), s.size()));
            bytes += s.size();
        }
        List<LogReport.Key> keys = new ArrayList<>();
        for (LogScanner.Announcement a : scan.announcements) {
            NoteVerifier v = a.key().verifier();
            keys.add(new LogReport.Key(a.index(), v.encode(), KeyFiles.keyId(v.publicKey()),
                    a.key().maxUnsigned().orElse(0)));
        }
        List<Checkpoint> checkpoints = new ArrayList<>();
        scan.checkpoints.forEach(c -> checkpoints.add(c.checkpoint()));
        List<LogProblem> torn = new ArrayList<>();
        for (LogScanner.TornTail t : scan.tornTails) {
            String file = t.file().getFileName().toString();
            if (t.truncated()) {
                torn.add(new LogProblem(file, t.offset(), "torn tail of " + t.length()
                        + " bytes, half-written when the writer stopped (the next open cuts and logs it)"));
            } else {
                problems.add(new LogProblem(file, t.offset(), "the last frame (" + t.length() + " bytes) is whole but"
                        + " its length or CRC32C is wrong: damage, or a torn write after a power loss (the next"
                        + " open cuts and logs it)"));
            }
        }
        LogScanner.StoredCheckpoint last = scan.lastCheckpoint();
        long bound = last == null ? 0 : CheckpointBound.inForce(scan.announcements, last.checkpoint().size());
        return new LogReport(scan.origin, segments, scan.entries, scan.rounds, scan.healthEvents, keys, scan.tailCuts,
                checkpoints, bound, bytes, problems, torn, signatures);
    }
}
