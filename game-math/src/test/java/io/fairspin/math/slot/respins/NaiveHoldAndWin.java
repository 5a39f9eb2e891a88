package io.fairspin.math.slot.respins;

import com.fasterxml.jackson.databind.JsonNode;
import io.fairspin.math.Fraction;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A brute force of a small hold-and-win game, written apart from the engine and its analysis: every stop
 * combination of the base reels (plain strips, lines from reel 1 without wilds, a per-reel scatter), and
 * for the feature every pattern of landings on every respin, cell by cell (each cell with its own landing
 * chance when the model gives landing weights by cell), and every value of every coin,
 * with positions kept (no counting argument, no binomials). Memoised on (cells held, respins left) only
 * to keep it fast. Gives the exact distribution of (line win, scatter win, coin values, grand prize). With a
 * collect symbol ({@code holdAndWin.collect}): a base window showing it and at least one coin pays every coin's
 * value (every assignment of values) and the respins do not start; {@code collectAlsoRespins} breaks that rule on
 * purpose (the respins start too, with new values), for a negative control. With a cap ({@code maxWin}, in total
 * bets), {@link #figures()} caps each round it enumerates: its pays taken in the order the game pays them (line win,
 * scatter win, free games, collected coins, the feature's coins, the grand prize), each pay keeping what is left under
 * the cap.
 */
final class NaiveHoldAndWin {
    private final int rows;
    private final int reels;
    private final List<List<String>> strips = new ArrayList<>();
    private final int[][] lines;
    private final Map<String, long[]> pays = new HashMap<>();
    private final String star;
    private final long[] starPays;
    private final String coin;
    private final int trigger;
    private final int respins;
    /** Per cell (reel x rows + row), the chance that a coin lands there on a respin. */
    private final Fraction[] land;
    private final long[] values;
    private final Fraction[] valueChance;
    private final long grand;
    private final long lineCount;
    /** Free games (without retriggers): per star count the games awarded, their reels and multiplier; null without. */
    private final long[] freeSpins;
    private final List<List<String>> freeStrips = new ArrayList<>();
    private final long freeMultiplier;
    private Map<Long, Fraction> freeSpin;
    private final Map<Long, Map<Long, Fraction>> memo = new HashMap<>();
    /** The collect symbol, or null. */
    private final String collector;
    private final boolean collectAlsoRespins;
    /** The model's {@code collect.alsoRespins}: the respins start beside the collect, the collected coins held. */
    private final boolean alsoRespins;
    /** The round cap in line bets ({@code maxWin} x lines), 0 for none. */
    private final long cap;

    NaiveHoldAndWin(JsonNode model) {
        this(model, false);
    }

    NaiveHoldAndWin(JsonNode model, boolean collectAlsoRespins) {
        this.collectAlsoRespins = collectAlsoRespins;
        rows = model.get("rows").asInt();
        JsonNode base = model.get("reelSets").get("base");
        reels = base.size();
        for (JsonNode reel : base) {
            List<String> strip = new ArrayList<>();
            reel.forEach(s -> strip.add(s.asText()));
            strips.add(strip);
        }
        lines = new int[model.get("paylines").size()][];
        for (int l = 0; l < lines.length; l++) {
            JsonNode line = model.get("paylines").get(l);
            lines[l] = new int[reels];
            for (int r = 0; r < reels; r++) {
                lines[l][r] = line.get(r).asInt();
            }
        }
        model.get("pays").forEach(p -> pays.put(p.get("symbol").asText(), longs(p.get("pays"))));
        JsonNode scatter = model.get("scatters").get(0);
        star = scatter.get("symbol").asText();
        starPays = longs(scatter.get("pays"));
        JsonNode hw = model.get("holdAndWin");
        coin = hw.get("symbol").asText();
        trigger = hw.get("trigger").asInt();
        respins = hw.get("respins").asInt();
        // Landing weights: one number for every cell, or rows of one weight per reel.
        land = new Fraction[rows * reels];
        for (int r = 0; r < reels; r++) {
            for (int j = 0; j < rows; j++) {
                long c = cell(hw.get("landing").get("coin"), r, j);
                land[r * rows + j] = Fraction.of(c, c + cell(hw.get("landing").get("empty"), r, j));
            }
        }
        values = longs(hw.get("values").get("values"));
        long[] weights = longs(hw.get("values").get("weights"));
        long total = 0;
        for (long w : weights) {
            total += w;
        }
        valueChance = new Fraction[values.length];
        for (int v = 0; v < values.length; v++) {
            valueChance[v] = Fraction.of(weights[v], total);
        }
        grand = hw.has("grand") ? hw.get("grand").asLong() : 0;
        collector = hw.has("collect") ? hw.get("collect").get("symbol").asText() : null;
        alsoRespins = hw.has("collect") && hw.get("collect").path("alsoRespins").asBoolean(false);
        lineCount = model.get("bet").get("lines").asLong();
        cap = model.has("maxWin") ? model.get("maxWin").asLong() * lineCount : 0;
        JsonNode free = model.get("freeGames");
        if (free != null) {
            if (!free.has("retrigger") || free.get("retrigger").asBoolean()) {
                throw new IllegalArgumentException("the brute force plays free games without retriggers only");
            }
            freeSpins = longs(free.get("spins"));
            for (JsonNode reel : model.get("reelSets").get(free.get("reels").asText())) {
                List<String> strip = new ArrayList<>();
                reel.forEach(x -> strip.add(x.asText()));
                freeStrips.add(strip);
            }
            freeMultiplier = free.has("multiplier") ? free.get("multiplier").asLong() : 1;
        } else {
            freeSpins = null;
            freeMultiplier = 1;
        }
    }

    /** The base reels' strips. */
    List<List<String>> baseStrips() {
        return strips;
    }

    /** The window a stop combination shows on {@code reelStrips}, by row. */
    String[][] window(List<List<String>> reelStrips, int[] stops) {
        String[][] window = new String[rows][reels];
        for (int r = 0; r < reels; r++) {
            for (int j = 0; j < rows; j++) {
                window[j][r] = reelStrips.get(r).get((stops[r] + j) % reelStrips.get(r).size());
            }
        }
        return window;
    }

    /** The line win of a window in line bets: each played line's run from reel 1. */
    long lineWin(String[][] window) {
        long line = 0;
        for (int played = 0; played < lineCount; played++) {
            int[] l = lines[played];
            String first = window[l[0]][0];
            int run = 1;
            while (run < reels && window[l[run]][run].equals(first)) {
                run++;
            }
            long[] p = pays.get(first);
            line += p == null || p.length < run ? 0 : p[run - 1];
        }
        return line;
    }

    /** The reels showing the star, and the star's pay in total bets for them. */
    int starReels(String[][] window) {
        int count = 0;
        for (int r = 0; r < reels; r++) {
            boolean seen = false;
            for (int j = 0; j < rows; j++) {
                seen |= window[j][r].equals(star);
            }
            count += seen ? 1 : 0;
        }
        return count;
    }

    long starPay(int count) {
        return count == 0 ? 0 : starPays[Math.min(count, starPays.length) - 1];
    }

    /** The distribution of one free spin's win in line bets: every stop combination of the free reels. */
    private Map<Long, Fraction> freeSpin() {
        if (freeSpin == null) {
            freeSpin = new TreeMap<>();
            long combinations = 1;
            for (List<String> strip : freeStrips) {
                combinations *= strip.size();
            }
            int[] stops = new int[reels];
            while (true) {
                String[][] window = window(freeStrips, stops);
                long win = freeMultiplier * (lineWin(window) + starPay(starReels(window)) * lineCount);
                freeSpin.merge(win, Fraction.of(1, combinations), Fraction::add);
                int r = 0;
                while (r < reels && ++stops[r] == freeStrips.get(r).size()) {
                    stops[r] = 0;
                    r++;
                }
                if (r == reels) {
                    return freeSpin;
                }
            }
        }
        return freeSpin;
    }

    /** The distribution of the sum of {@code n} free spins' wins, by convolution. */
    private Map<Long, Fraction> freeGames(long n) {
        Map<Long, Fraction> sum = new TreeMap<>(Map.of(0L, Fraction.ONE));
        for (long i = 0; i < n; i++) {
            Map<Long, Fraction> next = new TreeMap<>();
            for (Map.Entry<Long, Fraction> a : sum.entrySet()) {
                for (Map.Entry<Long, Fraction> b : freeSpin().entrySet()) {
                    next.merge(a.getKey() + b.getKey(), a.getValue().multiply(b.getValue()), Fraction::add);
                }
            }
            sum = next;
        }
        return sum;
    }

    static long cell(JsonNode weights, int reel, int row) {
        return weights.isArray() ? weights.get(row).get(reel).asLong() : weights.asLong();
    }

    static long[] longs(JsonNode array) {
        long[] out = new long[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asLong();
        }
        return out;
    }

    /**
     * A round's outcome: line win (line bets), scatter win (total bets), free games' win (line bets), coin values and
     * grand (total bets), whether free games and the feature were played.
     */
    record Outcome(long line, long scatter, long free, long coins, long grand, boolean freeGames, boolean feature,
            long collect) {
    }

    /** Every distinct round outcome with its chance. */
    Map<Outcome, Fraction> rounds() {
        Map<Outcome, Fraction> result = new HashMap<>();
        int[] stops = new int[reels];
        long combinations = 1;
        for (List<String> strip : strips) {
            combinations *= strip.size();
        }
        Fraction each = Fraction.of(1, combinations);
        while (true) {
            String[][] window = window(strips, stops);
            long line = lineWin(window);
            int starReels = starReels(window);
            int cells = rows * reels;
            long held = 0;
            boolean collects = false;
            for (int r = 0; r < reels; r++) {
                for (int j = 0; j < rows; j++) {
                    if (window[j][r].equals(coin)) {
                        held |= 1L << (r * rows + j);
                    }
                    collects |= window[j][r].equals(collector);
                }
            }
            collects &= held != 0;
            boolean respun = Long.bitCount(held) >= trigger && (!collects || collectAlsoRespins || alsoRespins);
            // The collect's win: every assignment of values to the coins on the window (none: 0); beside the respins
            // (alsoRespins) the same values start the feature, so they are assigned there, once.
            boolean shared = collects && respun && alsoRespins;
            Map<Long, Fraction> collected = collects && !shared ? valuesOf(Long.bitCount(held))
                    : Map.of(0L, Fraction.ONE);
            long scatter = starPay(starReels);
            long n = freeSpins == null || starReels == 0 ? 0 : freeSpins[Math.min(starReels, freeSpins.length) - 1];
            Map<Long, Fraction> free = freeGames(n);
            for (Map.Entry<Long, Fraction> y : free.entrySet()) {
                for (Map.Entry<Long, Fraction> x : collected.entrySet()) {
                    Fraction base = each.multiply(y.getValue()).multiply(x.getValue());
                    if (respun) {
                        // The held coins' values, every assignment, then the respins.
                        Map<Long, Fraction> start = valuesOf(Long.bitCount(held));
                        Map<Long, Fraction> rest = respin(held, respins, cells);
                        for (Map.Entry<Long, Fraction> a : start.entrySet()) {
                            for (Map.Entry<Long, Fraction> b : rest.entrySet()) {
                                long coins = a.getKey() + (b.getKey() >> 1);
                                long g = (b.getKey() & 1) == 1 ? grand : 0;
                                long c = shared ? a.getKey() : x.getKey();
                                result.merge(new Outcome(line, scatter, y.getKey(), coins, g, n > 0, true, c),
                                        base.multiply(a.getValue()).multiply(b.getValue()), Fraction::add);
                            }
                        }
                    } else {
                        result.merge(new Outcome(line, scatter, y.getKey(), 0, 0, n > 0, false, x.getKey()), base,
                                Fraction::add);
                    }
                }
            }
            int r = 0;
            while (r < reels && ++stops[r] == strips.get(r).size()) {
                stops[r] = 0;
                r++;
            }
            if (r == reels) {
                return result;
            }
        }
    }

    /** The sum of n coin values: every assignment of a value to each coin. */
    private Map<Long, Fraction> valuesOf(int n) {
        Map<Long, Fraction> sums = new TreeMap<>(Map.of(0L, Fraction.ONE));
        for (int i = 0; i < n; i++) {
            Map<Long, Fraction> next = new TreeMap<>();
            for (Map.Entry<Long, Fraction> e : sums.entrySet()) {
                for (int v = 0; v < values.length; v++) {
                    next.merge(e.getKey() + values[v], e.getValue().multiply(valueChance[v]), Fraction::add);
                }
            }
            sums = next;
        }
        return sums;
    }

    /**
     * From cells {@code held} with {@code left} respins: the values of the coins still to land, times 2, plus 1
     * when the screen ends full. Every subset of the empty cells may land on a respin.
     */
    private Map<Long, Fraction> respin(long held, int left, int cells) {
        long full = (1L << cells) - 1;
        if (held == full || left == 0) {
            return Map.of(held == full ? 1L : 0L, Fraction.ONE);
        }
        long key = held * 128 + left;
        Map<Long, Fraction> known = memo.get(key);
        if (known != null) {
            return known;
        }
        Map<Long, Fraction> result = new TreeMap<>();
        long empty = full & ~held;
        // Every subset of the empty cells: the cells that land a coin this respin.
        for (long landed = empty; ; landed = (landed - 1) & empty) {
            Fraction chance = landing(empty, landed);
            if (chance.signum() > 0) {
                Map<Long, Fraction> after = respin(held | landed, landed == 0 ? left - 1 : respins, cells);
                Map<Long, Fraction> now = valuesOf(Long.bitCount(landed));
                for (Map.Entry<Long, Fraction> a : now.entrySet()) {
                    for (Map.Entry<Long, Fraction> b : after.entrySet()) {
                        result.merge(a.getKey() * 2 + b.getKey(), chance.multiply(a.getValue()).multiply(b.getValue()),
                                Fraction::add);
                    }
                }
            }
            if (landed == 0) {
                break;
            }
        }
        memo.put(key, result);
        return result;
    }

    /** The chance that, of the empty cells {@code empty}, exactly the cells {@code landed} land a coin on a respin. */
    Fraction landing(long empty, long landed) {
        Fraction chance = Fraction.ONE;
        for (int c = 0; c < land.length; c++) {
            if ((empty >> c & 1) == 1) {
                chance = chance.multiply((landed >> c & 1) == 1 ? land[c] : Fraction.ONE.subtract(land[c]));
            }
        }
        return chance;
    }

    /**
     * The bought feature: every set of {@code coins} cells equally likely to start it, every value of each start coin,
     * then the respins as above. Returns {RTP, variance per unit of price} for a price of {@code price} total bets.
     */
    Fraction[] bought(int coins, long price) {
        int cells = rows * reels;
        List<Long> starts = new ArrayList<>();
        for (long set = 0; set < 1L << cells; set++) {
            if (Long.bitCount(set) == coins) {
                starts.add(set);
            }
        }
        Fraction each = Fraction.of(1, starts.size());
        Fraction mean = Fraction.ZERO;
        Fraction square = Fraction.ZERO;
        for (long held : starts) {
            Map<Long, Fraction> start = valuesOf(coins);
            Map<Long, Fraction> rest = respin(held, respins, cells);
            for (Map.Entry<Long, Fraction> a : start.entrySet()) {
                for (Map.Entry<Long, Fraction> b : rest.entrySet()) {
                    long award = a.getKey() + (b.getKey() >> 1) + ((b.getKey() & 1) == 1 ? grand : 0);
                    Fraction p = each.multiply(a.getValue()).multiply(b.getValue());
                    mean = mean.add(p.multiply(award));
                    square = square.add(p.multiply(award).multiply(award));
                }
            }
        }
        Fraction rtp = mean.divide(price);
        return new Fraction[] {rtp, square.divide(price * price).subtract(rtp.multiply(rtp))};
    }

    /**
     * A round's pays in line bets, in the order the game pays them: line win, scatter win, free games' win, collected
     * coins, the feature's coins, the grand prize; with a cap each keeps what is left under it.
     */
    long[] pays(Outcome o) {
        long[] pays = {o.line(), o.scatter() * lineCount, o.free(), o.collect() * lineCount, o.coins() * lineCount,
            o.grand() * lineCount};
        long paid = 0;
        for (int i = 0; i < pays.length && cap > 0; i++) {
            pays[i] = Math.min(pays[i], cap - paid);
            paid += pays[i];
        }
        return pays;
    }

    /**
     * RTP, hit frequency, variance, hold-and-win frequency, then RTP by type: line, scatter, coins, grand, then the
     * free games' RTP and frequency (zero without free games), then the collect's RTP and frequency (zero without).
     */
    Fraction[] figures() {
        Fraction mean = Fraction.ZERO;
        Fraction square = Fraction.ZERO;
        Fraction hit = Fraction.ZERO;
        Fraction feature = Fraction.ZERO;
        Fraction freeGames = Fraction.ZERO;
        Fraction[] byType = {Fraction.ZERO, Fraction.ZERO, Fraction.ZERO, Fraction.ZERO, Fraction.ZERO, Fraction.ZERO};
        Fraction collects = Fraction.ZERO;
        for (Map.Entry<Outcome, Fraction> e : rounds().entrySet()) {
            Outcome o = e.getKey();
            Fraction p = e.getValue();
            // In line bets: a total bet is lineCount line bets. Features count as their window starts them, paid or not.
            long[] pays = pays(o);
            long win = 0;
            for (long pay : pays) {
                win += pay;
            }
            mean = mean.add(p.multiply(win));
            square = square.add(p.multiply(win).multiply(win));
            hit = win > 0 ? hit.add(p) : hit;
            feature = o.feature() ? feature.add(p) : feature;
            freeGames = o.freeGames() ? freeGames.add(p) : freeGames;
            byType[0] = byType[0].add(p.multiply(pays[0]).divide(lineCount));
            byType[1] = byType[1].add(p.multiply(pays[1]).divide(lineCount));
            byType[2] = byType[2].add(p.multiply(pays[4]).divide(lineCount));
            byType[3] = byType[3].add(p.multiply(pays[5]).divide(lineCount));
            byType[4] = byType[4].add(p.multiply(pays[2]).divide(lineCount));
            byType[5] = byType[5].add(p.multiply(pays[3]).divide(lineCount));
            collects = o.collect() > 0 ? collects.add(p) : collects;
        }
        Fraction rtp = mean.divide(lineCount);
        Fraction variance = square.divide(lineCount * lineCount).subtract(rtp.multiply(rtp));
        return new Fraction[] {rtp, hit, variance, feature, byType[0], byType[1], byType[2], byType[3], byType[4], freeGames,
            byType[5], collects};
    }
}
