package io.fairspin.audit.monitor;

import io.fairspin.math.ExactFigures;
import io.fairspin.math.Fraction;
import io.fairspin.math.OutcomeCheck;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The exact figures a round is judged against: those of its bet configuration ({@code Game.at(bet)}), per unit of
 * the configuration's stake. A {@link GameTally} judges each round against the figures of the bet it was played at,
 * so that rounds at other lines, coins or wagers than the standard wager, whose RTP, hit frequency and award
 * frequencies differ, are not judged against the standard wager's.
 *
 * <p>Compared by identity: the monitor makes one object per bet configuration it sees.
 */
public final class BetFigures {
    /** The figures of rounds past the bet configurations the monitor keeps apart: none, they are not judged. */
    public static final BetFigures PAST_KEPT = new BetFigures(null, null, null,
            "past the " + BetClasses.MAX_CLASSES + " bet configurations kept apart per model");

    private final String bet;
    private final ExactFigures figures;
    private final double[] awardMeans;
    private final String notJudged;

    private BetFigures(String bet, ExactFigures figures, double[] awardMeans, String notJudged) {
        this.bet = bet;
        this.figures = figures;
        this.awardMeans = awardMeans;
        this.notJudged = notJudged;
    }

    /**
     * The figures of a bet configuration.
     *
     * @param bet the configuration as a bet, canonical JSON ({@code {}} for the standard wager), for reports
     * @param figures its exact figures, or null when it has none (its rounds are then counted, not judged)
     * @param awards the awards of the tally the rounds go into, in its order (empty: no award test)
     * @param check the outcome check of the game at that bet, or null (then its rounds take no part in the award test)
     * @return the figures; their award means follow {@code awards}, null when the check counts other awards
     */
    public static BetFigures of(String bet, ExactFigures figures, List<String> awards, OutcomeCheck check) {
        return new BetFigures(bet, figures, figures == null ? null : awardMeans(awards, check),
                figures == null ? "the game has no exact figures at " + bet : null);
    }

    /**
     * The figures of a bet configuration whose rounds cannot be judged.
     *
     * @param bet the configuration as a bet, canonical JSON
     * @param why why not, for the alert
     * @return figures without exact figures
     */
    static BetFigures notJudged(String bet, String why) {
        return new BetFigures(bet, null, null, why);
    }

    /** The check's exact occurrences per round in the order of {@code awards}; null unless it counts those awards. */
    static double[] awardMeans(List<String> awards, OutcomeCheck check) {
        if (awards.isEmpty() || check == null) {
            return null;
        }
        Map<String, Fraction> byName = new HashMap<>();
        List<Fraction> means = check.awardsPerRound();
        for (int i = 0; i < means.size(); i++) {
            byName.put(check.awards().get(i), means.get(i));
        }
        if (!byName.keySet().equals(new java.util.HashSet<>(awards))) {
            return null;
        }
        double[] aligned = new double[awards.size()];
        for (int i = 0; i < aligned.length; i++) {
            aligned[i] = byName.get(awards.get(i)).doubleValue();
        }
        return aligned;
    }

    /**
     * The bet configuration as a bet, canonical JSON: lines at the standard bet per line, wagers with their amounts
     * over their greatest common divisor; {@code {}} for the standard wager.
     *
     * @return the bet, or null for {@link #PAST_KEPT}
     */
    public String bet() {
        return bet;
    }

    /**
     * Why rounds at the bet are not judged.
     *
     * @return the reason, or null when they are judged (the figures are exact)
     */
    public String notJudged() {
        return notJudged;
    }

    /**
     * The exact figures at the bet, per unit of its stake.
     *
     * @return the figures, or null when the rounds cannot be judged
     */
    public ExactFigures figures() {
        return figures;
    }

    /**
     * What decides how rounds at this bet are judged: its RTP, variance, hit frequency and award occurrences. Rounds at
     * two bets whose keys are equal are judged alike (keno tickets of one spot, roulette straight-ups on different
     * numbers).
     *
     * @return the key, or null when the rounds are not judged
     */
    Object judgedKey() {
        return figures == null ? null : new JudgedKey(figures.rtp(), figures.variance(), figures.hitFrequency(),
                awardMeans == null ? null : java.util.Arrays.stream(awardMeans).boxed().toList());
    }

    private record JudgedKey(Fraction rtp, Fraction variance, Fraction hitFrequency, List<Double> awardMeans) {
    }

    /** The exact occurrences per round of each award of the tally, or null (its rounds take no part in the test). */
    double[] awardMeans() {
        return awardMeans;
    }
}
