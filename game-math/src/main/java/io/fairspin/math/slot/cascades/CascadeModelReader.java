package io.fairspin.math.slot.cascades;

import com.fasterxml.jackson.databind.JsonNode;
import io.fairspin.math.slot.cascades.CascadeModel.Free;
import io.fairspin.math.slot.cascades.CascadeModel.Sets;
import io.fairspin.math.slot.model.SlotModel;
import io.fairspin.math.slot.reading.ModelNode;
import io.fairspin.math.slot.reading.SlotModelReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads a cascading slot model ({@code "type": "slot"} with a {@code "cascade"} object; docs/model-format.md). */
final class CascadeModelReader {
    static final List<String> FIELDS = List.of("type", "id", "name", "rows", "symbols", "wilds", "reelSets",
            "baseReels", "cascade", "pays", "scatters", "freeGames", "bet", "maxWin", "betLimits", "bonusBuy");
    static final long MAX_CREDITS = (1L << 30) - 1;
    static final long DEFAULT_BUDGET = 20_000_000;
    /** The most line bets and coins a bet may stake (the model's {@code bet} and its {@code betLimits}). */
    static final int MAX_LINES = 10_000;
    static final int MAX_COINS = 100;

    private final List<String> symbols = new ArrayList<>();
    private final Map<String, Integer> setIndex = new LinkedHashMap<>();
    private final List<int[][]> strips = new ArrayList<>();
    private final List<long[][]> weights = new ArrayList<>();
    private int reels;

    private CascadeModelReader() {
    }

    static CascadeModel read(String file, JsonNode json) {
        return new CascadeModelReader().model(file, new ModelNode(file, "$", json));
    }

    private CascadeModel model(String file, ModelNode root) {
        root.allowOnly(FIELDS);
        String id = root.field("id").text();
        String name = root.has("name") ? root.field("name").text() : id;
        int rows = (int) root.field("rows").integer(1, 8);
        for (ModelNode s : root.field("symbols").nonEmptyElements()) {
            if (symbols.contains(s.text())) {
                throw s.error("duplicate symbol \"" + s.text() + "\"");
            }
            symbols.add(s.text());
        }
        if (symbols.size() > 32) {
            throw root.field("symbols").error("expected at most 32 symbols, found " + symbols.size());
        }
        readReelSets(root.field("reelSets"), rows);
        ModelNode cascade = root.field("cascade").allowOnly(List.of("evaluation", "multipliers", "analysisBudget"));
        boolean clusters = cascade.field("evaluation").oneOf("clusters", "ways").equals("clusters");
        long[] multipliers = cascade.has("multipliers") ? cascade.field("multipliers").integers(1, 1000) : new long[] {1};
        long budget = cascade.has("analysisBudget") ? cascade.field("analysisBudget").integer(0, 1L << 40) : DEFAULT_BUDGET;
        int scatter = -1;
        long[] scatterPays = new long[0];
        if (root.has("scatters")) {
            List<ModelNode> list = root.field("scatters").nonEmptyElements();
            if (list.size() > 1) {
                throw root.field("scatters").error("a cascading game has at most one scatter");
            }
            ModelNode s = list.get(0).allowOnly(List.of("symbol", "pays"));
            scatter = symbol(s.field("symbol"));
            scatterPays = s.has("pays") ? s.field("pays").integers(0, MAX_CREDITS) : new long[0];
        }
        int wild = -1;
        if (root.has("wilds")) {
            if (clusters) {
                throw root.field("wilds").error("wilds are available with ways evaluation only");
            }
            List<ModelNode> list = root.field("wilds").nonEmptyElements();
            if (list.size() > 1) {
                throw root.field("wilds").error("a cascading game has at most one wild");
            }
            wild = symbol(list.get(0).allowOnly(List.of("symbol")).field("symbol"));
        }
        long[][] pays = new long[symbols.size()][];
        for (ModelNode p : root.field("pays").nonEmptyElements()) {
            p.allowOnly(List.of("symbol", "pays"));
            int s = symbol(p.field("symbol"));
            if (s == scatter || s == wild) {
                throw p.field("symbol").error("the scatter and the wild do not pay as symbols");
            }
            if (pays[s] != null) {
                throw p.field("symbol").error("pays for \"" + symbols.get(s) + "\" are given twice");
            }
            ModelNode list = p.field("pays");
            pays[s] = list.integers(0, MAX_CREDITS);
            if (!clusters && pays[s].length != reels) {
                throw list.error("expected one pay per reel (" + reels + "), found " + pays[s].length);
            }
            if (clusters && pays[s].length > reels * rows) {
                throw list.error("expected at most one pay per window position (" + reels * rows + "), found "
                        + pays[s].length);
            }
        }
        boolean anyPay = Arrays.stream(pays).anyMatch(p -> p != null && Arrays.stream(p).anyMatch(v -> v > 0))
                || Arrays.stream(scatterPays).anyMatch(v -> v > 0);
        if (!anyPay) {
            throw root.field("pays").error("the model pays nothing: every pay is 0");
        }
        Sets base = sets(root.field("baseReels"));
        Free free = null;
        if (root.has("freeGames")) {
            ModelNode f = root.field("freeGames").allowOnly(List.of("scatter", "spins", "reels", "multipliers", "retrigger"));
            if (symbol(f.field("scatter")) != scatter || scatter < 0) {
                throw f.field("scatter").error("expected the symbol listed in $.scatters");
            }
            long[] spins = f.field("spins").integers(0, 1000);
            long[] freeMultipliers = f.has("multipliers") ? f.field("multipliers").integers(1, 1000) : multipliers;
            boolean retrigger = !f.has("retrigger") || f.field("retrigger").bool();
            free = new Free(spins, sets(f.field("reels")), freeMultipliers, retrigger);
            int needed = 0;
            while (needed < spins.length && spins[needed] == 0) {
                needed++;
            }
            // Cascades bring new symbols in, so every position may end up showing the scatter if a base strip has it.
            int scatterSymbol = scatter;
            boolean shown = Arrays.stream(base.sets()).anyMatch(set -> Arrays.stream(strips.get(set))
                    .anyMatch(strip -> Arrays.stream(strip).anyMatch(x -> x == scatterSymbol)));
            long most = shown ? (long) reels * rows : 0;
            if (needed == spins.length || most < needed + 1) {
                throw f.field("spins").error(needed == spins.length ? "every entry is 0: the free games can never start"
                        : "free games need " + (needed + 1) + " scatters, but the base reels can show at most " + most);
            }
        }
        ModelNode bet = root.field("bet").allowOnly(List.of("lineBet", "lines", "coins"));
        long lineBet = bet.field("lineBet").integer(1, 1L << 24);
        int lines = (int) bet.field("lines").integer(1, MAX_LINES);
        int coins = bet.has("coins") ? (int) bet.field("coins").integer(1, MAX_COINS) : 1;
        long maxWin = root.has("maxWin") ? root.field("maxWin").integer(1, MAX_CREDITS / lines) : 0;
        if (reels * rows > 64) {
            throw root.field("rows").error("a cascading window has at most 64 positions; reels x rows is " + reels * rows);
        }
        return new CascadeModel(id, name, rows, reels, List.copyOf(symbols), wild, clusters, pays, multipliers,
                List.copyOf(strips), java.util.Collections.unmodifiableList(weights), List.copyOf(setIndex.keySet()), base, scatter, scatterPays,
                free, lineBet, lines, coins, maxWin, budget, SlotModelReader.bonusBuy(root, free == null ? null : free::spins));
    }

