package io.fairspin.math.slot.cascades;

import io.fairspin.math.AnalysisBudget;
import io.fairspin.math.AnalysisReport;
import io.fairspin.math.AnalysisReport.Cell;
import io.fairspin.math.AnalysisReport.Table;
import io.fairspin.math.ExactFigures;
import io.fairspin.math.Fraction;
import io.fairspin.math.slot.analysis.Analysis;
import io.fairspin.math.slot.analysis.MaxWin;
import io.fairspin.math.slot.analysis.ParSheet;
import io.fairspin.math.slot.cascades.CascadeEngine.Window;
import io.fairspin.math.slot.cascades.CascadeModel.Sets;
import io.fairspin.math.slot.evaluation.LongLongMap;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Exact figures of a cascading game by counting: a spin is deterministic once its stops are drawn (new
 * symbols come from the strip), so every stop combination of every reel set is played out and its win
 * and scatter count tallied, as long as the combinations of each reel set stay within the model's
 * budget. Free games combine in closed form as for other slots (each free game with what it
 * retriggers is an independent copy V: E[V] = E[X]/(1 - E[M]), E[V^2] = (E[X^2] + 2E[XM]E[V] +
 * E[M(M-1)]E[V]^2)/(1 - E[M])). A round cap makes free games depend on what was won before, so a
 * model with {@code maxWin} has no exact figures.
 */
final class CascadeAnalysis {
    /** Counted outcomes of one kind of spin: key (win in line bets) * 128 + scatter count, to probability. */
    private final Spins base;
    private final Spins free;
    private final CascadeGame game;
    private final ExactFigures figures;
    private final Fraction freeGameMean;
    /** E[V^2], V one free game with its retriggers, in line bets. */
    private final Fraction freeGameMeanSquare;
    /** The chance that one free game with its retriggers pays nothing. */
    private final Fraction freeGameSilent;
    private final Fraction freeTrigger;
    private final Fraction freeGamesPerRound;
    private final boolean iterated;
    /** The win distribution of the rounds without free games ({@link #roundWins()}). */
    private final SortedMap<Long, Fraction> roundWins = new TreeMap<>();

    /** The tallies of one kind of spin. */
    private static final class Spins {
        final Map<Long, Fraction> outcomes = new TreeMap<>();
        long maxWin;
        long combinations;
    }

