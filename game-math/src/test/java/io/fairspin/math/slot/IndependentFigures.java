package io.fairspin.math.slot;

import com.fasterxml.jackson.databind.JsonNode;
import io.fairspin.math.Fraction;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A round's figures computed without the analysis's algebra: the base spin's brute-force distribution,
 * bonus awards by enumerating every hidden prize sequence and convolving, free games by following the
 * queue of free games spin by spin until the remaining probability is negligible (no closed form).
 * Exact (fractions) for games without free games; doubles with free games.
 */
final class IndependentFigures {
    double rtp;
    double hitFrequency;
    double variance;
    final List<Double> rtpByWinType = new ArrayList<>();
    final List<Double> featureFrequencies = new ArrayList<>();
    /** Exact values, for games without free games. */
    Fraction exactRtp;
    Fraction exactHitFrequency;
    Fraction exactVariance;
    final List<Fraction> exactByWinType = new ArrayList<>();
    final List<Fraction> exactFeatureFrequencies = new ArrayList<>();

    /** One base-game outcome as read from a brute-force key. */
    private record Outcome(int[] scatters, long a, long b, long weight) {
        static Outcome parse(String key, long weight) {
            String[] parts = key.split("\\|", -1);
            String[] counts = parts[0].isEmpty() ? new String[0] : parts[0].split(",");
            int[] scatters = new int[counts.length];
            for (int i = 0; i < counts.length; i++) {
                scatters[i] = Integer.parseInt(counts[i]);
            }
            return new Outcome(scatters, Long.parseLong(parts[1]), Long.parseLong(parts[2]), weight);
        }
    }

    /** The figures from brute-force distributions. */
    static IndependentFigures of(NaiveSlot slot) {
        return of(slot, set -> BruteForce.distribution(slot, set));
    }

    /** The figures from the given spin distributions of each reel set (by name). */
    static IndependentFigures of(NaiveSlot slot, java.util.function.Function<String, Map<String, Long>> distributions) {
        IndependentFigures f = new IndependentFigures();
        JsonNode model = slot.model;
        String base = model.get("baseReels").asText();
        Map<String, Long> distribution = distributions.apply(base);
        long cycle = distribution.values().stream().mapToLong(Long::longValue).sum();
        if (model.has("freeGames")) {
            f.withFreeGames(slot, distribution, cycle, distributions.apply(model.get("freeGames").get("reels").asText()));
        } else {
            f.exact(slot, distribution, cycle);
        }
        return f;
    }

    private static long scatterCredits(NaiveSlot slot, int[] counts) {
        long sp = 0;
        for (int i = 0; i < counts.length; i++) {
            sp += slot.scatterPay(i, counts[i]) * slot.lines;
        }
        return sp;
    }

    private static long cap(NaiveSlot slot) {
        return slot.model.path("maxWin").asLong(0) * slot.lines;
    }

