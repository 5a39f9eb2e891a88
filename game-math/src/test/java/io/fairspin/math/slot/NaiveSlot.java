package io.fairspin.math.slot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A second, deliberately plain implementation of the slot rules of docs/model-format.md, read straight
 * from a model's JSON with symbol names: the test oracle that the counting analysis and the play path are
 * checked against. It evaluates one window at a time and knows nothing of tables or diagrams.
 */
final class NaiveSlot {
    private static final ObjectMapper JSON = new ObjectMapper();

    final JsonNode model;
    final int rows;
    final int reels;
    final int lines;
    private final Map<String, Set<String>> groups = new HashMap<>();
    private final Map<String, Set<String>> wildSubstitutes = new HashMap<>();
    private final Map<String, Long> wildMultiplier = new HashMap<>();
    private final boolean sum;
    private final List<Map.Entry<List<Set<String>>, Long>> pays;
    private final Map<String, Long> lineWins = new HashMap<>();

    NaiveSlot(Path file) throws IOException {
        this(JSON.readTree(file.toFile()));
    }

    NaiveSlot(JsonNode model) {
        this.model = model;
        this.rows = model.get("rows").asInt();
        this.reels = model.get("reelSets").elements().next().size();
        this.lines = model.get("bet").get("lines").asInt();
        model.path("groups").fields().forEachRemaining(e -> {
            Set<String> members = new HashSet<>();
            e.getValue().forEach(m -> members.add(m.asText()));
            groups.put(e.getKey(), members);
        });
        Set<String> scatters = new HashSet<>();
        model.path("scatters").forEach(s -> scatters.add(s.get("symbol").asText()));
        for (JsonNode w : model.path("wilds")) {
            Set<String> subs = new HashSet<>();
            if (w.has("substitutes")) {
                w.get("substitutes").forEach(s -> subs.add(s.asText()));
            } else {
                model.get("symbols").forEach(s -> subs.add(s.asText()));
                subs.removeAll(scatters);
            }
            wildSubstitutes.put(w.get("symbol").asText(), subs);
            wildMultiplier.put(w.get("symbol").asText(), w.path("multiplier").asLong(1));
        }
        wildSubstitutes.values().forEach(subs -> subs.removeAll(wildSubstitutes.keySet()));
        sum = "sum".equals(model.path("wildMultipliers").asText());
        pays = pays();
    }

    /** The strips of a reel set, by name. */
    List<List<String>> strips(String set) {
        List<List<String>> strips = new ArrayList<>();
        for (JsonNode reel : model.get("reelSets").get(set)) {
            List<String> strip = new ArrayList<>();
            (reel.isArray() ? reel : reel.get("stops")).forEach(s -> strip.add(s.asText()));
            strips.add(strip);
        }
        return strips;
    }

    /** The weight of each stop of a reel set's reels (1 each without weights). */
    long[][] weights(String set) {
        JsonNode reelsNode = model.get("reelSets").get(set);
        long[][] weights = new long[reels][];
        for (int r = 0; r < reels; r++) {
            JsonNode reel = reelsNode.get(r);
            JsonNode stops = reel.isArray() ? reel : reel.get("stops");
            weights[r] = new long[stops.size()];
            for (int i = 0; i < stops.size(); i++) {
                weights[r][i] = reel.has("weights") ? reel.get("weights").get(i).asLong() : 1;
            }
        }
        return weights;
    }

    /** The window at the given stops: window[row][reel]. */
    String[][] window(List<List<String>> strips, int[] stops) {
        String[][] window = new String[rows][reels];
        for (int r = 0; r < reels; r++) {
            List<String> strip = strips.get(r);
            for (int j = 0; j < rows; j++) {
                window[j][r] = strip.get((stops[r] + j) % strip.size());
            }
        }
        return window;
    }

    private Set<String> accepted(String name) {
        return groups.containsKey(name) ? groups.get(name) : Set.of(name);
    }

    /** The multiplier a pattern (sets per position, read from the left or right) wins with, 0 for no match. */
    private long match(List<Set<String>> pattern, String[] line, boolean fromRight) {
        long product = 1;
        long total = 0;
        boolean wild = false;
        for (int i = 0; i < pattern.size(); i++) {
            String s = line[fromRight ? reels - 1 - i : i];
            Set<String> set = pattern.get(i);
            if (set.contains(s)) {
                continue;
            }
            Set<String> subs = wildSubstitutes.get(s);
            if (subs == null || set.stream().noneMatch(subs::contains)) {
                return 0;
            }
            wild = true;
            long m = wildMultiplier.get(s);
            product *= m;
            total += m > 1 ? m : 0;
        }
        return !wild ? 1 : sum ? Math.max(1, total) : product;
    }

