package io.fairspin.math.slot.analysis;

import io.fairspin.math.AnalysisReport.Cell;
import io.fairspin.math.AnalysisReport.Table;
import io.fairspin.math.AnalysisReport;
import io.fairspin.math.ExactFigures;
import io.fairspin.math.Fraction;
import io.fairspin.math.slot.SlotGame;
import io.fairspin.math.slot.jackpots.JackpotReport;
import io.fairspin.math.slot.model.SlotModel.Pay;
import io.fairspin.math.slot.model.SlotModel.Scatter;
import io.fairspin.math.slot.model.SlotModel;
import io.fairspin.math.slot.picks.BonusPrizes;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Lays a slot's {@link Analysis} out as a PAR sheet: the tables {@code fairspin par} prints. */
public final class ParSheet {
    /** The two-sided standard normal quantile for 90% confidence: the volatility index's factor. */
    public static final double Z90 = 1.6448536269514722;
    /** Two-sided standard normal quantiles for 90, 95 and 99% confidence. */
    private static final double[] Z = {Z90, 1.959963984540054, 2.5758293035489004};
    private static final String[] CONFIDENCE = {"90%", "95%", "99%"};

    private ParSheet() {
    }

    /**
     * The volatility index the PAR sheet states first: at 90% confidence, {@link #Z90} x the standard deviation.
     *
     * @param f a game's exact figures
     * @return the 90% volatility index
     */
    public static double volatilityIndex(ExactFigures f) {
        return Z90 * f.standardDeviation();
    }

    /**
     * The summary rows every slot's PAR sheet states about how wins spread: hit frequency, plays per hit, variance,
     * standard deviation and the volatility index at 90, 95 and 99%.
     *
     * @param f the game's exact figures
     * @return the rows, label then value
     */
    public static List<List<Cell>> spread(ExactFigures f) {
        List<List<Cell>> rows = new ArrayList<>();
        rows.add(row(text("hit frequency per round"), Cell.exact(f.hitFrequency())));
        rows.add(row(text("plays per hit"), oneIn(f.hitFrequency())));
        rows.add(row(text("variance per total bet"), Cell.exact(f.variance())));
        rows.add(row(text("standard deviation per total bet"), Cell.approximate(f.standardDeviation())));
        for (int i = 0; i < Z.length; i++) {
            rows.add(row(text("volatility index " + CONFIDENCE[i]), Cell.approximate(Z[i] * f.standardDeviation())));
        }
        return rows;
    }

    /**
     * The PAR sheet of {@code game}: its figures, return by win type and award, features and bets, as tables.
     *
     * @param game the slot game
     * @param analysis the game's analysis
     * @return the report's tables
     */
    public static AnalysisReport report(SlotGame game, Analysis analysis) {
        List<Table> tables = new ArrayList<>();
        tables.add(summary(game, analysis));
        tables.add(byWinType(game, analysis.figures()));
        tables.add(byAward(game, "Return by award (base game; pays in line bets)", analysis.awards, analysis.base,
                Fraction.ONE, 1));
        if (analysis.freeAwards != null) {
            long multiplier = game.model.freeGames().multiplier();
            tables.add(byAward(game, "Return by award in free games (per round; pays in line bets before the x"
                    + multiplier + " multiplier)", analysis.freeAwards, analysis.free, analysis.freeGamesPerRound(),
                    multiplier));
        }
        if (!game.model.ways()) {
            tables.add(lineHits(game, analysis));
        }
        tables.add(band(analysis.figures()));
        if (!game.features().isEmpty()) {
            tables.add(features(game, analysis));
        }
        if (game.model.bonusBuy() != null) {
            tables.add(bonusBuy(game, analysis));
        }
        if (analysis.bonus != null) {
            tables.add(bonusPrizes(analysis.bonus));
        }
        if (analysis.jackpots != null) {
            int n = game.jackpots().size();
            Fraction[] rtp = new Fraction[n];
            for (int j = 0; j < n; j++) {
                rtp[j] = analysis.figures().rtpByWinType().get(game.jackpotTypes[j]);
            }
            tables.add(2, JackpotReport.table(game.jackpots(), "wins per round", analysis.jackpots.winsPerRound, rtp));
        }
        return new AnalysisReport(game.name(), tables);
    }

