package io.fairspin.math.table;

import com.fasterxml.jackson.databind.JsonNode;
import io.fairspin.math.Game;

/**
 * The readers of the table and card game model types, which {@link io.fairspin.math.GameModels}
 * dispatches to by the model's {@code "type"}; documented in {@code docs/model-format.md}.
 */
public final class TableGames {
    private TableGames() {
    }

    /** Reads a {@code "roulette"} model. */
    public static Game roulette(String fileName, JsonNode root) {
        return Roulette.read(Field.root(fileName, root));
    }

    /** Reads a {@code "craps"} model. */
    public static Game craps(String fileName, JsonNode root) {
        return Craps.read(Field.root(fileName, root));
    }

    /** Reads a {@code "baccarat"} model. */
    public static Game baccarat(String fileName, JsonNode root) {
        return Baccarat.read(Field.root(fileName, root));
    }

    /** Reads a {@code "video-poker"} model. */
    public static Game videoPoker(String fileName, JsonNode root) {
        return VideoPoker.read(Field.root(fileName, root));
    }

    /** Reads a {@code "three-card-poker"} model. */
    public static Game threeCardPoker(String fileName, JsonNode root) {
        return ThreeCardPoker.read(Field.root(fileName, root));
    }

    /** Reads a {@code "keno"} model. */
    public static Game keno(String fileName, JsonNode root) {
        return Keno.read(Field.root(fileName, root));
    }

    /** Reads a {@code "blackjack"} model. */
    public static Game blackjack(String fileName, JsonNode root) {
        return Blackjack.read(Field.root(fileName, root));
    }
}
