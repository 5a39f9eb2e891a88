package io.fairspin.math.slot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fairspin.math.Game;
import io.fairspin.math.GameModels;
import io.fairspin.math.ModelException;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * RTP variants: a variant is the model with the variant's fields put in place. The check is against the
 * same model written out by hand with those fields (an independent document, loaded without variants).
 */
class VariantsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aVariantIsTheModelWithItsFieldsReplaced() throws Exception {
        ObjectNode model = (ObjectNode) JSON.readTree(Files.readString(Examples.example("sizzling-hot.json")));
        ArrayNode lowerReels = model.get("reelSets").get("base").deepCopy();
        ((ArrayNode) lowerReels.get(4)).set(((ArrayNode) lowerReels.get(4)).size() - 1, "lemon");
        ObjectNode variants = model.putObject("variants");
        variants.putObject("low").putObject("reelSets").set("base", lowerReels);
        variants.putObject("max").put("maxWin", 100);

        ObjectNode byHand = model.deepCopy();
        byHand.remove("variants");
        ((ObjectNode) byHand.get("reelSets")).set("base", lowerReels);
        byte[] json = JSON.writeValueAsBytes(model);

        Game plain = GameModels.load("v.json", json);
        Game low = GameModels.load("v.json", json, "low");
        Game expected = GameModels.load("hand.json", JSON.writeValueAsBytes(byHand));
        assertEquals("sizzling-hot", plain.id());
        assertEquals("sizzling-hot@low", low.id());
        assertEquals(expected.exactFigures().orElseThrow().rtp(), low.exactFigures().orElseThrow().rtp());
        assertNotEquals(plain.exactFigures().orElseThrow().rtp(), low.exactFigures().orElseThrow().rtp());
        assertEquals(List.of("low", "max"), GameModels.variants("v.json", json));

        ModelException unknown = assertThrows(ModelException.class, () -> GameModels.load("v.json", json, "96"));
        assertEquals("v.json: $.variants: unknown variant \"96\": expected one of low, max", unknown.getMessage());
        ((ObjectNode) variants.get("max")).put("maxWin", -1);
        ModelException bad = assertThrows(ModelException.class,
                () -> GameModels.load("v.json", JSON.writeValueAsBytes(model), "max"));
        assertEquals("v.json (variant max): $.maxWin: expected an integer in [1, 1073741823], was -1", bad.getMessage());
        variants.putObject("typed").put("type", "keno");
        ModelException typed = assertThrows(ModelException.class,
                () -> GameModels.load("v.json", JSON.writeValueAsBytes(model)));
        assertTrue(typed.getMessage().startsWith("v.json: $.variants.typed.type: a variant may not replace"),
                typed.getMessage());
    }
}
