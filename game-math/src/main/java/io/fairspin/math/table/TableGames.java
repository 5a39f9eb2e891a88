package io.fairspin.math.table;

import io.fairspin.math.table.baccarat.Baccarat;
import io.fairspin.math.table.blackjack.Blackjack;
import io.fairspin.math.table.craps.Craps;
import io.fairspin.math.table.keno.Keno;
import io.fairspin.math.table.roulette.Roulette;
import io.fairspin.math.table.roulette.RouletteBet;
import io.fairspin.math.table.poker.ThreeCardPoker;
import io.fairspin.math.table.poker.VideoPoker;
import com.fasterxml.jackson.databind.JsonNode;
import io.fairspin.math.Game;
import java.util.List;

/**
 * The readers of the table and card game model types, which {@link io.fairspin.math.GameModels}
 * dispatches to by the model's {@code "type"}; documented in {@code docs/model-format.md}.
 */
public final class TableGames {
    private TableGames() {
    }

    /** Reads a {@code "roulette"} model. */
    public static Game roulette(String fileName, JsonNode root) {
        return TableBets.read(fileName, root, TableBets.Form.LIST, RouletteBet.KINDS, Roulette::read);
    }

    /** Reads a {@code "craps"} model. */
    public static Game craps(String fileName, JsonNode root) {
        return TableBets.read(fileName, root, TableBets.Form.LIST, Craps.WAGER_BETS, Craps::read);
    }

    /** Reads a {@code "baccarat"} model. */
    public static Game baccarat(String fileName, JsonNode root) {
        return TableBets.read(fileName, root, TableBets.Form.LIST,
                List.of("player", "banker", "tie", "player-pair", "banker-pair"), Baccarat::read);
    }

    /** Reads a {@code "video-poker"} model. */
    public static Game videoPoker(String fileName, JsonNode root) {
        return TableBets.read(fileName, root, TableBets.Form.VIDEO_POKER, List.of(), VideoPoker::read);
    }

    /** Reads a {@code "three-card-poker"} model. */
    public static Game threeCardPoker(String fileName, JsonNode root) {
        return TableBets.read(fileName, root, TableBets.Form.LIST, List.of("ante", "pair-plus"), ThreeCardPoker::read);
    }

    /** Reads a {@code "keno"} model. */
    public static Game keno(String fileName, JsonNode root) {
        return TableBets.read(fileName, root, TableBets.Form.KENO, List.of("ticket"), Keno::read);
    }

    /** Reads a {@code "blackjack"} model. */
    public static Game blackjack(String fileName, JsonNode root) {
        return TableBets.read(fileName, root, TableBets.Form.BLACKJACK, List.of("hand"), Blackjack::read);
    }
}
