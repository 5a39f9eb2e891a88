package io.fairspin.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fairspin.audit.round.ModelFile;
import io.fairspin.audit.round.RoundPlayer;
import io.fairspin.math.Bet;
import io.fairspin.math.BetException;
import io.fairspin.math.BetLimits;
import io.fairspin.math.Decision;
import io.fairspin.math.Game;
import io.fairspin.math.IllegalDecisionException;
import io.fairspin.math.PendingDecision;
import io.fairspin.math.PlayedRound;
import io.fairspin.math.Round;
import io.fairspin.rng.RandomStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One game the server offers: its model file, the bets a client may choose, and how a round of it is
 * played from its round stream. Rounds are played through the {@link Game} contract
 * ({@link Game#open(Bet, RandomStream)}, {@link Round#act}, {@link Round#settle()}) and logged through
 * {@link RoundPlayer#record}, the record {@code fairspin play} writes.
 */
final class ServedGame {
    private static final ObjectMapper JSON = new ObjectMapper();

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

    /**
     * The game as {@code GET /api/games} lists it: id, standard bet and stake, bet limits, features, and the bonus
     * buy's price and stake at the standard bet when the game sells one.
     */
    ObjectNode describe() {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        Game game = model.game();
        json.put("id", game.id());
        json.put("stake", game.stake());
        json.set("standardBet", parse(game.standardBet().toJson()));
        BetLimits limits = game.betLimits();
        ObjectNode byName = json.putObject("betLimits");
        for (Map.Entry<String, BetLimits.Limit> limit : limits.asMap().entrySet()) {
            ObjectNode l = byName.putObject(limit.getKey());
            l.put("min", limit.getValue().min());
            l.put("max", limit.getValue().max());
            if (!limit.getValue().values().isEmpty()) {
                ArrayNode values = l.putArray("values");
                limit.getValue().values().forEach(values::add);
            }
        }
        ArrayNode features = json.putArray("features");
        game.features().forEach(features::add);
        if (game.standardBet().isLineBet()) {
            Bet buy = game.standardBet().withBonusBuy();
            try {
                long stake = game.stake(buy);
                json.putObject("bonusBuy").put("price", stake / game.stake()).put("stake", stake);
            } catch (BetException noBuy) {
                // the game sells no feature
            }
        }
        return json;
    }

    /**
     * The bet a client asked for ({@code null} or absent: the standard wager; a line bet's fields left out: the
     * standard wager's), read and checked against the model's limits by {@link io.fairspin.math.Game#readBet}, as
     * {@code play --bet} reads it; nothing is drawn.
     *
     * @throws ApiException 422 naming the bet's field ({@code bet.lines}, {@code bet.wagers[0].amount}, ...)
     */
    Bet bet(JsonNode bet) throws ApiException {
        if (bet == null || bet.isNull() || bet.isMissingNode()) {
            return Bet.standard();
        }
        if (!bet.isObject()) {
            throw ApiException.badRequest("bet", "must be an object: {} (the standard wager), {\"lines\": n, \"lineBet\":"
                    + " minor units, \"coins\": n} (with \"bonusBuy\": true to buy a slot's feature) or {\"wagers\":"
                    + " [{\"bet\": name, \"amount\": minor units}, ...]}");
        }
        try {
            return model.game().readBet(bet.toString());
        } catch (BetException e) {
            throw ApiException.unprocessable(field("bet", e.jsonPath()), e.getMessage());
        } catch (IllegalArgumentException e) {
            throw ApiException.unprocessable("bet", e.getMessage());
        }
    }

    /** The stake of {@code bet} (checked) before any stake added during the round. */
    long stake(Bet bet) {
        return model.game().stake(bet);
    }

    /** Opens a round at {@code bet} on its stream: plays it up to its first decision or to the end. */
    InPlay start(RandomStream stream, Bet bet) {
        return new InPlay(model.game().open(bet, stream));
    }

    /** {@code prefix} followed by a bet exception's JSON path without its leading {@code $}. */
    static String field(String prefix, String jsonPath) {
        if (jsonPath == null || jsonPath.equals("$")) {
            return prefix;
        }
        return prefix + (jsonPath.startsWith("$") ? jsonPath.substring(1) : "." + jsonPath);
    }

    static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a game gave malformed JSON", e);
        }
    }

    /** A round being played: a {@link Round} of the game, with its views as JSON. */
    static final class InPlay {
        private final Round round;

        InPlay(Round round) {
            this.round = round;
        }

        /** The decision the round waits for, as JSON, or null when it is settled. */
        JsonNode pending() {
            if (round.isSettled()) {
                return null;
            }
            PendingDecision p = round.pending().get();
            ObjectNode json = JsonNodeFactory.instance.objectNode();
            json.put("step", p.step());
            ArrayNode actions = json.putArray("actions");
            p.actions().forEach(actions::add);
            ArrayNode values = json.putArray("values");
            p.values().forEach(values::add);
            json.set("default", decision(p.byDefault()));
            p.advice().ifPresent(a -> json.set("advice", decision(a)));
            json.set("view", parse(p.view()));
            return json;
        }

        /**
         * Takes the player's decision, {@code {"action": name, "values": [...]}}.
         *
         * @throws ApiException 400/422 naming {@code decision...} when it is malformed or not legal now;
         *                      the round is then unchanged
         */
        void act(JsonNode decision) throws ApiException {
            if (!decision.isObject()) {
                throw ApiException.badRequest("decision", "must be an object {\"action\": name, \"values\": [...]}");
            }
            JsonNode action = decision.get("action");
            if (action == null || !action.isTextual()) {
                throw ApiException.badRequest("decision.action", "required: the action's name, one of "
                        + round.pending().map(PendingDecision::actions).orElse(List.of()));
            }
            List<Integer> values = new ArrayList<>();
            JsonNode array = decision.get("values");
            if (array != null && !array.isNull()) {
                if (!array.isArray()) {
                    throw ApiException.badRequest("decision.values", "must be an array of integers");
                }
                for (int i = 0; i < array.size(); i++) {
                    if (!array.get(i).isInt()) {
                        throw ApiException.badRequest("decision.values[" + i + "]", "must be an integer");
                    }
                    values.add(array.get(i).intValue());
                }
            }
            Decision parsed;
            try {
                parsed = new Decision(action.textValue(), values);
            } catch (IllegalArgumentException e) {
                throw ApiException.unprocessable("decision.action", e.getMessage());
            }
            try {
                round.act(parsed);
            } catch (IllegalDecisionException e) {
                throw ApiException.unprocessable("decision", e.getMessage());
            }
        }

        /** Finishes the round with the model's default decision wherever one is still to be made. */
        void finishByDefault() {
            round.settle();
        }

        PlayedRound result() {
            return round.result();
        }

        private static ObjectNode decision(Decision d) {
            ObjectNode json = JsonNodeFactory.instance.objectNode();
            json.put("action", d.action());
            ArrayNode values = json.putArray("values");
            d.values().forEach(values::add);
            return json;
        }
    }
}