    /** The bought feature next to the base game: its price, the free games it buys and its exact figures. */
    private static Table bonusBuy(SlotGame game, Analysis analysis) {
        SlotModel model = game.model;
        return bonusBuy(model.bonusBuy(), model.freeGames().spins(model.bonusBuy().scatters()),
                analysis.bonusBuyFigures(), analysis.figures().rtp());
    }

    /**
     * The PAR sheet's "Bonus buy" table, next to the base game: the price, the free games bought, the buy's exact RTP
     * and spread per unit of price, and the base game's RTP for comparison.
     *
     * @param buy the model's bonus buy
     * @param freeGames the free games it buys (before retriggers)
     * @param figures the bought round's exact figures per unit of its stake
     * @param baseRtp the base game's exact RTP
     * @return the table
     */
    public static Table bonusBuy(SlotModel.BonusBuy buy, long freeGames, ExactFigures figures, Fraction baseRtp) {
        List<List<Cell>> rows = new ArrayList<>();
        rows.add(row(text("price, x total bet"), Cell.count(buy.price())));
        rows.add(row(text("free games bought (as for " + buy.scatters() + " scatters)"), Cell.count(freeGames)));
        rows.add(row(text("RTP of the bonus buy"), Cell.exact(figures.rtp())));
        rows.add(row(text("RTP of the base game (for comparison)"), Cell.exact(baseRtp)));
        rows.add(row(text("variance per unit of price"), Cell.exact(figures.variance())));
        rows.add(row(text("standard deviation per unit of price"), Cell.approximate(figures.standardDeviation())));
        return new Table("Bonus buy", List.of("figure", "value"), rows);
    }

    private static List<Cell> row(Cell... cells) {
        return Arrays.asList(cells);
    }

    private static Cell text(String value) {
        return Cell.text(value);
    }

    private static Cell oneIn(Fraction probability) {
        return probability.signum() == 0 ? Cell.text("never") : Cell.approximate(1 / probability.doubleValue());
    }

    /**
     * What a largest-win row says when the search for it ({@link WaysMaxWin}) passed its budget: the largest round
     * win a seeded simulation saw, marked as such.
     */
    private static Cell simulatedLargest(SlotGame game) {
        return text(String.format(java.util.Locale.ROOT, "not found exactly (random reel heights: the search passed"
                + " its budget of %,d columns); largest round win seen: %.6f (simulated: %,d rounds, seed %d)",
                WaysMaxWin.BUDGET, SimulatedSheet.largestRoundWin(game),
                SimulatedSheet.ROUNDS, SimulatedSheet.SEED));
    }

    /** What the probability rows say when the count of the largest base spin win passed the search's budget. */
    private static final String NOT_COUNTED = String.format(java.util.Locale.ROOT, "not computed: random reel heights,"
            + " and the count of the windows that win it passed the search's budget of %,d columns", WaysMaxWin.BUDGET);

