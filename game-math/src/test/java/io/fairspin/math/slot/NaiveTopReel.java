package io.fairspin.math.slot;

import com.fasterxml.jackson.databind.JsonNode;
import io.fairspin.math.Fraction;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A brute force of a small ways game with random reel heights and a horizontal top reel (or none), written from the rules in
 * docs/model-format.md and nothing of the engine: every top reel stop times every reel's every (height, stop), the
 * window built column by column (the top reel's symbol above the reels it covers, stops t, t+1, ... from its first
 * reel), ways counted symbol by symbol (a wild counts for every symbol but the scatter), the scatter counted per
 * symbol or per reel, the spin's win cut to {@code maxWin} total bets (after the free games' multiplier), and free
 * games (no retrigger) played on the same reels. Round figures follow from the base spin's (win, free games)
 * distribution and one free game's win distribution, the free games being independent:
 * E[R] = E[B] + E[N] m, E[R^2] = E[B^2] + 2 E[BN] m + E[N] E[F^2] + E[N(N-1)] m^2, P(R = 0) = sum P(B = 0, N = n) z^n
 * (m = E[F], z = P(F = 0)); the largest round win is the largest B + N x (largest F) of positive probability.
 */
public final class NaiveTopReel {
    final List<String> symbols = new ArrayList<>();
    private final JsonNode model;
    private final int reels;
    private final long lines;
    private final long cap;
    /** Base spin: (win in line bets, free games) with its weight, keyed win * 1000 + free games. */
    public final Map<Long, BigInteger> base = new TreeMap<>();
    /** One free game's win in line bets (multiplied, capped) with its weight. */
    public final Map<Long, BigInteger> free = new TreeMap<>();
    /** The total weight of every (top stop, heights, stops): the cycle. */
    public BigInteger cycle = BigInteger.ZERO;
    Fraction rtp;
    Fraction hit;
    Fraction variance;
    Fraction freeFrequency;
    /** The largest round win in line bets: base spin, and its free games each at the largest free game win. */
    public long maxRoundWin;

    /**
     * Counts every window of {@code model}.
     *
     * @param model the model document
     */
    public NaiveTopReel(JsonNode model) {
        this.model = model;
        model.get("symbols").forEach(s -> symbols.add(s.asText()));
        reels = model.get("reelSets").get("base").size();
        lines = model.get("bet").get("lines").asLong();
        cap = model.has("maxWin") ? model.get("maxWin").asLong() * lines : 0;
        long multiplier = model.has("freeGames") ? model.get("freeGames").get("multiplier").asLong() : 1;
        JsonNode top = model.get("topReel");
        int topLength = top == null ? 1 : top.get("stops").size();
        int[] height = new int[reels];
        int[] stop = new int[reels];
        while (true) {
            for (int t = 0; t < topLength; t++) {
                long weight = top != null && top.has("weights") ? top.get("weights").get(t).asLong() : 1;
                int[][] columns = new int[reels][];
                for (int r = 0; r < reels; r++) {
                    JsonNode h = model.get("reelHeights").get(r);
                    weight *= h.get("weights").get(height[r]).asLong();
                    columns[r] = column(r, h.get("values").get(height[r]).asInt(), stop[r], t);
                }
                if (weight == 0) {
                    continue;
                }
                BigInteger w = BigInteger.valueOf(weight);
                cycle = cycle.add(w);
                long raw = raw(columns);
                long awarded = freeGames(columns);
                base.merge(capped(raw) * 1000 + awarded, w, BigInteger::add);
                free.merge(capped(raw * multiplier), w, BigInteger::add);
            }
            int r = 0;
            for (; r < reels; r++) {
                stop[r]++;
                if (stop[r] < model.get("reelSets").get("base").get(r).size()) {
                    break;
                }
                stop[r] = 0;
                height[r]++;
                if (height[r] < model.get("reelHeights").get(r).get("values").size()) {
                    break;
                }
                height[r] = 0;
            }
            if (r == reels) {
                break;
            }
        }
        figures();
    }

