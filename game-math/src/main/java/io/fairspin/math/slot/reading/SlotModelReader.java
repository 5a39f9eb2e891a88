package io.fairspin.math.slot.reading;

import com.fasterxml.jackson.databind.JsonNode;
import io.fairspin.math.slot.jackpots.Jackpot;
import io.fairspin.math.slot.jackpots.Jackpots;
import io.fairspin.math.slot.model.ModelChecks;
import io.fairspin.math.slot.model.SlotModel.Bonus;
import io.fairspin.math.slot.model.SlotModel.BonusBuy;
import io.fairspin.math.slot.model.SlotModel.Choice;
import io.fairspin.math.slot.model.SlotModel.FreeGames;
import io.fairspin.math.slot.model.SlotModel.Heights;
import io.fairspin.math.slot.model.SlotModel.JackpotPays;
import io.fairspin.math.slot.model.SlotModel.Pay;
import io.fairspin.math.slot.model.SlotModel.ReelSet;
import io.fairspin.math.slot.model.SlotModel.Scatter;
import io.fairspin.math.slot.model.SlotModel.Wild;
import io.fairspin.math.slot.model.SlotModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads and validates a slot model document (format: {@code docs/model-format.md}, "Slot models"). */
public final class SlotModelReader {
    /** Pays in line bets stay below 2^30 so that a line's pay and its bonus flag share one int. */
    public static final long MAX_CREDITS = (1L << 30) - 1;
    private static final int MAX_REEL_STOPS = 1 << 16;
    private static final int MAX_REELS = 9;
    /** Stops of all reels of a set with random heights, counting each (height, stop) pair: 21 bits. */
    private static final long MAX_HEIGHT_STOPS = (1L << 21) - 1;
    private static final double MAX_CYCLE = 0x1p62;

    private final List<String> symbols = new ArrayList<>();
    private final Map<String, boolean[]> groups = new LinkedHashMap<>();
    private final Map<String, Integer> reelSetIndex = new LinkedHashMap<>();
    private final List<ReelSet> reelSets = new ArrayList<>();
    private int reels;
    /** Coins per line of the bet being read: pays without a coin pay for it are multiplied by it. */
    private int coins = 1;
    /** The model's jackpots ({@code $.jackpots}), empty when it names none. */
    private List<Jackpot> jackpots = List.of();
    /** Credits per total bet of the bet being read (lines x coins): what a jackpot's amount is multiplied by. */
    private long unitsPerTotalBet = 1;
    /** Per pay read so far, the jackpot it wins or -1. */
    private final List<Integer> payJackpots = new ArrayList<>();
    /** Per scatter read, per count, the jackpot it wins or -1. */
    private final List<int[]> scatterJackpots = new ArrayList<>();
    /** Per bonus prize, the jackpot it is or -1. */
    private int[] prizeJackpots = new int[0];
    /** Every JSON path that names a jackpot, by jackpot: for the refusal of a jackpot never named. */
    private final List<List<String>> jackpotNamedAt = new ArrayList<>();

    /** The fields a slot model may have, in documentation order. */
    public static final List<String> FIELDS = List.of("type", "id", "name", "rows", "symbols", "groups", "wilds",
            "wildMultipliers", "reelSets", "baseReels", "paylines", "bothWays", "ways", "pays", "scatters", "freeGames",
            "bonus", "bet", "maxWin", "betLimits", "abandon", "gamble", "reelHeights", "topReel", "bonusBuy", "jackpots");

    private SlotModelReader() {
    }

    /**
     * The model in {@code root}, read from {@code file}.
     *
     * @param file the model file's name, for messages
     * @param root the parsed model document
     * @return the model
     */
    public static SlotModel read(String file, JsonNode root) {
        SlotModel model = new SlotModelReader().model(new ModelNode(file, "$", root));
        ModelChecks.requireUsable(file, model);
        return model;
    }

