package io.fairspin.math;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The bets a game accepts, as its model file declares them in {@code "betLimits"} (see
 * {@code docs/model-format.md}): per named quantity a range, or a list of allowed values.
 *
 * <ul>
 * <li>line bets (slots, video poker): {@code lines}, {@code lineBet} (minor units per coin per line) and
 *     {@code coins}, and {@code total} (the stake);</li>
 * <li>table games: one limit per bet the model offers, on its amount (for example {@code straight},
 *     {@code red}, {@code pass}, {@code banker}, {@code pair-plus}), and {@code total} on the sum of the
 *     amounts; a bet without a limit is not offered.</li>
 * </ul>
 *
 * A model without {@code betLimits} accepts its standard wager only.
 *
 * @param standard the standard wager in explicit form ({@link Game#standardBet()})
 * @param limits   the limits by name, sorted by name; empty when only the standard wager is accepted
 */
public record BetLimits(Bet standard, SortedMap<String, Limit> limits) {
    /**
     * Checks the standard wager and copies the limits, sorted by name.
     *
     * @param standard the standard wager in explicit form ({@link Game#standardBet()})
     * @param limits the limits by name, sorted by name; empty when only the standard wager is accepted
     */
    public BetLimits {
        Objects.requireNonNull(standard, "standard");
        limits = Collections.unmodifiableSortedMap(new TreeMap<>(limits));
    }

    /**
     * Limits that accept {@code standard} only.
     *
     * @param standard the model's standard wager
     * @return limits with no named limit
     */
    public static BetLimits only(Bet standard) {
        return new BetLimits(standard, new TreeMap<>());
    }

    /**
     * Whether only the standard wager is accepted.
     *
     * @return true when the model declares no {@code betLimits}
     */
    public boolean standardOnly() {
        return limits.isEmpty();
    }

    /**
     * The limit named {@code name}, or null.
     *
     * @param name a limit's name, such as {@code lines}, {@code lineBet}, a table bet's name or {@code total}
     * @return the limit, or null when there is none of that name
     */
    public Limit limit(String name) {
        return limits.get(name);
    }

    /**
     * The values the limit {@code name} allows, at most about {@code most} of them spread evenly over a range (its
     * ends included), for an analysis of each: {@code fallback} alone when there is no such limit.
     *
     * @param name a limit's name, such as {@code lines} or {@code coins}
     * @param fallback the standard wager's value, when the limit is absent
     * @param most about the most values to return from a range
     * @return the values, ascending
     */
    public List<Long> sample(String name, long fallback, int most) {
        Limit limit = limits.get(name);
        if (limit == null) {
            return List.of(fallback);
        }
        if (!limit.values().isEmpty()) {
            return limit.values();
        }
        List<Long> all = new java.util.ArrayList<>();
        long span = limit.max() - limit.min();
        long step = Math.max(1, (span + most - 1) / most);
        for (long v = limit.min(); v <= limit.max(); v += step) {
            all.add(v);
        }
        if (all.get(all.size() - 1) != limit.max()) {
            all.add(limit.max());
        }
        return all;
    }

    /**
     * One limit: any integer in [min, max], or, when {@code values} is not empty, one of them.
     *
     * @param min    the smallest value allowed
     * @param max    the largest value allowed
     * @param values the values allowed, ascending; empty for the whole range
     */
    public record Limit(long min, long max, List<Long> values) {
        /**
         * Checks that {@code min <= max} and copies the values.
         *
         * @param min the smallest value allowed
         * @param max the largest value allowed
         * @param values the values allowed, ascending; empty for the whole range
         */
        public Limit {
            values = List.copyOf(values);
            if (min > max) {
                throw new IllegalArgumentException("min " + min + " above max " + max);
            }
        }

        /**
         * Any integer from {@code min} to {@code max}.
         *
         * @param min the smallest value allowed
         * @param max the largest value allowed, at least {@code min}
         * @return the limit
         */
        public static Limit range(long min, long max) {
            return new Limit(min, max, List.of());
        }

        /**
         * One of {@code values} (not empty).
         *
         * @param values the allowed values, not empty
         * @return the limit, from the smallest value to the largest
         */
        public static Limit values(List<Long> values) {
            List<Long> sorted = values.stream().sorted().toList();
            return new Limit(sorted.get(0), sorted.get(sorted.size() - 1), sorted);
        }

        /**
         * Whether {@code value} is within the limit.
         *
         * @param value an amount or a count
         * @return true when it is in the range and, if the limit lists values, one of them
         */
        public boolean allows(long value) {
            return values.isEmpty() ? value >= min && value <= max : values.contains(value);
        }

        /**
         * What is allowed, for messages: "from 1 to 10" or "one of 1, 2, 5".
         *
         * @return a short description for an error message
         */
        public String describe() {
            if (values.isEmpty()) {
                return "from " + min + " to " + max;
            }
            return "one of " + String.join(", ", values.stream().map(String::valueOf).toList());
        }

        /**
         * Checks {@code value}.
         *
         * @param value the value to check
         * @param jsonPath the JSON path of the value in the bet, for the message
         * @throws BetException naming {@code jsonPath} when it is outside the limit
         */
        public void check(long value, String jsonPath) {
            if (!allows(value)) {
                throw new BetException(jsonPath, value + " is outside the model's limits: expected " + describe());
            }
        }
    }

    /**
     * The checks every game shares: a line bet's lines, lineBet, coins and total, or each wager's amount
     * against the limit of its bet (an unlimited bet is not offered) and the total; the standard wager
     * always passes. Games check the rest (numbers, a bet's terms) themselves. A bought bet
     * ({@link Bet#isBonusBuy()}) is refused here ({@code $.bonusBuy}): a game that sells the feature checks
     * {@link Bet#withoutBonusBuy()} instead.
     *
     * @param bet the bet to check
     * @throws BetException naming the field of the bet
     */
    public void check(Bet bet) {
        if (bet.isBonusBuy()) {
            // Limits know nothing of a buy: a game that sells one checks bet.withoutBonusBuy() here.
            throw new BetException("$.bonusBuy", "this game has no bonus buy (its model declares no \"bonusBuy\")");
        }
        if (bet.isStandard() || bet.equals(standard)) {
            return;
        }
        if (standardOnly()) {
            throw new BetException("$", "this model accepts its standard wager only, " + standard.toJson()
                    + " (it declares no betLimits)");
        }
        if (bet.isLineBet() != standard.isLineBet()) {
            throw new BetException("$", standard.isLineBet()
                    ? "expected a line bet {\"lines\": n, \"lineBet\": minor units, \"coins\": n}"
                    : "expected wagers {\"wagers\": [{\"bet\": name, \"amount\": minor units}, ...]}");
        }
        if (bet.isLineBet()) {
            require("lines").check(bet.lines(), "$.lines");
            require("lineBet").check(bet.lineBet(), "$.lineBet");
            require("coins").check(bet.coins(), "$.coins");
        } else {
            for (int i = 0; i < bet.wagers().size(); i++) {
                Wager w = bet.wagers().get(i);
                Limit limit = limits.get(w.bet());
                if (limit == null || "total".equals(w.bet())) {
                    throw new BetException("$.wagers[" + i + "].bet", "\"" + w.bet() + "\" is not offered: expected one of "
                            + String.join(", ", limits.keySet().stream().filter(n -> !n.equals("total")).toList()));
                }
                limit.check(w.amount(), "$.wagers[" + i + "].amount");
            }
        }
        Limit total = limits.get("total");
        if (total != null) {
            total.check(bet.total(), "$");
        }
    }

    private Limit require(String name) {
        Limit limit = limits.get(name);
        return limit != null ? limit : Limit.range(lineValue(name), lineValue(name));
    }

    /** A quantity the limits leave out stays at the standard wager's value. */
    private long lineValue(String name) {
        return switch (name) {
            case "lines" -> standard.lines();
            case "lineBet" -> standard.lineBet();
            default -> standard.coins();
        };
    }

    /**
     * The limits as a plain map, name to limit, for listing.
     *
     * @return the limits by name, sorted by name
     */
    public Map<String, Limit> asMap() {
        return limits;
    }
}
