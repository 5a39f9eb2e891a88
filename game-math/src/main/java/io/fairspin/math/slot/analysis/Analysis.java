package io.fairspin.math.slot.analysis;

import io.fairspin.math.ExactFigures;
import io.fairspin.math.Fraction;
import io.fairspin.math.slot.SlotGame;
import io.fairspin.math.slot.model.SlotModel.FreeGames;
import io.fairspin.math.slot.model.SlotModel;
import io.fairspin.math.slot.picks.BonusPrizes;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The exact mathematics of a slot round at the standard wager, in line bets per round unless named
 * otherwise: the base spin's moments, closed forms for free games with retriggers (each free game starts
 * a subtree of further free games, independent and alike, so its total V satisfies
 * E[V] = E[X] / (1 - E[M]) and E[V^2] = (E[X^2] + 2 E[XM] E[V] + E[M(M-1)] E[V]^2) / (1 - E[M]) for a
 * free game's own win X and the free games M it adds), and the bonus's prize distribution.
 */
public final class Analysis {
    /** The game analysed. */
    public final SlotGame game;
    /** The sums over one base-game spin. */
    public final SpinMoments base;
    /** The base game's awards, each with its exact probability. */
    public final Awards awards;
    /** The free games' awards, null without free games. */
    public final Awards freeAwards;
    /** The pick bonus's prize distribution, null without a bonus. */
    public final BonusPrizes bonus;
    /** The sums over one free-game spin, null without free games. */
    public final SpinMoments free;
    /** E[V], E[V^2] of one free game with all it retriggers; zero without free games. */
    public final Fraction freeGameMean;
    /** E[V^2] of one free game with all it retriggers; zero without free games. */
    public final Fraction freeGameMeanSquare;
    /** Expected free games per free game played (E[M]). */
    public final Fraction retriggerRate;
    /** The chance that one free game, with the free games it retriggers, pays nothing (1 without free games). */
    public final Fraction freeGameSilent;
    /** The chance that one free game, with the free games it retriggers, starts no pick bonus (1 without one). */
    private final Fraction noBonusInFreeGame;
    /**
     * The expected win of one round in line bets (base spin, bonus and free games): the RTP times the stake in line
     * bets.
     */
    public final Fraction mean;
    /** The expected squared win of one round, in line bets squared: the variance's second moment. */
    public final Fraction meanSquare;
    /** The probability that a round wins nothing at all, free games and bonus included. */
    public final Fraction silent;
    /** The probability that a round starts the bonus, in the base game or in its free games. */
    public final Fraction bonusFrequency;
    /** Whether a probability came from an iterated root (free games that retrigger without paying). */
    public final boolean rootIterated;
    private boolean iterated;
    private final ExactFigures figures;
    /** The jackpots' return by where they are won, null when the model names none. */
    public final io.fairspin.math.slot.jackpots.SlotJackpots jackpots;

    private Analysis(SlotGame game, Analysis freeFrom) {
        this.game = game;
        SlotModel model = game.model;
        base = SpinMoments.of(game, model.baseReels(), 1, true);
        awards = Awards.of(game, model.baseReels());
        freeAwards = model.freeGames() == null ? null
                : freeFrom != null ? freeFrom.freeAwards : Awards.of(game, model.freeGames().reels());
        bonus = model.bonus() == null ? null : BonusPrizes.of(model.bonus());
        Fraction ey = bonus == null ? Fraction.ZERO : bonus.mean;
        Fraction ey2 = bonus == null ? Fraction.ZERO : bonus.meanSquare;
        FreeGames fg = model.freeGames();
        Fraction z = Fraction.ONE;
        Fraction u = Fraction.ONE;
        if (fg == null) {
            free = null;
            freeGameMean = Fraction.ZERO;
            freeGameMeanSquare = Fraction.ZERO;
            retriggerRate = Fraction.ZERO;
        } else {
            free = freeFrom != null ? freeFrom.free : SpinMoments.of(game, fg.reels(), fg.multiplier(), fg.retrigger());
            Fraction ex = free.t.add(free.b.multiply(ey));
            Fraction ex2 = free.t2.add(free.tb.multiply(ey).multiply(2)).add(free.b.multiply(ey2))
                    .add(free.bb1.multiply(ey).multiply(ey));
            Fraction exm = free.tn.add(free.bn.multiply(ey));
            retriggerRate = free.n;
            Fraction stay = Fraction.ONE.subtract(free.n);
            freeGameMean = ex.divide(stay);
            freeGameMeanSquare = ex2.add(exm.multiply(freeGameMean).multiply(2))
                    .add(free.nn1.multiply(freeGameMean).multiply(freeGameMean)).divide(stay);
            z = root(free.silentByAward);
            u = model.bonus() == null ? Fraction.ONE : root(free.noBonusByAward);
        }
        freeGameSilent = z;
        noBonusInFreeGame = u;
        rootIterated = iterated;
        Fraction ev = freeGameMean;
        Fraction ev2 = freeGameMeanSquare;
        mean = base.t.add(base.b.multiply(ey)).add(base.n.multiply(ev));
        meanSquare = base.t2.add(base.tb.multiply(ey).multiply(2)).add(base.tn.multiply(ev).multiply(2))
                .add(base.b.multiply(ey2)).add(base.bb1.multiply(ey).multiply(ey))
                .add(base.bn.multiply(ey).multiply(ev).multiply(2)).add(base.n.multiply(ev2))
                .add(base.nn1.multiply(ev).multiply(ev));
        silent = powerSum(base.silentByAward, z);
        bonusFrequency = Fraction.ONE.subtract(powerSum(base.noBonusByAward, u));
        jackpots = model.jackpots().any() ? new io.fairspin.math.slot.jackpots.SlotJackpots(model, awards, base,
                freeAwards, free, fg == null ? Fraction.ZERO : freeGamesPerRound()) : null;
        figures = figures(model, ey, ev);
    }

