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
 * The rounds of one game, model and currency seen in a log, against the model's exact figures, with three sequential
 * control limits; each fires one alert, the first time it is crossed. Rounds in different currencies are tallied
 * apart: their stakes and wins are minor units of different money and cannot be summed.
 *
 * <ul>
 *   <li>RTP: S_n = sum of (win - RTP x bet) / stake over the rounds, in units of the standard stake, against the
 *       two-sided {@link MixtureBoundary} with V_n = n x the exact variance of win / stake (for games whose
 *       stake varies within a round, the observed variance once 1,000 rounds are in) and rho = that variance x
 *       {@link ControlLimits#tightestRounds()}: false-alarm probability at most {@link ControlLimits#rtpAlpha()}
 *       over the game's whole life, checked every {@value #LOOK_EVERY} rounds.</li>
 *   <li>Hit frequency: the same boundary on the sum of (hit - p), variance p(1 - p).</li>
 *   <li>Award frequencies (games with an {@link OutcomeCheck}): at n = first look x 2^k rounds, for each award
 *       expected at least 10 times, z = (observed - expected) / sqrt(n x v), v the larger of the observed
 *       variance of its count per round and m(1 - m) for its exact mean m; an alert when some |z| exceeds the
 *       normal quantile of alpha_k / (2 x awards tested), alpha_k = alpha / 2^(k+1). By Bonferroni over awards
 *       and looks, the false-alarm probability is at most {@link ControlLimits#awardAlpha()} (asymptotically).</li>
 * </ul>
 *
 * <p>A model without exact figures (blackjack, whose house edge comes from simulation) gets a tally without control
 * limits: rounds, stake, win, observed RTP and hit frequency are kept, no RTP band applies and no statistics alert
 * fires; its rounds are still checked one by one (settlement, duplicate ids, the log's integrity).
 */
public final class GameTally {
    /** One point of the RTP chart: rounds, observed RTP, and the control band around the exact RTP. */
    public record Point(long rounds, double rtp, double low, double high) {
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
    private final ExactFigures figures;
    private final long standardStake;
    private final double rtp;
    private final double variance;
    private final double hit;
    private final ControlLimits limits;
    private final OutcomeCheck check;
    private final List<String> awards;
    private final double[] awardMeans;
    private final Consumer<Alert> alerts;

    private long rounds;
    private long stake;
    private long win;
    private long hits;
    private double rtpSum;
    private double rtpSquares;
    private boolean stakeVaries;
    private final long[] awardCounts;
    private final double[] awardSquares;
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
     * @param figures the game's exact figures, or null when the model has none (then no control limit applies)
     * @param limits the control limits
     * @param alerts receives every alert this game raises
     */
    public GameTally(String gameId, String modelHash, String currency, long standardStake, ExactFigures figures,
                     OutcomeCheck check, ControlLimits limits, Consumer<Alert> alerts) {
        this(gameId, modelHash, currency, standardStake, figures, check, limits, alerts, awardMeans(check, figures));
    }

    private GameTally(String gameId, String modelHash, String currency, long standardStake, ExactFigures figures,
                      OutcomeCheck check, ControlLimits limits, Consumer<Alert> alerts, double[] awardMeans) {
        this.gameId = gameId;
        this.modelHash = modelHash;
        this.currency = currency;
        this.figures = figures;
        this.standardStake = standardStake;
        this.rtp = figures == null ? Double.NaN : figures.rtp().doubleValue();
        this.variance = figures == null ? 0 : figures.variance().doubleValue();
        this.hit = figures == null ? Double.NaN : figures.hitFrequency().doubleValue();
        this.limits = limits;
        this.check = check;
        this.awards = awardMeans.length == 0 ? List.of() : check.awards();
        this.awardMeans = awardMeans;
        this.awardCounts = new long[awards.size()];
        this.awardSquares = new double[awards.size()];
        this.roundAwards = new long[awards.size()];
        this.nextAwardLook = limits.firstAwardLook();
        this.alerts = alerts;
    }

    /** Each award's exact occurrences per round; none without a check or exact figures (then no award test). */
    private static double[] awardMeans(OutcomeCheck check, ExactFigures figures) {
        if (check == null || figures == null) {
            return new double[0];
        }
        List<Fraction> means = check.awardsPerRound();
        double[] m = new double[means.size()];
        for (int i = 0; i < m.length; i++) {
            m[i] = means.get(i).doubleValue();
        }
        return m;
    }

    /**
     * An empty tally of the same game, model, exact figures and limits for rounds in another currency (without
     * analysing the model again).
     *
     * @param otherCurrency the currency code of its rounds
     * @return a new tally with no rounds
     */
    GameTally inCurrency(String otherCurrency) {
        return new GameTally(gameId, modelHash, otherCurrency, standardStake, figures, check, limits, alerts, awardMeans);
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
     * Adds a round that does not come from a log (its alerts name entry -1): see {@link #add(long, long, long)}.
     *
     * @param bet the round's bet, in minor units
     * @param roundWin the round's win, in minor units
     */
    public void add(long bet, long roundWin) {
        add(-1, bet, roundWin);
    }

    /**
     * Adds a round (bet and win in minor units; its award counts already in {@link #roundAwards()} when the game
     * has an outcome check) and runs the control limits; a limit crossed at this round alerts with its entry.
     *
     * @param entry the round's log entry index (-1 when it comes from no log)
     * @param bet the round's bet, in minor units
     * @param roundWin the round's win, in minor units
     */
    public void add(long entry, long bet, long roundWin) {
        index = entry;
        rounds++;
        stake += bet;
        win += roundWin;
        if (roundWin > 0) {
            hits++;
        }
        if (bet != standardStake) {
            stakeVaries = true;
        }
        if (figures == null) {
            return; // no exact figures: nothing to test the rounds against
        }
        double x = (roundWin - rtp * bet) / standardStake;
        rtpSum += x;
        rtpSquares += x * x;
        for (int i = 0; i < roundAwards.length; i++) {
            long c = roundAwards[i];
            if (c != 0) {
                awardCounts[i] += c;
                awardSquares[i] += (double) c * c;
                roundAwards[i] = 0;
            }
        }
        boolean look = (rounds & (LOOK_EVERY - 1)) == 0;
        if (look && !rtpAlarm && rtpVariance() > 0) {
            double v = rounds * rtpVariance();
            double limit = MixtureBoundary.threshold(v, rtpVariance() * limits.tightestRounds(), limits.rtpAlpha());
            if (Math.abs(rtpSum) >= limit) {
                rtpAlarm = true;
                alerts.accept(Alert.of(Alert.Type.RTP_DRIFT, String.format(java.util.Locale.ROOT,
                        "%s: observed RTP %.4f%% after %,d rounds is outside the control band %.4f%% +- %.4f%%"
                                + " around the exact %.4f%%", label(), 100 * observedRtp(), rounds, 100 * rtp,
                        100 * limit / rounds, 100 * rtp), gameId, modelHash, currency, index, null, rounds,
                        details(Map.of("statistic", rtpSum, "limit", limit, "observed", observedRtp(),
                                "expected", rtp, "alpha", limits.rtpAlpha()))));
            }
        }
        if (look && !hitAlarm && hit > 0 && hit < 1) {
            double p = hit;
            double s = hits - rounds * p;
            double limit = MixtureBoundary.threshold(rounds * p * (1 - p), p * (1 - p) * limits.tightestRounds(),
                    limits.hitAlpha());
            if (Math.abs(s) >= limit) {
                hitAlarm = true;
                alerts.accept(Alert.of(Alert.Type.HIT_FREQUENCY_DRIFT, String.format(java.util.Locale.ROOT,
                        "%s: observed hit frequency %.5f after %,d rounds is outside the control band %.5f +- %.5f",
                        label(), (double) hits / rounds, rounds, p, limit / rounds), gameId, modelHash, currency, index,
                        null, rounds,
                        details(Map.of("statistic", s, "limit", limit, "observed", (double) hits / rounds,
                                "expected", p, "alpha", limits.hitAlpha()))));
            }
        }
        if (rounds == nextAwardLook) {
            awardLook();
        }
        if (rounds % pointStep == 0) {
            addPoint();
        }
    }

    private double rtpVariance() {
        if (stakeVaries && rounds >= 1000) {
            double mean = rtpSum / rounds;
            return Math.max(rtpSquares / rounds - mean * mean, 1e-12);
        }
        return variance;
    }

    private void awardLook() {
        double alphaK = limits.awardAlpha() / Math.pow(2, awardLook + 1);
        awardLook++;
        nextAwardLook = rounds * 2;
        if (awardAlarm || awards.isEmpty()) {
            return;
        }
        int tested = 0;
        for (double m : awardMeans) {
            if (rounds * m >= 10) {
                tested++;
            }
        }
        if (tested == 0) {
            return;
        }
        double critical = Normal.upperQuantile(alphaK / (2.0 * tested));
        int worst = -1;
        double worstZ = 0;
        for (int i = 0; i < awardMeans.length; i++) {
            double m = awardMeans[i];
            if (rounds * m < 10) {
                continue;
            }
            double mean = (double) awardCounts[i] / rounds;
            double v = Math.max(awardSquares[i] / rounds - mean * mean, m * (1 - Math.min(m, 1)));
            double z = (awardCounts[i] - rounds * m) / Math.sqrt(rounds * v);
            if (Math.abs(z) > Math.abs(worstZ)) {
                worstZ = z;
                worst = i;
            }
        }
        if (worst >= 0 && Math.abs(worstZ) > critical) {
            awardAlarm = true;
            alerts.accept(Alert.of(Alert.Type.AWARD_FREQUENCY, String.format(java.util.Locale.ROOT,
                    "%s: award '%s' occurred %,d times in %,d rounds, %,.1f expected (z = %.2f, limit %.2f)",
                    label(), awards.get(worst), awardCounts[worst], rounds, rounds * awardMeans[worst], worstZ,
                    critical), gameId, modelHash, currency, index, null, rounds, details(Map.of("award", awards.get(worst),
                            "observed", awardCounts[worst], "expected", rounds * awardMeans[worst], "z", worstZ,
                            "limit", critical, "alpha", limits.awardAlpha()))));
        }
    }

    /** The game and currency, as alert messages name them: {@code sizzling-hot in EUR}. */
    private String label() {
        return gameId + " in " + currency;
    }

    private static Map<String, Object> details(Map<String, Object> values) {
        return new LinkedHashMap<>(values);
    }

    private void addPoint() {
        double band = rtpVariance() > 0 ? MixtureBoundary.threshold(rounds * rtpVariance(),
                rtpVariance() * limits.tightestRounds(), limits.rtpAlpha()) / rounds : 0;
        points.add(new Point(rounds, observedRtp(), rtp - band, rtp + band));
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
        return figures;
    }

    /**
     * Whether the model has exact figures, so that the control limits apply (blackjack's has none).
     *
     * @return true when the rounds are tested against exact figures
     */
    public boolean hasExactFigures() {
        return figures != null;
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
        if (figures == null) {
            return Double.NaN;
        }
        if (rounds == 0 || rtpVariance() <= 0) {
            return 0;
        }
        return rtpSum / MixtureBoundary.threshold(rounds * rtpVariance(), rtpVariance() * limits.tightestRounds(),
                limits.rtpAlpha());
    }

    /**
     * The half-width of the RTP control band at the current rounds (in RTP units).
     *
     * @return the half-width, as a fraction of the stake; NaN before any round and without exact figures
     */
    public double rtpBand() {
        if (figures == null || rounds == 0 || rtpVariance() <= 0) {
            return Double.NaN;
        }
        return MixtureBoundary.threshold(rounds * rtpVariance(), rtpVariance() * limits.tightestRounds(),
                limits.rtpAlpha()) / rounds;
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
     * Observed occurrences of each of {@link #awards()}.
     *
     * @return a copy of the counts, one per award
     */
    public long[] awardCounts() {
        return awardCounts.clone();
    }

    /**
     * Exact expected occurrences per round of each of {@link #awards()}.
     *
     * @return a copy of the expected counts per round, one per award
     */
    public double[] awardMeans() {
        return awardMeans.clone();
    }

    /**
     * The RTP chart's points, thinned to at most 400.
     *
     * @return the points, in order of rounds; none without exact figures
     */
    public List<Point> points() {
        if (figures == null) {
            return List.of();
        }
        List<Point> all = new ArrayList<>(points);
        if (rounds > 0 && (all.isEmpty() || all.get(all.size() - 1).rounds() != rounds)) {
            double band = rtpBand();
            all.add(new Point(rounds, observedRtp(), rtp - band, rtp + band));
        }
        return all;
    }
}
