package io.fairspin.math.slot.jackpots;

import com.fasterxml.jackson.databind.JsonNode;
import io.fairspin.math.Fraction;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A brute force of a line slot with jackpots written apart from the engine ({@link SlotJackpotTest#MINI},
 * examples/jackpot-treasure.json): symbols by name, every stop combination of the base and free reels visited,
 * each line read by the rules of docs/model-format.md as plain loops (the highest pay wins, the wild standing for
 * every symbol but the scatters), the pick bonus's award enumerated prize sequence by prize sequence, and, when
 * free games do not retrigger, the round's whole win distribution built by convolution (a round is the base spin,
 * its bonus rounds and its free spins with theirs). Jackpots pay their amount or seed in total bets (x lines in
 * line bets); their return and wins per round follow by linearity of expectation, with retriggers through the
 * expected free games per round: the free games awarded by the base spin, then those they award, and so on
 * (the geometric series E[N] (1 + E[M] + E[M]^2 + ...) = E[N] / (1 - E[M])).
 */
final class NaiveJackpotSlot {
    private final JsonNode model;
    private final int lines;
    private final List<String> jackpots = new ArrayList<>();
    private final long[] amounts;
    /** Per spin kind (0 base, 1 free): sums over every stop combination, then divided by the count. */
    private final Spin[] spins = {new Spin(), new Spin()};
    private final Map<Long, Fraction> bonus = new TreeMap<>();
    /** Per jackpot, its expected amount and count in one bonus round. */
    private final Fraction[] bonusJackpot;
    private final Fraction[] bonusJackpotCount;

    /** Sums over one kind of spin's stop combinations. */
    private static final class Spin {
        long combinations;
        /** Stop combinations by (win without the bonus rounds, bonus rounds, free games awarded). */
        final Map<List<Long>, Long> outcomes = new HashMap<>();
        long[] jackpot;
        long[] jackpotCount;
        long[] lineWin = new long[1];
        long[] scatterWin = new long[1];
        long bonuses;
        long freeGames;
    }

    NaiveJackpotSlot(JsonNode model) {
        this.model = model;
        this.lines = model.get("bet").get("lines").asInt();
        model.get("jackpots").forEach(j -> jackpots.add(j.get("name").asText()));
        amounts = new long[jackpots.size()];
        for (int j = 0; j < amounts.length; j++) {
            JsonNode node = model.get("jackpots").get(j);
            amounts[j] = node.has("amount") ? node.get("amount").asLong() : node.get("seed").asLong();
        }
        bonusJackpot = new Fraction[amounts.length];
        bonusJackpotCount = new Fraction[amounts.length];
        bonusRound();
        String base = model.get("baseReels").asText();
        String free = model.get("freeGames").get("reels").asText();
        enumerate(spins[0], base);
        if (free.equals(base) && retrigger()) {
            spins[1] = spins[0]; // the same reels, and a free game awards free games as a base spin does
        } else {
            enumerate(spins[1], free);
        }
    }

    /** A pay entry's value in line bets and the jackpot it names (or -1). */
    private long[] value(JsonNode entry) {
        if (entry.isTextual()) {
            int j = jackpots.indexOf(entry.asText());
            return new long[] {amounts[j] * lines, j};
        }
        return new long[] {entry.asLong(), -1};
    }

    /**
     * The pick bonus: every way one item can be filled (its number of prizes, then each prize) enumerated, and the
     * award of {@code picks} items the sum of that many independent items.
     */
    private void bonusRound() {
        JsonNode b = model.get("bonus");
        JsonNode counts = b.get("prizesPerItem");
        JsonNode prizes = b.get("prizes");
        long countTotal = total(counts.get("weights"));
        long prizeTotal = total(prizes.get("weights"));
        Map<Long, Fraction> item = new TreeMap<>();
        Fraction[] itemJackpots = new Fraction[amounts.length];
        java.util.Arrays.fill(itemJackpots, Fraction.ZERO);
        for (int c = 0; c < counts.get("values").size(); c++) {
            Fraction pc = Fraction.of(counts.get("weights").get(c).asLong(), countTotal);
            int[] sequence = new int[counts.get("values").get(c).asInt()];
            do {
                Fraction p = pc;
                long award = 0;
                int[] jackpotPrizes = new int[amounts.length];
                for (int k : sequence) {
                    p = p.multiply(Fraction.of(prizes.get("weights").get(k).asLong(), prizeTotal));
                    long[] v = value(prizes.get("values").get(k));
                    award += v[0];
                    if (v[1] >= 0) {
                        jackpotPrizes[(int) v[1]]++;
                    }
                }
                item.merge(award, p, Fraction::add);
                for (int j = 0; j < amounts.length; j++) {
                    itemJackpots[j] = itemJackpots[j].add(p.multiply(jackpotPrizes[j]));
                }
            } while (next(sequence, bases(sequence.length, prizes.get("values").size())));
        }
        int picks = b.get("picks").asInt();
        bonus.putAll(power(item, picks));
        for (int j = 0; j < amounts.length; j++) {
            bonusJackpotCount[j] = itemJackpots[j].multiply(picks);
            bonusJackpot[j] = bonusJackpotCount[j].multiply(amounts[j] * lines);
        }
    }