    private CascadeAnalysis(CascadeGame game, Spins base, Spins free) {
        this.game = game;
        this.base = base;
        this.free = free;
        CascadeModel model = game.model;
        long lines = model.lines();
        // Base spin: W its win (cascades and scatter), C its cascade part, N the free games it awards.
        Fraction ew = Fraction.ZERO;
        Fraction ec = Fraction.ZERO;
        Fraction ew2 = Fraction.ZERO;
        Fraction en = Fraction.ZERO;
        Fraction enn1 = Fraction.ZERO;
        Fraction ewn = Fraction.ZERO;
        Fraction trigger = Fraction.ZERO;
        Map<Long, Fraction> silent = new TreeMap<>();
        for (Map.Entry<Long, Fraction> e : base.outcomes.entrySet()) {
            long c = e.getKey() >> 7;
            int count = (int) (e.getKey() & 127);
            long w = c + scatterPay(count);
            long n = model.free() == null ? 0 : model.free().spins(count);
            Fraction p = e.getValue();
            ew = ew.add(p.multiply(w));
            ec = ec.add(p.multiply(c));
            ew2 = ew2.add(p.multiply(w).multiply(w));
            en = en.add(p.multiply(n));
            enn1 = enn1.add(p.multiply(n * (n - 1)));
            ewn = ewn.add(p.multiply(w).multiply(n));
            trigger = n > 0 ? trigger.add(p) : trigger;
            if (w == 0) {
                silent.merge(n, p, Fraction::add);
            }
            if (n == 0) {
                roundWins.merge(w * model.unit(), p, Fraction::add);
            }
        }
        Fraction ev = Fraction.ZERO;
        Fraction ev2 = Fraction.ZERO;
        Fraction z = Fraction.ONE;
        boolean root = false;
        if (free != null) {
            Fraction ex = Fraction.ZERO;
            Fraction ex2 = Fraction.ZERO;
            Fraction em = Fraction.ZERO;
            Fraction emm1 = Fraction.ZERO;
            Fraction exm = Fraction.ZERO;
            Map<Long, Fraction> freeSilent = new TreeMap<>();
            for (Map.Entry<Long, Fraction> e : free.outcomes.entrySet()) {
                int count = (int) (e.getKey() & 127);
                long x = (e.getKey() >> 7) + scatterPay(count);
                long m = model.free().retrigger() ? model.free().spins(count) : 0;
                Fraction p = e.getValue();
                ex = ex.add(p.multiply(x));
                ex2 = ex2.add(p.multiply(x).multiply(x));
                em = em.add(p.multiply(m));
                emm1 = emm1.add(p.multiply(m * (m - 1)));
                exm = exm.add(p.multiply(x).multiply(m));
                if (x == 0) {
                    freeSilent.merge(m, p, Fraction::add);
                }
            }
            Fraction stay = Fraction.ONE.subtract(em);
            ev = ex.divide(stay);
            ev2 = ex2.add(exm.multiply(ev).multiply(2)).add(emm1.multiply(ev).multiply(ev)).divide(stay);
            root = freeSilent.keySet().stream().anyMatch(k -> k != 0);
            z = Analysis.leastRoot(freeSilent);
            freeGamesPerRound = en.divide(stay);
        } else {
            freeGamesPerRound = Fraction.ZERO;
        }
        iterated = root;
        freeGameMean = ev;
        freeGameMeanSquare = ev2;
        freeGameSilent = z;
        freeTrigger = trigger;
        Fraction mean = ew.add(en.multiply(ev));
        Fraction meanSquare = ew2.add(ewn.multiply(ev).multiply(2)).add(en.multiply(ev2)).add(enn1.multiply(ev).multiply(ev));
        Fraction silentRound = Fraction.ZERO;
        for (Map.Entry<Long, Fraction> e : silent.entrySet()) {
            Fraction power = Fraction.ONE;
            for (long i = 0; i < e.getKey(); i++) {
                power = power.multiply(z);
            }
            silentRound = silentRound.add(e.getValue().multiply(power));
        }
        Fraction rtp = mean.divide(lines);
        List<Fraction> byType = new ArrayList<>();
        byType.add(ec.divide(lines));
        if (game.scatterType >= 0) {
            byType.add(ew.subtract(ec).divide(lines));
        }
        if (game.freeType >= 0) {
            byType.add(en.multiply(ev).divide(lines));
        }
        Fraction variance = meanSquare.divide(Fraction.of(lines * lines)).subtract(rtp.multiply(rtp));
        List<Fraction> featureFrequencies = game.freeFeature >= 0 ? List.of(trigger) : List.of();
        figures = new ExactFigures(rtp, byType, Fraction.ONE.subtract(silentRound), variance, featureFrequencies);
    }

    private long scatterPay(int count) {
        return CascadeModel.byCount(game.model.scatterPays(), count) * game.model.lines();
    }

    /** Why {@code game} has no exact figures, or null when it has. */
    static String notExactBecause(CascadeGame game) {
        CascadeModel model = game.model;
        if (model.maxWin() > 0) {
            return "a round win cap makes each free game depend on the wins before it";
        }
        List<Integer> sets = new ArrayList<>();
        Arrays.stream(model.baseSets().sets()).forEach(sets::add);
        if (model.free() != null) {
            Arrays.stream(model.free().sets().sets()).forEach(sets::add);
        }
        for (int set : sets) {
            double combinations = 1;
            double cycle = 1;
            for (int r = 0; r < model.reels(); r++) {
                combinations *= model.strips().get(set)[r].length;
                long[][] w = model.stopWeights().get(set);
                cycle *= w == null || w[r] == null ? model.strips().get(set)[r].length : Arrays.stream(w[r]).sum();
            }
            if (combinations > model.budget()) {
                return String.format(java.util.Locale.ROOT, "reel set %s has %.4g stop combinations, more than the"
                        + " analysis budget of %d (\"analysisBudget\")", model.setNames().get(set), combinations,
                        model.budget());
            }
            if (cycle > 0x1p62) {
                return "the weights of reel set " + model.setNames().get(set) + " multiply to more than 2^62";
            }
        }
        return null;
    }

