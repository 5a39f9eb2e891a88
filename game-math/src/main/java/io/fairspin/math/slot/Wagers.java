package io.fairspin.math.slot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fairspin.math.slot.reading.SlotModelReader;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A slot game at other wagers, by {@code [lines, bet per line, coins]}: its model read again with its {@code "bet"}
 * replaced by the wager (and no bet limits), once per wager, so each wager's analysis is made once.
 */
final class Wagers {
    private final String file;
    private final JsonNode root;
    private final Map<List<Long>, SlotGame> games = new ConcurrentHashMap<>();

    /** The wagers of the model document {@code root}, read from {@code file}. */
    Wagers(String file, JsonNode root) {
        this.file = file;
        this.root = root;
    }

    /** The game at this wager, read on first use. */
    SlotGame at(int lines, long lineBet, int coins) {
        return games.computeIfAbsent(List.of((long) lines, lineBet, (long) coins), key -> {
            ObjectNode copy = root.deepCopy();
            copy.remove("betLimits");
            copy.putObject("bet").put("lineBet", lineBet).put("lines", lines).put("coins", coins);
            return new SlotGame(file, SlotModelReader.read(file, copy), copy);
        });
    }
}
