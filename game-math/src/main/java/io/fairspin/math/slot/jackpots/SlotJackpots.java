package io.fairspin.math.slot.jackpots;

import io.fairspin.math.Fraction;
import io.fairspin.math.slot.analysis.Awards;
import io.fairspin.math.slot.analysis.SpinMoments;
import io.fairspin.math.slot.model.SlotModel;
import io.fairspin.math.slot.model.SlotModel.Bonus;
import io.fairspin.math.slot.model.SlotModel.JackpotPays;
import java.util.Arrays;
import java.util.Map;

/**
 * The exact return of the jackpots an ordinary line or ways slot names in its pays, scatter pays and bonus
 * prizes, in line bets per round, split by where they are won. A jackpot is paid at its amount or seed each time
 * it is won (never multiplied or capped: the reader refuses a model that would), so its return is linear in the
 * counts the analysis already has: per pay its expected credits per spin ({@link Awards}), per scatter count
 * its chance ({@link SpinMoments#scatterCounts}), per bonus round E[picks] x E[prizes per item] x the prize's
 * chance x its value; the free games' part times the free games played per round.
 */
public final class SlotJackpots {
    /** Per jackpot: expected credits per round won in the base game's line or ways wins. */
    public final Fraction[] baseLine;
    /** Per jackpot: expected credits per round won by the base game's scatter pays. */
    public final Fraction[] baseScatter;
    /** Per jackpot: expected credits per round won in the base game's bonus rounds. */
    public final Fraction[] baseBonus;
    /** Per jackpot: expected credits per round won in free games (their lines, scatters and bonus rounds). */
    public final Fraction[] free;
    /** Per jackpot: expected wins per round (occurrences, a round may win one more than once). */
    public final Fraction[] winsPerRound;

    /**
     * The jackpots' return.
     *
     * @param model the slot model
     * @param awards the base game's awards
     * @param base the base spin's sums
     * @param freeAwards the free games' awards, or null without free games
     * @param freeSpin a free spin's sums, or null without free games
     * @param freeGamesPerRound free games played per round
     */
    public SlotJackpots(SlotModel model, Awards awards, SpinMoments base, Awards freeAwards, SpinMoments freeSpin,
            Fraction freeGamesPerRound) {
        JackpotPays pays = model.jackpots();
        int n = pays.list().size();
        baseLine = zeros(n);
        baseScatter = zeros(n);
        baseBonus = zeros(n);
        free = zeros(n);
        winsPerRound = zeros(n);
        Fraction[][] perBonus = perBonusRound(model);
        Fraction[] freeWins = zeros(n);
        for (int j = 0; j < n; j++) {
            Fraction[] line = lineCredits(model, awards, j);
            Fraction[] scatter = scatterCredits(model, base, j);
            baseLine[j] = line[0];
            baseScatter[j] = scatter[0];
            baseBonus[j] = base.b.multiply(perBonus[0][j]);
            winsPerRound[j] = line[1].add(scatter[1]).add(base.b.multiply(perBonus[1][j]));
            if (freeSpin != null) {
                Fraction[] freeLine = lineCredits(model, freeAwards, j);
                Fraction[] freeScatter = scatterCredits(model, freeSpin, j);
                free[j] = freeLine[0].add(freeScatter[0]).add(freeSpin.b.multiply(perBonus[0][j]))
                        .multiply(freeGamesPerRound);
                freeWins[j] = freeLine[1].add(freeScatter[1]).add(freeSpin.b.multiply(perBonus[1][j]))
                        .multiply(freeGamesPerRound);
                winsPerRound[j] = winsPerRound[j].add(freeWins[j]);
            }
        }
    }

    /** Per jackpot j its expected credits per round, in line bets. */
    public Fraction total(int j) {
        return baseLine[j].add(baseScatter[j]).add(baseBonus[j]).add(free[j]);
    }

    private static Fraction[] zeros(int n) {
        Fraction[] a = new Fraction[n];
        Arrays.fill(a, Fraction.ZERO);
        return a;
    }

    /** Expected credits and occurrences per spin of the line or ways pays that win jackpot j. */
    private static Fraction[] lineCredits(SlotModel model, Awards awards, int j) {
        Fraction credits = Fraction.ZERO;
        Fraction occurrences = Fraction.ZERO;
        for (int p = 0; p < model.pays().size(); p++) {
            if (model.jackpots().ofPay(p) == j) {
                credits = credits.add(awards.credits[p]);
                occurrences = occurrences.add(awards.occurrences[p]);
            }
        }
        return new Fraction[] {credits, occurrences};
    }

    /** Expected credits and occurrences per spin of the scatter counts that win jackpot j. */
    private static Fraction[] scatterCredits(SlotModel model, SpinMoments spin, int j) {
        Fraction credits = Fraction.ZERO;
        Fraction occurrences = Fraction.ZERO;
        for (int i = 0; i < model.scatters().size() && i < spin.scatterCounts.size(); i++) {
            for (Map.Entry<Integer, Fraction> e : spin.scatterCounts.get(i).entrySet()) {
                if (model.jackpots().ofScatter(i, e.getKey()) == j) {
                    credits = credits.add(e.getValue().multiply(model.scatters().get(i).pay(e.getKey()) * model.lines()));
                    occurrences = occurrences.add(e.getValue());
                }
            }
        }
        return new Fraction[] {credits, occurrences};
    }

    /**
     * Per bonus round: [0][j] the expected credits of jackpot j's prizes picked, [1][j] how many of them are
     * picked on average: E[picks] x E[prizes per item] x P(prize) (x its value).
     */
    private static Fraction[][] perBonusRound(SlotModel model) {
        int n = model.jackpots().list().size();
        Fraction[][] result = {zeros(n), zeros(n)};
        Bonus bonus = model.bonus();
        if (bonus == null) {
            return result;
        }
        Fraction picks = bonus.pickValues() == null ? Fraction.of(bonus.picks()) : mean(bonus.pickValues(), bonus.pickWeights());
        Fraction prizes = picks.multiply(mean(bonus.countValues(), bonus.countWeights()));
        long total = Arrays.stream(bonus.prizeWeights()).sum();
        for (int k = 0; k < bonus.prizeValues().length; k++) {
            int j = model.jackpots().ofPrize(k);
            if (j >= 0) {
                Fraction drawn = prizes.multiply(Fraction.of(bonus.prizeWeights()[k], total));
                result[1][j] = result[1][j].add(drawn);
                result[0][j] = result[0][j].add(drawn.multiply(bonus.prizeValues()[k]));
            }
        }
        return result;
    }

    private static Fraction mean(long[] values, long[] weights) {
        long total = Arrays.stream(weights).sum();
        Fraction sum = Fraction.ZERO;
        for (int i = 0; i < values.length; i++) {
            sum = sum.add(Fraction.of(values[i] * weights[i]));
        }
        return sum.divide(total);
    }
}
