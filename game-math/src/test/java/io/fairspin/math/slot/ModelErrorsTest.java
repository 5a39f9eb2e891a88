package io.fairspin.math.slot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fairspin.math.Fraction;
import io.fairspin.math.GameModels;
import io.fairspin.math.ModelException;
import io.fairspin.math.slot.reading.SlotModelReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Bad models are refused with the file, the JSON path and what was expected; odd ones draw warnings. */
class ModelErrorsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static ObjectNode sizzlingHot() throws Exception {
        return (ObjectNode) JSON.readTree(Files.readString(Examples.example("sizzling-hot.json")));
    }

    private static ModelException refused(Consumer<ObjectNode> edit) throws Exception {
        ObjectNode model = sizzlingHot();
        edit.accept(model);
        byte[] json = JSON.writeValueAsBytes(model);
        return assertThrows(ModelException.class, () -> GameModels.load("bad.json", json));
    }

    private static void assertError(String path, String words, Consumer<ObjectNode> edit) throws Exception {
        ModelException e = refused(edit);
        assertEquals("bad.json", e.file());
        assertEquals(path, e.jsonPath(), e.getMessage());
        assertTrue(e.getMessage().startsWith("bad.json: " + path + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(words), e.getMessage());
    }

    @Test
    void namesTheFileThePathAndWhatWasExpected() throws Exception {
        assertError("$.reelSets.base[2][7]", "unknown symbol \"banana\"",
                m -> ((ArrayNode) m.get("reelSets").get("base").get(2)).set(7, "banana"));
        assertError("$.rows", "missing", m -> m.remove("rows"));
        assertError("$.rows", "expected an integer in [1, 16], was 0", m -> m.put("rows", 0));
        assertError("$.paylines[3]", "expected one row per reel (5), found 4",
                m -> ((ArrayNode) m.get("paylines").get(3)).remove(4));
        assertError("$.paylines[1][2]", "expected an integer in [0, 2]",
                m -> ((ArrayNode) m.get("paylines").get(1)).set(2, 3));
        assertError("$.pays[0].pays", "expected at most 5 entries",
                m -> ((ArrayNode) m.get("pays").get(0).get("pays")).add(9000));
        assertError("$.reelSets.free", "expected 5 reels like the first reel set", m -> {
            ArrayNode free = m.get("reelSets").get("base").deepCopy();
            free.remove(4);
            ((ObjectNode) m.get("reelSets")).set("free", free);
        });
        assertError("$.baseReels", "unknown reel set \"free\"", m -> m.put("baseReels", "free"));
        assertError("$.bet.lines", "expected an integer in [1, 5], was 6", m -> ((ObjectNode) m.get("bet")).put("lines", 6));
        assertError("$.scatters[0].count", "expected one of per-reel, per-symbol",
                m -> ((ObjectNode) m.get("scatters").get(0)).put("count", "twice"));
        assertError("$.symbols[7]", "duplicate symbol \"seven\"", m -> ((ArrayNode) m.get("symbols")).set(7, "seven"));
        assertError("$.type", "unknown game type \"slots\"", m -> m.put("type", "slots"));
        assertError("$.maxwin", "unknown field: expected one of type, id,", m -> m.put("maxwin", 100));
        assertError("$.bet.line", "unknown field", m -> ((ObjectNode) m.get("bet")).put("line", 1));
    }

    @Test
    void refusesBetLimitsThatAllowAWagerTheModelCannotBeReadAt() throws Exception {
        // Pays are read per coin up to 100 coins: a limit of 200 coins allowed bets no round could be played at.
        assertError("$.betLimits.coins", "allows 5 lines at 1 a line and 200 coins, a wager the model cannot be read at ($.bet.coins:",
                m -> ((ObjectNode) m.get("betLimits")).putObject("coins").put("min", 1).put("max", 200));
        // 20,000,000 credits a line is past the 2^30 - 1 credits a pay may be from 54 coins on (2^30 - 1 over 20M: 53.7).
        assertError("$.betLimits.coins", " 54 coins, a wager the model cannot be read at ($.pays: the top pay times", m -> {
            ((ArrayNode) m.get("pays").get(0).get("pays")).set(4, 20_000_000);
            ((ObjectNode) m.get("betLimits")).putObject("coins").put("min", 1).put("max", 100);
        });
        // A coin pay is read only at its own coin count: 2 coins, between the standard 1 and the most, 3, is read too.
        ObjectNode coinPay = (ObjectNode) JSON.readTree(Files.readString(Examples.example("red-white-blue.json")));
        ((ObjectNode) coinPay.get("pays").get(0).get("coinPays")).put("2", 2_000_000_000L);
        ModelException e = assertThrows(ModelException.class,
                () -> GameModels.load("bad.json", JSON.writeValueAsBytes(coinPay)));
        assertEquals("$.betLimits.coins", e.jsonPath(), e.getMessage());
        assertTrue(e.getMessage().contains("2 coins, a wager the model cannot be read at ($.pays[0].coinPays.2:"),
                e.getMessage());
        ObjectNode fifty = sizzlingHot();
        ((ObjectNode) fifty.get("betLimits")).putObject("coins").put("min", 1).put("max", 50);
        assertEquals(50, GameModels.load("ok.json", JSON.writeValueAsBytes(fifty)).betLimits().limit("coins").max());
    }

    @Test
    void refusesFreeGamesThatWouldNeverEnd() throws Exception {
        assertError("$.freeGames.spins", "would never end", m -> {
            ObjectNode free = m.putObject("freeGames");
            free.put("scatter", "star");
            free.putArray("spins").add(20).add(20).add(20);
            free.put("reels", "base");
        });
    }

    @Test
    void refusesShortPaysListsModelsThatPayNothingAndFeaturesThatCanNeverStart() throws Exception {
        // Before: a 4-entry list on 5 reels was accepted, paying 5 sevens as 4 on lines and nothing in ways.
        assertError("$.pays[0].pays", "expected one pay per reel (5), found 4",
                m -> ((ArrayNode) m.get("pays").get(0).get("pays")).remove(4));
        assertError("$.pays", "the model pays nothing", m -> {
            m.get("pays").forEach(p -> {
                ArrayNode a = (ArrayNode) p.get("pays");
                for (int i = 0; i < a.size(); i++) {
                    a.set(i, 0);
                }
            });
            m.remove("scatters");
        });
        assertError("$.freeGames.spins", "free games need 6 \"star\", but the base reels show at most 5", m -> {
            ObjectNode free = m.putObject("freeGames");
            free.put("scatter", "star");
            free.putArray("spins").add(0).add(0).add(0).add(0).add(0).add(10);
            free.put("reels", "base");
        });
        assertError("$.freeGames.spins", "every entry is 0", m -> {
            ObjectNode free = m.putObject("freeGames");
            free.put("scatter", "star");
            free.putArray("spins").add(0).add(0).add(0);
            free.put("reels", "base");
        });
    }

    /**
     * A three-row window whose reels are virtual, the seven rare (weight 1) and blanks common (1000):
     * weights meant for the payline (the middle row) but attached, as the format says, to the stop on the
     * top row, so the payline shows the seven with the weight of the blank above it. Before the warning
     * this model reported an RTP of about 18,500% without a word.
     */
    @Test
    void warnsWhenVirtualReelWeightsAreReadOnAnotherRow() throws Exception {
        String model = """
            {"type": "slot", "id": "rows", "rows": 3, "symbols": ["seven", "blank"],
             "reelSets": {"base": [
               {"stops": ["seven", "blank", "blank", "blank"], "weights": [1, 1000, 1000, 1000]},
               {"stops": ["seven", "blank", "blank", "blank"], "weights": [1, 1000, 1000, 1000]},
               {"stops": ["seven", "blank", "blank", "blank"], "weights": [1, 1000, 1000, 1000]}]},
             "baseReels": "base", "paylines": [[1, 1, 1]],
             "pays": [{"symbol": "seven", "pays": [0, 0, 5000]}], "bet": {"lineBet": 1, "lines": 1}}""";
        SlotGame game = (SlotGame) GameModels.load("rows.json", model.getBytes(StandardCharsets.UTF_8));
        assertEquals(Fraction.of(5000L * 1000 * 1000 * 1000, 3001L * 3001 * 3001), game.exactFigures().orElseThrow().rtp());
        assertEquals(3, game.warnings().size(), game.warnings().toString());
        assertTrue(game.warnings().get(0).startsWith("$.reelSets.base[0].weights: the weights attach to the stop"
                + " shown on the top row (row 0), but the paylines read row 1, where \"seven\" has weight 1000"
                + " against 1 on row 0"), game.warnings().get(0));
        // The same reels saying that the weights are for the payline's row: no warning, the intended RTP.
        SlotGame stated = (SlotGame) GameModels.load("rows.json", model.replace("1000]}", "1000], \"weightedRow\": 1}")
                .getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of(), stated.warnings());
        assertEquals(Fraction.of(5000, 3001L * 3001 * 3001), stated.exactFigures().orElseThrow().rtp());
    }

    @Test
    void theSchemaForEditorsKnowsTheSameFieldsAsTheReader() throws Exception {
        JsonNode schema = JSON.readTree(Examples.root().resolve("docs/schema/slot-model.schema.json").toFile());
        List<String> fields = new ArrayList<>();
        schema.get("properties").fieldNames().forEachRemaining(fields::add);
        assertEquals("variants", fields.remove(fields.size() - 1), "variants come last: GameModels reads them");
        assertEquals("holdAndWin", fields.remove(fields.size() - 1), "then holdAndWin: HoldAndWinGame reads it");
        assertEquals("cascade", fields.remove(fields.size() - 1), "then cascade: CascadeModelReader reads those models");
        assertEquals(SlotModelReader.FIELDS, fields);
    }

    @Test
    void notJsonIsAnErrorAtTheDocument() {
        ModelException e = assertThrows(ModelException.class,
                () -> GameModels.load("broken.json", "{\"type\": ".getBytes(StandardCharsets.UTF_8)));
        assertEquals("$", e.jsonPath());
        assertTrue(e.getMessage().contains("not valid JSON at line 1"), e.getMessage());
        ModelException unclosed = assertThrows(ModelException.class,
                () -> GameModels.load("broken.json", "{\"reels\": [\n".getBytes(StandardCharsets.UTF_8)));
        assertTrue(unclosed.getMessage().endsWith("expected close marker for Array (start marker at line 1,"
                + " column 11)"), unclosed.getMessage());
        ModelException duplicate = assertThrows(ModelException.class,
                () -> GameModels.load("dup.json", "{\"type\": \"keno\", \"id\": \"a\", \"id\": \"b\"}"
                        .getBytes(StandardCharsets.UTF_8)));
        assertTrue(duplicate.getMessage().endsWith("column 35: duplicate field 'id'"), duplicate.getMessage());
    }

    @Test
    void warnsOfSymbolsThatNeverAppearAndPaysThatCanNeverOccur() throws Exception {
        ObjectNode model = sizzlingHot();
        ((ArrayNode) model.get("symbols")).add("bar");
        ((ArrayNode) model.get("pays")).addObject().put("symbol", "bar").putArray("pays").add(0).add(0).add(10).add(0).add(0);
        SlotGame game = (SlotGame) GameModels.load("odd.json", JSON.writeValueAsBytes(model));
        assertEquals(2, game.warnings().size(), game.warnings().toString());
        assertTrue(game.warnings().get(0).contains("symbol \"bar\" never appears"), game.warnings().toString());
        assertTrue(game.warnings().get(1).contains("pay \"bar x3\" can never occur"), game.warnings().toString());
        assertEquals(0, Examples.slot("sizzling-hot.json").warnings().size());
    }
}