    private SlotModel model(ModelNode root) {
        root.allowOnly(FIELDS);
        String id = root.field("id").text();
        String name = root.has("name") ? root.field("name").text() : id;
        int rows = (int) root.field("rows").integer(1, 16);
        readSymbols(root.field("symbols"));
        if (root.has("groups")) {
            readGroups(root.field("groups"));
        }
        readReelSets(root.field("reelSets"), rows);
        Choice baseReels = choice(root.field("baseReels"));
        boolean ways = root.has("ways") && root.field("ways").bool();
        int[][] paylines = ways ? new int[0][] : paylines(root.field("paylines"), rows);
        boolean bothWays = root.has("bothWays") && root.field("bothWays").bool();
        if (ways && bothWays) {
            throw root.field("bothWays").error("both-ways pays apply to lines, not to a ways game");
        }
        ModelNode bet = root.field("bet").allowOnly(List.of("lineBet", "lines", "coins"));
        long lineBet = bet.field("lineBet").integer(1, Long.MAX_VALUE / (1L << 40));
        int lines = (int) bet.field("lines").integer(1, ways ? 10_000 : Math.max(1, paylines.length));
        coins = bet.has("coins") ? (int) bet.field("coins").integer(1, 100) : 1;
        unitsPerTotalBet = (long) lines * coins;
        if (root.has("jackpots")) {
            jackpots = Jackpots.read(root.field("jackpots"));
            jackpots.forEach(j -> jackpotNamedAt.add(new ArrayList<>()));
        }
        List<Scatter> scatters = root.has("scatters") ? scatters(root.field("scatters")) : List.of();
        List<Wild> wilds = root.has("wilds") ? wilds(root.field("wilds"), scatters) : List.of();
        if (ways && wilds.stream().anyMatch(w -> w.multiplier() > 1)) {
            throw root.field("wilds").error("wild multipliers apply to line games; a ways game's wilds must not have one");
        }
        if (ways && Math.pow(rows, reels) > Integer.MAX_VALUE) {
            throw root.field("rows").error("a ways game may have at most 2^31 ways (rows^reels)");
        }
        boolean add = root.has("wildMultipliers") && root.field("wildMultipliers").oneOf("product", "sum").equals("sum");
        List<Pay> pays = pays(root.field("pays"), ways);
        Bonus bonus = null;
        if (root.has("bonus")) {
            ModelNode b = root.field("bonus");
            if (ways) {
                throw b.error("a line-triggered bonus needs paylines; this is a ways game");
            }
            if (lines > 255) {
                throw bet.field("lines").error("a bonus game may play at most 255 lines");
            }
            pays.add(bonusTrigger(b));
            bonus = bonus(b);
        }
        FreeGames freeGames = root.has("freeGames") ? freeGames(root.field("freeGames"), scatters) : null;
        long maxWin = root.has("maxWin") ? root.field("maxWin").integer(1, MAX_CREDITS) * coins : 0;
        Heights heights = root.has("reelHeights") ? heights(root.field("reelHeights"), rows, ways) : null;
        if (root.has("topReel")) {
            if (heights == null) {
                throw root.field("topReel").error("a top reel needs random reel heights ($.reelHeights)");
            }
            heights = new Heights(heights.values(), heights.weights(), topReel(root.field("topReel"), rows, heights));
        }
        if (heights != null && scatters.size() > 1) {
            throw root.field("scatters").error("random reel heights allow at most one scatter");
        }
        if (heights != null && pays.size() > 50) {
            throw root.field("pays").error("random reel heights allow at most 50 paying symbols");
        }
        JackpotPays jackpotPays = jackpotPays(root, pays.size());
        checkJackpots(root, jackpotPays, wilds, pays, freeGames, maxWin);
        SlotModel model = new SlotModel(id, name, rows, reels, List.copyOf(symbols), wilds, add,
                List.copyOf(reelSets), baseReels, paylines, bothWays, ways, List.copyOf(pays), scatters, freeGames,
                bonus, lineBet, lines, maxWin, coins, heights, bonusBuy(root, freeGames == null ? null : freeGames::spins),
                jackpotPays);
        checkMultipliedPays(root, model);
        return model;
    }

    /** Where the model's jackpots are won; a jackpot named nowhere is refused. */
    private JackpotPays jackpotPays(ModelNode root, int pays) {
        if (jackpots.isEmpty()) {
            return JackpotPays.NONE;
        }
        for (int j = 0; j < jackpots.size(); j++) {
            if (jackpotNamedAt.get(j).isEmpty()) {
                throw root.field("jackpots").elements().get(j).error("jackpot \"" + jackpots.get(j).name()
                        + "\" is never won: name it in a pay ($.pays), a scatter pay ($.scatters) or a bonus prize"
                        + " ($.bonus.prizes)");
            }
        }
        int[] byPay = new int[pays];
        Arrays.fill(byPay, -1);
        for (int p = 0; p < payJackpots.size(); p++) {
            byPay[p] = payJackpots.get(p);
        }
        return new JackpotPays(jackpots, byPay, scatterJackpots.toArray(int[][]::new), prizeJackpots);
    }

