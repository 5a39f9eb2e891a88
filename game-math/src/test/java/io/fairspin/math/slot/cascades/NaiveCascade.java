package io.fairspin.math.slot.cascades;

import com.fasterxml.jackson.databind.JsonNode;
import io.fairspin.math.Fraction;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A brute force of a cascading game written from docs/model-format.md alone, sharing nothing with the
 * engine: the window is a list of columns of symbol names, clusters are found by breadth-first search,
 * ways by counting per reel; winning symbols are deleted from their column lists, the rest fall, and the
 * strip above the stop refills the top. Every stop combination of the base and free reels is played; the
 * round's full win distribution is then built by convolution (free games without retriggers: a round is
 * its base spin plus N independent free spins), and the figures are read off the distribution.
 */
final class NaiveCascade {
    private final JsonNode model;
    private final int rows;
    private final boolean clusters;
    private final String wild;
    private final String scatter;

    NaiveCascade(JsonNode model) {
        this.model = model;
        this.rows = model.get("rows").asInt();
        this.clusters = model.get("cascade").get("evaluation").asText().equals("clusters");
        this.wild = model.has("wilds") ? model.get("wilds").get(0).get("symbol").asText() : null;
        this.scatter = model.has("scatters") ? model.get("scatters").get(0).get("symbol").asText() : null;
    }

    private static long at(JsonNode list, int n) {
        return n == 0 ? 0 : list.get(Math.min(n, list.size()) - 1).asLong();
    }

    /** Plays one spin from the given stops: {win in line bets with scatter pay, scatter count}. */
    long[] spin(String set, int[] stops, JsonNode multipliers) {
        JsonNode strips = model.get("reelSets").get(set);
        List<List<String>> columns = new ArrayList<>();
        int[] top = new int[strips.size()];
        for (int r = 0; r < strips.size(); r++) {
            List<String> column = new ArrayList<>();
            for (int j = 0; j < rows; j++) {
                column.add(strips.get(r).get((stops[r] + j) % strips.get(r).size()).asText());
            }
            columns.add(column);
            top[r] = stops[r];
        }
        long total = 0;
        for (int step = 0; ; step++) {
            boolean[][] gone = new boolean[columns.size()][rows];
            long win = clusters ? clusterWins(columns, gone) : waysWins(columns, gone);
            total += win * at(multipliers, step + 1);
            if (win == 0) {
                break;
            }
            for (int r = 0; r < columns.size(); r++) {
                List<String> kept = new ArrayList<>();
                for (int j = 0; j < rows; j++) {
                    if (!gone[r][j]) {
                        kept.add(columns.get(r).get(j));
                    }
                }
                JsonNode strip = strips.get(r);
                int missing = rows - kept.size();
                List<String> column = new ArrayList<>();
                for (int j = missing; j >= 1; j--) {
                    column.add(strip.get(Math.floorMod(top[r] - j, strip.size())).asText());
                }
                top[r] = Math.floorMod(top[r] - missing, strip.size());
                column.addAll(kept);
                columns.set(r, column);
            }
        }
        int count = 0;
        for (List<String> column : columns) {
            count += (int) column.stream().filter(s -> s.equals(scatter)).count();
        }
        long lines = model.get("bet").get("lines").asLong();
        total += scatter == null || !model.get("scatters").get(0).has("pays") ? 0
                : at(model.get("scatters").get(0).get("pays"), count) * lines;
        return new long[] {total, count};
    }

    private JsonNode paysOf(String symbol) {
        for (JsonNode p : model.get("pays")) {
            if (p.get("symbol").asText().equals(symbol)) {
                return p.get("pays");
            }
        }
        return null;
    }

    private long clusterWins(List<List<String>> columns, boolean[][] gone) {
        boolean[][] seen = new boolean[columns.size()][rows];
        long win = 0;
        for (int r = 0; r < columns.size(); r++) {
            for (int j = 0; j < rows; j++) {
                if (seen[r][j]) {
                    continue;
                }
                String symbol = columns.get(r).get(j);
                List<int[]> cluster = new ArrayList<>();
                Deque<int[]> queue = new ArrayDeque<>();
                queue.add(new int[] {r, j});
                seen[r][j] = true;
                while (!queue.isEmpty()) {
                    int[] cell = queue.poll();
                    cluster.add(cell);
                    int[][] next = {{cell[0] + 1, cell[1]}, {cell[0] - 1, cell[1]}, {cell[0], cell[1] + 1}, {cell[0], cell[1] - 1}};
                    for (int[] n : next) {
                        if (n[0] >= 0 && n[0] < columns.size() && n[1] >= 0 && n[1] < rows && !seen[n[0]][n[1]]
                                && columns.get(n[0]).get(n[1]).equals(symbol)) {
                            seen[n[0]][n[1]] = true;
                            queue.add(n);
                        }
                    }
                }
                JsonNode pays = paysOf(symbol);
                long pay = pays == null ? 0 : at(pays, cluster.size());
                if (pay > 0) {
                    win += pay;
                    cluster.forEach(c -> gone[c[0]][c[1]] = true);
                }
            }
        }
        return win;
    }

