package io.fairspin.audit.monitor;

import io.fairspin.math.ExactFigures;
import io.fairspin.math.Fraction;
import io.fairspin.math.OutcomeCheck;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The rounds of one game, model and currency seen in a log, each judged against the exact figures of the bet it was
 * played at ({@link BetFigures}: the standard wager's, or those of its lines, coins or wagers), with three sequential
 * control limits; each fires one alert, the first time it is crossed. Rounds in different currencies are tallied
 * apart: their stakes and wins are minor units of different money and cannot be summed.
 *
 * <ul>
 *   <li>RTP: S_n = sum of (win - RTP x bet) / stake over the rounds, in units of the standard stake, with each round's
 *       RTP that of its bet, against the two-sided {@link MixtureBoundary} with V_n = the sum of each round's exact
 *       variance of win / stake x (the stake its bet starts at / the standard stake)^2 (once a round's stake grew
 *       within it, n x the observed variance once 1,000 rounds are in) and rho = the standard wager's variance x
 *       {@link ControlLimits#tightestRounds()} (fixed, as the time-uniform bound needs, whatever the bets): false-alarm
 *       probability at most {@link ControlLimits#rtpAlpha()} over the game's whole life, checked every
 *       {@value #LOOK_EVERY} rounds.</li>
 *   <li>Hit frequency: the same boundary on the sum of (hit - p), p each round's exact hit frequency, variance the
 *       sum of p(1 - p), rho = the standard wager's p(1 - p) x {@link ControlLimits#tightestRounds()}.</li>
 *   <li>Award frequencies (games with an {@link OutcomeCheck}): at n = first look x 2^k rounds, for each award
 *       expected at least 10 times, z = (observed - expected) / sqrt(v), expected the sum over the bets played of
 *       their rounds x the award's exact mean m there, v the sum over them of their rounds x the larger of the
 *       observed variance of its count per round and m(1 - m); an alert when some |z| exceeds the normal quantile of
 *       alpha_k / (2 x awards tested), alpha_k = alpha / 2^(k+1). By Bonferroni over awards and looks, the
 *       false-alarm probability is at most {@link ControlLimits#awardAlpha()} (asymptotically).</li>
 * </ul>
 *
 * <p>A model without exact figures (blackjack, whose house edge comes from simulation) gets a tally without control
 * limits: rounds, stake, win, observed RTP and hit frequency are kept, no RTP band applies and no statistics alert
 * fires; its rounds are still checked one by one (settlement, duplicate ids, the log's integrity). Rounds at a bet
 * that cannot be judged ({@link BetFigures#notJudged()}) are counted, not judged, and the first raises an
 * {@link Alert.Type#UNJUDGED_ROUNDS} alert.
 */
public final class GameTally {
    /** One point of the RTP chart: rounds, observed RTP, the exact RTP of the bets played, and its control band. */
    public record Point(long rounds, double rtp, double expected, double low, double high) {
    }

    /**
     * The rounds at one bet configuration, as {@link #bets()} reports them.
     *
     * @param bet the configuration as a bet ({@link BetFigures#bet()}): {@code {}} for the standard wager; null for
     *     the rounds not judged
     * @param figures the exact figures at the bet, per unit of stake; null when its rounds are not judged
     * @param rounds the rounds at the bet
     * @param stake their total stake, in minor units
     * @param win their total win, in minor units
     */
    public record BetRounds(String bet, ExactFigures figures, long rounds, long stake, long win) {
    }

    /** What a tally keeps of the rounds at one bet configuration: their sums and what the award test reads. */
    private static final class Part {
        private final BetFigures figures;
        private final double rtp;
        private final double variance;
        private final double hit;
        private long rounds;
        private long stake;
        private long win;
        private double scaleSquares;
        private final long[] awardCounts;
        private final double[] awardSquares;

        private Part(BetFigures figures, int awards) {
            this.figures = figures;
            ExactFigures exact = figures.figures();
            this.rtp = exact == null ? Double.NaN : exact.rtp().doubleValue();
            this.variance = exact == null ? 0 : exact.variance().doubleValue();
            this.hit = exact == null ? Double.NaN : exact.hitFrequency().doubleValue();
            boolean counted = figures.awardMeans() != null;
            this.awardCounts = counted ? new long[awards] : null;
            this.awardSquares = counted ? new double[awards] : null;
        }

        private boolean judged() {
            return figures.figures() != null;
        }

        private BetRounds report() {
            return new BetRounds(figures.bet(), figures.figures(), rounds, stake, win);
        }
    }

    private static final int MAX_POINTS = 400;
    /**
     * The RTP and hit-frequency boundaries are checked every this many rounds (a power of two): the boundary
     * holds at all times, so checking at fewer of them only lowers the false-alarm rate, and delays an alert by
     * fewer than this many rounds.
     */
    static final int LOOK_EVERY = 16;

    private final String gameId;
    private final String modelHash;
    private final String currency;
    private final long standardStake;
    private final ControlLimits limits;
    private final OutcomeCheck check;
    private final List<String> awards;
    private final BetFigures standard;
    private final Consumer<Alert> alerts;

    /** The bets played, in order of their first round, by their figures (compared by identity). */
    private final Map<BetFigures, Part> bets = new LinkedHashMap<>();
    private Part lastBet;
    /** The standard wager's part, in {@link #bets} once a round was at it. */
    private final Part standardPart;

    private long rounds;
    private long stake;
    private long win;
    private long hits;
    /** The rounds judged against exact figures, and their sums. */
    private long judged;
    private long judgedStake;
    private long judgedWin;
    private double expectedWin;
    private double rtpSum;
    private double rtpSquares;
    /** The sums over the rounds judged at bets other than the standard wager (the standard's are kept exact apart). */
    private double otherVariance;
    private double otherHits;
    private double otherHitVariance;
    private boolean stakeVaries;
    private long judgedHits;
    private boolean unjudgedAlarm;
    private final long[] roundAwards;
    private int awardLook;
    private long nextAwardLook;
    private boolean rtpAlarm;
    private boolean hitAlarm;
    private boolean awardAlarm;
    private long impossibleWins;
    /** The log entry of the round being added, for its alerts; -1 when the rounds do not come from a log. */
    private long index = -1;
    private final List<Point> points = new ArrayList<>();
    private long pointStep = 100;

    /**
     * @param check the game's outcome check, or null (then no award test)
     * @param gameId the game's id
     * @param modelHash the model file's SHA-256, lowercase hex
     * @param currency the rounds' currency code (the log's {@code currency}, such as EUR)
     * @param standardStake the stake of a round at the standard wager, in minor units
     * @param figures the game's exact figures at the standard wager, or null when the model has none (then no control
     *     limit applies)
     * @param limits the control limits
     * @param alerts receives every alert this game raises
     */
    public GameTally(String gameId, String modelHash, String currency, long standardStake, ExactFigures figures,
                     OutcomeCheck check, ControlLimits limits, Consumer<Alert> alerts) {
        this(gameId, modelHash, currency, standardStake, check, limits, alerts,
                check == null || figures == null ? List.of() : check.awards(), figures);
    }

    private GameTally(String gameId, String modelHash, String currency, long standardStake, OutcomeCheck check,
                      ControlLimits limits, Consumer<Alert> alerts, List<String> awards, ExactFigures figures) {
        this(gameId, modelHash, currency, standardStake, check, limits, alerts, awards,
                BetFigures.of("{}", figures, awards, check));
    }

    private GameTally(String gameId, String modelHash, String currency, long standardStake, OutcomeCheck check,
                      ControlLimits limits, Consumer<Alert> alerts, List<String> awards, BetFigures standard) {
        this.gameId = gameId;
        this.modelHash = modelHash;
        this.currency = currency;
        this.standardStake = standardStake;
        this.limits = limits;
        this.check = check;
        this.awards = awards;
        this.standard = standard;
        this.standardPart = new Part(standard, awards.size());
        this.roundAwards = new long[awards.size()];
        this.nextAwardLook = limits.firstAwardLook();
        this.alerts = alerts;
    }

    /**
     * An empty tally of the same game, model, exact figures and limits for rounds in another currency (without
     * analysing the model again).
     *
     * @param otherCurrency the currency code of its rounds
     * @return a new tally with no rounds
     */
    GameTally inCurrency(String otherCurrency) {
        return new GameTally(gameId, modelHash, otherCurrency, standardStake, check, limits, alerts, awards, standard);
    }

    /**
     * The figures of rounds at {@code bet} for this tally: its awards, in its order.
     *
     * @param bet the bet as canonical JSON
     * @param figures the exact figures at the bet, or null
     * @param checkAtBet the outcome check of the game at the bet, or null
     * @return the figures to {@link #add(long, long, long, BetFigures, long)} its rounds with
     */
    BetFigures figuresAt(String bet, ExactFigures figures, OutcomeCheck checkAtBet) {
        return BetFigures.of(bet, figures, awards, checkAtBet);
    }

    /**
     * The figures of rounds at {@code bet} that cannot be judged, with the reason.
     *
     * @param bet the bet as canonical JSON
     * @param why why the game cannot be analysed there
     * @return figures without exact figures
     */
    BetFigures notJudgedAt(String bet, String why) {
        return BetFigures.notJudged(bet, "the game cannot be analysed at " + bet + ": " + why);
    }

    /**
     * The figures of the standard wager's rounds, the same object in the tallies of the model's currencies.
     *
     * @return the standard wager's figures
     */
    BetFigures standardFigures() {
        return standard;
    }

    /**
     * The stake of a round at the standard wager.
     *
     * @return the stake, in minor units
     */
    long standardStake() {
        return standardStake;
    }

    /**
     * The scratch array a round's award counts go into before {@link #add}; zeroed by it.
     *
     * @return the game's own array, one count per award
     */
    public long[] roundAwards() {
        return roundAwards;
    }

    /**
     * Adds a round at the standard wager that does not come from a log (its alerts name entry -1): see
     * {@link #add(long, long, long, BetFigures, long)}.
     *
     * @param bet the round's bet, in minor units
     * @param roundWin the round's win, in minor units
     */
    public void add(long bet, long roundWin) {
        add(-1, bet, roundWin, null, standardStake);
    }

    /**
     * Adds a round at the standard wager: see {@link #add(long, long, long, BetFigures, long)}.
     *
     * @param entry the round's log entry index (-1 when it comes from no log)
     * @param bet the round's bet, in minor units
     * @param roundWin the round's win, in minor units
     */
    public void add(long entry, long bet, long roundWin) {
        add(entry, bet, roundWin, null, standardStake);
    }

    /**
     * Adds a round (bet and win in minor units; its award counts already in {@link #roundAwards()} when the game
     * has an outcome check) judged against the figures of its bet, and runs the control limits; a limit crossed at
     * this round alerts with its entry.
     *
     * @param entry the round's log entry index (-1 when it comes from no log)
     * @param bet the round's bet, in minor units
     * @param roundWin the round's win, in minor units
     * @param at the exact figures of the bet it was played at, or null for the standard wager's
     * @param startStake the stake the round's bet starts at (its bet when the stake does not grow within the round)
     */
    public void add(long entry, long bet, long roundWin, BetFigures at, long startStake) {
        index = entry;
        rounds++;
        stake += bet;
        win += roundWin;
        boolean hit = roundWin > 0;
        if (hit) {
            hits++;
        }
        Part of = bet(at == null ? standard : at);
        of.rounds++;
        of.stake += bet;
        of.win += roundWin;
        countAwards(of);
        if (of.judged()) {
            judge(of, bet, roundWin, hit, startStake);
        } else if (!unjudgedAlarm && hasExactFigures()) {
            unjudgedAlarm = true;
            alerts.accept(Alert.of(Alert.Type.UNJUDGED_ROUNDS, String.format(java.util.Locale.ROOT,
                    "%s: a round at entry %,d cannot be judged against exact figures (%s); its control limits do not"
                            + " cover it or rounds like it", label(), index, of.figures.notJudged()), gameId,
                    modelHash, currency, index, null, rounds, details(Map.of("reason", of.figures.notJudged()))));
        }
    }

    private Part bet(BetFigures figures) {
        if (lastBet != null && lastBet.figures == figures) {
            return lastBet;
        }
        Part of = bets.get(figures);
        if (of == null) {
            of = figures == standard ? standardPart : new Part(figures, awards.size());
            bets.put(figures, of);
        }
        lastBet = of;
        return of;
    }

    private void countAwards(Part of) {
        for (int i = 0; i < roundAwards.length; i++) {
            long c = roundAwards[i];
            if (c != 0) {
                if (of.awardCounts != null) {
                    of.awardCounts[i] += c;
                    of.awardSquares[i] += (double) c * c;
                }
                roundAwards[i] = 0;
            }
        }
    }

    /** Adds a round to the statistics of the rounds judged, and looks at the control limits when it is time. */
    private void judge(Part of, long bet, long roundWin, boolean hit, long startStake) {
        judged++;
        judgedStake += bet;
        judgedWin += roundWin;
        if (bet != startStake) {
            stakeVaries = true;
        }
        double scale = (double) startStake / standardStake;
        double x = (roundWin - of.rtp * bet) / standardStake;
        expectedWin += of.rtp * bet;
        rtpSum += x;
        rtpSquares += x * x;
        of.scaleSquares += scale * scale;
        if (of.figures != standard) {
            otherVariance += of.variance * scale * scale;
            otherHits += of.hit;
            otherHitVariance += of.hit * (1 - of.hit);
        }
        if (hit) {
            judgedHits++;
        }
        boolean look = (judged & (LOOK_EVERY - 1)) == 0;
        if (look && !rtpAlarm && rtpVariance() > 0) {
            lookAtRtp();
        }
        if (look && !hitAlarm && hitVariance() > 0) {
            lookAtHits();
        }
        if (judged == nextAwardLook) {
            awardLook();
        }
        if (judged % pointStep == 0) {
            addPoint();
        }
    }

    private void lookAtRtp() {
        double limit = rtpLimit();
        if (Math.abs(rtpSum) < limit) {
            return;
        }
        rtpAlarm = true;
        double expected = expectedWin / judgedStake;
        double observed = (double) judgedWin / judgedStake;
        alerts.accept(Alert.of(Alert.Type.RTP_DRIFT, String.format(java.util.Locale.ROOT,
                "%s: observed RTP %.4f%% after %,d rounds is outside the control band %.4f%% +- %.4f%%"
                        + " around the exact %.4f%%", label(), 100 * observed, judged, 100 * expected,
                100 * rtpBand(), 100 * expected), gameId, modelHash, currency, index, null, rounds,
                details(Map.of("statistic", rtpSum, "limit", limit, "observed", observed,
                        "expected", expected, "alpha", limits.rtpAlpha()))));
    }

    private void lookAtHits() {
        double s = judgedHits - expectedHits();
        double v = hitVariance();
        double p0 = standardPart().hit;
        double perRound = p0 > 0 && p0 < 1 ? p0 * (1 - p0) : v / judged;
        double limit = MixtureBoundary.threshold(v, perRound * limits.tightestRounds(), limits.hitAlpha());
        if (Math.abs(s) < limit) {
            return;
        }
        hitAlarm = true;
        double p = expectedHits() / judged;
        alerts.accept(Alert.of(Alert.Type.HIT_FREQUENCY_DRIFT, String.format(java.util.Locale.ROOT,
                "%s: observed hit frequency %.5f after %,d rounds is outside the control band %.5f +- %.5f",
                label(), (double) judgedHits / judged, judged, p, limit / judged), gameId, modelHash, currency,
                index, null, rounds,
                details(Map.of("statistic", s, "limit", limit, "observed", (double) judgedHits / judged,
                        "expected", p, "alpha", limits.hitAlpha()))));
    }

    /** V_n of the RTP statistic: the rounds' exact variances, or the observed one when stakes vary within rounds. */
    private double rtpVariance() {
        if (stakeVaries && judged >= 1000) {
            double mean = rtpSum / judged;
            return judged * Math.max(rtpSquares / judged - mean * mean, 1e-12);
        }
        Part standardPart = standardPart();
        return standardPart.variance * standardPart.scaleSquares + otherVariance;
    }

    /** The expected hits of the rounds judged: the standard wager's p x its rounds, and the other bets' sum of p. */
    private double expectedHits() {
        Part standardPart = standardPart();
        return standardPart.rounds == 0 ? otherHits : standardPart.hit * standardPart.rounds + otherHits;
    }

    private double hitVariance() {
        Part standardPart = standardPart();
        double p = standardPart.hit;
        return standardPart.rounds == 0 ? otherHitVariance : p * (1 - p) * standardPart.rounds + otherHitVariance;
    }

    /**
     * The standard wager's part (made empty when no round was at it): its figures fix where the boundaries are
     * tightest whatever the mix of bets, as the time-uniform bound needs a fixed rho.
     */
    private Part standardPart() {
        return standardPart;
    }

    /** The RTP statistic's boundary now, in standard stakes; needs a positive variance. */
    private double rtpLimit() {
        double v = rtpVariance();
        double sigma2 = standardPart().variance;
        double perRound = sigma2 > 0 ? sigma2 : v / judged;
        return MixtureBoundary.threshold(v, perRound * limits.tightestRounds(), limits.rtpAlpha());
    }

    private void awardLook() {
        double alphaK = limits.awardAlpha() / Math.pow(2, awardLook + 1);
        awardLook++;
        nextAwardLook = judged * 2;
        if (awardAlarm || awards.isEmpty()) {
            return;
        }
        double[] expected = expectedAwardCounts();
        int tested = 0;
        for (double e : expected) {
            if (e >= 10) {
                tested++;
            }
        }
        if (tested == 0) {
            return;
        }
        long[] observed = awardCounts();
        double critical = Normal.upperQuantile(alphaK / (2.0 * tested));
        int worst = -1;
        double worstZ = 0;
        for (int i = 0; i < expected.length; i++) {
            if (expected[i] < 10) {
                continue;
            }
            double z = (observed[i] - expected[i]) / Math.sqrt(awardVariance(i));
            if (Math.abs(z) > Math.abs(worstZ)) {
                worstZ = z;
                worst = i;
            }
        }
        if (worst >= 0 && Math.abs(worstZ) > critical) {
            awardAlarm = true;
            alerts.accept(Alert.of(Alert.Type.AWARD_FREQUENCY, String.format(java.util.Locale.ROOT,
                    "%s: award '%s' occurred %,d times in %,d rounds, %,.1f expected (z = %.2f, limit %.2f)",
                    label(), awards.get(worst), observed[worst], judged, expected[worst], worstZ,
                    critical), gameId, modelHash, currency, index, null, rounds, details(Map.of("award", awards.get(worst),
                            "observed", observed[worst], "expected", expected[worst], "z", worstZ,
                            "limit", critical, "alpha", limits.awardAlpha()))));
        }
    }

    /**
     * The variance of award {@code i}'s count over the rounds judged: per bet, its rounds x the larger of the observed
     * variance of the count per round and m(1 - m).
     */
    private double awardVariance(int i) {
        double v = 0;
        for (Part b : bets.values()) {
            if (b.awardCounts == null || !b.judged()) {
                continue;
            }
            double m = b.figures.awardMeans()[i];
            double mean = (double) b.awardCounts[i] / b.rounds;
            v += b.rounds * Math.max(b.awardSquares[i] / b.rounds - mean * mean, m * (1 - Math.min(m, 1)));
        }
        return v;
    }

    /** The game and currency, as alert messages name them: {@code sizzling-hot in EUR}. */
    private String label() {
        return gameId + " in " + currency;
    }

    private static Map<String, Object> details(Map<String, Object> values) {
        return new LinkedHashMap<>(values);
    }

    private void addPoint() {
        points.add(point());
        if (points.size() >= MAX_POINTS) {
            List<Point> kept = new ArrayList<>();
            for (int i = 1; i < points.size(); i += 2) {
                kept.add(points.get(i));
            }
            points.clear();
            points.addAll(kept);
            pointStep *= 2;
        }
    }

    private Point point() {
        double expected = expectedWin / judgedStake;
        double band = rtpBand();
        return new Point(rounds, observedRtp(), expected, expected - band, expected + band);
    }

    /** Counts a round whose logged win the model cannot produce. */
    void countImpossible() {
        impossibleWins++;
    }

    /**
     * The game's id.
     *
     * @return the game id
     */
    public String gameId() {
        return gameId;
    }

    /**
     * The model file's hash.
     *
     * @return the SHA-256 in lowercase hex
     */
    public String modelHash() {
        return modelHash;
    }

    /**
     * The currency of the rounds tallied.
     *
     * @return the currency code, such as EUR
     */
    public String currency() {
        return currency;
    }

    /**
     * The game's exact figures.
     *
     * @return the exact RTP, hit frequency and variance at the standard wager; null when the model states none
     */
    public ExactFigures figures() {
        return standard.figures();
    }

    /**
     * Whether the model has exact figures, so that the control limits apply (blackjack's has none).
     *
     * @return true when the rounds are tested against exact figures
     */
    public boolean hasExactFigures() {
        return standard.figures() != null;
    }

    /**
     * The exact RTP of the bets played: each bet's RTP weighted by its stake, over the rounds judged; the standard
     * wager's before any round.
     *
     * @return the expected RTP, or null when the model states no exact figures or no round read could be judged
     */
    public Fraction expectedRtp() {
        return weighted(ExactFigures::rtp, b -> b.stake, judgedStake);
    }

    /**
     * The exact hit frequency of the bets played: each bet's weighted by its rounds, over the rounds judged; the
     * standard wager's before any round.
     *
     * @return the expected hit frequency, or null when the model states no exact figures or no round read could be
     *     judged
     */
    public Fraction expectedHitFrequency() {
        return weighted(ExactFigures::hitFrequency, b -> b.rounds, judged);
    }

    /**
     * An exact figure of the bets played: each judged bet's, weighted, over the weights' total; the standard wager's
     * before any round; null without exact figures or when no round read could be judged.
     */
    private Fraction weighted(java.util.function.Function<ExactFigures, Fraction> figure,
                              java.util.function.ToLongFunction<Part> weight, long total) {
        if (!hasExactFigures() || judged == 0) {
            return hasExactFigures() && rounds == 0 ? figure.apply(standard.figures()) : null;
        }
        Fraction sum = Fraction.ZERO;
        for (Part b : bets.values()) {
            if (b.judged()) {
                sum = sum.add(figure.apply(b.figures.figures()).multiply(weight.applyAsLong(b)));
            }
        }
        return sum.divide(total);
    }

    /**
     * The bets the rounds were played at, each with its rounds, stake and win, in order of their first round.
     *
     * @return the bets; one, {@code {}}, when every round was at the standard wager
     */
    public List<BetRounds> bets() {
        return bets.values().stream().map(Part::report).toList();
    }

    /**
     * The rounds that could not be judged: played at a bet without exact figures, or past the bet configurations the
     * monitor keeps apart.
     *
     * @return the rounds counted but not judged (all of them for a model without exact figures)
     */
    public long unjudgedRounds() {
        return rounds - judged;
    }

    /**
     * The rounds counted.
     *
     * @return the number of rounds
     */
    public long rounds() {
        return rounds;
    }

    /**
     * The total stake.
     *
     * @return the sum of the bets, in minor units
     */
    public long stake() {
        return stake;
    }

    /**
     * The total win.
     *
     * @return the sum of the wins, in minor units
     */
    public long win() {
        return win;
    }

    /**
     * The rounds that won anything.
     *
     * @return the number of winning rounds
     */
    public long hits() {
        return hits;
    }

    /**
     * The rounds whose logged win the model cannot pay for their logged outcome.
     *
     * @return the number of impossible wins
     */
    public long impossibleWins() {
        return impossibleWins;
    }

    /**
     * Total win over total stake; NaN before any stake.
     *
     * @return the observed RTP, as a fraction of the stake
     */
    public double observedRtp() {
        return stake == 0 ? Double.NaN : (double) win / stake;
    }

    /**
     * The fraction of rounds that won anything.
     *
     * @return the observed hit frequency, NaN before any round
     */
    public double observedHitFrequency() {
        return rounds == 0 ? Double.NaN : (double) hits / rounds;
    }

    /**
     * The RTP statistic S_n over its current limit: an alarm at 1 or more in absolute value.
     *
     * @return the score, signed; NaN without exact figures
     */
    public double rtpScore() {
        if (!hasExactFigures()) {
            return Double.NaN;
        }
        if (judged == 0 || rtpVariance() <= 0) {
            return 0;
        }
        return rtpSum / rtpLimit();
    }

    /**
     * The half-width of the RTP control band at the current rounds (in RTP units).
     *
     * @return the half-width, as a fraction of the stake; NaN before any round and without exact figures
     */
    public double rtpBand() {
        if (!hasExactFigures() || judged == 0 || rtpVariance() <= 0) {
            return Double.NaN;
        }
        return rtpLimit() * standardStake / judgedStake;
    }

    /**
     * Whether the RTP crossed its control limit.
     *
     * @return true once the RTP alarm fired
     */
    public boolean rtpAlarm() {
        return rtpAlarm;
    }

    /**
     * Whether the hit frequency crossed its control limit.
     *
     * @return true once the hit-frequency alarm fired
     */
    public boolean hitAlarm() {
        return hitAlarm;
    }

    /**
     * Whether the award frequencies' test crossed its limit.
     *
     * @return true once the award alarm fired
     */
    public boolean awardAlarm() {
        return awardAlarm;
    }

    /**
     * The awards counted, when the game has an outcome check.
     *
     * @return the awards' names, empty without a check
     */
    public List<String> awards() {
        return awards;
    }

    /**
     * Observed occurrences of each of {@link #awards()} in the rounds the award test judges (those at bets whose
     * exact figures count the same awards).
     *
     * @return the counts, one per award
     */
    public long[] awardCounts() {
        long[] sum = new long[awards.size()];
        for (Part b : bets.values()) {
            if (b.awardCounts != null && b.judged()) {
                for (int i = 0; i < sum.length; i++) {
                    sum[i] += b.awardCounts[i];
                }
            }
        }
        return sum;
    }

    /**
     * The occurrences of each of {@link #awards()} the exact figures expect in the rounds the award test judges:
     * per bet, its rounds x the award's exact occurrences per round at that bet.
     *
     * @return the expected counts, one per award
     */
    public double[] expectedAwardCounts() {
        double[] sum = new double[awards.size()];
        for (Part b : bets.values()) {
            if (b.awardCounts != null && b.judged()) {
                double[] means = b.figures.awardMeans();
                for (int i = 0; i < sum.length; i++) {
                    sum[i] += b.rounds * means[i];
                }
            }
        }
        return sum;
    }

    /**
     * The RTP chart's points, thinned to at most 400.
     *
     * @return the points, in order of rounds; none without exact figures
     */
    public List<Point> points() {
        if (!hasExactFigures()) {
            return List.of();
        }
        List<Point> all = new ArrayList<>(points);
        if (judged > 0 && (all.isEmpty() || all.get(all.size() - 1).rounds() != rounds)) {
            all.add(point());
        }
        return all;
    }
}
