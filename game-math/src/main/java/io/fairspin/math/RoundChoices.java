package io.fairspin.math;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a player chose in a round, as its audit record keeps it ({@code player_choices}): the bet and the
 * decisions in order. Replay plays the model at that bet with those decisions
 * ({@link Game#replay(Bet, List, io.fairspin.rng.RandomStream)}).
 *
 * <p>Canonical JSON ({@link #toJson()}; members sorted, no whitespace):
 * {@code {"bet":{"coins":1,"lineBet":5,"lines":3},"decisions":[{"action":"hold","values":[0,3]}]}}.
 *
 * @param bet       the bet, explicit
 * @param decisions the decisions, in order
 */
public record RoundChoices(Bet bet, List<Decision> decisions) {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /**
     * Checks the bet and copies the decisions.
     *
     * @param bet the bet, explicit
     * @param decisions the decisions, in order
     */
    public RoundChoices {
        Objects.requireNonNull(bet, "bet");
        decisions = List.copyOf(decisions);
    }

    /**
     * The canonical JSON.
     *
     * @return the bet and decisions as canonical JSON: members sorted by name, no whitespace
     */
    public String toJson() {
        StringBuilder s = new StringBuilder("{\"bet\":").append(bet.toJson()).append(",\"decisions\":[");
        for (int i = 0; i < decisions.size(); i++) {
            Decision d = decisions.get(i);
            s.append(i == 0 ? "" : ",").append("{\"action\":\"").append(d.action()).append("\",\"values\":[");
            for (int v = 0; v < d.values().size(); v++) {
                s.append(v == 0 ? "" : ",").append(d.values().get(v));
            }
            s.append("]}");
        }
        return s.append("]}").toString();
    }

    private static final byte[] BONUS_BUY = "\"bonusBuy\"".getBytes(java.nio.charset.StandardCharsets.UTF_8);

    /**
     * Whether a round's logged player choices buy the feature ({@link Bet#isBonusBuy()}): false for none (a round at
     * the standard wager) and for choices that do not name {@code "bonusBuy"}, without parsing them; choices that do
     * are read, and malformed ones are not a buy (the round's check or replay says what is wrong with them).
     *
     * @param playerChoices the logged player choices' bytes, UTF-8 JSON; empty or null for the standard wager
     * @return true when the logged bet is bought
     */
    public static boolean bonusBuy(byte[] playerChoices) {
        Bet canonical = canonicalLineBet(playerChoices);
        if (canonical != null) {
            return canonical.isBonusBuy();
        }
        Bet bet = betNaming(playerChoices, BONUS_BUY);
        return bet != null && bet.isBonusBuy();
    }

    private static final byte[] COINS = "\"coins\"".getBytes(java.nio.charset.StandardCharsets.UTF_8);

    /**
     * The coins per line of a round's logged line bet, without parsing choices that do not name {@code "coins"}.
     *
     * @param playerChoices the logged player choices' bytes, UTF-8 JSON; empty or null for the standard wager
     * @return the coins the logged bet names, or 0 when it names none (the standard wager's) or is malformed (the
     *     round's check or replay says what is wrong with it)
     */
    public static int coins(byte[] playerChoices) {
        Bet canonical = canonicalLineBet(playerChoices);
        if (canonical != null) {
            return canonical.coins();
        }
        Bet bet = betNaming(playerChoices, COINS);
        return bet == null ? 0 : bet.coins();
    }

    private static final byte[] BET = "{\"bet\":{".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    private static final byte[] BUY = "\"bonusBuy\":true,".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    private static final byte[] COINS_AT = "\"coins\":".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    private static final byte[] LINE_BET_AT = ",\"lineBet\":".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    private static final byte[] LINES_AT = ",\"lines\":".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    private static final byte[] NO_DECISIONS = "},\"decisions\":[]}".getBytes(java.nio.charset.StandardCharsets.UTF_8);

    /**
     * The line bet of choices that are exactly {@link #toJson()}'s form of a line bet without decisions (what a slot
     * round logs), read without a JSON parser; null for anything else, which is then parsed. Being the whole canonical
     * form, with each number's digits as Jackson writes them, such bytes parse to this very bet.
     */
    static Bet canonicalLineBet(byte[] choices) {
        if (choices == null) {
            return null;
        }
        io.fairspin.math.json.CanonicalCursor cursor = new io.fairspin.math.json.CanonicalCursor();
        cursor.start(choices, 0);
        if (!cursor.literal(BET)) {
            return null;
        }
        boolean buy = cursor.literal(BUY);
        long coins = cursor.literal(COINS_AT) ? canonicalNumber(cursor) : -1;
        long lineBet = coins > 0 && cursor.literal(LINE_BET_AT) ? canonicalNumber(cursor) : -1;
        long lines = lineBet > 0 && cursor.literal(LINES_AT) ? canonicalNumber(cursor) : -1;
        if (lines < 1 || !cursor.literal(NO_DECISIONS) || !cursor.atEnd() || coins > Integer.MAX_VALUE
                || lines > Integer.MAX_VALUE) {
            return null;
        }
        Bet bet = Bet.lines((int) lines, lineBet, (int) coins);
        return buy ? bet.withBonusBuy() : bet;
    }

    /** A positive number written as Jackson writes it (no leading zero), read; -1 when none stands here. */
    private static long canonicalNumber(io.fairspin.math.json.CanonicalCursor cursor) {
        int start = cursor.at();
        long value = cursor.number();
        cursor.moveTo(start);
        return value > 0 && cursor.literal(value) ? value : -1;
    }

    /** The logged bet when the choices' bytes contain {@code name}; null when they do not, or are malformed. */
    private static Bet betNaming(byte[] playerChoices, byte[] name) {
        if (playerChoices == null || playerChoices.length < name.length) {
            return null;
        }
        boolean named = false;
        for (int i = 0; i < playerChoices.length && !named; i++) {
            // An escape may spell the name otherwise ("bonus\u0042uy"): such choices are parsed.
            named = playerChoices[i] == '\\' || i + name.length <= playerChoices.length
                    && java.util.Arrays.equals(playerChoices, i, i + name.length, name, 0, name.length);
        }
        if (!named) {
            return null;
        }
        try {
            return fromJson(new String(playerChoices, java.nio.charset.StandardCharsets.UTF_8)).bet();
        } catch (IllegalArgumentException malformed) {
            return null;
        }
    }

    /**
     * Reads {@link #toJson()}'s form.
     *
     * @param json text in {@link #toJson()}'s form
     * @return the choices
     * @throws IllegalArgumentException naming the JSON path of what is malformed
     */
    public static RoundChoices fromJson(String json) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("player choices: not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject() || !root.has("bet") || !root.path("decisions").isArray()) {
            throw new IllegalArgumentException("player choices: expected {\"bet\": {...}, \"decisions\": [...]}");
        }
        Bet bet = Bet.fromJson(root.get("bet").toString());
        List<Decision> decisions = new ArrayList<>();
        JsonNode array = root.get("decisions");
        for (int i = 0; i < array.size(); i++) {
            JsonNode d = array.get(i);
            if (!d.path("action").isTextual() || !d.path("values").isArray()) {
                throw new IllegalArgumentException("player choices: $.decisions[" + i + "]: expected {\"action\": name,"
                        + " \"values\": [...]}");
            }
            List<Integer> values = new ArrayList<>();
            d.get("values").forEach(v -> values.add(v.intValue()));
            decisions.add(new Decision(d.get("action").asText(), values));
        }
        return new RoundChoices(bet, decisions);
    }
}
