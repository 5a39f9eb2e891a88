package io.fairspin.audit.log;

import io.fairspin.audit.checkpoint.Checkpoint;
import io.fairspin.audit.record.TailCut;
import java.util.List;

/**
 * What {@link LogVerifier} found in a log folder: its shape, its checkpoints and keys, and every problem
 * with file and offset. {@link #ok()} is true only when nothing is wrong. A torn tail (a last frame that
 * a writer killed mid-write left half-written) is no problem: it is listed in {@code tornTails}, and the
 * next writer's open cuts it off and logs the cut. A frame that is damaged, or followed by a valid one,
 * is a problem.
 *
 * @param origin            the log's name, from its header; null when no header was read
 * @param segments          the segment files, in order
 * @param entries           the entries read intact
 * @param rounds            the round entries among them
 * @param healthEvents      the generator health entries among them
 * @param keys              the checkpoint keys announced, in order
 * @param tailCuts          the torn tails earlier writers cut off and logged
 * @param checkpoints       the checkpoints found, in order
 * @param maxUnsigned       the checkpoint bound the log declares in force after its last checkpoint; 0 when it
 *                          declares none
 * @param bytes             the segments' total size in bytes
 * @param problems          every problem, each with file and offset; empty when the log is sound
 * @param tornTails         half-written last frames: file, offset, and what was found
 * @param signaturesChecked whether checkpoint signatures were checked against a trusted key ({@code verify})
 *                          or not ({@code inspect})
 */
public record LogReport(String origin, List<Segment> segments, long entries, long rounds, long healthEvents,
                        List<Key> keys, List<TailCut> tailCuts, List<Checkpoint> checkpoints, long maxUnsigned,
                        long bytes, List<LogProblem> problems, List<LogProblem> tornTails,
                        boolean signaturesChecked) {

    /** One segment file; {@code entries} counts its frames with a valid CRC32C, past any damage. */
    public record Segment(String file, long firstIndex, long entries, long bytes) {
    }

    /**
     * An announced checkpoint key: the entry that announced it, its signed-note verifier key, and the checkpoint bound
     * it declares ({@code max_unsigned}, 0 for none).
     */
    public record Key(long index, String verifierKey, String keyId, long maxUnsigned) {
    }

    /**
     * Copies the lists.
     *
     * @param origin            the log's name, from its header; null when no header was read
     * @param segments          the segment files, in order
     * @param entries           the entries read intact
     * @param rounds            the round entries among them
     * @param healthEvents      the generator health entries among them
     * @param keys              the checkpoint keys announced, in order
     * @param tailCuts          the torn tails earlier writers cut off and logged
     * @param checkpoints       the checkpoints found, in order
     * @param maxUnsigned       the checkpoint bound in force after the last checkpoint; 0 when none is declared
     * @param bytes             the segments' total size in bytes
     * @param problems          every problem, each with file and offset; empty when the log is sound
     * @param tornTails         half-written last frames: file, offset, and what was found
     * @param signaturesChecked whether checkpoint signatures were checked against a trusted key
     */
    public LogReport {
        segments = List.copyOf(segments);
        keys = List.copyOf(keys);
        tailCuts = List.copyOf(tailCuts);
        checkpoints = List.copyOf(checkpoints);
        problems = List.copyOf(problems);
        tornTails = List.copyOf(tornTails);
    }

    /**
     * Whether the log checked out.
     *
     * @return true when no problem was found
     */
    public boolean ok() {
        return problems.isEmpty();
    }

    /**
     * Intact entries after the last checkpoint: chained and CRC-checked, but not yet signed.
     *
     * @return the number of unsigned entries
     */
    public long unsignedEntries() {
        return checkpoints.isEmpty() ? entries : Math.max(0, entries - checkpoints.get(checkpoints.size() - 1).size());
    }
}
