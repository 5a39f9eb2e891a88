package io.fairspin.sim;

import io.fairspin.math.AwardOccurrences;
import io.fairspin.math.Fraction;
import io.fairspin.math.Game;
import io.fairspin.math.RoundOutcome;
import io.fairspin.math.WinDistribution;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What a simulation counts for the tests of a game's awards. With the game's exact win distribution
 * ({@link WinDistribution}), where a round's win is counted for the chi-square test: one count per listed
 * win, in increasing order; then, when the distribution leaves out the rounds that trigger a feature, one
 * count for those; then one for rounds whose win is not listed. Without one, when the game counts its
 * base game's pay-table awards ({@link AwardOccurrences}) and has exact figures to judge against, the
 * awards whose occurrences each round adds ({@link AwardOccurrenceTest}). Built once per simulation and
 * shared by its threads (immutable).
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
    /** The awards whose occurrences are counted, with their exact expected occurrences per round; empty if none. */
    private final List<String> occurrenceAwards;
    private final List<Fraction> occurrencesPerRound;

    private AwardIndex(long[] wins, boolean featurePooled) {
        this(wins, featurePooled, List.of(), List.of());
    }

    private AwardIndex(long[] wins, boolean featurePooled, List<String> occurrenceAwards,
            List<Fraction> occurrencesPerRound) {
        this.wins = wins;
        this.featurePooled = featurePooled;
        this.occurrenceAwards = occurrenceAwards;
        this.occurrencesPerRound = occurrencesPerRound;
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

    /**
     * The index of {@code game}'s exact win distribution; without one, of its award occurrences when it counts
     * them and has exact figures; otherwise {@link #NONE}.
     */
    static AwardIndex of(Game game) {
        if (game instanceof WinDistribution distribution) {
            Optional<AwardIndex> wins = distribution.winDistribution()
                    .map(d -> new AwardIndex(d.keySet().stream().mapToLong(Long::longValue).toArray(),
                            distribution.featureRounds().signum() != 0));
            if (wins.isPresent()) {
                return wins.get();
            }
        }
        if (game instanceof AwardOccurrences occurrences && !occurrences.awards().isEmpty()
                && game.exactFigures().isPresent()) {
            return occurrences.occurrencesPerRound()
                    .map(perRound -> new AwardIndex(null, false, List.copyOf(occurrences.awards()), List.copyOf(perRound)))
                    .orElse(NONE);
        }
        return NONE;
    }

    /** An outcome for {@code game}'s rounds that counts the awards this index counts occurrences of. */
    RoundOutcome outcome(Game game) {
        RoundOutcome outcome = RoundOutcome.forGame(game);
        if (!occurrenceAwards.isEmpty()) {
            outcome.countAwards(occurrenceAwards.size());
        }
        return outcome;
    }

    /** The awards whose occurrences are counted (in the game's order), empty when none are. */
    List<String> occurrenceAwards() {
        return occurrenceAwards;
    }

    /** The exact expected occurrences per round of each award of {@link #occurrenceAwards()}. */
    List<Fraction> occurrencesPerRound() {
        return occurrencesPerRound;
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
