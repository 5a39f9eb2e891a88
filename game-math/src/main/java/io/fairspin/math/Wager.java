package io.fairspin.math;

import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One bet of a table game placed in a round: the bet's name as the model file names it (for example
 * {@code "straight"}, {@code "red"}, {@code "pass"}, {@code "banker"}, {@code "pair-plus"},
 * {@code "ticket"}, {@code "hand"}), the amount in minor units, and the bet's own terms: the numbers it
 * covers (roulette) or marks (keno spots), and odds multiples by point (craps line bets).
 *
 * <p>In JSON (what a model's {@code standardWager} and a server request hold):
 * {@code {"bet": "straight", "numbers": [17], "amount": 100}},
 * {@code {"bet": "pass", "amount": 10, "odds": {"4": 3, "5": 4, "6": 5, "8": 5, "9": 4, "10": 3}}}.
 *
 * @param bet     the bet's name
 * @param amount  the amount staked, in minor units (positive)
 * @param numbers the numbers covered or marked, in the order given; empty when the bet has none
 * @param odds    odds multiples of the amount by point, for a craps line bet; empty otherwise
 */
public record Wager(String bet, long amount, List<Integer> numbers, SortedMap<Integer, Integer> odds) {
    /**
     * Checks the wager and copies its numbers and odds.
     *
     * @param bet the bet's name
     * @param amount the amount staked, in minor units (positive)
     * @param numbers the numbers covered or marked, in the order given; empty when the bet has none
     * @param odds odds multiples of the amount by point, for a craps line bet; empty otherwise
     */
    public Wager {
        Objects.requireNonNull(bet, "bet");
        if (bet.isEmpty()) {
            throw new IllegalArgumentException("bet: expected the bet's name");
        }
        if (amount < 1) {
            throw new IllegalArgumentException("amount: must be positive, was " + amount);
        }
        numbers = List.copyOf(numbers);
        odds = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(odds));
    }

    /**
     * A bet without numbers or odds, such as {@code red}, {@code banker} or {@code ante}.
     *
     * @param bet the bet's name in the model
     * @param amount the amount staked, in minor units, at least 1
     * @return the wager
     */
    public static Wager of(String bet, long amount) {
        return new Wager(bet, amount, List.of(), new TreeMap<>());
    }

    /**
     * A bet on numbers: a roulette inside bet ({@code straight}, {@code split}, ...) or a keno ticket.
     *
     * @param bet the bet's name in the model
     * @param amount the amount staked, in minor units, at least 1
     * @param numbers the numbers covered
     * @return the wager
     */
    public static Wager on(String bet, long amount, Integer... numbers) {
        return new Wager(bet, amount, List.of(numbers), new TreeMap<>());
    }

    /**
     * This bet with odds multiples by point (craps line bets): {@code point -> multiple of the amount}.
     *
     * @param multiples the odds multiple of the amount for each point
     * @return a new wager with those odds
     */
    public Wager withOdds(SortedMap<Integer, Integer> multiples) {
        return new Wager(bet, amount, numbers, multiples);
    }
}
