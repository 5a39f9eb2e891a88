package io.fairspin.math.slot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fairspin.math.GameModels;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * For random small games (lines or ways, wilds with multipliers, groups, both ways, scatters, virtual
 * reels), the counted spin distribution equals brute force with the independent {@link NaiveSlot}.
 */
class CountingProperties {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] SYMBOLS = {"a", "b", "c", "w", "s"};

    @Property(tries = 150)
    void countingEqualsBruteForceOnRandomGames(@ForAll long seed) throws Exception {
        Random random = new Random(seed);
        ObjectNode model = randomGame(random);
        SlotGame game = (SlotGame) GameModels.load("random.json", JSON.writeValueAsBytes(model));
        assertEquals(BruteForce.distribution(new NaiveSlot(model), "base"), BruteForce.counted(game, "base"),
                model.toString());
    }

    private static ObjectNode randomGame(Random random) {
        int reels = 2 + random.nextInt(3);
        int rows = 1 + random.nextInt(3);
        boolean ways = random.nextInt(4) == 0;
        ObjectNode m = JSON.createObjectNode();
        m.put("type", "slot").put("id", "random").put("rows", rows);
        ArrayNode symbols = m.putArray("symbols");
        for (String s : SYMBOLS) {
            symbols.add(s);
        }
        m.putObject("groups").putArray("ab").add("a").add("b");
        ObjectNode wild = m.putArray("wilds").addObject().put("symbol", "w");
        if (!ways) {
            wild.put("multiplier", 1 + random.nextInt(3));
            m.put("wildMultipliers", random.nextBoolean() ? "sum" : "product");
        }
        if (random.nextBoolean()) {
            wild.putArray("substitutes").add("a").add("c");
        }
        ArrayNode base = m.putObject("reelSets").putArray("base");
        boolean weighted = random.nextBoolean();
        for (int r = 0; r < reels; r++) {
            int length = 2 + random.nextInt(5);
            ArrayNode stops = JSON.createArrayNode();
            ArrayNode weights = JSON.createArrayNode();
            for (int i = 0; i < length; i++) {
                stops.add(SYMBOLS[random.nextInt(SYMBOLS.length)]);
                weights.add(random.nextInt(4));
            }
            weights.set(0, 1);
            if (weighted) {
                ObjectNode reel = base.addObject();
                reel.set("stops", stops);
                reel.set("weights", weights);
            } else {
                base.add(stops);
            }
        }
        m.put("baseReels", "base");
        int lines = 1;
        if (ways) {
            m.put("ways", true);
        } else {
            ArrayNode paylines = m.putArray("paylines");
            lines = 1 + random.nextInt(3);
            for (int l = 0; l < lines; l++) {
                ArrayNode line = paylines.addArray();
                for (int r = 0; r < reels; r++) {
                    line.add(random.nextInt(rows));
                }
            }
            m.put("bothWays", random.nextBoolean());
        }
        ArrayNode pays = m.putArray("pays");
        for (String s : ways ? new String[] {"a", "b", "c"} : new String[] {"a", "b", "c", "w"}) {
            ArrayNode p = pays.addObject().put("symbol", s).putArray("pays");
            for (int k = 0; k < reels; k++) {
                p.add(random.nextInt(3) == 0 ? 0 : 1 + random.nextInt(20));
            }
        }
        if (!ways) {
            ArrayNode g = pays.addObject().put("group", "ab").putArray("pays");
            for (int k = 0; k < reels; k++) {
                g.add(random.nextInt(5));
            }
            pays.addObject().put("pay", 1 + random.nextInt(30)).putArray("sequence").add("c").add("ab");
        }
        ObjectNode scatter = m.putArray("scatters").addObject().put("symbol", "s")
                .put("count", random.nextBoolean() ? "per-reel" : "per-symbol");
        scatter.putArray("pays").add(0).add(random.nextInt(5)).add(random.nextInt(10));
        m.putObject("bet").put("lineBet", 1).put("lines", lines);
        return m;
    }
}
