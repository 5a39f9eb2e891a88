package io.fairspin.math.slot.evaluation;

import com.fasterxml.jackson.databind.JsonNode;
import io.fairspin.math.Fraction;
import io.fairspin.math.OutcomeCheck;
import io.fairspin.math.json.JsonDiff;
import io.fairspin.math.json.OutcomeJson;
import io.fairspin.math.slot.SlotGame.Bet;
import io.fairspin.math.slot.SlotGame;
import io.fairspin.math.slot.SpinResult.BonusRound;
import io.fairspin.math.slot.SpinResult.Spin;
import io.fairspin.math.slot.SpinResult;
import io.fairspin.math.slot.model.SlotModel.Bonus;
import io.fairspin.math.slot.model.SlotModel.Choice;
import io.fairspin.math.slot.model.SlotModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@link OutcomeCheck} of a slot: every logged spin is evaluated again from its reel set and stops (the
 * window, each win with its positions, the cap, the free games it awards) and from its logged bonus items and
 * picks (which must be items the bonus can hide and picks the rules allow); the logged spins must be as many
 * as the free games awarded; and the round evaluated again must equal the logged one field for field, its
 * stake the logged bet and its win the logged win. A bought round ({@code "bonusBuy"} in the outcome: the model's
 * price and the free games it sells, played without a base spin) is evaluated the same way, its stake the price x
 * the bet; it must be bought in the logged player choices too, and the other way round; its spins count no awards
 * (the award frequencies are the base game's).
 *
 * <p>Not thread-safe (it keeps the evaluator of the last bet): one instance per thread.
 */
public final class LoggedSpinCheck implements OutcomeCheck {
    private static final Comparator<JsonNode> BY_VALUE = JsonDiff.BY_VALUE;

    private final SlotGame game;
    private final SlotModel model;
    private final Map<String, Integer> awardIndex = new HashMap<>();
    private final CanonicalSpins canonical = new CanonicalSpins();
    private final boolean fastPath = io.fairspin.math.OutcomeCheck.fastPaths();
    private long fastRounds;
    private long directRounds;
    private final DirectSlotRound direct;
    /** The checks of rounds logged at other coins than the standard wager's, by coins. */
    private final Map<Integer, LoggedSpinCheck> otherCoins = new HashMap<>();
    /** Whether the round checked last was a bought one (only the tree path accepts those). */
    private boolean lastBought;

    /**
     * The check of logged rounds of {@code game}.
     *
     * @param game the slot game
     */
    public LoggedSpinCheck(SlotGame game) {
        this.game = game;
        this.model = game.model;
        for (String award : game.awards()) {
            awardIndex.put(award, awardIndex.size());
        }
        direct = new DirectSlotRound(game);
    }

    @Override
    public List<String> awards() {
        return game.awards();
    }

    /** The check of rounds at {@code coins} per line, made once: the game read for those coins. */
    private LoggedSpinCheck atCoins(int coins) {
        LoggedSpinCheck check = otherCoins.get(coins);
        if (check == null) {
            check = new LoggedSpinCheck(game.at(io.fairspin.math.Bet.lines(model.lines(), model.lineBet(), coins)));
            otherCoins.put(coins, check);
        }
        return check;
    }

    @Override
    public List<Fraction> awardsPerRound() {
        return game.occurrencesPerRound().orElseThrow();
    }

    /**
     * The fast path: the inputs (bet, reel sets, stops) scanned from the bytes ({@link CanonicalSpins#scan}), the
     * round evaluated again and written in canonical form, and compared byte for byte with the logged outcome, which
     * a fairspin writer logs in canonical form. Anything else (a bonus round, random reel heights, a layout or bytes
     * that differ) is decided by {@link #checkTree} on the parsed tree, which also names the first difference.
     */
    /**
     * Also checks that the logged choices buy the feature exactly when the outcome is a bought round; a round whose
     * logged bet plays other coins than the model's standard wager is evaluated by the game at those coins (its pays
     * per coin: the outcome logs the bet per line and the lines, not the coins).
     */
    @Override
    public String check(byte[] outcome, byte[] playerChoices, long bet, long win, long[] awardCounts) {
        int coins = io.fairspin.math.RoundChoices.coins(playerChoices);
        if (coins != 0 && coins != model.coins()) {
            LoggedSpinCheck atCoins;
            try {
                atCoins = atCoins(coins);
            } catch (IllegalArgumentException e) {
                return "player_choices: $.bet.coins: " + e.getMessage();
            }
            return atCoins.check(outcome, playerChoices, bet, win,
                    atCoins.awards().equals(awards()) ? awardCounts : new long[atCoins.awards().size()]);
        }
        String problem = check(outcome, bet, win, awardCounts);
        if (problem != null) {
            return problem;
        }
        boolean bought = io.fairspin.math.RoundChoices.bonusBuy(playerChoices);
        if (bought != lastBought) {
            return bought ? "player_choices: the bet buys the feature ($.bet.bonusBuy), the outcome is not a bought round"
                    : "$.outcome.bonusBuy: a bought round, but the logged bet does not buy the feature";
        }
        return null;
    }

    @Override
    public String check(byte[] outcome, long bet, long win, long[] awardCounts) {
        lastBought = false;
        SpinResult again = null;
        if (fastPath) {
            if (direct.accepts(outcome, 0, true)) {
                fastRounds++;
                directRounds++;
                long stake = direct.stake();
                if (stake != bet) {
                    return "bet: logged " + bet + ", the outcome's stake is " + stake;
                }
                if (direct.win() != win) {
                    return "win: logged " + win + ", the model pays " + direct.win() + " for the logged outcome";
                }
                direct.countAwards(awardCounts);
                return null;
            }
            try {
                again = evaluateCanonical(outcome);
            } catch (IllegalArgumentException e) {
                again = null; // decided on the tree below, which says what is wrong
            }
        }
        if (again == null) {
            JsonNode tree;
            try {
                tree = OutcomeJson.object(outcome);
            } catch (IllegalArgumentException e) {
                return e.getMessage();
            }
            return checkTree(tree, bet, win, awardCounts);
        }
        fastRounds++;
        if (again.stake() != bet) {
            return "bet: logged " + bet + ", the outcome's stake is " + again.stake();
        }
        if (again.win() != win) {
            return "win: logged " + win + ", the model pays " + again.win() + " for the logged outcome";
        }
        countAwards(again, awardCounts);
        return null;
    }

    /**
     * The rounds accepted on the direct path so far (for tests that show it is taken).
     *
     * @return the number of rounds the direct path accepted
     */
    long directRounds() {
        return directRounds;
    }

    /**
     * The round evaluated again from the inputs scanned from {@code outcome}, when its canonical bytes are exactly
     * {@code outcome}; null when the outcome has bonus rounds, is not laid out as a fairspin writer logs it, or
     * differs.
     */
    private SpinResult evaluateCanonical(byte[] outcome) {
        CanonicalSpins.Inputs in = canonical.scan(outcome, model.reels());
        if (in == null || in.lineBet < 1 || in.lines < 1 || in.lines > Integer.MAX_VALUE) {
            return null;
        }
        SpinResult again = evaluate(new Bet(in.lineBet, (int) in.lines), in.spins,
                streamed(Arrays.asList(in.reelSets), Arrays.asList(in.stops)));
        return again != null && canonical.sameBytes(again, outcome) ? again : null;
    }

    /**
     * The rounds accepted on the fast path so far (for tests that show it is taken).
     *
     * @return the number of rounds whose logged bytes were the canonical bytes of the round evaluated again
     */
    long fastRounds() {
        return fastRounds;
    }

    /**
     * The canonical bytes the fast path compares a logged outcome with (for tests).
     *
     * @param round a round evaluated again
     * @return its canonical bytes
     */
    byte[] canonicalBytes(SpinResult round) {
        io.fairspin.math.json.RecordBytes bytes = new io.fairspin.math.json.RecordBytes();
        canonical.writeTo(round, bytes);
        return bytes.bytes();
    }

    /** Where the logged spins' inputs come from: the parsed tree, or the streaming read. */
    private interface LoggedSpins {
        /** The reel set spin {@code i} names. */
        String reelSet(int i);

        /** Spin {@code i}'s stops on {@code reels}, checked; null to decide on the tree instead. */
        int[] stops(int i, CompiledReels reels, String path);

        /** Spin {@code i}'s logged bonus rounds, or null when none are logged. */
        JsonNode bonuses(int i);
    }

    /** The round from its bet and the logged spins' inputs; null when {@code spins} leaves it to the tree. */
    private SpinResult evaluate(Bet bet, int count, LoggedSpins spins) {
        return evaluate(bet, count, spins, null);
    }

    /**
     * The round from its bet and the logged spins' inputs, bought when {@code bought} is not null (every spin a free
     * game, the first ones those bought); null when {@code spins} leaves it to the tree.
     */
    private SpinResult evaluate(Bet bet, int count, LoggedSpins spins, SpinResult.Bought bought) {
        SpinRecorder recorder = direct.recorder(bet);
        List<Spin> again = new ArrayList<>(count);
        long freeGamesOwed = bought == null ? 0 : bought.freeGames();
        long total = 0;
        for (int i = 0; i < count; i++) {
            String path = "$.outcome.spins[" + i + "]";
            boolean free = i > 0 || bought != null;
            if (free && freeGamesOwed == 0) {
                throw new IllegalArgumentException(path + ": a free game that no spin awarded");
            }
            Choice choice = free ? model.freeGames().reels() : model.baseReels();
            CompiledReels reels = reelSet(choice, spins.reelSet(i), path + ".reelSet");
            int[] stops = spins.stops(i, reels, path);
            if (stops == null) {
                return null;
            }
            JsonNode bonuses = spins.bonuses(i);
            long multiplier = free ? model.freeGames().multiplier() : 1;
            Spin spin = recorder.evaluate(free ? "free" : "base", reels, stops, multiplier,
                    window -> bonusRounds(recorder, window, bonuses, bet, path + ".bonuses"));
            again.add(spin);
            total += spin.win();
            if (free) {
                freeGamesOwed--;
                if (model.freeGames().retrigger()) {
                    freeGamesOwed += spin.freeGames();
                }
            } else {
                freeGamesOwed = spin.freeGames();
            }
        }
        if (freeGamesOwed > 0) {
            throw new IllegalArgumentException("$.outcome.spins: " + freeGamesOwed + " free games awarded but not logged");
        }
        if (bought != null) {
            return new SpinResult(bet.lineBet(), bet.lines(), Math.multiplyExact(stake(bet), bought.price()), total, again,
                    bought);
        }
        return new SpinResult(bet.lineBet(), bet.lines(), stake(bet), total, again);
    }

    /** A round's stake at {@code bet}: its bet per line x lines x the game's coins, as {@link SpinRecorder#play} stakes it. */
    private long stake(Bet bet) {
        return bet.stake() * model.coins();
    }

    /** The streamed inputs: reel sets and strip stops, no bonus rounds; random heights go to the tree. */
    private static LoggedSpins streamed(List<String> reelSets, List<int[]> stopsOf) {
        return new LoggedSpins() {
            @Override
            public String reelSet(int i) {
                return reelSets.get(i);
            }

            @Override
            public int[] stops(int i, CompiledReels reels, String path) {
                if (reels.randomHeights()) {
                    return null; // the heights are read from the logged window, on the tree
                }
                int[] stops = stopsOf.get(i);
                for (int r = 0; r < stops.length; r++) {
                    if (stops[r] < 0 || stops[r] >= reels.set.strips()[r].length) {
                        throw new IllegalArgumentException(path + ".stops[" + r + "]: out of range");
                    }
                }
                return stops;
            }

            @Override
            public JsonNode bonuses(int i) {
                return null;
            }
        };
    }

    private void countAwards(SpinResult again, long[] awardCounts) {
        if (again.bonusBuy() != null) {
            return; // no base spin: the award frequencies are the base game's
        }
        for (SpinResult.Win w : again.spins().get(0).wins()) {
            Integer index = awardIndex.get(w.award());
            if (index != null && !w.type().equals("scatter")) {
                awardCounts[index]++;
            }
        }
    }

    /** The check on the parsed outcome: the slow path, which also names the first difference. */
    private String checkTree(JsonNode outcome, long bet, long win, long[] awardCounts) {
        try {
            SpinResult again = evaluate(outcome);
            lastBought = again.bonusBuy() != null;
            JsonNode described = OutcomeJson.MAPPER.valueToTree(again);
            if (!outcome.equals(BY_VALUE, described)) {
                return "$.outcome: the round evaluated again from its stops differs from the logged one"
                        + JsonDiff.firstDifference(outcome, described, "$.outcome");
            }
            if (again.stake() != bet) {
                return "bet: logged " + bet + ", the outcome's stake is " + again.stake();
            }
            if (again.win() != win) {
                return "win: logged " + win + ", the model pays " + again.win() + " for the logged outcome";
            }
            countAwards(again, awardCounts);
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    /** The round described again from the logged stops, bonus items and picks. */
    private SpinResult evaluate(JsonNode outcome) {
        Bet bet = new Bet(number(outcome, "lineBet", "$.outcome.lineBet"),
                (int) number(outcome, "lines", "$.outcome.lines"));
        JsonNode spins = outcome.get("spins");
        if (spins == null || !spins.isArray() || spins.isEmpty()) {
            throw new IllegalArgumentException("$.outcome.spins: expected a non-empty array");
        }
        return evaluate(bet, spins.size(), new LoggedSpins() {
            @Override
            public String reelSet(int i) {
                return spins.get(i).path("reelSet").asText();
            }

            @Override
            public int[] stops(int i, CompiledReels reels, String path) {
                int[] stops = LoggedSpinCheck.this.stops(spins.get(i).get("stops"), reels, path + ".stops");
                return reels.randomHeights() ? withHeights(stops, spins.get(i).get("window"), reels, path) : stops;
            }

            @Override
            public JsonNode bonuses(int i) {
                return spins.get(i).get("bonuses");
            }
        }, bought(outcome.get("bonusBuy")));
    }

    /** What a logged bought round bought, which must be what the model sells; null when it was not bought. */
    private SpinResult.Bought bought(JsonNode logged) {
        if (logged == null) {
            return null;
        }
        if (model.bonusBuy() == null) {
            throw new IllegalArgumentException("$.outcome.bonusBuy: a bought round, but the model sells no bonus buy");
        }
        long price = model.bonusBuy().price();
        if (!logged.path("price").canConvertToLong() || logged.path("price").asLong() != price) {
            throw new IllegalArgumentException("$.outcome.bonusBuy.price: logged " + logged.path("price")
                    + ", the model's price is " + price);
        }
        return new SpinResult.Bought(price, model.freeGames().spins(model.bonusBuy().scatters()));
    }

    private List<BonusRound> bonusRounds(SpinRecorder recorder, int[][] window, JsonNode logged, Bet bet,
                                         String path) {
        List<Integer> lines = recorder.bonusLines(window);
        int count = logged == null || !logged.isArray() ? 0 : logged.size();
        if (count != lines.size()) {
            throw new IllegalArgumentException(path + ": " + count + " bonus rounds logged, the window starts "
                    + lines.size());
        }
        Bonus bonus = model.bonus();
        List<BonusRound> rounds = new ArrayList<>();
        for (int b = 0; b < count; b++) {
            String at = path + "[" + b + "]";
            JsonNode round = logged.get(b);
            JsonNode itemsNode = round.path("items");
            if (!itemsNode.isArray() || itemsNode.size() != bonus.items()) {
                throw new IllegalArgumentException(at + ".items: expected " + bonus.items() + " items");
            }
            List<List<Long>> items = new ArrayList<>();
            for (int i = 0; i < itemsNode.size(); i++) {
                JsonNode prizes = itemsNode.get(i);
                if (!prizes.isArray() || !contains(bonus.countValues(), prizes.size())) {
                    throw new IllegalArgumentException(at + ".items[" + i + "]: no item hides " + prizes.size()
                            + " prizes");
                }
                List<Long> hidden = new ArrayList<>();
                for (JsonNode prize : prizes) {
                    if (!prize.canConvertToLong() || !contains(bonus.prizeValues(), prize.asLong())) {
                        throw new IllegalArgumentException(at + ".items[" + i + "]: " + prize + " is not a prize of the"
                                + " bonus");
                    }
                    hidden.add(prize.asLong());
                }
                items.add(hidden);
            }
            JsonNode pickedNode = round.path("picked");
            long[] pickCounts = bonus.pickValues() != null ? bonus.pickValues() : new long[] {bonus.picks()};
            if (!pickedNode.isArray() || !contains(pickCounts, pickedNode.size())) {
                throw new IllegalArgumentException(at + ".picked: expected " + Arrays.toString(pickCounts)
                        .replace("[", "").replace("]", "").replace(", ", " or ") + " picks");
            }
            List<Integer> picked = new ArrayList<>();
            long credits = 0;
            for (JsonNode p : pickedNode) {
                int item = p.asInt(-1);
                if (!p.canConvertToInt() || item < 0 || item >= bonus.items() || picked.contains(item)) {
                    throw new IllegalArgumentException(at + ".picked: " + p + " is not an item left to pick");
                }
                picked.add(item);
                credits += items.get(item).stream().mapToLong(Long::longValue).sum();
            }
            rounds.add(new BonusRound(lines.get(b), items, picked, credits * bet.lineBet()));
        }
        return rounds;
    }

    private static boolean contains(long[] values, long value) {
        return Arrays.stream(values).anyMatch(v -> v == value);
    }

    private CompiledReels reelSet(Choice choice, String name, String path) {
        for (int set : choice.sets()) {
            if (game.reelSets[set].set.name().equals(name)) {
                return game.reelSets[set];
            }
        }
        throw new IllegalArgumentException(path + ": '" + name + "' is not a reel set this spin can use");
    }

    private int[] stops(JsonNode node, CompiledReels reels, String path) {
        // With a top reel, its stop follows the reels' stops.
        int count = model.reels() + (reels.hasTop() ? 1 : 0);
        if (node == null || !node.isArray() || node.size() != count) {
            throw new IllegalArgumentException(path + ": expected " + count + " stops");
        }
        int[] stops = new int[node.size()];
        for (int r = 0; r < stops.length; r++) {
            JsonNode stop = node.get(r);
            int length = r < model.reels() ? reels.set.strips()[r].length : reels.topLength();
            if (!stop.canConvertToInt() || stop.asInt() < 0 || stop.asInt() >= length) {
                throw new IllegalArgumentException(path + "[" + r + "]: expected a stop in [0, " + length + ")");
            }
            stops[r] = stop.asInt();
        }
        return stops;
    }

    /**
     * The stops of reels with random heights: each reel's height is the number of symbols its column of the logged
     * window shows (the rest of the column is empty), which the logged strip stop does not say; with a top reel,
     * below its row 0, and the top reel's stop kept at the end.
     */
    private int[] withHeights(int[] stripStops, JsonNode window, CompiledReels reels, String path) {
        if (window == null || !window.isArray() || window.size() != reels.rows) {
            throw new IllegalArgumentException(path + ".window: expected " + reels.rows + " rows");
        }
        int first = reels.hasTop() ? 1 : 0;
        int[] stops = stripStops.clone();
        for (int r = 0; r < model.reels(); r++) {
            int height = 0;
            while (height < model.rows() && !window.get(first + height).path(r).asText("").isEmpty()) {
                height++;
            }
            stops[r] = reels.stopOf(r, stripStops[r], height);
            if (stops[r] < 0) {
                throw new IllegalArgumentException(path + ".window: reel " + r + " shows " + height
                        + " symbols, a height it cannot have");
            }
        }
        return stops;
    }

    private static long number(JsonNode outcome, String field, String path) {
        JsonNode node = outcome.get(field);
        if (node == null || !node.canConvertToLong() || node.asLong() < 1) {
            throw new IllegalArgumentException(path + ": expected a positive integer");
        }
        return node.asLong();
    }
}