    private static long total(JsonNode weights) {
        long total = 0;
        for (JsonNode w : weights) {
            total += w.asLong();
        }
        return total;
    }

    private static int[] bases(int length, int base) {
        int[] bases = new int[length];
        java.util.Arrays.fill(bases, base);
        return bases;
    }

    /** Advances {@code digits} as a counter, digit i below {@code bases[i]}, first digit fastest; false once it wraps. */
    private static boolean next(int[] digits, int[] bases) {
        int i = 0;
        while (i < digits.length && ++digits[i] == bases[i]) {
            digits[i++] = 0;
        }
        return i < digits.length;
    }

    private void enumerate(Spin spin, String set) {
        List<String> symbols = new ArrayList<>();
        model.get("symbols").forEach(s -> symbols.add(s.asText()));
        JsonNode reelSet = model.get("reelSets").get(set);
        int reels = reelSet.size();
        int rows = model.get("rows").asInt();
        int[][] strips = new int[reels][];
        int[] lengths = new int[reels];
        for (int r = 0; r < reels; r++) {
            lengths[r] = reelSet.get(r).size();
            strips[r] = new int[lengths[r]];
            for (int i = 0; i < lengths[r]; i++) {
                strips[r][i] = symbols.indexOf(reelSet.get(r).get(i).asText());
            }
        }
        int[][] paylines = new int[model.get("paylines").size()][reels];
        for (int l = 0; l < paylines.length; l++) {
            for (int r = 0; r < reels; r++) {
                paylines[l][r] = model.get("paylines").get(l).get(r).asInt();
            }
        }
        spin.jackpot = new long[amounts.length];
        spin.jackpotCount = new long[amounts.length];
        // each line's best pay, by the line's symbols read as a number in base (number of symbols)
        long[][] lineWins = new long[(int) Math.pow(symbols.size(), reels)][];
        int scatter = symbols.indexOf(model.get("scatters").get(0).get("symbol").asText());
        int bonusSymbol = symbols.indexOf(model.get("bonus").get("symbol").asText());
        int wild = symbols.indexOf("wild");
        int bonusCount = model.get("bonus").get("count").asInt();
        int[] stops = new int[reels];
        do {
            int[][] window = new int[rows][reels];
            for (int r = 0; r < reels; r++) {
                for (int row = 0; row < rows; row++) {
                    window[row][r] = strips[r][(stops[r] + row) % lengths[r]];
                }
            }
            long win = 0;
            long bonuses = 0;
            for (int[] payline : paylines) {
                int[] line = new int[reels];
                int code = 0;
                for (int r = reels - 1; r >= 0; r--) {
                    line[r] = window[payline[r]][r];
                    code = code * symbols.size() + line[r];
                }
                if (lineWins[code] == null) {
                    List<String> names = new ArrayList<>();
                    for (int r = 0; r < reels; r++) {
                        names.add(symbols.get(line[r]));
                    }
                    lineWins[code] = bestPay(names);
                }
                long[] best = lineWins[code];
                win += best[0];
                spin.lineWin[0] += best[1] < 0 ? best[0] : 0;
                if (best[1] >= 0) {
                    spin.jackpot[(int) best[1]] += best[0];
                    spin.jackpotCount[(int) best[1]]++;
                }
                boolean chests = true;
                for (int r = 0; r < bonusCount; r++) {
                    chests &= line[r] == bonusSymbol || line[r] == wild;
                }
                bonuses += chests ? 1 : 0;
            }
            int stars = 0;
            for (int r = 0; r < reels; r++) {
                boolean star = false;
                for (int row = 0; row < rows; row++) {
                    star |= window[row][r] == scatter;
                }
                stars += star ? 1 : 0;
            }
            JsonNode scatterPays = model.get("scatters").get(0).get("pays");
            if (stars > 0) {
                long[] v = value(scatterPays.get(Math.min(stars, scatterPays.size()) - 1));
                // a scatter pay is in total bets: x lines in line bets (a jackpot's value already is)
                long credits = v[1] >= 0 ? v[0] : v[0] * lines;
                win += credits;
                if (v[1] >= 0) {
                    spin.jackpot[(int) v[1]] += credits;
                    spin.jackpotCount[(int) v[1]]++;
                } else {
                    spin.scatterWin[0] += credits;
                }
            }
            if (model.has("maxWin")) {
                win = Math.min(win, model.get("maxWin").asLong() * lines);
            }
            JsonNode spins = model.get("freeGames").get("spins");
            boolean awards = stars > 0 && (spin == this.spins[0] || retrigger());
            long free = awards ? spins.get(Math.min(stars, spins.size()) - 1).asLong() : 0;
            spin.outcomes.merge(List.of(win, bonuses, free), 1L, Long::sum);
            spin.bonuses += bonuses;
            spin.freeGames += free;
            spin.combinations++;
        } while (next(stops, lengths));
    }

