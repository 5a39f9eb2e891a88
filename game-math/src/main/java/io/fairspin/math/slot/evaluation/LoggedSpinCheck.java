package io.fairspin.math.slot.evaluation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NumericNode;
import io.fairspin.math.Fraction;
import io.fairspin.math.OutcomeCheck;
import io.fairspin.math.slot.SlotGame.Bet;
import io.fairspin.math.slot.SlotGame;
import io.fairspin.math.slot.SpinResult.BonusRound;
import io.fairspin.math.slot.SpinResult.Spin;
import io.fairspin.math.slot.SpinResult;
import io.fairspin.math.slot.analysis.Analysis;
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
 * stake the logged bet and its win the logged win.
 *
 * <p>Not thread-safe (it keeps the evaluator of the last bet): one instance per thread.
 */
public final class LoggedSpinCheck implements OutcomeCheck {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** Numbers compare by value, whatever node type holds them. */
    private static final Comparator<JsonNode> BY_VALUE = (a, b) -> {
        if (a instanceof NumericNode && b instanceof NumericNode) {
            return a.decimalValue().compareTo(b.decimalValue());
        }
        return a.equals(b) ? 0 : 1;
    };

    private final SlotGame game;
    private final SlotModel model;
    private final List<String> awards = new ArrayList<>();
    private final Map<String, Integer> awardIndex = new HashMap<>();
    private final List<Fraction> perRound = new ArrayList<>();
    private Bet lastBet;
    private SpinRecorder lastRecorder;

    /**
     * The check of logged rounds of {@code game}.
     *
     * @param game the slot game
     */
    public LoggedSpinCheck(SlotGame game) {
        this.game = game;
        this.model = game.model;
        Analysis analysis = game.analysis();
        for (int p = 0; p < model.pays().size(); p++) {
            String award = model.pays().get(p).award();
            Integer seen = awardIndex.get(award);
            if (seen == null) {
                awardIndex.put(award, awards.size());
                awards.add(award);
                perRound.add(analysis.awards.occurrences[p]);
            } else {
                perRound.set(seen, perRound.get(seen).add(analysis.awards.occurrences[p]));
            }
        }
    }

    @Override
    public List<String> awards() {
        return List.copyOf(awards);
    }

    @Override
    public List<Fraction> awardsPerRound() {
        return List.copyOf(perRound);
    }

    @Override
    public String check(JsonNode outcome, long bet, long win, long[] awardCounts) {
        try {
            SpinResult again = evaluate(outcome);
            if (!outcome.equals(BY_VALUE, MAPPER.valueToTree(again))) {
                return "$.outcome: the round evaluated again from its stops differs from the logged one"
                        + firstDifference(outcome, MAPPER.valueToTree(again), "$.outcome");
            }
            if (again.stake() != bet) {
                return "bet: logged " + bet + ", the outcome's stake is " + again.stake();
            }
            if (again.win() != win) {
                return "win: logged " + win + ", the model pays " + again.win() + " for the logged outcome";
            }
            for (SpinResult.Win w : again.spins().get(0).wins()) {
                Integer index = awardIndex.get(w.award());
                if (index != null && !w.type().equals("scatter")) {
                    awardCounts[index]++;
                }
            }
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    /** The round described again from the logged stops, bonus items and picks. */
    private SpinResult evaluate(JsonNode outcome) {
        Bet bet = new Bet(number(outcome, "lineBet", "$.outcome.lineBet"),
                (int) number(outcome, "lines", "$.outcome.lines"));
        SpinRecorder recorder = recorder(bet);
        JsonNode spins = outcome.get("spins");
        if (spins == null || !spins.isArray() || spins.isEmpty()) {
            throw new IllegalArgumentException("$.outcome.spins: expected a non-empty array");
        }
        List<Spin> again = new ArrayList<>();
        long freeGamesOwed = 0;
        long total = 0;
        for (int i = 0; i < spins.size(); i++) {
            String path = "$.outcome.spins[" + i + "]";
            JsonNode logged = spins.get(i);
            boolean free = i > 0;
            if (free && freeGamesOwed == 0) {
                throw new IllegalArgumentException(path + ": a free game that no spin awarded");
            }
            Choice choice = free ? model.freeGames().reels() : model.baseReels();
            CompiledReels reels = reelSet(choice, logged.path("reelSet").asText(), path + ".reelSet");
            int[] stops = stops(logged.get("stops"), reels, path + ".stops");
            long multiplier = free ? model.freeGames().multiplier() : 1;
            Spin spin = recorder.evaluate(free ? "free" : "base", reels, stops, multiplier,
                    window -> bonusRounds(recorder, window, logged.get("bonuses"), bet, path + ".bonuses"));
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
        return new SpinResult(bet.lineBet(), bet.lines(), bet.stake(), total, again);
    }

    /** The evaluator of spins at {@code bet}, kept for the next round at the same bet. */
    private SpinRecorder recorder(Bet bet) {
        if (!bet.equals(lastBet)) {
            lastRecorder = new SpinRecorder(game, bet, (int[]) null);
            lastBet = bet;
        }
        return lastRecorder;
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
            if (!pickedNode.isArray() || pickedNode.size() != bonus.picks()) {
                throw new IllegalArgumentException(at + ".picked: expected " + bonus.picks() + " picks");
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
        if (node == null || !node.isArray() || node.size() != model.reels()) {
            throw new IllegalArgumentException(path + ": expected " + model.reels() + " stops");
        }
        int[] stops = new int[node.size()];
        for (int r = 0; r < stops.length; r++) {
            JsonNode stop = node.get(r);
            int length = reels.set.strips()[r].length;
            if (!stop.canConvertToInt() || stop.asInt() < 0 || stop.asInt() >= length) {
                throw new IllegalArgumentException(path + "[" + r + "]: expected a stop in [0, " + length + ")");
            }
            stops[r] = stop.asInt();
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

    /** Where two JSON trees first differ, for the message. */
    private static String firstDifference(JsonNode logged, JsonNode again, String path) {
        if (logged.isObject() && again.isObject()) {
            for (var it = again.fieldNames(); it.hasNext(); ) {
                String name = it.next();
                JsonNode l = logged.get(name);
                if (l == null) {
                    return " at " + path + "." + name + " (missing)";
                }
                if (!l.equals(BY_VALUE, again.get(name))) {
                    return firstDifference(l, again.get(name), path + "." + name);
                }
            }
            return " at " + path + " (an extra field)";
        }
        if (logged.isArray() && again.isArray()) {
            for (int i = 0; i < Math.min(logged.size(), again.size()); i++) {
                if (!logged.get(i).equals(BY_VALUE, again.get(i))) {
                    return firstDifference(logged.get(i), again.get(i), path + "[" + i + "]");
                }
            }
            return " at " + path + " (" + logged.size() + " elements logged, " + again.size() + " evaluated)";
        }
        return " at " + path + ": logged " + logged + ", evaluated " + again;
    }
}