    /**
     * Jackpots are paid at their amount, never multiplied or cut: a pay that names one may not be multiplied by a
     * wild's multiplier or the free games' multiplier, nor cut by a cap; a model that could do so is refused.
     */
    private void checkJackpots(ModelNode root, JackpotPays jackpotPays, List<Wild> wilds, List<Pay> pays,
            FreeGames freeGames, long maxWin) {
        if (!jackpotPays.any()) {
            return;
        }
        if (!jackpotPays.inPayTable()) {
            return;
        }
        String where = jackpotNamedAt.stream().flatMap(List::stream).filter(path -> !path.contains(".bonus."))
                .findFirst().orElse("$.pays");
        if (maxWin > 0) {
            throw root.field("maxWin").error("a maximum-win cap would cut the jackpot that " + where
                    + " names: a cap is not available with jackpots in the pay table");
        }
        if (freeGames != null && freeGames.multiplier() > 1) {
            throw root.field("freeGames").field("multiplier").error("free games with a multiplier would multiply the"
                    + " jackpot that " + where + " names: jackpots are paid at their amount");
        }
        for (int p = 0; p < pays.size(); p++) {
            if (jackpotPays.ofPay(p) < 0) {
                continue;
            }
            for (boolean[] accepted : pays.get(p).pattern()) {
                for (Wild w : wilds) {
                    for (int x = 0; x < accepted.length; x++) {
                        if (accepted[x] && w.substitutes()[x] && w.multiplier() > 1) {
                            throw root.field("wilds").error("wild \"" + symbols.get(w.symbol()) + "\" (x"
                                    + w.multiplier() + ") substitutes in the pay " + pays.get(p).award()
                                    + ", which wins a jackpot: jackpots are paid at their amount, not multiplied");
                        }
                    }
                }
            }
        }
    }

    /** Pays as written: numbers, or the name of a jackpot; their credits and per entry the jackpot, or -1. */
    private record Values(long[] credits, int[] jackpots) {
    }

    /**
     * A list of pays whose entries are numbers (multiplied by the coins of the bet) or jackpots' names (their
     * amount or seed in total bets, times {@code perTotalBet} credits).
     */
    private Values values(ModelNode list, long min, long perTotalBet) {
        List<ModelNode> items = list.nonEmptyElements();
        long[] credits = new long[items.size()];
        int[] named = new int[items.size()];
        for (int i = 0; i < credits.length; i++) {
            named[i] = jackpot(items.get(i));
            credits[i] = named[i] >= 0 ? jackpotCredits(items.get(i), named[i], perTotalBet)
                    : Math.multiplyExact(items.get(i).integer(min, MAX_CREDITS), coins);
        }
        return new Values(credits, named);
    }

    private long jackpotCredits(ModelNode node, int jackpot, long perTotalBet) {
        long credits = jackpots.get(jackpot).amount() * perTotalBet;
        if (credits > MAX_CREDITS) {
            throw node.error("jackpot \"" + jackpots.get(jackpot).name() + "\" pays " + credits + " line bets at this"
                    + " bet; pays must stay below " + MAX_CREDITS);
        }
        return credits;
    }

    /** The jackpot a pay's entry names (a string), or -1 for a number. */
    private int jackpot(ModelNode value) {
        int index = Jackpots.named(value, jackpots, "a number");
        if (index >= 0) {
            jackpotNamedAt.get(index).add(value.path());
        }
        return index;
    }

