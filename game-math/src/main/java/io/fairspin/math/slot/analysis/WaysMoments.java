package io.fairspin.math.slot.analysis;

import io.fairspin.math.Fraction;
import io.fairspin.math.slot.SlotGame;
import io.fairspin.math.slot.evaluation.CompiledReels;
import io.fairspin.math.slot.evaluation.IntArrayKey;
import io.fairspin.math.slot.model.SlotModel;
import io.fairspin.math.slot.model.SlotModel.Choice;
import io.fairspin.math.slot.model.SlotModel.Scatter;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The moments of one spin of a ways game with random reel heights (Megaways), computed without the
 * spin's full distribution, which has too many states (a symbol's ways reach 7^6): the ways win is
 * A = sum over paying symbols i and run lengths k of pay_i(k) W_ik, where W_ik, the ways of a run of
 * exactly k reels, is a product over reels of a per-reel factor (the count of i before reel k, "no i" on
 * reel k, 1 after). Reels are independent, so E[W_ik W_jl f(c)] for the scatter count c is a product of
 * per-reel sums, carried as a polynomial in the scatter count. The chance that the spin pays nothing is
 * counted over the set of symbols whose run is still alive and the scatter count. All exact; the spin's
 * largest win is searched for ({@link WaysMaxWin}), and {@code maxT} stays -1 when that search passes its budget.
 * Needs at most one scatter and no cap.
 */
final class WaysMoments {
    private final SlotGame game;
    private final SlotModel model;
    private final int symbols;
    private final int reelCount;
    /** Per reel: distinct (column counts of each paying symbol, scatter count) with their weights. */
    private final Map<IntArrayKey, Long>[] columns;
    private final int maxScatter;

    @SuppressWarnings("unchecked")
    private WaysMoments(SlotGame game, CompiledReels reels) {
        this.game = game;
        this.model = game.model;
        this.symbols = game.ways.symbols.length;
        this.reelCount = model.reels();
        columns = new Map[reelCount];
        int most = 0;
        for (int r = 0; r < reelCount; r++) {
            columns[r] = WaysMaxWin.distinct(game, reels, r);
            most += columns[r].keySet().stream().mapToInt(key -> key.values()[symbols]).max().orElse(0);
        }
        maxScatter = most;
    }

    /** The moments of a spin on {@code choice}'s reel sets, as {@link SpinMoments#of} gives them. */
    static SpinMoments of(SlotGame game, Choice choice, long multiplier, boolean awardsFreeGames) {
        SpinMoments moments = new SpinMoments();
        moments.maxT = -1;
        long total = choice.total();
        for (int i = 0; i < choice.sets().length; i++) {
            CompiledReels set = game.reelSets[choice.sets()[i]];
            BigInteger cycle = BigInteger.valueOf(set.viewWeight());
            for (int r = 0; r < game.model.reels(); r++) {
                cycle = cycle.multiply(BigInteger.valueOf(set.reelWeight(r)));
            }
            // With a top reel, a sum over its windows: given the top reel's stop, the reels are independent.
            for (CompiledReels.View view : set.views()) {
                WaysMoments w = new WaysMoments(game, view.reels());
                Fraction chance = Fraction.of(BigInteger.valueOf(choice.weights()[i]).multiply(BigInteger.valueOf(
                        view.weight())), BigInteger.valueOf(total).multiply(cycle));
                w.addTo(moments, chance, multiplier, awardsFreeGames);
            }
        }
        WaysMaxWin.addTo(moments, game, choice, multiplier, awardsFreeGames, WaysMaxWin.BUDGET, true);
        return moments;
    }

    /** Per-reel factor of symbol i's run of exactly k reels on reel r, for a column's count x of i. */
    private static long factor(int r, int k, int x) {
        return r < k ? x : r == k ? (x == 0 ? 1 : 0) : 1;
    }