    /**
     * The counted spins of a model, which do not depend on the bet (wins in line bets of one coin, scatter counts):
     * counted once, on first use, and shared by the game at every bet.
     */
    static final class Counted {
        private Spins base;
        private Spins free;

        /** The counts; {@code game} is any game of the model (they are the same at every bet). */
        synchronized Spins[] get(CascadeGame game) {
            if (base == null) {
                CascadeModel model = game.model;
                Spins counted = count(game, model.baseSets(), model.multipliers());
                free = model.free() == null ? null : count(game, model.free().sets(), model.free().multipliers());
                base = counted;
            }
            return new Spins[] {base, free};
        }
    }

    static Optional<CascadeAnalysis> of(CascadeGame game, Counted counted) {
        if (notExactBecause(game) != null) {
            return Optional.empty();
        }
        Spins[] spins = counted.get(game);
        return Optional.of(new CascadeAnalysis(game, spins[0], spins[1]));
    }

    /** Plays out every stop combination of every reel set of {@code sets}. */
    private static Spins count(CascadeGame game, Sets sets, long[] multipliers) {
        CascadeEngine engine = game.engine;
        CascadeModel model = game.model;
        Spins spins = new Spins();
        long total = sets.total();
        Window w = new Window(engine);
        for (int i = 0; i < sets.sets().length; i++) {
            int set = sets.sets()[i];
            int[][] strips = model.strips().get(set);
            long[][] weights = model.stopWeights().get(set);
            LongLongMap tally = new LongLongMap();
            long cycle = 1;
            for (int r = 0; r < model.reels(); r++) {
                cycle *= weights == null || weights[r] == null ? strips[r].length : Arrays.stream(weights[r]).sum();
            }
            Arrays.fill(w.stops, 0);
            double combinations = 1;
            for (int r = 0; r < model.reels(); r++) {
                combinations *= strips[r].length;
            }
            String stage = "reel set " + model.setNames().get(set);
            // Every stop combination is played out: refused up front past the budget, counted in runs of 4,096.
            AnalysisBudget.ahead((long) Math.min(combinations, Long.MAX_VALUE), stage, cycle);
            long played = 0;
            while (true) {
                if ((++played & 4095) == 0) {
                    AnalysisBudget.step(4096, stage, cycle);
                }
                long weight = 1;
                for (int r = 0; r < model.reels() && weight > 0; r++) {
                    weight *= weights == null || weights[r] == null ? 1 : weights[r][w.stops[r]];
                }
                if (weight > 0) {
                    engine.fill(set, w);
                    long win = engine.cascade(w, multipliers);
                    tally.add(win << 7 | engine.scatters(w), weight);
                    spins.maxWin = Math.max(spins.maxWin, win);
                    spins.combinations++;
                }
                int r = 0;
                while (r < model.reels() && ++w.stops[r] == strips[r].length) {
                    w.stops[r] = 0;
                    r++;
                }
                if (r == model.reels()) {
                    break;
                }
            }
            Fraction chance = Fraction.of(BigInteger.valueOf(sets.weights()[i]),
                    BigInteger.valueOf(total).multiply(BigInteger.valueOf(cycle)));
            tally.forEach((key, weight) -> spins.outcomes.merge(key, chance.multiply(weight), Fraction::add));
        }
        return spins;
    }

    /** The largest round win in line bets ({@link MaxWin#largest}), -1 when free games retrigger without a limit. */
    private long largestWin() {
        CascadeModel model = game.model;
        MaxWin.Outcomes baseOutcomes = new MaxWin.Outcomes();
        base.outcomes.forEach((key, p) -> {
            int count = (int) (key & 127);
            baseOutcomes.add((key >> 7) + scatterPay(count), 0, model.free() == null ? 0 : model.free().spins(count));
        });
        MaxWin.Outcomes freeOutcomes = null;
        if (free != null) {
            MaxWin.Outcomes outcomes = new MaxWin.Outcomes();
            free.outcomes.forEach((key, p) -> {
                int count = (int) (key & 127);
                outcomes.add((key >> 7) + scatterPay(count), 0, model.free().retrigger() ? model.free().spins(count) : 0);
            });
            freeOutcomes = outcomes;
        }
        return MaxWin.largest(baseOutcomes, freeOutcomes, 0);
    }

