package io.fairspin.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fairspin.audit.ModelFile;
import io.fairspin.audit.RoundPlayer;
import io.fairspin.math.Game;
import io.fairspin.math.PlayedRound;
import io.fairspin.rng.DrbgStream;

/**
 * One game the server offers: its model file, what a client may bet, and how a round of it is played
 * from its round stream. Rounds are played through the {@link Game} contract and logged through
 * {@link RoundPlayer}, the same path {@code fairspin play} takes.
 */
final class ServedGame {
    private final ModelFile model;
    private final RoundPlayer player;

    ServedGame(ModelFile model, RoundPlayer player) {
        this.model = model;
        this.player = player;
    }

    String id() {
        return model.game().id();
    }

    ModelFile model() {
        return model;
    }

    RoundPlayer player() {
        return player;
    }

    /** The game as {@code GET /api/games} lists it: id, type and bet limits. */
    ObjectNode describe() {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        Game game = model.game();
        json.put("id", game.id());
        json.put("stake", game.stake());
        ObjectNode limits = json.putObject("betLimits");
        limits.put("min", game.stake());
        limits.put("max", game.stake());
        json.put("decisions", false);
        json.putPOJO("features", game.features());
        return json;
    }

    /**
     * The stake of a bet the client asked for ({@code null} or absent: the standard stake).
     *
     * @throws ApiException 400/422 naming {@code bet} when it is not a whole number or outside the limits
     */
    long bet(JsonNode bet) throws ApiException {
        long stake = model.game().stake();
        if (bet == null || bet.isNull() || bet.isMissingNode()) {
            return stake;
        }
        if (!bet.isIntegralNumber() || !bet.canConvertToLong()) {
            throw ApiException.badRequest("bet", "must be a whole number of minor units");
        }
        if (bet.longValue() != stake) {
            throw ApiException.unprocessable("bet", "outside the bet limits of '" + id() + "': it plays a stake of "
                    + stake + " (min " + stake + ", max " + stake + "), was " + bet.longValue());
        }
        return stake;
    }

    /** A round of this game started on its stream; the stream is the round's own, closed when it is settled. */
    InPlay start(DrbgStream stream, long bet) {
        return new InPlay(model.game().playRecorded(stream));
    }

    /**
     * A round being played. With today's {@link Game} contract a round is played whole from its stream,
     * so it never waits for a decision.
     */
    static final class InPlay {
        private final PlayedRound played;

        InPlay(PlayedRound played) {
            this.played = played;
        }

        /** The decision the round waits for, or null when it is finished. */
        JsonNode pending() {
            return null;
        }

        /** Applies a player decision. */
        void act(JsonNode decision) throws ApiException {
            throw ApiException.unprocessable("decision", "this round does not wait for a decision");
        }

        /** Finishes the round with the model's default action for every decision still to be made. */
        void finishByDefault() {
        }

        PlayedRound result() {
            return played;
        }

        byte[] playerChoices() {
            return new byte[0];
        }
    }
}