    /**
     * Sum over spins of weight x prod over reels of the factors of (i, k) and (j, l) (j < 0: none), by
     * scatter count.
     */
    private BigInteger[] product(int i, int k, int j, int l) {
        BigInteger[] byCount = new BigInteger[maxScatter + 1];
        java.util.Arrays.fill(byCount, BigInteger.ZERO);
        byCount[0] = BigInteger.ONE;
        for (int r = 0; r < reelCount; r++) {
            long[] reel = new long[maxScatter + 1];
            boolean any = false;
            for (Map.Entry<IntArrayKey, Long> e : columns[r].entrySet()) {
                int[] key = e.getKey().values();
                long f = (i < 0 ? 1 : factor(r, k, key[i])) * (j < 0 ? 1 : factor(r, l, key[j]));
                if (f != 0) {
                    reel[key[symbols]] = Math.addExact(reel[key[symbols]], Math.multiplyExact(f, e.getValue()));
                    any = true;
                }
            }
            if (!any) {
                java.util.Arrays.fill(byCount, BigInteger.ZERO);
                return byCount;
            }
            BigInteger[] next = new BigInteger[maxScatter + 1];
            java.util.Arrays.fill(next, BigInteger.ZERO);
            for (int c = 0; c <= maxScatter; c++) {
                if (byCount[c].signum() == 0) {
                    continue;
                }
                for (int d = 0; c + d <= maxScatter; d++) {
                    if (reel[d] != 0) {
                        next[c + d] = next[c + d].add(byCount[c].multiply(BigInteger.valueOf(reel[d])));
                    }
                }
            }
            byCount = next;
        }
        return byCount;
    }

    private void addTo(SpinMoments m, Fraction chance, long multiplier, boolean awardsFreeGames) {
        int n = maxScatter + 1;
        BigInteger[] count = product(-1, 0, -1, 0);
        BigInteger[] a = zeros(n);
        BigInteger[] a2 = zeros(n);
        for (int i = 0; i < symbols; i++) {
            for (int k = 1; k <= reelCount; k++) {
                long pik = game.ways.pay(i, k);
                if (pik == 0) {
                    continue;
                }
                addScaled(a, product(i, k, -1, 0), pik);
                for (int j = 0; j < symbols; j++) {
                    for (int l = 1; l <= reelCount; l++) {
                        long pjl = game.ways.pay(j, l);
                        if (pjl != 0) {
                            addScaled(a2, product(i, k, j, l), pik * pjl);
                        }
                    }
                }
            }
        }
        BigInteger[] silent = silentByCount();
        Scatter scatter = model.scatters().isEmpty() ? null : model.scatters().get(0);
        long lines = model.lines();
        BigInteger t = BigInteger.ZERO;
        BigInteger t2 = BigInteger.ZERO;
        BigInteger tn = BigInteger.ZERO;
        BigInteger nSum = BigInteger.ZERO;
        BigInteger nn1 = BigInteger.ZERO;
        BigInteger line = BigInteger.ZERO;
        BigInteger scatterSum = BigInteger.ZERO;
        BigInteger triggered = BigInteger.ZERO;
        BigInteger mult = BigInteger.valueOf(multiplier);
        Map<Long, BigInteger> silentByAward = new TreeMap<>();
        Map<Long, BigInteger> byAward = new TreeMap<>();
        Map<Integer, BigInteger> scatterCounts = new TreeMap<>();
        for (int c = 0; c < n; c++) {
            BigInteger sp = BigInteger.valueOf(scatter == null ? 0 : scatter.pay(c) * lines);
            long awarded = awardsFreeGames && model.freeGames() != null ? model.freeGames().spins(c) : 0;
            BigInteger nc = BigInteger.valueOf(awarded);
            BigInteger tc = mult.multiply(a[c].add(sp.multiply(count[c])));
            t = t.add(tc);
            t2 = t2.add(mult.pow(2).multiply(a2[c].add(sp.multiply(a[c]).shiftLeft(1)).add(sp.pow(2).multiply(count[c]))));
            tn = tn.add(tc.multiply(nc));
            nSum = nSum.add(nc.multiply(count[c]));
            nn1 = nn1.add(BigInteger.valueOf(awarded * (awarded - 1)).multiply(count[c]));
            line = line.add(mult.multiply(a[c]));
            scatterSum = scatterSum.add(mult.multiply(sp).multiply(count[c]));
            if (awarded > 0) {
                triggered = triggered.add(count[c]);
            }
            if (sp.signum() == 0) {
                silentByAward.merge(awarded, silent[c], BigInteger::add);
            }
            byAward.merge(awarded, count[c], BigInteger::add);
            if (scatter != null && count[c].signum() > 0) {
                scatterCounts.merge(c, count[c], BigInteger::add);
            }
        }
        m.t = m.t.add(chance.multiply(of(t)));
        m.t2 = m.t2.add(chance.multiply(of(t2)));
        m.tn = m.tn.add(chance.multiply(of(tn)));
        m.n = m.n.add(chance.multiply(of(nSum)));
        m.nn1 = m.nn1.add(chance.multiply(of(nn1)));
        m.line = m.line.add(chance.multiply(of(line)));
        m.scatter = m.scatter.add(chance.multiply(of(scatterSum)));
        m.freeTriggered = m.freeTriggered.add(chance.multiply(of(triggered)));
        silentByAward.forEach((k, w) -> m.silentByAward.merge(k, chance.multiply(of(w)), Fraction::add));
        byAward.forEach((k, w) -> m.noBonusByAward.merge(k, chance.multiply(of(w)), Fraction::add));
        if (scatter != null) {
            while (m.scatterCounts.isEmpty()) {
                m.scatterCounts.add(new TreeMap<>());
            }
            scatterCounts.forEach((c, w) -> m.scatterCounts.get(0).merge(c, chance.multiply(of(w)), Fraction::add));
        }
    }

