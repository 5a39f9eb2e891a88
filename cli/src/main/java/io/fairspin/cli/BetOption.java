package io.fairspin.cli;

import io.fairspin.math.Bet;
import io.fairspin.math.BetException;
import io.fairspin.math.Game;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code --bet JSON}, a mixin of the commands that play rounds at a chosen bet ({@code play}, {@code simulate}): the
 * bet's JSON as {@code serve} takes it, read and checked against the game before anything is drawn; a malformed or
 * refused bet is a usage error naming {@code --bet} and the bet's JSON path.
 */
public final class BetOption {
    @Spec(Spec.Target.MIXEE)
    private CommandSpec command;

    @Option(names = "--bet", paramLabel = "JSON",
            description = "The bet of every round, in the bet's JSON form (as 'serve' takes it, docs/openapi.yaml):"
                    + " '{\"lines\": 10, \"lineBet\": 2}', a table game's '{\"wagers\": [...]}', or"
                    + " '{\"bonusBuy\": true}' (with a line bet or alone) to buy the model's feature; a field left out of"
                    + " a line bet is the standard wager's ('{\"coins\": 3}'); checked against the model before"
                    + " anything is drawn (default: the standard wager).")
    private String bet;

    /**
     * The bet of {@code --bet}, checked against {@code game}.
     *
     * @param game the game the rounds are played on
     * @return the bet given, or {@link Bet#standard()} without {@code --bet}
     * @throws ParameterException naming {@code --bet} and the bet's JSON path when the JSON is malformed or the game
     *                            refuses the bet
     */
    public Bet checked(Game game) {
        if (bet == null) {
            return Bet.standard();
        }
        try {
            return game.readBet(bet);
        } catch (BetException e) {
            throw refused(e);
        }
    }

    /**
     * The usage error of a bet the game refuses where it is first played rather than checked.
     *
     * @param e the refusal, naming the bet's JSON path
     * @return the usage error naming {@code --bet} and the path
     */
    public ParameterException refused(BetException e) {
        return new ParameterException(command.commandLine(), "--bet: " + e.getMessage().substring("bet: ".length()));
    }
}