    /** Random reel heights: per reel a weighted table of heights from 1 to rows (ways games only). */
    private Heights heights(ModelNode node, int rows, boolean ways) {
        if (!ways) {
            throw node.error("random reel heights need a ways game (\"ways\": true)");
        }
        List<ModelNode> perReel = node.nonEmptyElements();
        if (perReel.size() != reels) {
            throw node.error("expected one height table per reel (" + reels + "), found " + perReel.size());
        }
        long[][] values = new long[reels][];
        long[][] weights = new long[reels][];
        double cycle = 1;
        for (int r = 0; r < reels; r++) {
            ModelNode table = perReel.get(r).allowOnly(List.of("values", "weights"));
            values[r] = table.field("values").integers(1, rows);
            weights[r] = weights(table, values[r].length);
            cycle *= Arrays.stream(weights[r]).sum();
        }
        for (ReelSet set : reelSets) {
            long stops = 0;
            for (int r = 0; r < reels; r++) {
                stops += (long) values[r].length * set.strips()[r].length;
            }
            if (stops > MAX_HEIGHT_STOPS) {
                throw node.error("reel set " + set.name() + " has " + stops + " (height, stop) pairs; expected at most "
                        + MAX_HEIGHT_STOPS);
            }
            double total = cycle;
            for (int r = 0; r < reels; r++) {
                total *= set.reelWeight(r);
            }
            if (total > MAX_CYCLE) {
                throw node.error("the product of the reels' lengths (or weight totals) and height weight totals is "
                        + total + " for reel set " + set.name() + "; expected at most 2^62");
            }
        }
        return new Heights(values, weights);
    }

    /**
     * The horizontal top reel: {@code {"stops": [...], "weights": [...], "firstReel": 2, "lastReel": 5}}, reels
     * counted from 1 (default: the second to the last but one); weights optional, as a virtual reel's.
     */
    private SlotModel.TopReel topReel(ModelNode node, int rows, Heights heights) {
        node.allowOnly(List.of("stops", "weights", "firstReel", "lastReel"));
        if (reels < 2) {
            throw node.error("a top reel needs at least 2 reels");
        }
        int first = (int) (node.has("firstReel") ? node.field("firstReel").integer(1, reels) : Math.min(2, reels)) - 1;
        int last = (int) (node.has("lastReel") ? node.field("lastReel").integer(1, reels) : Math.max(first + 1, reels - 1)) - 1;
        if (last < first) {
            throw node.field("lastReel").error("expected a reel from firstReel (" + (first + 1) + ") to " + reels
                    + ", was " + (last + 1));
        }
        List<ModelNode> stopNodes = node.field("stops").nonEmptyElements();
        if (stopNodes.size() > MAX_REEL_STOPS) {
            throw node.field("stops").error("expected at most " + MAX_REEL_STOPS + " stops");
        }
        int[] stops = stopNodes.stream().mapToInt(this::symbol).toArray();
        long[] weights = null;
        if (node.has("weights")) {
            ModelNode w = node.field("weights");
            weights = w.integers(0, 1L << 24);
            if (weights.length != stops.length) {
                throw w.error("expected one weight per stop (" + stops.length + "), found " + weights.length);
            }
            if (Arrays.stream(weights).sum() == 0) {
                throw w.error("expected a positive weight somewhere");
            }
        }
        if (Math.pow(rows + 1, reels) > Integer.MAX_VALUE) {
            throw node.error("a ways game may have at most 2^31 ways ((rows + 1)^reels with a top reel)");
        }
        SlotModel.TopReel top = new SlotModel.TopReel(stops, weights, first, last);
        for (ReelSet set : reelSets) {
            double total = top.total();
            for (int r = 0; r < reels; r++) {
                total *= (double) set.reelWeight(r) * heights.total(r);
            }
            if (total > MAX_CYCLE) {
                throw node.error("with the top reel's weight total, the cycle of reel set " + set.name() + " is "
                        + total + "; expected at most 2^62");
            }
        }
        return top;
    }

    /**
     * A slot model's {@code "bonusBuy"}: a price in total bets (1 to 100,000) and the scatter count whose free games
     * it buys, which must award some.
     *
     * @param root the model document
     * @param freeGamesByScatters the free games a scatter count awards, or null when the model has no free games
     * @return the bonus buy, or null when the model sells none
     * @throws io.fairspin.math.ModelException naming {@code $.bonusBuy} or its field
     */
    public static BonusBuy bonusBuy(ModelNode root, java.util.function.IntToLongFunction freeGamesByScatters) {
        if (!root.has("bonusBuy")) {
            return null;
        }
        ModelNode node = root.field("bonusBuy").allowOnly(List.of("price", "scatters"));
        if (freeGamesByScatters == null) {
            throw node.error("a bonus buy buys the free games; the model has none ($.freeGames)");
        }
        long price = node.field("price").integer(1, 100_000);
        int count = (int) node.field("scatters").integer(1, 1000);
        if (freeGamesByScatters.applyAsLong(count) == 0) {
            throw node.field("scatters").error(count + " scatters award no free games");
        }
        return new BonusBuy(price, count);
    }

