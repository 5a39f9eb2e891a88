package io.fairspin.math.slot.jackpots;

import com.fasterxml.jackson.databind.JsonNode;
import io.fairspin.math.Fraction;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A brute force of {@link SlotJackpotTest#MINI} written apart from the engine: symbols by name, every stop
 * combination of the base and free reels visited, each line read by the rules of docs/model-format.md as
 * plain loops (the highest pay wins, the wild standing for every symbol but the scatter), the pick bonus's
 * award enumerated, and the round's whole win distribution built by convolution (free games do not
 * retrigger, so a round is the base spin, its bonus rounds and, on three stars, two free spins with theirs).
 * Jackpots pay their amount or seed in total bets (x lines in line bets); their return and wins per round
 * follow by linearity of expectation.
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
        /** Distribution of (win without the bonus rounds, bonus rounds, free games awarded) as a list. */
        final List<long[]> outcomes = new ArrayList<>();
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
        enumerate(spins[0], "base");
        enumerate(spins[1], "free");
    }

    /** A pay entry's value in line bets and the jackpot it names (or -1). */
    private long[] value(JsonNode entry) {
        if (entry.isTextual()) {
            int j = jackpots.indexOf(entry.asText());
            return new long[] {amounts[j] * lines, j};
        }
        return new long[] {entry.asLong(), -1};
    }

    /** The pick bonus: 1 of 2 items, the picked one hiding 1 or 2 prizes (weights 2, 1), each 3 or mini (5, 1). */
    private void bonusRound() {
        JsonNode b = model.get("bonus");
        long[] counts = {b.get("prizesPerItem").get("values").get(0).asLong(), b.get("prizesPerItem").get("values").get(1).asLong()};
        long[] countWeights = {b.get("prizesPerItem").get("weights").get(0).asLong(), b.get("prizesPerItem").get("weights").get(1).asLong()};
        JsonNode prizes = b.get("prizes");
        long prizeTotal = prizes.get("weights").get(0).asLong() + prizes.get("weights").get(1).asLong();
        java.util.Arrays.fill(bonusJackpot, Fraction.ZERO);
        java.util.Arrays.fill(bonusJackpotCount, Fraction.ZERO);
        for (int c = 0; c < 2; c++) {
            Fraction pc = Fraction.of(countWeights[c], countWeights[0] + countWeights[1]);
            // every sequence of counts[c] prizes
            int n = (int) counts[c];
            for (int mask = 0; mask < (1 << n); mask++) {
                Fraction p = pc;
                long award = 0;
                int[] jackpotPrizes = new int[amounts.length];
                for (int i = 0; i < n; i++) {
                    int k = (mask >> i) & 1;
                    p = p.multiply(Fraction.of(prizes.get("weights").get(k).asLong(), prizeTotal));
                    long[] v = value(prizes.get("values").get(k));
                    award += v[0];
                    if (v[1] >= 0) {
                        jackpotPrizes[(int) v[1]]++;
                    }
                }
                bonus.merge(award, p, Fraction::add);
                for (int j = 0; j < amounts.length; j++) {
                    bonusJackpot[j] = bonusJackpot[j].add(p.multiply(jackpotPrizes[j] * amounts[j] * lines));
                    bonusJackpotCount[j] = bonusJackpotCount[j].add(p.multiply(jackpotPrizes[j]));
                }
            }
        }
    }

    private void enumerate(Spin spin, String set) {
        List<List<String>> strips = new ArrayList<>();
        model.get("reelSets").get(set).forEach(r -> {
            List<String> strip = new ArrayList<>();
            r.forEach(s -> strip.add(s.asText()));
            strips.add(strip);
        });
        int rows = model.get("rows").asInt();
        spin.jackpot = new long[amounts.length];
        spin.jackpotCount = new long[amounts.length];
        for (int a = 0; a < strips.get(0).size(); a++) {
            for (int b = 0; b < strips.get(1).size(); b++) {
                for (int c = 0; c < strips.get(2).size(); c++) {
                    int[] stops = {a, b, c};
                    String[][] window = new String[rows][3];
                    for (int r = 0; r < 3; r++) {
                        for (int row = 0; row < rows; row++) {
                            window[row][r] = strips.get(r).get((stops[r] + row) % strips.get(r).size());
                        }
                    }
                    long win = 0;
                    long bonuses = 0;
                    for (JsonNode payline : model.get("paylines")) {
                        String[] line = new String[3];
                        for (int r = 0; r < 3; r++) {
                            line[r] = window[payline.get(r).asInt()][r];
                        }
                        long[] best = bestPay(line);
                        win += best[0];
                        spin.lineWin[0] += best[1] < 0 ? best[0] : 0;
                        if (best[1] >= 0) {
                            spin.jackpot[(int) best[1]] += best[0];
                            spin.jackpotCount[(int) best[1]]++;
                        }
                        boolean chests = true;
                        for (int r = 0; r < 3; r++) {
                            chests &= line[r].equals("chest") || line[r].equals("wild");
                        }
                        bonuses += chests ? 1 : 0;
                    }
                    int stars = 0;
                    for (int r = 0; r < 3; r++) {
                        boolean star = false;
                        for (int row = 0; row < rows; row++) {
                            star |= window[row][r].equals("star");
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
                    long free = set.equals("free") || stars == 0 ? 0 : spins.get(Math.min(stars, spins.size()) - 1).asLong();
                    spin.outcomes.add(new long[] {win, bonuses, free});
                    spin.bonuses += bonuses;
                    spin.freeGames += free;
                    spin.combinations++;
                }
            }
        }
    }

    /** The highest pay of a line of 3 and the jackpot it is (-1 for none). */
    private long[] bestPay(String[] line) {
        long[] best = {0, -1};
        for (JsonNode pay : model.get("pays")) {
            String symbol = pay.get("symbol").asText();
            for (int k = 1; k <= pay.get("pays").size(); k++) {
                boolean match = true;
                for (int i = 0; i < k; i++) {
                    boolean wildStands = line[i].equals("wild") && !symbol.equals("star");
                    match &= line[i].equals(symbol) || wildStands;
                }
                long[] v = value(pay.get("pays").get(k - 1));
                if (match && v[0] > best[0]) {
                    best = v;
                }
            }
        }
        return best;
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
        Fraction each = Fraction.of(1, spin.combinations);
        for (long[] o : spin.outcomes) {
            Map<Long, Fraction> d = convolve(Map.of(o[0], each), power(bonus, o[1]));
            if (freeAwarded == null) {
                d.forEach((w, p) -> wins.merge(w, p, Fraction::add));
            } else {
                Map<Long, Fraction> byFree = freeAwarded.computeIfAbsent(o[2], k -> new TreeMap<>());
                d.forEach((w, p) -> byFree.merge(w, p, Fraction::add));
            }
        }
        return wins;
    }

    /** The round's win distribution in line bets. */
    Map<Long, Fraction> roundWins() {
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
        long freeMax = spins[1].outcomes.stream().mapToLong(o -> o[0] + o[1] * bonusMax).max().orElseThrow();
        return spins[0].outcomes.stream().mapToLong(o -> o[0] + o[1] * bonusMax + o[2] * freeMax).max().orElseThrow();
    }

    /** The largest spin win (lines and scatter, after the cap) of the base and free reels. */
    long maxSpinWin() {
        return java.util.Arrays.stream(spins).flatMap(s -> s.outcomes.stream()).mapToLong(o -> o[0]).max().orElseThrow();
    }

    /** E[free games per round]. */
    Fraction freeGamesPerRound() {
        return Fraction.of(spins[0].freeGames, spins[0].combinations);
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