    /**
     * Weight of the spins whose ways win nothing, by scatter count: counted over (symbols whose run is still
     * alive, scatter count); a run that ends at a length that pays, or runs the whole way and pays, is dropped.
     */
    private BigInteger[] silentByCount() {
        Map<Long, BigInteger> states = new HashMap<>();
        long all = symbols == 64 ? -1L : (1L << symbols) - 1;
        states.put(state(all, 0), BigInteger.ONE);
        for (int r = 0; r < reelCount; r++) {
            Map<Long, Long> merged = new HashMap<>();
            for (Map.Entry<IntArrayKey, Long> e : columns[r].entrySet()) {
                int[] key = e.getKey().values();
                long present = 0;
                for (int i = 0; i < symbols; i++) {
                    if (key[i] > 0) {
                        present |= 1L << i;
                    }
                }
                merged.merge(state(present, key[symbols]), e.getValue(), Long::sum);
            }
            Map<Long, BigInteger> next = new HashMap<>();
            for (Map.Entry<Long, BigInteger> s : states.entrySet()) {
                long alive = s.getKey() >>> 8;
                int c = (int) (s.getKey() & 0xFF);
                for (Map.Entry<Long, Long> col : merged.entrySet()) {
                    long present = col.getKey() >>> 8;
                    int d = (int) (col.getKey() & 0xFF);
                    long ended = alive & ~present;
                    if (paysAny(ended, r)) {
                        continue;
                    }
                    next.merge(state(alive & present, c + d), s.getValue().multiply(BigInteger.valueOf(col.getValue())),
                            BigInteger::add);
                }
            }
            states = next;
        }
        BigInteger[] byCount = zeros(maxScatter + 1);
        for (Map.Entry<Long, BigInteger> s : states.entrySet()) {
            if (!paysAny(s.getKey() >>> 8, reelCount)) {
                int c = (int) (s.getKey() & 0xFF);
                byCount[c] = byCount[c].add(s.getValue());
            }
        }
        return byCount;
    }

    /** Whether any symbol in {@code set} pays for a run of exactly {@code length} reels. */
    private boolean paysAny(long set, int length) {
        for (int i = 0; i < symbols; i++) {
            if ((set >>> i & 1) != 0 && game.ways.pay(i, length) != 0) {
                return true;
            }
        }
        return false;
    }

    private static long state(long alive, int count) {
        return alive << 8 | count;
    }

    private static BigInteger[] zeros(int n) {
        BigInteger[] z = new BigInteger[n];
        java.util.Arrays.fill(z, BigInteger.ZERO);
        return z;
    }

    private static void addScaled(BigInteger[] into, BigInteger[] values, long scale) {
        BigInteger s = BigInteger.valueOf(scale);
        for (int c = 0; c < into.length; c++) {
            into[c] = into[c].add(values[c].multiply(s));
        }
    }

    private static Fraction of(BigInteger value) {
        return Fraction.of(value, BigInteger.ONE);
    }
}