    private void readSymbols(ModelNode node) {
        for (ModelNode s : node.nonEmptyElements()) {
            String symbol = s.text();
            if (symbols.contains(symbol)) {
                throw s.error("duplicate symbol \"" + symbol + "\"");
            }
            symbols.add(symbol);
        }
        if (symbols.size() > 64) {
            throw node.error("expected at most 64 symbols, found " + symbols.size());
        }
    }

    private int symbol(ModelNode node) {
        String id = node.text();
        int index = symbols.indexOf(id);
        if (index < 0) {
            throw node.error("unknown symbol \"" + id + "\": expected one of " + String.join(", ", symbols));
        }
        return index;
    }

    private void readGroups(ModelNode node) {
        for (String group : node.fieldNames()) {
            if (symbols.contains(group)) {
                throw node.field(group).error("a group may not have a symbol's name");
            }
            boolean[] members = new boolean[symbols.size()];
            for (ModelNode member : node.field(group).nonEmptyElements()) {
                members[symbol(member)] = true;
            }
            groups.put(group, members);
        }
    }

    /** The symbols a pattern position accepts: a symbol or a group, by name. */
    private boolean[] symbolSet(ModelNode node) {
        String id = node.text();
        if (groups.containsKey(id)) {
            return groups.get(id);
        }
        if (!symbols.contains(id)) {
            throw node.error("unknown symbol or group \"" + id + "\"");
        }
        boolean[] set = new boolean[symbols.size()];
        set[symbols.indexOf(id)] = true;
        return set;
    }

    private void readReelSets(ModelNode node, int rows) {
        for (String setName : node.fieldNames()) {
            ModelNode set = node.field(setName);
            List<ModelNode> reelNodes = set.nonEmptyElements();
            if (reelNodes.size() > MAX_REELS) {
                throw set.error("expected at most " + MAX_REELS + " reels, found " + reelNodes.size());
            }
            if (reels == 0) {
                reels = reelNodes.size();
            } else if (reelNodes.size() != reels) {
                throw set.error("expected " + reels + " reels like the first reel set, found " + reelNodes.size());
            }
            int[][] strips = new int[reels][];
            long[][] weights = new long[reels][];
            boolean weighted = false;
            boolean[] rowStated = new boolean[reels];
            for (int r = 0; r < reels; r++) {
                ModelNode reel = reelNodes.get(r);
                ModelNode stops = reel.isArray() ? reel
                        : reel.allowOnly(List.of("stops", "weights", "weightedRow")).field("stops");
                List<ModelNode> stopNodes = stops.nonEmptyElements();
                if (stopNodes.size() > MAX_REEL_STOPS) {
                    throw stops.error("expected at most " + MAX_REEL_STOPS + " stops");
                }
                strips[r] = stopNodes.stream().mapToInt(this::symbol).toArray();
                if (!reel.isArray() && reel.has("weights")) {
                    ModelNode w = reel.field("weights");
                    weights[r] = w.integers(0, 1L << 24);
                    if (weights[r].length != strips[r].length) {
                        throw w.error("expected one weight per stop (" + strips[r].length + "), found "
                                + weights[r].length);
                    }
                    if (Arrays.stream(weights[r]).sum() == 0) {
                        throw w.error("expected a positive weight somewhere");
                    }
                    weighted = true;
                    if (reel.has("weightedRow")) {
                        rowStated[r] = true;
                        weights[r] = rotate(weights[r], (int) reel.field("weightedRow").integer(0, rows - 1));
                    }
                }
            }
            ReelSet reelSet = new ReelSet(setName, strips, weighted ? weights : null, rowStated);
            double cycle = 1;
            for (int r = 0; r < reels; r++) {
                cycle *= reelSet.reelWeight(r);
            }
            if (cycle > MAX_CYCLE) {
                throw set.error("the product of the reels' lengths (or weight totals) is " + cycle
                        + "; expected at most 2^62");
            }
            reelSetIndex.put(setName, reelSets.size());
            reelSets.add(reelSet);
        }
        if (reelSets.isEmpty()) {
            throw node.error("expected at least one reel set");
        }
    }