    private long waysWins(List<List<String>> columns, boolean[][] gone) {
        long win = 0;
        for (JsonNode p : model.get("pays")) {
            String symbol = p.get("symbol").asText();
            long ways = 1;
            int k = 0;
            while (k < columns.size()) {
                long count = columns.get(k).stream().filter(s -> s.equals(symbol) || s.equals(wild)).count();
                if (count == 0) {
                    break;
                }
                ways *= count;
                k++;
            }
            long pay = at(p.get("pays"), k) > 0 && k > 0 ? p.get("pays").get(k - 1).asLong() : 0;
            if (pay > 0) {
                win += pay * ways;
                for (int r = 0; r < k; r++) {
                    for (int j = 0; j < rows; j++) {
                        String s = columns.get(r).get(j);
                        if (s.equals(symbol) || s.equals(wild)) {
                            gone[r][j] = true;
                        }
                    }
                }
            }
        }
        return win;
    }

    /** Every stop combination of a reel set: the distribution of {win, scatter count} (equal stop weights). */
    Map<List<Long>, Fraction> all(String set, JsonNode multipliers) {
        JsonNode strips = model.get("reelSets").get(set);
        int reels = strips.size();
        int[] stops = new int[reels];
        long cycle = 1;
        for (JsonNode strip : strips) {
            cycle *= strip.size();
        }
        Map<List<Long>, Fraction> out = new HashMap<>();
        while (true) {
            long[] result = spin(set, stops, multipliers);
            out.merge(List.of(result[0], result[1]), Fraction.of(1, cycle), Fraction::add);
            int r = 0;
            while (r < reels && ++stops[r] == strips.get(r).size()) {
                stops[r] = 0;
                r++;
            }
            if (r == reels) {
                return out;
            }
        }
    }

    /**
     * The win distribution, in line bets, of the rounds whose base spin awards no free games; and under the key -1,
     * the probability of those that do.
     */
    Map<Long, Fraction> roundsWithoutFreeGames() {
        JsonNode free = model.get("freeGames");
        Map<Long, Fraction> out = new TreeMap<>();
        for (Map.Entry<List<Long>, Fraction> e : all(model.get("baseReels").asText(), model.get("cascade").get("multipliers")).entrySet()) {
            long n = free == null ? 0 : at(free.get("spins"), e.getKey().get(1).intValue());
            out.merge(n > 0 ? -1 : e.getKey().get(0), e.getValue(), Fraction::add);
        }
        return out;
    }

    /** The round's win distribution in line bets (free games must not retrigger). */
    Map<Long, Fraction> roundDistribution() {
        JsonNode free = model.get("freeGames");
        Map<Long, Fraction> freeSpin = new TreeMap<>();
        if (free != null) {
            all(free.get("reels").asText(), free.get("multipliers")).forEach((k, p) -> freeSpin.merge(k.get(0), p, Fraction::add));
        }
        Map<Long, Fraction> round = new TreeMap<>();
        Map<Long, Map<Long, Fraction>> powers = new HashMap<>();
        powers.put(0L, Map.of(0L, Fraction.ONE));
        for (Map.Entry<List<Long>, Fraction> e : all(model.get("baseReels").asText(), model.get("cascade").get("multipliers")).entrySet()) {
            long n = free == null ? 0 : at(free.get("spins"), e.getKey().get(1).intValue());
            Map<Long, Fraction> sum = power(powers, freeSpin, n);
            long base = e.getKey().get(0);
            sum.forEach((v, p) -> round.merge(base + v, p.multiply(e.getValue()), Fraction::add));
        }
        return round;
    }

    /** The win distribution, in line bets, of {@code freeGames} free games bought (free games must not retrigger). */
    Map<Long, Fraction> boughtDistribution(long freeGames) {
        JsonNode free = model.get("freeGames");
        Map<Long, Fraction> freeSpin = new TreeMap<>();
        all(free.get("reels").asText(), free.get("multipliers")).forEach((k, p) -> freeSpin.merge(k.get(0), p, Fraction::add));
        Map<Long, Map<Long, Fraction>> powers = new HashMap<>();
        powers.put(0L, Map.of(0L, Fraction.ONE));
        return power(powers, freeSpin, freeGames);
    }

    private static Map<Long, Fraction> power(Map<Long, Map<Long, Fraction>> cache, Map<Long, Fraction> x, long n) {
        if (cache.containsKey(n)) {
            return cache.get(n);
        }
        Map<Long, Fraction> previous = power(cache, x, n - 1);
        Map<Long, Fraction> result = new TreeMap<>();
        previous.forEach((a, p) -> x.forEach((b, q) -> result.merge(a + b, p.multiply(q), Fraction::add)));
        cache.put(n, result);
        return result;
    }

    /** {RTP, hit frequency, variance per total bet} of a round distribution in line bets. */
    Fraction[] figures(Map<Long, Fraction> round) {
        long lines = model.get("bet").get("lines").asLong();
        Fraction mean = Fraction.ZERO;
        Fraction square = Fraction.ZERO;
        Fraction hit = Fraction.ZERO;
        for (Map.Entry<Long, Fraction> e : round.entrySet()) {
            mean = mean.add(e.getValue().multiply(e.getKey()));
            square = square.add(e.getValue().multiply(BigIntegerFraction.square(e.getKey())));
            hit = e.getKey() > 0 ? hit.add(e.getValue()) : hit;
        }
        Fraction rtp = mean.divide(lines);
        Fraction variance = square.divide(Fraction.of(lines * lines)).subtract(rtp.multiply(rtp));
        return new Fraction[] {rtp, hit, variance};
    }

    private static final class BigIntegerFraction {
        static Fraction square(long v) {
            return Fraction.of(BigInteger.valueOf(v).pow(2), BigInteger.ONE);
        }
    }
}