    private boolean retrigger() {
        return model.get("freeGames").path("retrigger").asBoolean(true);
    }

    /** The highest pay of a line and the jackpot it is (-1 for none). */
    private long[] bestPay(List<String> line) {
        long[] best = {0, -1};
        for (JsonNode pay : model.get("pays")) {
            String symbol = pay.get("symbol").asText();
            for (int k = 1; k <= pay.get("pays").size(); k++) {
                boolean match = true;
                for (int i = 0; i < k; i++) {
                    boolean wildStands = line.get(i).equals("wild") && !isScatter(symbol);
                    match &= line.get(i).equals(symbol) || wildStands;
                }
                long[] v = value(pay.get("pays").get(k - 1));
                if (match && v[0] > best[0]) {
                    best = v;
                }
            }
        }
        return best;
    }

    private boolean isScatter(String symbol) {
        for (JsonNode s : model.get("scatters")) {
            if (s.get("symbol").asText().equals(symbol)) {
                return true;
            }
        }
        return false;
    }

    private static Map<Long, Fraction> convolve(Map<Long, Fraction> a, Map<Long, Fraction> b) {
        Map<Long, Fraction> result = new TreeMap<>();
        a.forEach((x, p) -> b.forEach((y, q) -> result.merge(x + y, p.multiply(q), Fraction::add)));
        return result;
    }

    private Map<Long, Fraction> power(Map<Long, Fraction> d, long n) {
        Map<Long, Fraction> result = Map.of(0L, Fraction.ONE);
        for (long i = 0; i < n; i++) {
            result = convolve(result, d);
        }
        return result;
    }

    /** The distribution of one kind of spin's win, its bonus rounds included; free games awarded keyed apart. */
    private Map<Long, Fraction> spinWins(Spin spin, Map<Long, Map<Long, Fraction>> freeAwarded) {
        Map<Long, Fraction> wins = new TreeMap<>();
        spin.outcomes.forEach((o, count) -> {
            Map<Long, Fraction> d = convolve(Map.of(o.get(0), Fraction.of(count, spin.combinations)), power(bonus, o.get(1)));
            if (freeAwarded == null) {
                d.forEach((w, p) -> wins.merge(w, p, Fraction::add));
            } else {
                Map<Long, Fraction> byFree = freeAwarded.computeIfAbsent(o.get(2), k -> new TreeMap<>());
                d.forEach((w, p) -> byFree.merge(w, p, Fraction::add));
            }
        });
        return wins;
    }