    /**
     * Weights given for the symbol each stop shows on row {@code row}, as weights of the stop on the top
     * row: the stop s shows stops[s + row] there, so it takes that entry's weight.
     */
    private static long[] rotate(long[] weights, int row) {
        long[] rotated = new long[weights.length];
        for (int s = 0; s < weights.length; s++) {
            rotated[s] = weights[(s + row) % weights.length];
        }
        return rotated;
    }

    /** A reel set by name, or a weighted list of them. */
    private Choice choice(ModelNode node) {
        return choice(node, reelSetIndex);
    }

    /**
     * A choice of reel sets as a model names it: one reel set's name, or a list of {@code {"reelSet", "weight"}}.
     *
     * @param node the field
     * @param reelSetIndex the model's reel sets: name to index
     * @return the reel sets' indices and weights
     * @throws io.fairspin.math.ModelException naming the field's path for an unknown name or a bad weight
     */
    public static Choice choice(ModelNode node, Map<String, Integer> reelSetIndex) {
        if (node.isText()) {
            return new Choice(new int[] {reelSet(node, reelSetIndex)}, new long[] {1});
        }
        List<ModelNode> entries = node.nonEmptyElements();
        int[] sets = new int[entries.size()];
        long[] weights = new long[entries.size()];
        for (int i = 0; i < sets.length; i++) {
            entries.get(i).allowOnly(List.of("reelSet", "weight"));
            sets[i] = reelSet(entries.get(i).field("reelSet"), reelSetIndex);
            weights[i] = entries.get(i).field("weight").integer(1, 1L << 24);
        }
        return new Choice(sets, weights);
    }

    private static int reelSet(ModelNode node, Map<String, Integer> reelSetIndex) {
        Integer index = reelSetIndex.get(node.text());
        if (index == null) {
            throw node.error("unknown reel set \"" + node.text() + "\": expected one of "
                    + String.join(", ", reelSetIndex.keySet()));
        }
        return index;
    }

    private int[][] paylines(ModelNode node, int rows) {
        List<ModelNode> lines = node.nonEmptyElements();
        int[][] paylines = new int[lines.size()][];
        for (int i = 0; i < paylines.length; i++) {
            long[] pattern = lines.get(i).integers(0, rows - 1);
            if (pattern.length != reels) {
                throw lines.get(i).error("expected one row per reel (" + reels + "), found " + pattern.length);
            }
            paylines[i] = Arrays.stream(pattern).mapToInt(v -> (int) v).toArray();
        }
        return paylines;
    }

    private List<Scatter> scatters(ModelNode node) {
        List<Scatter> scatters = new ArrayList<>();
        for (ModelNode s : node.elements()) {
            s.allowOnly(List.of("symbol", "count", "pays"));
            boolean perReel = !s.has("count") || s.field("count").oneOf("per-reel", "per-symbol").equals("per-reel");
            Values pays = s.has("pays") ? values(s.field("pays"), 0, coins) : new Values(new long[0], new int[0]);
            scatterJackpots.add(pays.jackpots());
            scatters.add(new Scatter(symbol(s.field("symbol")), perReel, pays.credits()));
        }
        return List.copyOf(scatters);
    }

    private List<Wild> wilds(ModelNode node, List<Scatter> scatters) {
        List<Wild> wilds = new ArrayList<>();
        for (ModelNode w : node.elements()) {
            w.allowOnly(List.of("symbol", "substitutes", "multiplier"));
            int symbol = symbol(w.field("symbol"));
            boolean[] substitutes = new boolean[symbols.size()];
            if (w.has("substitutes")) {
                for (ModelNode s : w.field("substitutes").nonEmptyElements()) {
                    substitutes[symbol(s)] = true;
                }
            } else {
                Arrays.fill(substitutes, true);
                scatters.forEach(s -> substitutes[s.symbol()] = false);
            }
            substitutes[symbol] = false;
            long multiplier = w.has("multiplier") ? w.field("multiplier").integer(1, 1000) : 1;
            wilds.add(new Wild(symbol, substitutes, multiplier));
        }
        for (Wild w : wilds) {
            for (Wild other : wilds) {
                w.substitutes()[other.symbol()] = false;
            }
        }
        return List.copyOf(wilds);
    }

