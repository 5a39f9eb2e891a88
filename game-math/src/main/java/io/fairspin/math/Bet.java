package io.fairspin.math;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The bet a player chooses for one round, checked against the model's {@link BetLimits} by
 * {@link Game#checkBet(Bet)} before anything is drawn. Immutable. Three forms:
 *
 * <ul>
 * <li>{@link #standard()}: the model's standard wager, whatever it is (JSON {@code {}});</li>
 * <li>{@link #lines(int, long, int)}: slots and video poker: lines played, the bet per line of one
 *     coin (the denomination, minor units) and coins per line; the stake is
 *     {@code lines x lineBet x coins}. Video poker plays one line
 *     (JSON {@code {"lines": 20, "lineBet": 5, "coins": 3}});</li>
 * <li>{@link #wagers(List)}: table games: any combination of the model's bets in one round
 *     (JSON {@code {"wagers": [{"bet": "straight", "numbers": [17], "amount": 100}, {"bet": "red", "amount": 50}]}}).</li>
 * </ul>
 *
 * <p>A slot bet may also buy the model's feature ({@link #withBonusBuy()}, JSON {@code "bonusBuy": true} beside a
 * line bet, or {@code {"bonusBuy": true}} alone for the standard lines): the round is the feature the model's
 * {@code "bonusBuy"} sells, without a base spin, and its stake is the model's price x the bet's total. A game
 * without a bonus buy refuses such a bet ({@code $.bonusBuy}) before anything is drawn.
 *
 * <p>{@link #toJson()} is canonical (members sorted by name, no whitespace), so equal bets give equal bytes
 * in an audit record.
 */
public final class Bet {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Bet STANDARD = new Bet(0, 0, 0, List.of(), false);

    private final int lines;
    private final long lineBet;
    private final int coins;
    private final List<Wager> wagers;
    private final boolean bonusBuy;

    private Bet(int lines, long lineBet, int coins, List<Wager> wagers, boolean bonusBuy) {
        this.lines = lines;
        this.lineBet = lineBet;
        this.coins = coins;
        this.wagers = List.copyOf(wagers);
        this.bonusBuy = bonusBuy;
    }

    /**
     * The model's standard wager.
     *
     * @return the standard wager, whose stake is {@link Game#stake()}
     */
    public static Bet standard() {
        return STANDARD;
    }

    /**
     * A line bet: {@code lines} played at {@code lineBet} minor units per coin per line, {@code coins} coins
     * per line (slots; video poker with {@code lines} 1 and {@code lineBet} the coin value).
     *
     * @param lines the lines played, at least 1
     * @param lineBet minor units per coin per line, at least 1
     * @param coins coins per line, at least 1
     * @return the line bet
     */
    public static Bet lines(int lines, long lineBet, int coins) {
        if (lines < 1) {
            throw new BetException("$.lines", "must be positive, was " + lines);
        }
        if (lineBet < 1) {
            throw new BetException("$.lineBet", "must be positive, was " + lineBet);
        }
        if (coins < 1) {
            throw new BetException("$.coins", "must be positive, was " + coins);
        }
        return new Bet(lines, lineBet, coins, List.of(), false);
    }

    /**
     * A table-game bet: the wagers placed together in one round, in the order given.
     *
     * @param wagers the wagers, at least one
     * @return the table-game bet
     */
    public static Bet wagers(List<Wager> wagers) {
        if (wagers.isEmpty()) {
            throw new BetException("$.wagers", "expected at least one wager");
        }
        return new Bet(0, 0, 0, wagers, false);
    }

    /**
     * {@link #wagers(List)} of the given wagers.
     *
     * @param wagers the wagers, at least one
     * @return the table-game bet
     */
    public static Bet wagers(Wager... wagers) {
        return wagers(List.of(wagers));
    }

    /**
     * Whether this is the model's standard wager ({@link #standard()}).
     *
     * @return true for the standard wager
     */
    public boolean isStandard() {
        return this == STANDARD || (lines == 0 && wagers.isEmpty() && !bonusBuy);
    }

    /**
     * This bet buying the model's feature ({@code "bonusBuy"} in the model): a slot's line bet, or
     * {@link #standard()} for the standard lines. The round is the bought feature, its stake the model's price x
     * {@link #total()} (x the standard stake for {@code standard().withBonusBuy()}).
     *
     * @return the same bet, bought
     * @throws BetException ({@code $.bonusBuy}) for a table-game bet
     */
    public Bet withBonusBuy() {
        if (isWagers()) {
            throw new BetException("$.bonusBuy", "a bonus buy goes with a slot's line bet, not with wagers");
        }
        return bonusBuy ? this : new Bet(lines, lineBet, coins, wagers, true);
    }

    /**
     * This bet without the bonus buy: the bet whose limits a bought round is checked against.
     *
     * @return the same bet, not bought ({@link #standard()} for {@code standard().withBonusBuy()})
     */
    public Bet withoutBonusBuy() {
        if (!bonusBuy) {
            return this;
        }
        return lines == 0 ? STANDARD : new Bet(lines, lineBet, coins, wagers, false);
    }

    /**
     * Whether this bet buys the model's feature ({@link #withBonusBuy()}).
     *
     * @return true for a bought round
     */
    public boolean isBonusBuy() {
        return bonusBuy;
    }

    /**
     * This bet with {@code standard}'s lines, bet per line and coins when it names none ({@link #standard()}, or
     * {@code standard().withBonusBuy()}), keeping whether it is bought; itself otherwise.
     *
     * @param standard the game's standard wager, explicit
     * @return the bet in explicit form
     */
    public Bet explicit(Bet standard) {
        if (lines != 0 || !wagers.isEmpty()) {
            return this;
        }
        return bonusBuy ? standard.withBonusBuy() : standard;
    }

    /**
     * Whether this is a line bet ({@link #lines(int, long, int)}).
     *
     * @return true for a line bet
     */
    public boolean isLineBet() {
        return lines > 0;
    }

    /**
     * Whether this is a table-game bet ({@link #wagers(List)}).
     *
     * @return true for a table-game bet
     */
    public boolean isWagers() {
        return !wagers.isEmpty();
    }

    /**
     * Lines played (0 unless a line bet).
     *
     * @return the lines played, or 0
     */
    public int lines() {
        return lines;
    }

    /**
     * Minor units per coin per line (0 unless a line bet).
     *
     * @return the line bet in minor units, or 0
     */
    public long lineBet() {
        return lineBet;
    }

    /**
     * Coins per line (0 unless a line bet).
     *
     * @return the coins per line, or 0
     */
    public int coins() {
        return coins;
    }

    /**
     * The wagers of a table-game bet (empty otherwise).
     *
     * @return the wagers, in the order placed; empty unless a table-game bet
     */
    public List<Wager> wagers() {
        return wagers;
    }

    /**
     * The sum of what the bet stakes before the round starts, in minor units: {@code lines x lineBet x coins}
     * or the wagers' amounts (craps odds and blackjack doubles are staked during the round); 0 for
     * {@link #standard()}, whose stake is {@link Game#stake()}. A bought round ({@link #isBonusBuy()}) stakes the
     * model's price times this total ({@link Game#stake(Bet)} gives it).
     *
     * @return the total stake placed at the start, in minor units, at least 0
     */
    public long total() {
        if (isLineBet()) {
            return Math.multiplyExact(Math.multiplyExact(lineBet, lines), coins);
        }
        long total = 0;
        for (Wager w : wagers) {
            total = Math.addExact(total, w.amount());
        }
        return total;
    }

    /**
     * The canonical JSON of this bet: members sorted by name, no whitespace.
     *
     * @return the bet as canonical JSON, as the audit log records it
     */
    public String toJson() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        if (bonusBuy) {
            node.put("bonusBuy", true);
        }
        if (isLineBet()) {
            node.put("coins", coins).put("lineBet", lineBet).put("lines", lines);
        } else if (isWagers()) {
            ArrayNode array = node.putArray("wagers");
            for (Wager w : wagers) {
                ObjectNode item = array.addObject().put("amount", w.amount()).put("bet", w.bet());
                if (!w.numbers().isEmpty()) {
                    ArrayNode numbers = item.putArray("numbers");
                    w.numbers().forEach(numbers::add);
                }
                if (!w.odds().isEmpty()) {
                    ObjectNode odds = item.putObject("odds");
                    // sorted as strings, as every canonical member list is
                    new TreeMap<>(w.odds().entrySet().stream().collect(java.util.stream.Collectors.toMap(
                            e -> String.valueOf(e.getKey()), Map.Entry::getValue))).forEach(odds::put);
                }
            }
        }
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Reads a bet in its explicit JSON form, as the audit log records it: {@code {}},
     * {@code {"lines": 3, "lineBet": 5, "coins": 1}} ({@code coins} defaults to 1) or {@code {"wagers": [...]}};
     * {@code "bonusBuy": true} beside a line bet, or alone, buys the model's feature ({@code false} is the same as
     * leaving it out). A player's bet for a game is read by {@link Game#readBet(String)}, which fills in what it omits.
     *
     * @param json the bet as JSON text
     * @return the bet
     * @throws BetException naming the JSON path of what is malformed
     */
    public static Bet fromJson(String json) {
        return fromJson(json, STANDARD);
    }

    /**
     * Reads a bet from JSON as {@link #fromJson(String)} does, except that when {@code standard} is a line bet a line
     * bet may leave out any of {@code lines}, {@code lineBet} and {@code coins}: each field left out is
     * {@code standard}'s ({@code {"coins": 3}} is the standard lines and bet per line at 3 coins).
     *
     * @param json the bet as JSON text
     * @param standard the game's standard wager in explicit form ({@link Game#standardBet()}), or {@link #standard()}
     *     for no defaults
     * @return the bet, explicit unless it is {@code {}} or {@code {"bonusBuy": true}}
     * @throws BetException naming the JSON path of what is malformed
     */
    static Bet fromJson(String json, Bet standard) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new BetException("$", "not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new BetException("$", "expected a JSON object");
        }
        if (root.isEmpty()) {
            return STANDARD;
        }
        boolean bought = false;
        if (root.has("bonusBuy")) {
            JsonNode buy = root.get("bonusBuy");
            if (!buy.isBoolean()) {
                throw new BetException("$.bonusBuy", "expected true (buy the model's feature) or false, was " + buy);
            }
            if (root.has("wagers")) {
                throw new BetException("$.bonusBuy", "a bonus buy goes with a slot's line bet, not with wagers");
            }
            bought = buy.booleanValue();
            if (root.size() == 1) {
                return bought ? STANDARD.withBonusBuy() : STANDARD;
            }
        }
        if (root.has("wagers")) {
            onlyFields(root, "$", "wagers");
            JsonNode array = root.get("wagers");
            if (!array.isArray()) {
                throw new BetException("$.wagers", "expected an array of wagers");
            }
            List<Wager> wagers = new ArrayList<>();
            for (int i = 0; i < array.size(); i++) {
                wagers.add(wager(array.get(i), "$.wagers[" + i + "]"));
            }
            return wagers(wagers);
        }
        onlyFields(root, "$", "lines", "lineBet", "coins", "bonusBuy");
        boolean defaults = standard.isLineBet();
        Bet bet = lines((int) integer(root, "$", "lines", 1, Integer.MAX_VALUE, defaults ? standard.lines : -1),
                integer(root, "$", "lineBet", 1, Long.MAX_VALUE, defaults ? standard.lineBet : -1),
                (int) integer(root, "$", "coins", 1, Integer.MAX_VALUE, defaults ? standard.coins : 1));
        return bought ? bet.withBonusBuy() : bet;
    }

    private static Wager wager(JsonNode item, String path) {
        if (item == null || !item.isObject()) {
            throw new BetException(path, "expected a wager object {\"bet\": name, \"amount\": minor units, ...}");
        }
        onlyFields(item, path, "bet", "amount", "numbers", "odds");
        JsonNode bet = item.get("bet");
        if (bet == null || !bet.isTextual() || bet.asText().isEmpty()) {
            throw new BetException(path + ".bet", "expected the bet's name as a string");
        }
        long amount = integer(item, path, "amount", 1, Long.MAX_VALUE, -1);
        List<Integer> numbers = new ArrayList<>();
        JsonNode array = item.get("numbers");
        if (array != null) {
            if (!array.isArray()) {
                throw new BetException(path + ".numbers", "expected an array of integers");
            }
            for (int i = 0; i < array.size(); i++) {
                if (!array.get(i).canConvertToInt() || !array.get(i).isIntegralNumber()) {
                    throw new BetException(path + ".numbers[" + i + "]", "expected an integer");
                }
                numbers.add(array.get(i).intValue());
            }
        }
        TreeMap<Integer, Integer> odds = new TreeMap<>();
        JsonNode oddsNode = item.get("odds");
        if (oddsNode != null) {
            if (!oddsNode.isObject()) {
                throw new BetException(path + ".odds", "expected an object of point: multiple");
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = oddsNode.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                int point;
                try {
                    point = Integer.parseInt(e.getKey());
                } catch (NumberFormatException x) {
                    throw new BetException(path + ".odds." + e.getKey(), "expected a point (4, 5, 6, 8, 9 or 10)");
                }
                if (!e.getValue().isIntegralNumber() || !e.getValue().canConvertToInt()) {
                    throw new BetException(path + ".odds." + e.getKey(), "expected an integer multiple");
                }
                odds.put(point, e.getValue().intValue());
            }
        }
        return new Wager(bet.asText(), amount, numbers, odds);
    }

    private static void onlyFields(JsonNode node, String path, String... allowed) {
        List<String> names = List.of(allowed);
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!names.contains(name)) {
                throw new BetException(path + "." + name, "unknown field: expected " + String.join(", ", names));
            }
        }
    }

    private static long integer(JsonNode node, String path, String name, long min, long max, long fallback) {
        JsonNode value = node.get(name);
        if (value == null) {
            if (fallback >= 0) {
                return fallback;
            }
            throw new BetException(path + "." + name, "missing");
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong() || value.longValue() < min
                || value.longValue() > max) {
            throw new BetException(path + "." + name, "expected an integer from " + min + " to " + max + ", was " + value);
        }
        return value.longValue();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Bet b && lines == b.lines && lineBet == b.lineBet && coins == b.coins
                && wagers.equals(b.wagers) && bonusBuy == b.bonusBuy;
    }

    @Override
    public int hashCode() {
        return Objects.hash(lines, lineBet, coins, wagers, bonusBuy);
    }

    /** The canonical JSON. */
    @Override
    public String toString() {
        return toJson();
    }
}
