package io.fairspin.math.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fairspin.math.GameModels;
import io.fairspin.math.ModelException;
import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every table-game model reader refuses a misspelt field and a malformed value, naming the file, the
 * JSON path and what was expected. Each case edits one example model.
 */
class TableModelErrorsTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @ParameterizedTest(name = "{0}: unknown field in {1}")
    @CsvSource({
        "roulette-european.json, '', $.wheels",
        "roulette-european.json, /standardWager/0, $.standardWager[0].wheels",
        "craps.json, '', $.wheels",
        "craps.json, /standardWager/0, $.standardWager[0].wheels",
        "baccarat.json, '', $.wheels",
        "baccarat.json, /standardWager/0, $.standardWager[0].wheels",
        "three-card-poker.json, '', $.wheels",
        "three-card-poker.json, /standardWager/0, $.standardWager[0].wheels",
        "jacks-or-better-9-6.json, '', $.wheels",
        "jacks-or-better-9-6.json, /paytable/3, $.paytable[3].wheels",
        "keno.json, '', $.wheels",
        "keno.json, /standardWager, $.standardWager.wheels",
        "blackjack.json, '', $.wheels",
        "blackjack.json, /rules, $.rules.wheels",
        "blackjack.json, /standardWager, $.standardWager.wheels"})
    void anUnknownFieldIsRefused(String example, String object, String path) throws IOException {
        JsonNode model = example(example);
        ((ObjectNode) model.at(JsonPointer.compile(object))).put("wheels", 1);
        ModelException e = refused(example, model, path);
        assertTrue(e.getMessage().contains("unknown field: expected one of"), e.getMessage());
    }

    @ParameterizedTest(name = "{0}: {1} = {2}")
    @CsvSource(delimiter = '|', value = {
        "roulette-european.json | /wheel | 37 | $.wheel | expected a string",
        "roulette-european.json | /standardWager/0/amount | \"100\" | $.standardWager[0].amount | expected an integer",
        "roulette-european.json | /standardWager/0 | {\"bet\": \"red\", \"numbers\": [1], \"amount\": 10}"
                + " | $.standardWager[0].numbers | expected no \"numbers\"",
        "craps.json | /fieldTwelvePays | 4 | $.fieldTwelvePays | expected an integer from 2 to 3",
        "craps.json | /commission | \"5%\" | $.commission | expected a fraction",
        "craps.json | /standardWager/0/odds/4 | -1 | $.standardWager[0].odds.4 | expected an integer from 0",
        "baccarat.json | /decks | 0 | $.decks | expected an integer from 1 to 16",
        "baccarat.json | /standardWager/0/bet | \"bankr\" | $.standardWager[0].bet | expected one of",
        "three-card-poker.json | /raiseWith | \"Q-6\" | $.raiseWith | expected three ranks",
        "three-card-poker.json | /pairPlus | {\"flsh\": 4} | $.pairPlus.flsh | unknown hand",
        "jacks-or-better-9-6.json | /coins | \"5\" | $.coins | expected an integer",
        "jacks-or-better-9-6.json | /paytable/0/hand | \"royal\" | $.paytable[0].hand | unknown hand",
        "keno.json | /standardWager/spots/0 | 81 | $.standardWager.spots[0] | expected an integer from 1 to 80",
        "keno.json | /paytables/6 | {\"9\": 1} | $.paytables.6.9 | not a catch count",
        "blackjack.json | /rules | [] | $.rules | expected an object",
        "blackjack.json | /rules/decks | 9 | $.rules.decks | expected an integer from 1 to 8",
        "blackjack.json | /rules/peek | \"yes\" | $.rules.peek | expected true or false",
        "blackjack.json | /rules/blackjackPays | \"7/5\" | $.rules.blackjackPays | expected one of"})
    void aMalformedValueIsRefused(String example, String field, String value, String path, String expected)
            throws IOException {
        JsonNode model = example(example);
        JsonPointer pointer = JsonPointer.compile(field);
        JsonNode parent = model.at(pointer.head());
        JsonNode replacement = MAPPER.readTree(value);
        if (parent.isArray()) {
            ((ArrayNode) parent).set(Integer.parseInt(pointer.last().getMatchingProperty()), replacement);
        } else {
            ((ObjectNode) parent).set(pointer.last().getMatchingProperty(), replacement);
        }
        ModelException e = refused(example, model, path);
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    private static JsonNode example(String name) throws IOException {
        return MAPPER.readTree(Files.readAllBytes(References.example(name)));
    }

    private static ModelException refused(String example, JsonNode model, String path) {
        ModelException e = assertThrows(ModelException.class,
                () -> GameModels.load(example, MAPPER.writeValueAsBytes(model)));
        assertEquals(example, e.file());
        assertEquals(path, e.jsonPath(), e.getMessage());
        assertTrue(e.getMessage().startsWith(example + ": " + path + ": "), e.getMessage());
        return e;
    }
}
