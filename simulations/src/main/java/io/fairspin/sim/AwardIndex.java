package io.fairspin.sim;

import io.fairspin.math.Fraction;
import io.fairspin.math.Game;
import io.fairspin.math.WinDistribution;
import java.util.Arrays;

/**
 * Where a round's win is counted for the chi-square test of a game's exact win distribution
 * ({@link WinDistribution}): one count per listed win, in increasing order; then, when the distribution
 * leaves out the rounds that trigger a feature, one count for those; then one for rounds whose win is not
 * listed. Built once per simulation and shared by its threads (immutable).
 *
 * <p>The lookup is by table, not by search, when the wins are multiples of a common unit and not too
 * many units apart (the usual case: wins in bets per line), so counting costs the inner loop little.
 */
final class AwardIndex {
    /** No distribution: nothing is counted. */
    static final AwardIndex NONE = new AwardIndex(null, false);

    /** Direct tables up to this many units. */
    private static final int MAX_DIRECT = 1 << 16;

    private final long[] wins;
    private final boolean featurePooled;
    private final int zeroIndex;
    private final long unit;
    private final int[] direct;

    private AwardIndex(long[] wins, boolean featurePooled) {
        this.wins = wins;
        this.featurePooled = featurePooled;
        if (wins == null) {
            zeroIndex = -1;
            unit = 1;
            direct = null;
            return;
        }
        int zero = Arrays.binarySearch(wins, 0L);
        zeroIndex = zero >= 0 ? zero : unlisted();
        long g = 0;
        for (long w : wins) {
            g = gcd(g, w);
        }
        unit = Math.max(1, g);
        long max = wins.length == 0 ? 0 : wins[wins.length - 1];
        if (max / unit < MAX_DIRECT) {
            direct = new int[(int) (max / unit) + 1];
            Arrays.fill(direct, unlisted());
            for (int i = 0; i < wins.length; i++) {
                direct[(int) (wins[i] / unit)] = i;
            }
        } else {
            direct = null;
        }
    }

    /** The index of {@code game}'s exact win distribution, or {@link #NONE}. */
    static AwardIndex of(Game game) {
        if (game instanceof WinDistribution distribution) {
            return distribution.winDistribution()
                    .map(d -> new AwardIndex(d.keySet().stream().mapToLong(Long::longValue).toArray(),
                            distribution.featureRounds().signum() != 0))
                    .orElse(NONE);
        }
        return NONE;
    }

    /** Whether wins are counted at all. */
    boolean counts() {
        return wins != null;
    }

    /** The number of counts: listed wins, feature rounds when pooled, unlisted rounds; 0 without a distribution. */
    int size() {
        return wins == null ? 0 : wins.length + (featurePooled ? 2 : 1);
    }

    /** Whether rounds that trigger a feature have a count of their own. */
    boolean featurePooled() {
        return featurePooled;
    }

    /** The count of rounds that trigger a feature (when pooled). */
    int featureIndex() {
        return wins.length;
    }

    /** The count of a round that won nothing. */
    int zeroIndex() {
        return zeroIndex;
    }

    private int unlisted() {
        return wins.length + (featurePooled ? 1 : 0);
    }

    /** The count of a round that won {@code win} (not negative). */
    int of(long win) {
        if (direct != null) {
            long units = unit == 1 ? win : win / unit;
            return units < direct.length && (unit == 1 || units * unit == win) ? direct[(int) units] : unlisted();
        }
        int at = Arrays.binarySearch(wins, win);
        return at >= 0 ? at : unlisted();
    }

    /** The exact probability of the feature rounds' count, for {@link ChiSquare}. */
    static Fraction featureRounds(Game game) {
        return game instanceof WinDistribution distribution ? distribution.featureRounds() : Fraction.ZERO;
    }

    private static long gcd(long a, long b) {
        while (b != 0) {
            long t = a % b;
            a = b;
            b = t;
        }
        return a;
    }
}
