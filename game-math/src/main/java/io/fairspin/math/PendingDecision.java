package io.fairspin.math;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a paused round waits for: the step ({@code "hold"}, {@code "hand"}, {@code "insurance"},
 * {@code "pick"}, {@code "gamble"}), the legal actions, the values they may take, the decision the model
 * declares for an abandoned round, the built-in strategy's advice where the game has one, and what the
 * player sees so far.
 *
 * @param step      the decision's step, see {@link Decision}
 * @param actions   the legal action names
 * @param values    the values a value-taking action may use: card positions to hold (any subset, each
 *                  at most once), unpicked items (exactly one); empty when no action takes values
 * @param byDefault the decision taken when the round is abandoned ({@link Round#settle()}), as the model declares
 * @param advice    the built-in strategy's decision (optimal hold, basic strategy), if the game has one
 * @param view      what the player sees so far, as JSON text (cards dealt, hands, the window, picked items)
 */
public record PendingDecision(String step, List<String> actions, List<Integer> values, Decision byDefault,
        Optional<Decision> advice, String view) {
    /**
     * Checks the decision's step and copies its lists.
     *
     * @param step the decision's step, see {@link Decision}
     * @param actions the legal action names
     * @param values the values a value-taking action may use: card positions to hold (any subset, each at most once),
     *     unpicked items (exactly one); empty when no action takes values
     * @param byDefault the decision taken when the round is abandoned ({@link Round#settle()}), as the model declares
     * @param advice the built-in strategy's decision (optimal hold, basic strategy), if the game has one
     * @param view what the player sees so far, as JSON text (cards dealt, hands, the window, picked items)
     */
    public PendingDecision {
        Objects.requireNonNull(step, "step");
        actions = List.copyOf(actions);
        values = List.copyOf(values);
        Objects.requireNonNull(byDefault, "byDefault");
        Objects.requireNonNull(advice, "advice");
        Objects.requireNonNull(view, "view");
    }

    /**
     * Whether {@code action} is one of the legal actions (its values are checked by the round).
     *
     * @param action an action's name, such as {@code hit}
     * @return true when the action may be taken now
     */
    public boolean allows(String action) {
        return actions.contains(action);
    }

    /**
     * Checks that {@code decision} is legal here: its action is one of {@link #actions()}; {@code hold} takes
     * distinct values from {@link #values()} (any number, none for a full draw); {@code pick} and
     * {@code gamble} take exactly one of them; every other action takes none.
     *
     * @param decision the decision to check
     * @throws IllegalDecisionException naming what is not allowed
     */
    public void check(Decision decision) {
        if (!actions.contains(decision.action())) {
            throw new IllegalDecisionException("'" + decision + "' is not allowed at this " + step + " decision: expected "
                    + String.join(", ", actions));
        }
        List<Integer> given = decision.values();
        switch (decision.action()) {
            case "hold" -> {
                if (given.stream().distinct().count() != given.size() || !values.containsAll(given)) {
                    throw new IllegalDecisionException("'" + decision + "': hold takes distinct card positions from "
                            + values);
                }
            }
            case "pick", "gamble" -> {
                if (given.size() != 1 || !values.contains(given.get(0))) {
                    throw new IllegalDecisionException("'" + decision + "': " + decision.action() + " takes one of "
                            + values);
                }
            }
            default -> {
                if (!given.isEmpty()) {
                    throw new IllegalDecisionException("'" + decision + "': " + decision.action() + " takes no values");
                }
            }
        }
    }
}