    private List<Pay> pays(ModelNode node, boolean ways) {
        List<Pay> pays = new ArrayList<>();
        for (ModelNode p : node.nonEmptyElements()) {
            p.allowOnly(p.has("sequence") ? List.of("sequence", "pay", "coinPays")
                    : p.has("symbol") ? List.of("symbol", "pays", "coinPays") : List.of("group", "pays", "coinPays"));
            ModelNode coinPay = coinPay(p);
            if (p.has("sequence")) {
                if (ways) {
                    throw p.error("a sequence pay needs paylines; this is a ways game");
                }
                List<ModelNode> items = p.field("sequence").nonEmptyElements();
                checkLength(p.field("sequence"), items.size());
                boolean[][] pattern = items.stream().map(this::symbolSet).toArray(boolean[][]::new);
                String award = String.join("-", items.stream().map(ModelNode::text).toList());
                ModelNode payNode = coinPay != null ? coinPay : p.field("pay");
                int jackpot = coinPay != null ? -1 : jackpot(payNode);
                long pay = coinPay != null ? coinPay.integer(1, MAX_CREDITS)
                        : jackpot >= 0 ? jackpotCredits(payNode, jackpot, unitsPerTotalBet)
                        : payNode.integer(1, MAX_CREDITS) * coins;
                pays.add(new Pay(award(award, jackpot), pattern, pay, false));
                payJackpots.add(jackpot);
                continue;
            }
            ModelNode target = p.has("symbol") ? p.field("symbol") : p.field("group");
            if (ways && !p.has("symbol")) {
                throw target.error("a ways game pays symbols, not groups");
            }
            boolean[] set = symbolSet(target);
            ModelNode paysNode = coinPay != null ? coinPay : p.field("pays");
            if (ways && p.field("pays").nonEmptyElements().stream().anyMatch(ModelNode::isText)) {
                ModelNode named = p.field("pays").nonEmptyElements().stream().filter(ModelNode::isText).findFirst()
                        .orElseThrow();
                throw named.error("a ways pay is paid once per way; in a ways game a jackpot is won by a scatter pay"
                        + " ($.scatters)");
            }
            Values written = coinPay != null ? new Values(coinPay.integers(0, MAX_CREDITS), null)
                    : values(paysNode, 0, unitsPerTotalBet);
            long[] credits = written.credits();
            if (coinPay != null && credits.length != p.field("pays").nonEmptyElements().size()) {
                throw coinPay.error("expected as many entries as pays (" + p.field("pays").nonEmptyElements().size()
                        + "), found " + credits.length);
            }
            checkLength(paysNode, credits.length);
            if (credits.length < reels) {
                throw paysNode.error("expected one pay per reel (" + reels + "), found " + credits.length
                        + ": write the pay of every count from 1 to " + reels + ", 0 where it pays nothing");
            }
            for (int k = 1; k <= credits.length; k++) {
                if (credits[k - 1] > 0) {
                    boolean[][] pattern = new boolean[k][];
                    Arrays.fill(pattern, set);
                    int jackpot = written.jackpots() == null ? -1 : written.jackpots()[k - 1];
                    pays.add(new Pay(award(target.text() + " x" + k, jackpot), pattern, credits[k - 1], false));
                    payJackpots.add(jackpot);
                }
            }
        }
        return pays;
    }

    /**
     * The pay entry's pay for the coins of the bet, when its {@code coinPays} has one: {@code "coinPays": {"3":
     * [0, 0, 10000]}} (a sequence pay: {@code {"3": 10000}}) pays that many line bets of one coin, in place of
     * coins times the one-coin pay.
     */
    private ModelNode coinPay(ModelNode pay) {
        if (!pay.has("coinPays")) {
            return null;
        }
        ModelNode byCoins = pay.field("coinPays");
        for (String key : byCoins.fieldNames()) {
            if (!key.matches("[1-9][0-9]?")) {
                throw byCoins.field(key).error("expected a number of coins from 2 to 99 as the key");
            }
        }
        String key = String.valueOf(coins);
        return byCoins.has(key) ? byCoins.field(key) : null;
    }

    private void checkLength(ModelNode node, int length) {
        if (length > reels) {
            throw node.error("expected at most " + reels + " entries, one per reel, found " + length);
        }
    }