    private int symbol(ModelNode node) {
        int index = symbols.indexOf(node.text());
        if (index < 0) {
            throw node.error("unknown symbol \"" + node.text() + "\": expected one of " + String.join(", ", symbols));
        }
        return index;
    }

    private void readReelSets(ModelNode node, int rows) {
        for (String setName : node.fieldNames()) {
            ModelNode set = node.field(setName);
            List<ModelNode> reelNodes = set.nonEmptyElements();
            if (reels == 0) {
                reels = reelNodes.size();
                if (reels > 9) {
                    throw set.error("expected at most 9 reels, found " + reels);
                }
            } else if (reelNodes.size() != reels) {
                throw set.error("expected " + reels + " reels like the first reel set, found " + reelNodes.size());
            }
            int[][] setStrips = new int[reels][];
            long[][] setWeights = new long[reels][];
            boolean weighted = false;
            for (int r = 0; r < reels; r++) {
                ModelNode reel = reelNodes.get(r);
                ModelNode stops = reel.isArray() ? reel : reel.allowOnly(List.of("stops", "weights")).field("stops");
                List<ModelNode> stopNodes = stops.nonEmptyElements();
                if (stopNodes.size() > 65_536) {
                    throw stops.error("expected at most 65536 stops");
                }
                setStrips[r] = stopNodes.stream().mapToInt(this::symbol).toArray();
                if (!reel.isArray() && reel.has("weights")) {
                    ModelNode w = reel.field("weights");
                    setWeights[r] = w.integers(0, 1L << 24);
                    if (setWeights[r].length != setStrips[r].length) {
                        throw w.error("expected one weight per stop (" + setStrips[r].length + "), found "
                                + setWeights[r].length);
                    }
                    if (Arrays.stream(setWeights[r]).sum() == 0) {
                        throw w.error("expected a positive weight somewhere");
                    }
                    weighted = true;
                }
            }
            setIndex.put(setName, strips.size());
            strips.add(setStrips);
            weights.add(weighted ? setWeights : null);
        }
    }

    private Sets sets(ModelNode node) {
        SlotModel.Choice choice = SlotModelReader.choice(node, setIndex);
        return new Sets(choice.sets(), choice.weights());
    }
}