    private static Table summary(SlotGame game, Analysis analysis) {
        SlotModel model = game.model;
        ExactFigures f = analysis.figures();
        long lines = model.stakeUnits();
        List<List<Cell>> rows = new ArrayList<>();
        rows.add(row(text("stake per round"), text(model.lines() + " lines x " + model.lineBet()
                + (model.coins() > 1 ? " x " + model.coins() + " coins" : "") + " = "
                + game.stake() + " (minor units)")));
        if (analysis.jackpots == null) {
            rows.add(row(text("RTP"), Cell.exact(f.rtp())));
        } else {
            Fraction jackpotRtp = Fraction.ZERO;
            for (int type : game.jackpotTypes) {
                jackpotRtp = jackpotRtp.add(f.rtpByWinType().get(type));
            }
            rows.add(row(text("RTP (jackpots at their amount or seed)"), Cell.exact(f.rtp())));
            rows.add(row(text("RTP without jackpots (lines, scatters and features)"),
                    Cell.exact(f.rtp().subtract(jackpotRtp))));
            rows.addAll(JackpotReport.rows(f.rtp(), jackpotRtp, game.jackpots()));
        }
        rows.addAll(spread(f));
        for (int set : model.baseReels().sets()) {
            long cycle = game.reelSets[set].viewWeight();
            for (int r = 0; r < model.reels(); r++) {
                cycle *= game.reelSets[set].reelWeight(r);
            }
            rows.add(row(text("cycle of reel set " + model.reelSets().get(set).name()), Cell.count(cycle)));
        }
        if (analysis.base.maxT >= 0) {
            rows.add(row(text("largest base spin win (lines and scatter), x total bet"),
                    Cell.exact(Fraction.of(analysis.base.maxT, lines))));
            Fraction p = analysis.base.maxTProbability;
            rows.add(row(text("probability of the largest base spin win"), p == null ? text(NOT_COUNTED) : Cell.exact(p)));
            rows.add(row(text("plays per largest base spin win"), p == null ? text(NOT_COUNTED) : oneIn(p)));
        } else {
            rows.add(row(text("largest base spin win (lines and scatter), x total bet"), text(String.format(
                    java.util.Locale.ROOT, "not found exactly (random reel heights: the search passed its budget of %,d"
                    + " columns); the maximum win row gives the largest round win a simulation saw", WaysMaxWin.BUDGET))));
        }
        int top = topAward(model, analysis.awards);
        if (top >= 0) {
            rows.add(row(text("top award"), text(model.pays().get(top).award())));
            rows.add(row(text("plays per top award"), oneIn(analysis.awards.occurrences[top])));
        }
        rows.addAll(maxWin(game, analysis));
        if (analysis.rootIterated) {
            rows.add(row(text("note"), text("free games can retrigger without a win: hit and feature frequencies"
                    + " are the least root of their equation, to 40 significant digits")));
        }
        return new Table("Summary", List.of("figure", "value"), rows);
    }

    /**
     * The summary's maximum win of {@code game}, an exact analysis, as its sheet states it: the largest round win in
     * total bets, features included (for a table of it at other bets).
     *
     * @param game a slot with an exact analysis
     * @return the "maximum win" row's value
     */
    static Cell maxWin(SlotGame game) {
        return maxWin(game, game.analysis()).get(0).get(1);
    }

    /**
     * The largest round win, features included (free games with their multiplier and retriggers, bonus prizes,
     * jackpots at their amount or seed), and the per-spin cap with whether a spin reaches it.
     */
    private static List<List<Cell>> maxWin(SlotGame game, Analysis analysis) {
        if (analysis.base.maxT < 0 || analysis.free != null && analysis.free.maxT < 0) {
            // Random reel heights whose search passed its budget (a capped model has been counted or is simulated).
            List<List<Cell>> rows = new ArrayList<>();
            rows.add(row(text(MaxWin.LABEL), simulatedLargest(game)));
            return rows;
        }
        long bonus = analysis.bonus == null ? 0
                : analysis.bonus.distribution.keySet().stream().mapToLong(Long::longValue).max().orElse(0);
        return maxWin(game, analysis.base, analysis.free, bonus);
    }

    /** {@link #maxWin(SlotGame, Analysis)}'s rows from a base and a free spin's largest wins and the largest bonus award. */
    private static List<List<Cell>> maxWin(SlotGame game, SpinMoments base, SpinMoments free, long bonus) {
        SlotModel model = game.model;
        long units = model.stakeUnits();
        long cap = model.maxWin() / model.coins();
        long largest = MaxWin.largest(base.outcomes, free == null ? null : free.outcomes, bonus);
        long capLines = model.maxWin() * model.lines();
        boolean reachable = base.maxT == capLines || free != null && free.outcomes.largestWin() == capLines;
        return MaxWin.rows(largest, units, cap, reachable, "the cap applies to each spin's line and scatter win (base"
                + " or free game); the largest spin win before the cap is " + (reachable ? "at or above it"
                : Fraction.of(Math.max(base.maxT, free == null ? 0 : free.outcomes.largestWin()), units)
                        .toDecimalString(4) + " x total bet"));
    }