    private void exact(NaiveSlot slot, Map<String, Long> distribution, long cycle) {
        Map<Long, Fraction> award = slot.model.has("bonus") ? bonusAward(slot, slot.model.get("bonus")) : Map.of(0L, Fraction.ONE);
        Fraction mean = Fraction.ZERO;
        Fraction square = Fraction.ZERO;
        Fraction silent = Fraction.ZERO;
        Fraction line = Fraction.ZERO;
        Fraction scatter = Fraction.ZERO;
        Fraction bonus = Fraction.ZERO;
        Fraction bonusFrequency = Fraction.ZERO;
        long cap = cap(slot);
        Map<Long, Map<Long, Fraction>> byCount = new TreeMap<>();
        for (Map.Entry<String, Long> e : distribution.entrySet()) {
            Outcome o = Outcome.parse(e.getKey(), e.getValue());
            Fraction p = Fraction.of(o.weight(), cycle);
            long sp = scatterCredits(slot, o.scatters());
            long raw = o.a() + sp;
            long cut = cap > 0 && raw > cap ? raw - cap : 0;
            long t = raw - cut;
            line = line.add(p.multiply(o.a() - Math.min(cut, o.a())));
            scatter = scatter.add(p.multiply(sp - (cut - Math.min(cut, o.a()))));
            Map<Long, Fraction> bonuses = byCount.computeIfAbsent(o.b(), b -> bonuses(award, b));
            if (o.b() > 0) {
                bonusFrequency = bonusFrequency.add(p);
            }
            for (Map.Entry<Long, Fraction> y : bonuses.entrySet()) {
                Fraction q = p.multiply(y.getValue());
                long r = t + y.getKey();
                mean = mean.add(q.multiply(r));
                square = square.add(q.multiply(r).multiply(r));
                bonus = bonus.add(q.multiply(y.getKey()));
                if (r == 0) {
                    silent = silent.add(q);
                }
            }
        }
        int lines = slot.lines;
        exactRtp = mean.divide(lines);
        exactHitFrequency = Fraction.ONE.subtract(silent);
        exactVariance = square.divide((long) lines * lines).subtract(exactRtp.multiply(exactRtp));
        exactByWinType.add(line.divide(lines));
        if (slot.model.path("scatters").size() > 0) {
            exactByWinType.add(scatter.divide(lines));
        }
        if (slot.model.has("bonus")) {
            exactByWinType.add(bonus.divide(lines));
            exactFeatureFrequencies.add(bonusFrequency);
        }
        rtp = exactRtp.doubleValue();
        hitFrequency = exactHitFrequency.doubleValue();
        variance = exactVariance.doubleValue();
    }

    /**
     * One bonus round's award: for each number of picks with its chance (a fixed {@code picks}, or a
     * {@code {"values", "weights"}} table), every sequence of hidden prizes of the picked items enumerated and
     * summed. The standard play picks the first items; the items are filled independently, so the items left
     * unpicked do not change the award's chances.
     */
    static Map<Long, Fraction> bonusAward(NaiveSlot slot, JsonNode bonus) {
        List<Map.Entry<Long, Fraction>> fills = itemFills(slot, bonus);
        Map<Long, Fraction> award = new TreeMap<>();
        pickCounts(bonus.get("picks")).forEach((picks, chance) -> {
            int[] index = new int[picks];
            do {
                long sum = 0;
                Fraction p = chance;
                for (int i : index) {
                    sum += fills.get(i).getKey();
                    p = p.multiply(fills.get(i).getValue());
                }
                award.merge(sum, p, Fraction::add);
            } while (next(index, fills.size()));
        });
        return award;
    }

    /** The number of picks with its chance: a fixed count, or each value of a weighted table. */
    private static Map<Integer, Fraction> pickCounts(JsonNode picks) {
        if (picks.isInt()) {
            return Map.of(picks.asInt(), Fraction.ONE);
        }
        Map<Integer, Fraction> counts = new TreeMap<>();
        long total = 0;
        for (JsonNode w : picks.get("weights")) {
            total += w.asLong();
        }
        for (int i = 0; i < picks.get("values").size(); i++) {
            counts.merge(picks.get("values").get(i).asInt(), Fraction.of(picks.get("weights").get(i).asLong(), total),
                    Fraction::add);
        }
        return counts;
    }

    /** Every way one item can be filled (its number of prizes, then each prize), with its total and chance. */
    private static List<Map.Entry<Long, Fraction>> itemFills(NaiveSlot slot, JsonNode bonus) {
        JsonNode counts = bonus.get("prizesPerItem");
        JsonNode prizes = bonus.get("prizes");
        long countTotal = 0;
        for (JsonNode w : counts.get("weights")) {
            countTotal += w.asLong();
        }
        long prizeTotal = 0;
        for (JsonNode w : prizes.get("weights")) {
            prizeTotal += w.asLong();
        }
        List<Map.Entry<Long, Fraction>> fills = new ArrayList<>();
        for (int c = 0; c < counts.get("values").size(); c++) {
            Fraction pc = Fraction.of(counts.get("weights").get(c).asLong(), countTotal);
            int[] index = new int[counts.get("values").get(c).asInt()];
            do {
                long sum = 0;
                Fraction p = pc;
                for (int i : index) {
                    sum += slot.value(prizes.get("values").get(i), slot.lines);
                    p = p.multiply(Fraction.of(prizes.get("weights").get(i).asLong(), prizeTotal));
                }
                fills.add(Map.entry(sum, p));
            } while (next(index, prizes.get("values").size()));
        }
        return fills;
    }

