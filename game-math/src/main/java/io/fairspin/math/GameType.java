package io.fairspin.math;

import com.fasterxml.jackson.databind.JsonNode;
import io.fairspin.math.json.StrictJson;
import io.fairspin.math.slot.SlotGame;
import io.fairspin.math.slot.cascades.CascadeGame;
import io.fairspin.math.slot.respins.HoldAndWinGame;
import io.fairspin.math.table.TableGames;
import java.util.Arrays;

/** The game types a model file's {@code "type"} field names, each with the reader of its documents. */
enum GameType {
    SLOT("slot", (file, root) -> root.has("cascade") ? CascadeGame.fromModel(file, root)
            : root.has("holdAndWin") ? HoldAndWinGame.fromModel(file, root) : SlotGame.fromModel(file, StrictJson.write(root))),
    ROULETTE("roulette", TableGames::roulette),
    CRAPS("craps", TableGames::craps),
    BACCARAT("baccarat", TableGames::baccarat),
    VIDEO_POKER("video-poker", TableGames::videoPoker),
    THREE_CARD_POKER("three-card-poker", TableGames::threeCardPoker),
    KENO("keno", TableGames::keno),
    BLACKJACK("blackjack", TableGames::blackjack);

    private final String modelName;
    private final ModelReader reader;

    GameType(String modelName, ModelReader reader) {
        this.modelName = modelName;
        this.reader = reader;
    }

    Game read(String fileName, JsonNode root) {
        return reader.read(fileName, root);
    }

    static String[] names() {
        return Arrays.stream(values()).map(t -> t.modelName).toArray(String[]::new);
    }

    static GameType named(String fileName, String name) {
        for (GameType type : values()) {
            if (type.modelName.equals(name)) {
                return type;
            }
        }
        throw new ModelException(fileName, "$.type", "unknown game type \"" + name + "\": expected one of "
                + String.join(", ", names()));
    }

    /** Reads a parsed model document of one game type. */
    @FunctionalInterface
    interface ModelReader {
        Game read(String fileName, JsonNode root);
    }
}