    /**
     * The maximum win and cap rows, exact, of a capped game with random reel heights that has no exact analysis (its
     * count passed {@link SpinMoments#HEIGHTS_BUDGET}), from the search for its spins' largest wins ({@link WaysMaxWin},
     * the cap applied to each spin as play applies it): for its simulated sheet.
     *
     * @param game the slot game, with random reel heights (a ways game: no pick bonus)
     * @return the rows as the exact sheet states them, or empty when the search passed its budget
     */
    public static List<List<Cell>> searchedMaxWin(SlotGame game) {
        SlotModel model = game.model;
        SpinMoments base = new SpinMoments();
        if (!WaysMaxWin.addTo(base, game, model.baseReels(), 1, true, WaysMaxWin.BUDGET, false)) {
            return List.of();
        }
        SlotModel.FreeGames fg = model.freeGames();
        SpinMoments free = fg == null ? null : new SpinMoments();
        if (fg != null && !WaysMaxWin.addTo(free, game, fg.reels(), fg.multiplier(), fg.retrigger(), WaysMaxWin.BUDGET,
                false)) {
            return List.of();
        }
        return maxWin(game, base, free, 0);
    }

    /** The highest-paying award that can occur, -1 if none can. */
    private static int topAward(SlotModel model, Awards awards) {
        int top = -1;
        for (int p = 0; p < model.pays().size(); p++) {
            if (awards.occurrences[p].signum() == 0) {
                continue;
            }
            if (top < 0 || model.pays().get(p).credits() > model.pays().get(top).credits()) {
                top = p;
            }
        }
        return top;
    }

    private static Table byWinType(SlotGame game, ExactFigures f) {
        return io.fairspin.math.AnalysisReport.returnByWinType(game.winTypes(), f);
    }

    /**
     * The return of each award: its pay, how often it occurs per round ({@code spinsPerRound} spins of
     * the given kind per round) and its contribution to the RTP at {@code multiplier}.
     */
    private static Table byAward(SlotGame game, String title, Awards awards, SpinMoments spins,
            Fraction spinsPerRound, long multiplier) {
        SlotModel model = game.model;
        int lines = model.lines();
        long units = model.stakeUnits();
        String type = model.ways() ? "ways" : "line";
        List<List<Cell>> rows = new ArrayList<>();
        for (int p = 0; p < model.pays().size(); p++) {
            Pay pay = model.pays().get(p);
            if (pay.bonus()) {
                continue;
            }
            Fraction occurrences = awards.occurrences[p].multiply(spinsPerRound);
            rows.add(row(text(type), text(pay.award()), Cell.count(pay.credits()), Cell.exact(occurrences),
                    oneIn(occurrences), Cell.exact(awards.credits[p].multiply(spinsPerRound).multiply(multiplier)
                            .divide(units))));
        }
        for (int i = 0; i < model.scatters().size(); i++) {
            Scatter scatter = model.scatters().get(i);
            for (Map.Entry<Integer, Fraction> e : spins.scatterCounts.get(i).entrySet()) {
                long pay = scatter.pay(e.getKey());
                if (pay > 0) {
                    Fraction occurrences = e.getValue().multiply(spinsPerRound);
                    rows.add(row(text("scatter"), text(model.symbols().get(scatter.symbol()) + " x" + e.getKey()),
                            Cell.count(pay * lines), Cell.exact(occurrences), oneIn(occurrences),
                            Cell.exact(occurrences.multiply(pay).multiply(multiplier).divide(model.coins()))));
                }
            }
        }
        if (model.maxWin() > 0) {
            rows.add(row(text("cap"), text("maximum-win cut"), text(""), text(""), text(""),
                    Cell.exact(spins.cut.multiply(spinsPerRound).divide(units).negate())));
        }
        return new Table(title, List.of("type", "award", "pays", "per round", "plays per hit", "RTP"), rows);
    }