    /** Advances {@code index} as a counter with digits below {@code base}; false once it has wrapped to zeros. */
    private static boolean next(int[] index, int base) {
        int i = 0;
        while (i < index.length && ++index[i] == base) {
            index[i++] = 0;
        }
        return i < index.length;
    }

    private static Map<Long, Fraction> convolve(Map<Long, Fraction> a, Map<Long, Fraction> b) {
        Map<Long, Fraction> result = new TreeMap<>();
        a.forEach((x, p) -> b.forEach((y, q) -> result.merge(x + y, p.multiply(q), Fraction::add)));
        return result;
    }

    /** Free games without bonuses: each free game's (X, M) from brute force, then the queue followed. */
    /** The award of {@code count} bonus rounds: the one-round award convolved {@code count} times. */
    private static Map<Long, Fraction> bonuses(Map<Long, Fraction> award, long count) {
        Map<Long, Fraction> total = Map.of(0L, Fraction.ONE);
        for (long i = 0; i < count; i++) {
            total = convolve(total, award);
        }
        return total;
    }

    /** Free games, and bonus rounds in the base game and in free games (their award is not multiplied). */
    private void withFreeGames(NaiveSlot slot, Map<String, Long> distribution, long cycle,
            Map<String, Long> freeDistribution) {
        JsonNode free = slot.model.get("freeGames");
        Map<Long, Fraction> award = slot.model.has("bonus") ? bonusAward(slot, slot.model.get("bonus")) : Map.of(0L, Fraction.ONE);
        int trigger = 0;
        for (int i = 0; i < slot.model.get("scatters").size(); i++) {
            if (slot.model.get("scatters").get(i).get("symbol").asText().equals(free.get("scatter").asText())) {
                trigger = i;
            }
        }
        long multiplier = free.path("multiplier").asLong(1);
        boolean retrigger = free.path("retrigger").asBoolean(true);
        long freeCycle = freeDistribution.values().stream().mapToLong(Long::longValue).sum();
        long cap = cap(slot);
        // Per number of free games awarded m: P(m), E[X; m], E[X^2; m], P(X = 0; m), P(no bonus; m).
        Map<Long, double[]> byAward = new TreeMap<>();
        for (Map.Entry<String, Long> e : freeDistribution.entrySet()) {
            Outcome o = Outcome.parse(e.getKey(), e.getValue());
            long raw = multiplier * (o.a() + scatterCredits(slot, o.scatters()));
            long t = cap > 0 && raw > cap ? cap : raw;
            long m = retrigger ? spinsFor(free, o.scatters()[trigger]) : 0;
            double q = (double) o.weight() / freeCycle;
            double[] sums = byAward.computeIfAbsent(m, k -> new double[5]);
            sums[4] += o.b() == 0 ? q : 0;
            for (Map.Entry<Long, Fraction> y : bonuses(award, o.b()).entrySet()) {
                double qy = q * y.getValue().doubleValue();
                double x = t + y.getKey();
                sums[0] += qy;
                sums[1] += qy * x;
                sums[2] += qy * x * x;
                sums[3] += x == 0 ? qy : 0;
            }
        }
        List<double[]> spins = new ArrayList<>();
        byAward.forEach((m, sums) -> spins.add(new double[] {m, sums[0], sums[1], sums[2], sums[3], sums[4]}));
        Map<Long, double[]> features = new TreeMap<>();
        double mean = 0;
        double square = 0;
        double silent = 0;
        double line = 0;
        double scatter = 0;
        double freeWin = 0;
        double bonusWin = 0;
        double triggered = 0;
        double noBonus = 0;
        for (Map.Entry<String, Long> e : distribution.entrySet()) {
            Outcome o = Outcome.parse(e.getKey(), e.getValue());
            double p = (double) o.weight() / cycle;
            long sp = scatterCredits(slot, o.scatters());
            long raw = o.a() + sp;
            long cut = cap > 0 && raw > cap ? raw - cap : 0;
            long t = raw - cut;
            line += p * (o.a() - Math.min(cut, o.a()));
            scatter += p * (sp - (cut - Math.min(cut, o.a())));
            long n = spinsFor(free, o.scatters()[trigger]);
            double[] feature = n == 0 ? new double[] {0, 0, 1, 1} : features.computeIfAbsent(n, k -> queue(spins, k));
            if (n > 0) {
                triggered += p;
            }
            noBonus += o.b() == 0 ? p * feature[3] : 0;
            for (Map.Entry<Long, Fraction> y : bonuses(award, o.b()).entrySet()) {
                double py = p * y.getValue().doubleValue();
                double base = t + y.getKey();
                mean += py * (base + feature[0]);
                square += py * (base * base + 2 * base * feature[0] + feature[1]);
                freeWin += py * feature[0];
                bonusWin += py * y.getKey();
                silent += base == 0 ? py * feature[2] : 0;
            }
        }
        int lines = slot.lines;
        rtp = mean / lines;
        hitFrequency = 1 - silent;
        variance = square / ((double) lines * lines) - rtp * rtp;
        rtpByWinType.add(line / lines);
        rtpByWinType.add(scatter / lines);
        rtpByWinType.add(freeWin / lines);
        featureFrequencies.add(triggered);
        if (slot.model.has("bonus")) {
            rtpByWinType.add(bonusWin / lines);
            featureFrequencies.add(1 - noBonus);
        }
    }

