package io.fairspin.math;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * One round described completely, for an audit record: its money figures and a JSON description of
 * what happened (the window or cards, every win with its positions, feature events, player choices)
 * whose field order is fixed by the game, so the same round always gives the same JSON.
 *
 * @param outcome the money figures
 * @param detail  the description; its shape is documented per game type in {@code docs/model-format.md}
 */
public record PlayedRound(RoundOutcome outcome, JsonNode detail) {
    public PlayedRound {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(detail, "detail");
    }
}