    private static Table lineHits(SlotGame game, Analysis analysis) {
        List<List<Cell>> rows = new ArrayList<>();
        List<Fraction> hits = analysis.awards.lineHitFrequency;
        for (int l = 0; l < hits.size(); l++) {
            rows.add(row(Cell.count(l + 1), text(Arrays.toString(game.model.paylines()[l])),
                    Cell.exact(hits.get(l))));
        }
        return new Table("Hit frequency per line (base game)", List.of("line", "rows (top 0)", "hit frequency"),
                rows);
    }

    private static Table band(ExactFigures f) {
        List<List<Cell>> rows = new ArrayList<>();
        double rtp = f.rtp().doubleValue();
        for (int e = 3; e <= 8; e++) {
            List<Cell> row = new ArrayList<>();
            row.add(Cell.count(BigInteger.TEN.pow(e).longValueExact()));
            for (double z : Z) {
                double half = z * f.standardDeviation() / Math.sqrt(Math.pow(10, e));
                row.add(Cell.approximate(rtp - half));
                row.add(Cell.approximate(rtp + half));
            }
            rows.add(row);
        }
        return new Table("RTP band (RTP within these bounds at the given confidence)",
                List.of("plays", "90% low", "90% high", "95% low", "95% high", "99% low", "99% high"), rows);
    }

    private static Table features(SlotGame game, Analysis analysis) {
        SlotModel model = game.model;
        long lines = model.stakeUnits();
        List<List<Cell>> rows = new ArrayList<>();
        ExactFigures f = analysis.figures();
        if (game.freeFeature >= 0) {
            Fraction frequency = f.featureFrequencies().get(game.freeFeature);
            Fraction rtp = f.rtpByWinType().get(game.freeType);
            Fraction spins = analysis.freeGamesPerRound().divide(frequency);
            rows.add(row(text("free-games"), Cell.exact(frequency), oneIn(frequency), Cell.exact(rtp),
                    Cell.exact(rtp.divide(frequency)), text("free games per trigger " + spins.toDecimalString(4)
                            + ", multiplier x" + model.freeGames().multiplier() + ", free games added per free game "
                            + analysis.retriggerRate.toDecimalString(6))));
        }
        if (game.bonusFeature >= 0) {
            Fraction frequency = f.featureFrequencies().get(game.bonusFeature);
            Fraction rtp = f.rtpByWinType().get(game.bonusType);
            Fraction baseTriggers = analysis.base.bonusTriggered;
            rows.add(row(text("bonus"), Cell.exact(frequency), oneIn(frequency), Cell.exact(rtp),
                    Cell.exact(baseTriggers.signum() == 0 ? Fraction.ZERO : rtp.divide(baseTriggers)),
                    text("mean award " + analysis.bonus.mean.divide(lines).toDecimalString(4) + " x total bet"
                            + (model.freeGames() == null ? "" : "; the frequency counts bonuses in free games too,"
                                    + " the RTP and average pay only base-game bonuses"))));
        }
        return new Table("Features (pays in total bets)",
                List.of("feature", "frequency per round", "plays per trigger", "RTP", "average pay", "notes"), rows);
    }

    private static Table bonusPrizes(BonusPrizes bonus) {
        List<List<Cell>> rows = new ArrayList<>();
        for (Map.Entry<Long, Fraction> e : bonus.distribution.entrySet()) {
            rows.add(row(Cell.count(e.getKey()), Cell.exact(e.getValue())));
        }
        rows.add(row(text("mean"), Cell.exact(bonus.mean)));
        return new Table("Bonus award per round (line bets)", List.of("award", "probability"), rows);
    }
}