    /**
     * The exact figures of a bought round ({@code "bonusBuy"}), as for other slots: n free games bought at a price of
     * P total bets return n E[V] / (P x lines), V one free game with its retriggers in line bets; the variance per unit
     * of price is n Var(V) / (P x lines)^2 (the free games are independent); it pays nothing only if none of the n
     * free games pays (z^n). The whole return is under {@code free-games}.
     *
     * @return the bought round's figures per unit of its stake (price x total bet)
     */
    ExactFigures bonusBuyFigures() {
        CascadeModel model = game.model;
        long spins = model.boughtFreeGames();
        Fraction perUnit = Fraction.of(model.bonusBuy().price() * model.lines());
        Fraction rtp = freeGameMean.multiply(spins).divide(perUnit);
        Fraction varianceV = freeGameMeanSquare.subtract(freeGameMean.multiply(freeGameMean));
        List<Fraction> byType = new ArrayList<>();
        for (int t = 0; t < game.winTypes().size(); t++) {
            byType.add(t == game.freeType ? rtp : Fraction.ZERO);
        }
        Fraction silent = Fraction.ONE;
        for (long i = 0; i < spins; i++) {
            silent = silent.multiply(freeGameSilent);
        }
        return new ExactFigures(rtp, byType, Fraction.ONE.subtract(silent),
                varianceV.multiply(spins).divide(perUnit.multiply(perUnit)), List.of(Fraction.ONE));
    }

    /** The stake of a round as the sheets show it: lines x bet per line (x coins) = stake. */
    static String stakeText(CascadeModel model) {
        return model.lines() + " lines x " + model.lineBet() + (model.coins() == 1 ? "" : " x " + model.coins() + " coins")
                + " = " + model.stake() + " (minor units)";
    }

    ExactFigures figures() {
        return figures;
    }

    /**
     * The exact distribution of the win of a round that awards no free games, in minor units: its base spin's
     * cascades and scatter pay times the bet per line (a model with a cap has no exact figures).
     */
    SortedMap<Long, Fraction> roundWins() {
        return java.util.Collections.unmodifiableSortedMap(roundWins);
    }

    /** The probability of a round whose base spin awards free games (zero without free games). */
    Fraction freeTrigger() {
        return freeTrigger;
    }

    AnalysisReport report() {
        CascadeModel model = game.model;
        long lines = model.lines();
        List<List<Cell>> rows = new ArrayList<>();
        rows.add(List.of(Cell.text("stake per round"), Cell.text(stakeText(model))));
        rows.add(List.of(Cell.text("RTP"), Cell.exact(figures.rtp())));
        rows.addAll(ParSheet.spread(figures));
        rows.add(List.of(Cell.text("base stop combinations played out"), Cell.count(base.combinations)));
        rows.add(List.of(Cell.text("largest base spin win (cascades), x total bet"), Cell.exact(Fraction.of(base.maxWin, lines))));
        if (free != null) {
            rows.add(List.of(Cell.text("largest free spin win (cascades), x total bet"), Cell.exact(Fraction.of(free.maxWin, lines))));
            rows.add(List.of(Cell.text("free games frequency"), Cell.exact(freeTrigger)));
            rows.add(List.of(Cell.text("free games per round"), Cell.exact(freeGamesPerRound)));
            rows.add(List.of(Cell.text("mean free game win (with its retriggers), x total bet"),
                    Cell.exact(freeGameMean.divide(lines))));
        }
        rows.addAll(MaxWin.rows(largestWin(), lines, 0, false, null));
        if (iterated) {
            rows.add(List.of(Cell.text("note"), Cell.text("free games can retrigger without a win: the hit frequency"
                    + " is the least root of its equation, to 40 significant digits")));
        }
        List<Table> tables = new ArrayList<>();
        tables.add(new Table("Summary (exact: every stop combination played out)", List.of("figure", "value"), rows));
        tables.add(AnalysisReport.returnByWinType(game.winTypes(), figures));
        if (model.bonusBuy() != null) {
            tables.add(ParSheet.bonusBuy(model.bonusBuy(), model.boughtFreeGames(), bonusBuyFigures(), figures.rtp()));
        }
        return new AnalysisReport(game.name(), tables);
    }
}