    /** The round's win distribution in line bets, for free games that do not retrigger (else it has no end). */
    Map<Long, Fraction> roundWins() {
        if (spins[1].freeGames > 0) {
            throw new IllegalStateException("free games retrigger: no finite round win distribution");
        }
        Map<Long, Fraction> free = spinWins(spins[1], null);
        Map<Long, Map<Long, Fraction>> base = new TreeMap<>();
        spinWins(spins[0], base);
        Map<Long, Fraction> round = new TreeMap<>();
        base.forEach((n, d) -> convolve(d, power(free, n)).forEach((w, p) -> round.merge(w, p, Fraction::add)));
        return round;
    }

    /**
     * The largest round win in line bets: the largest over base outcomes of its win, plus its bonus rounds at the
     * largest bonus award, plus its free games each at the largest free game (its win and bonus rounds).
     */
    long maxRoundWin() {
        long bonusMax = bonus.keySet().stream().mapToLong(Long::longValue).max().orElseThrow();
        long freeMax = spins[1].outcomes.keySet().stream().mapToLong(o -> o.get(0) + o.get(1) * bonusMax).max().orElseThrow();
        return spins[0].outcomes.keySet().stream().mapToLong(o -> o.get(0) + o.get(1) * bonusMax + o.get(2) * freeMax)
                .max().orElseThrow();
    }

    /** The largest spin win (lines and scatter, after the cap) of the base and free reels. */
    long maxSpinWin() {
        return java.util.Arrays.stream(spins).flatMap(s -> s.outcomes.keySet().stream()).mapToLong(o -> o.get(0)).max()
                .orElseThrow();
    }

    /** E[free games per round]: E[N] / (1 - E[M]), N the free games a base spin awards, M those a free game does. */
    Fraction freeGamesPerRound() {
        Fraction retriggered = Fraction.of(spins[1].freeGames, spins[1].combinations);
        return Fraction.of(spins[0].freeGames, spins[0].combinations).divide(Fraction.ONE.subtract(retriggered));
    }

    private Fraction perSpin(Spin spin, long sum) {
        return Fraction.of(sum, spin.combinations);
    }

    /** Per jackpot, its expected credits per round (line bets). */
    Fraction jackpotCredits(int j) {
        Fraction base = perSpin(spins[0], spins[0].jackpot[j]).add(perSpin(spins[0], spins[0].bonuses).multiply(bonusJackpot[j]));
        Fraction free = perSpin(spins[1], spins[1].jackpot[j]).add(perSpin(spins[1], spins[1].bonuses).multiply(bonusJackpot[j]));
        return base.add(freeGamesPerRound().multiply(free));
    }

    /** Per jackpot, its expected wins per round. */
    Fraction jackpotWins(int j) {
        Fraction base = perSpin(spins[0], spins[0].jackpotCount[j]).add(perSpin(spins[0], spins[0].bonuses).multiply(bonusJackpotCount[j]));
        Fraction free = perSpin(spins[1], spins[1].jackpotCount[j]).add(perSpin(spins[1], spins[1].bonuses).multiply(bonusJackpotCount[j]));
        return base.add(freeGamesPerRound().multiply(free));
    }

    /** Expected credits per round of the base game's line wins that are not jackpots. */
    Fraction baseLine() {
        return perSpin(spins[0], spins[0].lineWin[0]);
    }

    /** Expected credits per round of the base game's scatter wins that are not jackpots. */
    Fraction baseScatter() {
        return perSpin(spins[0], spins[0].scatterWin[0]);
    }

    /** Expected credits per round of the base game's bonus prizes that are not jackpots. */
    Fraction baseBonus() {
        return perSpin(spins[0], spins[0].bonuses).multiply(bonusMean().subtract(sum(bonusJackpot)));
    }

    /** Expected credits per round of the free games, jackpots apart. */
    Fraction freeGames() {
        Spin f = spins[1];
        Fraction spin = perSpin(f, f.lineWin[0] + f.scatterWin[0])
                .add(perSpin(f, f.bonuses).multiply(bonusMean().subtract(sum(bonusJackpot))));
        return freeGamesPerRound().multiply(spin);
    }

    private Fraction bonusMean() {
        Fraction m = Fraction.ZERO;
        for (Map.Entry<Long, Fraction> e : bonus.entrySet()) {
            m = m.add(e.getValue().multiply(e.getKey()));
        }
        return m;
    }

    private static Fraction sum(Fraction[] values) {
        Fraction s = Fraction.ZERO;
        for (Fraction v : values) {
            s = s.add(v);
        }
        return s;
    }
}
