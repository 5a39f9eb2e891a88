package io.fairspin.math;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A player's decision in a round: an action named by the game, with the values it takes.
 *
 * <table>
 * <caption>Actions by game</caption>
 * <tr><th>game</th><th>step</th><th>actions</th></tr>
 * <tr><td>video poker</td><td>{@code hold}</td><td>{@code hold} with the positions (0 to 4) of the cards kept, none for a full draw</td></tr>
 * <tr><td>blackjack</td><td>{@code insurance}</td><td>{@code insure}, {@code decline}</td></tr>
 * <tr><td>blackjack</td><td>{@code hand}</td><td>{@code hit}, {@code stand}, {@code double}, {@code split}, {@code surrender}, as the rules and the hand allow</td></tr>
 * <tr><td>slot pick bonus</td><td>{@code pick}</td><td>{@code pick} with the index of one unpicked item</td></tr>
 * <tr><td>slot gamble</td><td>{@code gamble}</td><td>{@code collect}, or {@code gamble} with the colour guessed (0 red, 1 black)</td></tr>
 * </table>
 *
 * <p>In JSON (the audit record's player choices, a server request): {@code {"action": "hold", "values": [0, 3]}};
 * {@link #toString()} gives the short form {@code "hold 0 3"} that {@link #parse} reads.
 *
 * @param action the action's name
 * @param values the values it takes, in order; empty for most actions
 */
public record Decision(String action, List<Integer> values) {
    /**
     * Checks the action and copies the values.
     *
     * @param action the action's name
     * @param values the values it takes, in order; empty for most actions
     */
    public Decision {
        Objects.requireNonNull(action, "action");
        if (!action.matches("[a-z][a-z-]*")) {
            throw new IllegalArgumentException("action: expected a lower-case name, was '" + action + "'");
        }
        values = List.copyOf(values);
    }

    /**
     * The decision {@code action} with {@code values}.
     *
     * @param action the action, such as {@code hold}, {@code hit} or {@code pick}
     * @param values the action's values, such as the card positions to hold
     * @return the decision
     */
    public static Decision of(String action, int... values) {
        return new Decision(action, Arrays.stream(values).boxed().toList());
    }

    /**
     * Reads the short form: the action, then its values separated by spaces ({@code "hold 0 3"}, {@code "hit"}).
     *
     * @param text the short form, such as {@code "hold 0 3"}
     * @return the decision
     * @throws IllegalArgumentException when {@code text} is not of that form
     */
    public static Decision parse(String text) {
        String[] parts = text.trim().split("\\s+");
        int[] values = new int[parts.length - 1];
        for (int i = 1; i < parts.length; i++) {
            try {
                values[i - 1] = Integer.parseInt(parts[i]);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("decision '" + text + "': value '" + parts[i] + "' is not an integer");
            }
        }
        return of(parts[0], values);
    }

    /** The short form, {@code "hold 0 3"}. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(action);
        for (int v : values) {
            s.append(' ').append(v);
        }
        return s.toString();
    }
}