    private Pay bonusTrigger(ModelNode node) {
        int symbol = symbol(node.field("symbol"));
        ModelNode count = node.field("count");
        int k = (int) count.integer(1, reels);
        boolean[] set = new boolean[symbols.size()];
        set[symbol] = true;
        boolean[][] pattern = new boolean[k][];
        Arrays.fill(pattern, set);
        payJackpots.add(-1);
        return new Pay(node.has("name") ? node.field("name").text() : "bonus", pattern, 0, true);
    }

    /** A pay's award name: {@code "wild x5"}, or {@code "wild x5 (jackpot grand)"} when it wins a jackpot. */
    private String award(String award, int jackpot) {
        return jackpot < 0 ? award : award + " (jackpot " + jackpots.get(jackpot).name() + ")";
    }

    private Bonus bonus(ModelNode node) {
        node.allowOnly(List.of("name", "symbol", "count", "items", "picks", "prizesPerItem", "prizes"));
        int items = (int) node.field("items").integer(1, 100);
        ModelNode picksNode = node.field("picks");
        long[] pickValues = null;
        long[] pickWeights = null;
        int picks;
        if (picksNode.isObject()) {
            picksNode.allowOnly(List.of("values", "weights"));
            pickValues = picksNode.field("values").integers(1, items);
            pickWeights = weights(picksNode, pickValues.length);
            picks = (int) Arrays.stream(pickValues).max().orElse(1);
        } else {
            picks = (int) picksNode.integer(1, items);
        }
        ModelNode counts = node.field("prizesPerItem").allowOnly(List.of("values", "weights"));
        long[] countValues = counts.field("values").integers(1, 100);
        long[] countWeights = weights(counts, countValues.length);
        ModelNode prizes = node.field("prizes").allowOnly(List.of("values", "weights"));
        Values prizeTable = values(prizes.field("values"), 1, unitsPerTotalBet);
        long[] prizeValues = prizeTable.credits();
        prizeJackpots = prizeTable.jackpots();
        long[] prizeWeights = weights(prizes, prizeValues.length);
        return new Bonus(node.has("name") ? node.field("name").text() : "bonus", items, picks, countValues,
                countWeights, prizeValues, prizeWeights, pickValues, pickWeights);
    }

    private static long[] weights(ModelNode table, int length) {
        ModelNode node = table.field("weights");
        long[] weights = node.integers(0, 1L << 24);
        if (weights.length != length) {
            throw node.error("expected one weight per value (" + length + "), found " + weights.length);
        }
        if (Arrays.stream(weights).sum() == 0) {
            throw node.error("expected a positive weight somewhere");
        }
        return weights;
    }

    private FreeGames freeGames(ModelNode node, List<Scatter> scatters) {
        node.allowOnly(List.of("scatter", "spins", "reels", "multiplier", "retrigger"));
        ModelNode scatterNode = node.field("scatter");
        int symbol = symbol(scatterNode);
        int scatter = -1;
        for (int i = 0; i < scatters.size(); i++) {
            if (scatters.get(i).symbol() == symbol) {
                scatter = i;
            }
        }
        if (scatter < 0) {
            throw scatterNode.error("expected a symbol listed in $.scatters");
        }
        long[] spins = node.field("spins").integers(0, 1000);
        Choice reelsChoice = choice(node.field("reels"));
        long multiplier = node.has("multiplier") ? node.field("multiplier").integer(1, 1000) : 1;
        boolean retrigger = !node.has("retrigger") || node.field("retrigger").bool();
        return new FreeGames(scatter, spins, reelsChoice, multiplier, retrigger);
    }

    /** Multiplied pays must still fit the evaluation's integers. */
    private static void checkMultipliedPays(ModelNode root, SlotModel model) {
        long top = 0;
        for (int p = 0; p < model.pays().size(); p++) {
            top = model.jackpots().ofPay(p) >= 0 ? top : Math.max(top, model.pays().get(p).credits());
        }
        long multiplier = 1;
        for (Wild w : model.wilds()) {
            multiplier = model.addMultipliers() ? multiplier + w.multiplier() * model.reels()
                    : multiplier * (long) Math.pow(w.multiplier(), model.reels());
        }
        if (model.freeGames() != null) {
            multiplier *= model.freeGames().multiplier();
        }
        if (multiplier > MAX_CREDITS || top * multiplier > MAX_CREDITS) {
            throw root.field("pays").error("the top pay times the largest possible multiplier exceeds "
                    + MAX_CREDITS + " line bets");
        }
    }
}