    /** Reel r's column: the top reel's symbol above it when covered, then {@code height} symbols from the strip. */
    int[] column(int r, int height, int stripStop, int topStop) {
        JsonNode top = model.get("topReel");
        int first = top == null ? 0 : top.get("firstReel").asInt() - 1;
        boolean covered = top != null && r >= first && r <= top.get("lastReel").asInt() - 1;
        JsonNode strip = model.get("reelSets").get("base").get(r);
        int[] column = new int[height + (covered ? 1 : 0)];
        int j = 0;
        if (covered) {
            JsonNode topStops = top.get("stops");
            column[j++] = symbols.indexOf(topStops.get((topStop + r - first) % topStops.size()).asText());
        }
        for (int i = 0; i < height; i++) {
            column[j++] = symbols.indexOf(strip.get((stripStop + i) % strip.size()).asText());
        }
        return column;
    }

    private long capped(long win) {
        return cap > 0 ? Math.min(win, cap) : win;
    }

    /** The scatter's count in a window: per symbol, or at most one per reel. */
    int scatterCount(int[][] columns) {
        JsonNode scatter = model.get("scatters").get(0);
        int star = symbols.indexOf(scatter.get("symbol").asText());
        boolean perReel = scatter.get("count").asText().equals("per-reel");
        int count = 0;
        for (int[] column : columns) {
            int inColumn = 0;
            for (int x : column) {
                inColumn += x == star ? 1 : 0;
            }
            count += perReel ? Math.min(1, inColumn) : inColumn;
        }
        return count;
    }

    private long freeGames(int[][] columns) {
        if (!model.has("freeGames")) {
            return 0;
        }
        int count = scatterCount(columns);
        JsonNode spins = model.get("freeGames").get("spins");
        return count == 0 ? 0 : spins.get(Math.min(count, spins.size()) - 1).asLong();
    }

    /** The window's ways and scatter win in line bets, before any cap or multiplier. */
    long raw(int[][] columns) {
        long win = MegawaysTest.waysWin(model, symbols, columns);
        int stars = scatterCount(columns);
        JsonNode scatterPays = model.get("scatters").get(0).get("pays");
        win += stars == 0 ? 0 : scatterPays.get(Math.min(stars, scatterPays.size()) - 1).asLong() * lines;
        return win;
    }

    /** The window's win at the standard wager in line bets (capped), the base spin's. */
    long win(int[][] columns) {
        return capped(raw(columns));
    }

    private void figures() {
        Fraction m = Fraction.ZERO;
        Fraction f2 = Fraction.ZERO;
        Fraction z = Fraction.ZERO;
        long maxFree = 0;
        for (Map.Entry<Long, BigInteger> e : free.entrySet()) {
            Fraction p = Fraction.of(e.getValue(), cycle);
            m = m.add(p.multiply(e.getKey()));
            f2 = f2.add(p.multiply(e.getKey() * e.getKey()));
            if (e.getKey() == 0) {
                z = p;
            }
            maxFree = Math.max(maxFree, e.getKey());
        }
        Fraction mean = Fraction.ZERO;
        Fraction second = Fraction.ZERO;
        Fraction silent = Fraction.ZERO;
        Fraction triggered = Fraction.ZERO;
        for (Map.Entry<Long, BigInteger> e : base.entrySet()) {
            long b = e.getKey() / 1000;
            long n = e.getKey() % 1000;
            Fraction p = Fraction.of(e.getValue(), cycle);
            mean = mean.add(p.multiply(Fraction.of(b).add(m.multiply(n))));
            second = second.add(p.multiply(Fraction.of(b * b).add(m.multiply(2 * b * n)).add(f2.multiply(n))
                    .add(m.multiply(m).multiply(n * (n - 1)))));
            if (b == 0) {
                Fraction zn = Fraction.ONE;
                for (long i = 0; i < n; i++) {
                    zn = zn.multiply(z);
                }
                silent = silent.add(p.multiply(zn));
            }
            if (n > 0) {
                triggered = triggered.add(p);
            }
            maxRoundWin = Math.max(maxRoundWin, b + n * maxFree);
        }
        rtp = mean.divide(lines);
        hit = Fraction.ONE.subtract(silent);
        variance = second.divide(Fraction.of(lines * lines)).subtract(rtp.multiply(rtp));
        freeFrequency = triggered;
    }
}