    private static long spinsFor(JsonNode free, int count) {
        JsonNode spins = free.get("spins");
        return count == 0 ? 0 : spins.get(Math.min(count, spins.size()) - 1).asLong();
    }

    /**
     * E[F], E[F^2], P(F = 0) and P(no bonus) of the free games' total F starting with {@code n} free games: the
     * distribution over "free games still to play" advanced one free game at a time ({@code spins}: per
     * award m, {m, P(m), E[X; m], E[X^2; m], P(X = 0; m), P(no bonus; m)}); also P(no bonus at all).
     */
    private static double[] queue(List<double[]> spins, long n) {
        int limit = 4000;
        double[] p = new double[limit];
        double[] a = new double[limit];
        double[] b = new double[limit];
        double[] z = new double[limit];
        double[] u = new double[limit];
        p[(int) n] = 1;
        z[(int) n] = 1;
        u[(int) n] = 1;
        double mean = 0;
        double square = 0;
        double silent = 0;
        double noBonus = 0;
        for (int step = 0; step < 100_000; step++) {
            double[] p2 = new double[limit];
            double[] a2 = new double[limit];
            double[] b2 = new double[limit];
            double[] z2 = new double[limit];
            double[] u2 = new double[limit];
            double live = 0;
            for (int r = 1; r < limit; r++) {
                if (p[r] == 0) {
                    continue;
                }
                for (double[] s : spins) {
                    int next = (int) Math.min(limit - 1, r - 1 + (long) s[0]);
                    p2[next] += p[r] * s[1];
                    a2[next] += a[r] * s[1] + p[r] * s[2];
                    b2[next] += b[r] * s[1] + 2 * a[r] * s[2] + p[r] * s[3];
                    z2[next] += z[r] * s[4];
                    u2[next] += u[r] * s[5];
                }
            }
            mean += a2[0];
            square += b2[0];
            silent += z2[0];
            noBonus += u2[0];
            p2[0] = 0;
            a2[0] = 0;
            b2[0] = 0;
            z2[0] = 0;
            u2[0] = 0;
            for (double v : p2) {
                live += v;
            }
            p = p2;
            a = a2;
            b = b2;
            z = z2;
            u = u2;
            if (live < 1e-18) {
                break;
            }
        }
        return new double[] {mean, square, silent, noBonus};
    }
}