    /**
     * Analyses {@code game} exactly.
     *
     * @param game the slot game
     * @return the analysis
     */
    public static Analysis of(SlotGame game) {
        return new Analysis(game, null);
    }

    /**
     * Analyses {@code game} exactly, taking its free games' sums from {@code other}: how a tuner analyses many base
     * reels beside one set of free games without counting the free games again. The caller promises that the two
     * games' models differ in their base reels only (pays, wilds, lines, cap and bonus alike); the free games' reels,
     * weights, scatter, spins, multiplier and retrigger are compared here, and when they differ the free games are
     * counted for {@code game}.
     *
     * @param game the slot game
     * @param other an analysis of a game with the same free games, or null
     * @return the analysis, the same as {@link #of(SlotGame)}'s
     */
    public static Analysis of(SlotGame game, Analysis other) {
        return new Analysis(game, other != null && sameFreeGames(game, other.game) ? other : null);
    }

    private static boolean sameFreeGames(SlotGame a, SlotGame b) {
        FreeGames x = a.model.freeGames();
        FreeGames y = b.model.freeGames();
        if (x == null || y == null || x.scatter() != y.scatter() || x.multiplier() != y.multiplier()
                || x.retrigger() != y.retrigger() || !java.util.Arrays.equals(x.spins(), y.spins())
                || !java.util.Arrays.equals(x.reels().weights(), y.reels().weights())
                || x.reels().sets().length != y.reels().sets().length) {
            return false;
        }
        for (int i = 0; i < x.reels().sets().length; i++) {
            SlotModel.ReelSet p = a.reelSets[x.reels().sets()[i]].set;
            SlotModel.ReelSet q = b.reelSets[y.reels().sets()[i]].set;
            if (!java.util.Arrays.deepEquals(p.strips(), q.strips()) || !java.util.Arrays.deepEquals(p.weights(), q.weights())) {
                return false;
            }
        }
        return true;
    }

    private ExactFigures figures(SlotModel model, Fraction ey, Fraction ev) {
        long lines = model.stakeUnits();
        Fraction rtp = mean.divide(lines);
        List<Fraction> byType = new ArrayList<>();
        // Jackpots are their own win types: what they return is taken out of where they are won.
        Fraction[] apart = {Fraction.ZERO, Fraction.ZERO, Fraction.ZERO, Fraction.ZERO};
        List<Fraction> jackpotRtp = new ArrayList<>();
        for (int j = 0; jackpots != null && j < model.jackpots().list().size(); j++) {
            apart[0] = apart[0].add(jackpots.baseLine[j]);
            apart[1] = apart[1].add(jackpots.baseScatter[j]);
            apart[2] = apart[2].add(jackpots.free[j]);
            apart[3] = apart[3].add(jackpots.baseBonus[j]);
            jackpotRtp.add(jackpots.total(j).divide(lines));
        }
        byType.add(base.line.subtract(apart[0]).divide(lines));
        if (game.scatterType >= 0) {
            byType.add(base.scatter.subtract(apart[1]).divide(lines));
        }
        if (game.freeType >= 0) {
            byType.add(base.n.multiply(ev).subtract(apart[2]).divide(lines));
        }
        if (game.bonusType >= 0) {
            byType.add(base.b.multiply(ey).subtract(apart[3]).divide(lines));
        }
        byType.addAll(jackpotRtp);
        Fraction variance = meanSquare.divide(Fraction.of(lines * lines)).subtract(rtp.multiply(rtp));
        List<Fraction> featureFrequencies = new ArrayList<>();
        if (game.freeFeature >= 0) {
            featureFrequencies.add(base.freeTriggered);
        }
        if (game.bonusFeature >= 0) {
            featureFrequencies.add(bonusFrequency);
        }
        return new ExactFigures(rtp, byType, Fraction.ONE.subtract(silent), variance, featureFrequencies);
    }