    /**
     * A pay as written: a number, or the name of a jackpot, which pays its amount (a progressive one its seed) in
     * total bets, {@code perTotalBet} in the pay's unit.
     */
    long value(JsonNode entry, long perTotalBet) {
        if (!entry.isTextual()) {
            return entry.asLong();
        }
        for (JsonNode j : model.path("jackpots")) {
            if (j.get("name").asText().equals(entry.asText())) {
                return (j.has("amount") ? j.get("amount") : j.get("seed")).asLong() * perTotalBet;
            }
        }
        throw new IllegalArgumentException("unknown jackpot " + entry);
    }

    /** Every line pay as (pattern, credits). */
    private List<Map.Entry<List<Set<String>>, Long>> pays() {
        List<Map.Entry<List<Set<String>>, Long>> pays = new ArrayList<>();
        for (JsonNode p : model.get("pays")) {
            if (p.has("sequence")) {
                List<Set<String>> pattern = new ArrayList<>();
                p.get("sequence").forEach(s -> pattern.add(accepted(s.asText())));
                pays.add(Map.entry(pattern, value(p.get("pay"), lines)));
                continue;
            }
            String name = p.has("symbol") ? p.get("symbol").asText() : p.get("group").asText();
            for (int k = 1; k <= p.get("pays").size(); k++) {
                List<Set<String>> pattern = new ArrayList<>();
                for (int i = 0; i < k; i++) {
                    pattern.add(accepted(name));
                }
                pays.add(Map.entry(pattern, value(p.get("pays").get(k - 1), lines)));
            }
        }
        return pays;
    }

    private long best(String[] line, boolean fromRight, int[] length) {
        long best = 0;
        for (Map.Entry<List<Set<String>>, Long> pay : pays) {
            long value = pay.getValue() * match(pay.getKey(), line, fromRight);
            if (value > best) {
                best = value;
                length[0] = pay.getKey().size();
            }
        }
        return best;
    }

    /** A line's win in line bets (remembered per line of symbols, since lines repeat). */
    long lineCredits(String[] line) {
        return lineWins.computeIfAbsent(String.join(" ", line), k -> evaluate(line));
    }

    private long evaluate(String[] line) {
        int[] left = new int[1];
        long l = best(line, false, left);
        if (!model.path("bothWays").asBoolean(false)) {
            return l;
        }
        int[] right = new int[1];
        long r = best(line, true, right);
        return left[0] == reels || right[0] == reels ? Math.max(l, r) : l + r;
    }

    boolean startsBonus(String[] line) {
        JsonNode bonus = model.get("bonus");
        if (bonus == null) {
            return false;
        }
        List<Set<String>> pattern = new ArrayList<>();
        for (int i = 0; i < bonus.get("count").asInt(); i++) {
            pattern.add(Set.of(bonus.get("symbol").asText()));
        }
        return match(pattern, line, false) > 0;
    }

    /** The ways win in line bets. */
    long waysCredits(String[][] window) {
        long total = 0;
        for (JsonNode p : model.get("pays")) {
            String symbol = p.get("symbol").asText();
            long ways = 1;
            int k = 0;
            for (; k < reels; k++) {
                int count = 0;
                for (int j = 0; j < rows; j++) {
                    String s = window[j][k];
                    if (s.equals(symbol) || wildSubstitutes.getOrDefault(s, Set.of()).contains(symbol)) {
                        count++;
                    }
                }
                if (count == 0) {
                    break;
                }
                ways *= count;
            }
            if (k > 0 && k <= p.get("pays").size()) {
                total += ways * p.get("pays").get(k - 1).asLong();
            }
        }
        return total;
    }

    /** Scatter counts in model order. */
    int[] scatterCounts(String[][] window) {
        JsonNode scatters = model.path("scatters");
        int[] counts = new int[scatters.size()];
        for (int i = 0; i < counts.length; i++) {
            String symbol = scatters.get(i).get("symbol").asText();
            boolean perReel = !"per-symbol".equals(scatters.get(i).path("count").asText());
            for (int r = 0; r < reels; r++) {
                int c = 0;
                for (int j = 0; j < rows; j++) {
                    c += window[j][r].equals(symbol) ? 1 : 0;
                }
                counts[i] += perReel ? Math.min(c, 1) : c;
            }
        }
        return counts;
    }

    /** Pay in total bets of scatter {@code i} at {@code count}. */
    long scatterPay(int i, int count) {
        JsonNode pays = model.get("scatters").get(i).path("pays");
        return count == 0 || pays.size() == 0 ? 0 : value(pays.get(Math.min(count, pays.size()) - 1), 1);
    }

    /** Line (or ways) credits and bonus count for one window, on the first {@code lines} paylines. */
    long[] lineWinAndBonuses(String[][] window) {
        if (model.path("ways").asBoolean(false)) {
            return new long[] {waysCredits(window), 0};
        }
        long credits = 0;
        long bonuses = 0;
        for (int l = 0; l < lines; l++) {
            JsonNode payline = model.get("paylines").get(l);
            String[] line = new String[reels];
            for (int r = 0; r < reels; r++) {
                line[r] = window[payline.get(r).asInt()][r];
            }
            credits += lineCredits(line);
            bonuses += startsBonus(line) ? 1 : 0;
        }
        return new long[] {credits, bonuses};
    }
}
