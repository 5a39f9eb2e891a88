package io.fairspin.math.slot.respins;

import com.fasterxml.jackson.databind.JsonNode;
import io.fairspin.math.Fraction;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A brute force of a small capped hold-and-win game with jackpots, written apart from the engine and its analysis:
 * unlike {@link NaiveHoldAndWin}, whose base spin (window, line and scatter wins) and landing chances it uses, it keeps
 * every coin's value <em>in pay order</em> (no sums), so it can cap a round pay by pay. Every stop combination of the
 * base reels; a collect symbol (without {@code alsoRespins}) shown with coins pays every coin's value in cell order;
 * otherwise from {@code trigger} coins the start coins' values in cell order, then every pattern of landings on every
 * respin (each cell with its own chance), the landed coins' values in cell order, then the full screen's prize. A
 * value or the prize may name a jackpot: a fixed one pays its amount, a progressive one its seed. The cap
 * ({@code maxWin} total bets) is applied to the list of pays in that order: each pay keeps what is left under the cap,
 * except a progressive jackpot's, which is kept whole and does not count toward it. A bought feature
 * ({@code bonusBuy}) starts with every set of {@code coins} cells equally likely and the same cap. No free games.
 */
final class NaiveCappedJackpots {
    private final int rows;
    private final int reels;
    /** The base spin's window, line win and scatter win, as the older brute force reads them. */
    private final NaiveHoldAndWin spins;
    private final String coin;
    private final String collector;
    private final int trigger;
    private final int respins;
    /** Per value: its amount in total bets, the win type it pays to, whether that is a progressive jackpot. */
    private final long[] values;
    private final String[] valueType;
    private final boolean[] valueProgressive;
    private final Fraction[] valueChance;
    private final long grand;
    private final String grandType;
    private final boolean grandProgressive;
    private final long lineCount;
    /** The cap in line bets, 0 for none. */
    private final long cap;
    private final Map<Long, Map<List<Integer>, Fraction>> memo = new HashMap<>();

    NaiveCappedJackpots(JsonNode model) {
        rows = model.get("rows").asInt();
        spins = new NaiveHoldAndWin(model);
        reels = spins.baseStrips().size();
        Map<String, JsonNode> jackpots = new HashMap<>();
        model.path("jackpots").forEach(j -> jackpots.put(j.get("name").asText(), j));
        JsonNode hw = model.get("holdAndWin");
        coin = hw.get("symbol").asText();
        collector = hw.has("collect") ? hw.get("collect").get("symbol").asText() : null;
        if (hw.path("collect").path("alsoRespins").asBoolean(false)) {
            throw new IllegalArgumentException("the brute force plays a collect without alsoRespins only");
        }
        trigger = hw.get("trigger").asInt();
        respins = hw.get("respins").asInt();
        JsonNode valueList = hw.get("values").get("values");
        long[] weights = NaiveHoldAndWin.longs(hw.get("values").get("weights"));
        long total = 0;
        for (long w : weights) {
            total += w;
        }
        values = new long[valueList.size()];
        valueType = new String[values.length];
        valueProgressive = new boolean[values.length];
        valueChance = new Fraction[values.length];
        for (int v = 0; v < values.length; v++) {
            JsonNode value = valueList.get(v);
            JsonNode jackpot = value.isTextual() ? jackpots.get(value.asText()) : null;
            values[v] = jackpot == null ? value.asLong() : amount(jackpot);
            valueType[v] = jackpot == null ? "hold-and-win" : "jackpot " + value.asText();
            valueProgressive[v] = jackpot != null && jackpot.has("rate");
            valueChance[v] = Fraction.of(weights[v], total);
        }
        JsonNode g = hw.path("grand");
        JsonNode grandJackpot = g.isTextual() ? jackpots.get(g.asText()) : null;
        grand = grandJackpot == null ? g.asLong(0) : amount(grandJackpot);
        grandType = grandJackpot == null ? "grand" : "jackpot " + g.asText();
        grandProgressive = grandJackpot != null && grandJackpot.has("rate");
        lineCount = model.get("bet").get("lines").asLong();
        cap = model.has("maxWin") ? model.get("maxWin").asLong() * lineCount : 0;
    }

    private static long amount(JsonNode jackpot) {
        return jackpot.has("amount") ? jackpot.get("amount").asLong() : jackpot.get("seed").asLong();
    }

    /** One pay of a round: its win type, its amount in line bets, whether it is a progressive jackpot's. */
    private record Pay(String type, long amount, boolean progressive) {
    }

    /** A round's figures: its chance-weighted sums, per total bet (or per unit of a price). */
    static final class Figures {
        Fraction rtp = Fraction.ZERO;
        Fraction square = Fraction.ZERO;
        Fraction hit = Fraction.ZERO;
        final Map<String, Fraction> byType = new TreeMap<>();

        Fraction variance() {
            return square.subtract(rtp.multiply(rtp));
        }
    }