    /**
     * The exact figures of a bought round ({@code "bonusBuy"}): n free games bought at a price of P total bets return
     * n E[V] / (P x lines), V one free game with its retriggers in line bets; the variance per unit of price is
     * n Var(V) / (P x lines)^2 (the free games are independent); it pays nothing only if none of the n free games and
     * their retriggers pays (z^n), and starts no pick bonus with chance u^n. The win types are the base game's: the
     * whole return is under {@code free-games} (a jackpot won in a bought free game included), the others 0.
     *
     * @return the bought round's figures per unit of its stake (price x total bet), or null without a bonus buy
     */
    public ExactFigures bonusBuyFigures() {
        SlotModel model = game.model;
        if (model.bonusBuy() == null) {
            return null;
        }
        long spins = model.freeGames().spins(model.bonusBuy().scatters());
        Fraction perUnit = Fraction.of(model.bonusBuy().price() * model.stakeUnits());
        Fraction rtp = freeGameMean.multiply(spins).divide(perUnit);
        Fraction varianceV = freeGameMeanSquare.subtract(freeGameMean.multiply(freeGameMean));
        Fraction variance = varianceV.multiply(spins).divide(perUnit.multiply(perUnit));
        List<Fraction> byType = new ArrayList<>();
        for (int t = 0; t < game.winTypes().size(); t++) {
            byType.add(t == game.freeType ? rtp : Fraction.ZERO);
        }
        List<Fraction> featureFrequencies = new ArrayList<>();
        featureFrequencies.add(Fraction.ONE);
        if (game.bonusFeature >= 0) {
            featureFrequencies.add(Fraction.ONE.subtract(power(noBonusInFreeGame, spins)));
        }
        return new ExactFigures(rtp, byType, Fraction.ONE.subtract(power(freeGameSilent, spins)), variance,
                featureFrequencies);
    }

    private static Fraction power(Fraction x, long n) {
        Fraction result = Fraction.ONE;
        for (long i = 0; i < n; i++) {
            result = result.multiply(x);
        }
        return result;
    }

    /**
     * Expected free games played per round, retriggers included.
     *
     * @return E[free games per round], as a fraction
     */
    public Fraction freeGamesPerRound() {
        return base.n.divide(Fraction.ONE.subtract(retriggerRate));
    }

    /**
     * The round's exact figures at the standard wager.
     *
     * @return the RTP, hit frequency, variance and features' frequencies
     */
    public ExactFigures figures() {
        return figures;
    }

    /** Sum over k of P(k) x^k. */
    private static Fraction powerSum(Map<Long, Fraction> byK, Fraction x) {
        Fraction total = Fraction.ZERO;
        for (Map.Entry<Long, Fraction> e : byK.entrySet()) {
            Fraction power = Fraction.ONE;
            for (long i = 0; i < e.getKey(); i++) {
                power = power.multiply(x);
            }
            total = total.add(e.getValue().multiply(power));
        }
        return total;
    }

    /**
     * The chance q that a free game and all the free games it adds have some property, when a free game
     * has it with chance P(0) without adding any and with chance P(m) while adding m: the least root of
     * q = sum P(m) q^m. Exact when no free game with the property adds more (q = P(0)); otherwise
     * iterated from 0 to 40 significant digits.
     */
    private Fraction root(Map<Long, Fraction> byK) {
        iterated |= !byK.keySet().stream().allMatch(k -> k == 0);
        return leastRoot(byK);
    }

    /**
     * The least root of q = sum P(m) q^m in [0, 1]: P(0) when only m = 0 occurs, else iterated from 0 to 40
     * significant digits.
     *
     * @param byK the probability of each number k of offspring
     * @return the root, exact when only m = 0 occurs, else to 40 significant digits
     */
    public static Fraction leastRoot(Map<Long, Fraction> byK) {
        Fraction p0 = byK.getOrDefault(0L, Fraction.ZERO);
        if (byK.keySet().stream().allMatch(k -> k == 0)) {
            return p0;
        }
        MathContext context = new MathContext(60);
        BigDecimal q = BigDecimal.ZERO;
        BigDecimal epsilon = BigDecimal.ONE.movePointLeft(45);
        for (int i = 0; i < 100_000; i++) {
            BigDecimal next = BigDecimal.ZERO;
            for (Map.Entry<Long, Fraction> e : byK.entrySet()) {
                next = next.add(e.getValue().toBigDecimal(context).multiply(q.pow(e.getKey().intValue(), context), context));
            }
            boolean done = next.subtract(q).abs().compareTo(epsilon) < 0;
            q = next;
            if (done) {
                break;
            }
        }
        BigDecimal rounded = q.round(new MathContext(40));
        return Fraction.of(rounded.unscaledValue(), BigInteger.TEN.pow(Math.max(0, rounded.scale())))
                .multiply(Fraction.of(BigInteger.TEN.pow(Math.max(0, -rounded.scale())), BigInteger.ONE));
    }
}
