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

    /**
     * Reads a {@code "roulette"} model.
     *
     * @param fileName the model file's name as the user gave it, for messages
     * @param root the parsed model document
     * @return the roulette game
     */
    public static Game roulette(String fileName, JsonNode root) {
        return TableBets.read(fileName, root, TableBets.Form.LIST, RouletteBet.KINDS, Roulette::read);
    }

    /**
     * Reads a {@code "craps"} model.
     *
     * @param fileName the model file's name as the user gave it, for messages
     * @param root the parsed model document
     * @return the craps game
     */
    public static Game craps(String fileName, JsonNode root) {
        return TableBets.read(fileName, root, TableBets.Form.LIST, Craps.WAGER_BETS, Craps::read);
    }

    /**
     * Reads a {@code "baccarat"} model.
     *
     * @param fileName the model file's name as the user gave it, for messages
     * @param root the parsed model document
     * @return the baccarat game
     */
    public static Game baccarat(String fileName, JsonNode root) {
        return TableBets.read(fileName, root, TableBets.Form.LIST,
                List.of("player", "banker", "tie", "player-pair", "banker-pair"), Baccarat::read);
    }

    /**
     * Reads a {@code "video-poker"} model.
     *
     * @param fileName the model file's name as the user gave it, for messages
     * @param root the parsed model document
     * @return the video poker game
     */
    public static Game videoPoker(String fileName, JsonNode root) {
        return TableBets.read(fileName, root, TableBets.Form.VIDEO_POKER, List.of(), VideoPoker::read);
    }

    /**
     * Reads a {@code "three-card-poker"} model.
     *
     * @param fileName the model file's name as the user gave it, for messages
     * @param root the parsed model document
     * @return the Three Card Poker game
     */
    public static Game threeCardPoker(String fileName, JsonNode root) {
        return TableBets.read(fileName, root, TableBets.Form.LIST, List.of("ante", "pair-plus"), ThreeCardPoker::read);
    }

    /**
     * Reads a {@code "keno"} model.
     *
     * @param fileName the model file's name as the user gave it, for messages
     * @param root the parsed model document
     * @return the keno game
     */
    public static Game keno(String fileName, JsonNode root) {
        return TableBets.read(fileName, root, TableBets.Form.KENO, List.of("ticket"), Keno::read);
    }

    /**
     * The {@link io.fairspin.math.OutcomeCheck} of a table or card game: played again on its logged draws, or for
     * blackjack, whose hands do not say in which order their cards were dealt, its settlement recomputed from the
     * logged hands ({@link io.fairspin.math.table.blackjack.LoggedSettlementCheck}).
     *
     * @param game the game of the logged rounds
     * @return a new check of the game (one per thread), or empty when the game is not such a table or card game
     */
    public static java.util.Optional<io.fairspin.math.OutcomeCheck> outcomeCheck(Game game) {
        if (game instanceof TableGame) {
            return java.util.Optional.of(new LoggedTableCheck((TableGame) game));
        }
        if (game instanceof Blackjack) {
            return java.util.Optional.of(new io.fairspin.math.table.blackjack.LoggedSettlementCheck((Blackjack) game));
        }
        return java.util.Optional.empty();
    }

    /**
     * Reads a {@code "blackjack"} model.
     *
     * @param fileName the model file's name as the user gave it, for messages
     * @param root the parsed model document
     * @return the blackjack game
     */
    public static Game blackjack(String fileName, JsonNode root) {
        return TableBets.read(fileName, root, TableBets.Form.BLACKJACK, List.of("hand"), Blackjack::read);
    }
}