    /** The round's figures per total bet: every base window, collect, value and landing pattern, capped pay by pay. */
    Figures figures() {
        Figures figures = new Figures();
        long combinations = 1;
        for (List<String> strip : spins.baseStrips()) {
            combinations *= strip.size();
        }
        Fraction each = Fraction.of(1, combinations);
        int[] stops = new int[reels];
        while (true) {
            String[][] window = spins.window(spins.baseStrips(), stops);
            List<Pay> basePays = List.of(new Pay("line", spins.lineWin(window), false),
                    new Pay("scatter", spins.starPay(spins.starReels(window)) * lineCount, false));
            long held = 0;
            boolean collects = false;
            for (int r = 0; r < reels; r++) {
                for (int j = 0; j < rows; j++) {
                    held |= window[j][r].equals(coin) ? 1L << (r * rows + j) : 0;
                    collects |= window[j][r].equals(collector);
                }
            }
            if (collects && held != 0) {
                for (Map.Entry<List<Integer>, Fraction> drawn : assignments(Long.bitCount(held)).entrySet()) {
                    add(figures, each.multiply(drawn.getValue()), basePays, drawn.getKey(), false, "collect", 1);
                }
            } else if (Long.bitCount(held) >= trigger) {
                feature(figures, each, basePays, held, 1);
            } else {
                add(figures, each, basePays, List.of(), false, null, 1);
            }
            int r = 0;
            while (r < reels && ++stops[r] == spins.baseStrips().get(r).size()) {
                stops[r] = 0;
                r++;
            }
            if (r == reels) {
                return figures;
            }
        }
    }

    /** The bought feature's figures per unit of its price ({@code price} total bets), capped as the bet it buys at. */
    Figures bought(int coins, long price) {
        Figures figures = new Figures();
        int cells = rows * reels;
        List<Long> starts = new ArrayList<>();
        for (long set = 0; set < 1L << cells; set++) {
            if (Long.bitCount(set) == coins) {
                starts.add(set);
            }
        }
        for (long held : starts) {
            feature(figures, Fraction.of(1, starts.size()), List.of(), held, price);
        }
        return figures;
    }

    /** The feature from cells {@code held} after {@code before}: start values in cell order, respins, full screen. */
    private void feature(Figures figures, Fraction chance, List<Pay> before, long held, long price) {
        for (Map.Entry<List<Integer>, Fraction> start : assignments(Long.bitCount(held)).entrySet()) {
            for (Map.Entry<List<Integer>, Fraction> rest : respin(held, respins).entrySet()) {
                List<Integer> landed = rest.getKey();
                List<Integer> order = new ArrayList<>(start.getKey());
                order.addAll(landed.subList(0, landed.size() - 1));
                add(figures, chance.multiply(start.getValue()).multiply(rest.getValue()), before, order,
                        landed.get(landed.size() - 1) == 1, "hold-and-win", price);
            }
        }
    }

    /**
     * Adds one round of chance {@code p}: the pays {@code before}, the coins of values {@code order} in pay order
     * (paying {@code coinType} unless a value names a jackpot), then the full screen's prize when {@code full}; capped
     * pay by pay, a progressive jackpot's pay kept whole and not counted toward the cap.
     */
    private void add(Figures figures, Fraction p, List<Pay> before, List<Integer> order, boolean full, String coinType,
            long price) {
        List<Pay> round = new ArrayList<>(before);
        for (int v : order) {
            round.add(new Pay(valueType[v].equals("hold-and-win") ? coinType : valueType[v], values[v] * lineCount,
                    valueProgressive[v]));
        }
        if (full && grand > 0) {
            round.add(new Pay(grandType, grand * lineCount, grandProgressive));
        }
        long counted = 0;
        long win = 0;
        for (Pay pay : round) {
            long kept = pay.progressive() || cap == 0 ? pay.amount() : Math.min(pay.amount(), cap - counted);
            counted += pay.progressive() ? 0 : kept;
            win += kept;
            Fraction share = p.multiply(Fraction.of(kept, lineCount * price));
            figures.byType.merge(pay.type(), share, Fraction::add);
        }
        Fraction x = Fraction.of(win, lineCount * price);
        figures.rtp = figures.rtp.add(p.multiply(x));
        figures.square = figures.square.add(p.multiply(x).multiply(x));
        figures.hit = win > 0 ? figures.hit.add(p) : figures.hit;
    }

    /** Every assignment of values to {@code n} coins, in order, with its chance. */
    private Map<List<Integer>, Fraction> assignments(int n) {
        Map<List<Integer>, Fraction> result = new HashMap<>(Map.of(List.of(), Fraction.ONE));
        for (int i = 0; i < n; i++) {
            Map<List<Integer>, Fraction> next = new HashMap<>();
            for (Map.Entry<List<Integer>, Fraction> e : result.entrySet()) {
                for (int v = 0; v < values.length; v++) {
                    List<Integer> longer = new ArrayList<>(e.getKey());
                    longer.add(v);
                    next.merge(longer, e.getValue().multiply(valueChance[v]), Fraction::add);
                }
            }
            result = next;
        }
        return result;
    }

    /**
     * From cells {@code held} with {@code left} respins: the values of the coins still to land, in the order they land
     * (cell order within a respin), then 1 when the screen ends full, else 0.
     */
    private Map<List<Integer>, Fraction> respin(long held, int left) {
        int cells = rows * reels;
        long full = (1L << cells) - 1;
        if (held == full || left == 0) {
            return Map.of(List.of(held == full ? 1 : 0), Fraction.ONE);
        }
        long key = held * 128 + left;
        Map<List<Integer>, Fraction> known = memo.get(key);
        if (known != null) {
            return known;
        }
        Map<List<Integer>, Fraction> result = new HashMap<>();
        long empty = full & ~held;
        for (long landed = empty; ; landed = (landed - 1) & empty) {
            Fraction chance = spins.landing(empty, landed);
            if (chance.signum() > 0) {
                Map<List<Integer>, Fraction> after = respin(held | landed, landed == 0 ? left - 1 : respins);
                for (Map.Entry<List<Integer>, Fraction> now : assignments(Long.bitCount(landed)).entrySet()) {
                    for (Map.Entry<List<Integer>, Fraction> later : after.entrySet()) {
                        List<Integer> order = new ArrayList<>(now.getKey());
                        order.addAll(later.getKey());
                        result.merge(order, chance.multiply(now.getValue()).multiply(later.getValue()), Fraction::add);
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
}
