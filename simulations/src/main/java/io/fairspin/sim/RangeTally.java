package io.fairspin.sim;

import io.fairspin.math.Game;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The exact sums of one completed chunk range of a plan ({@link SimulationPlan#ranges()}): what a
 * Spark task sends back and what {@code --resume} saves. Its bytes ({@link #encode()}) hold integers
 * only, so a tally decoded anywhere adds up to the same report.
 */
public final class RangeTally {
    private static final int FORMAT = 2;

    private final int range;
    private final Tally tally;

    RangeTally(int range, Tally tally) {
        this.range = range;
        this.tally = tally;
    }

    /**
     * The range's index in its plan.
     *
     * @return the index, in [0, plan.ranges())
     */
    public int range() {
        return range;
    }

    /**
     * The rounds the range played.
     *
     * @return the number of rounds, at least 1
     */
    public long rounds() {
        return tally.rounds();
    }

    Tally tally() {
        return tally;
    }

    /**
     * The figures of this range alone.
     *
     * @return the range's sums and the figures computed from them
     */
    public Statistics statistics() {
        return tally.statistics();
    }

    /**
     * The range index and the sums, as bytes; {@link #decode} reads them back.
     *
     * @return the encoded tally, a few hundred bytes
     */
    public byte[] encode() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(FORMAT);
            out.writeInt(range);
            tally.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * Reads a range tally of {@code game} from {@link #encode()}'s bytes.
     *
     * @param encoded bytes written by {@link #encode()}
     * @param game the game the tally was played on, which fixes its number of win types, features and histogram buckets
     * @return the decoded tally, equal to the one encoded
     * @throws IOException when the bytes are not a range tally of a game shaped like {@code game}
     */
    public static RangeTally decode(byte[] encoded, Game game) throws IOException {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(encoded))) {
            if (in.readInt() != FORMAT) {
                throw new IOException("not a range tally of format " + FORMAT);
            }
            int range = in.readInt();
            if (range < 0 || range >= SimulationPlan.MAX_RANGES) {
                throw new IOException("range " + range + " out of bounds");
            }
            Tally tally = Tally.read(in, game);
            if (in.read() != -1) {
                throw new IOException("bytes after the tally");
            }
            return new RangeTally(range, tally);
        } catch (java.io.EOFException e) {
            throw new IOException("a range tally cut short", e);
        }
    }
}
