package io.fairspin.math.slot.picks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fairspin.math.Decision;
import io.fairspin.math.PendingDecision;
import io.fairspin.math.TapedRound;
import io.fairspin.math.slot.evaluation.SpinRecorder;
import io.fairspin.math.slot.model.SlotModel.Bonus;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The player's picks in a round opened with {@link io.fairspin.math.Game#open}: each pick is a {@code "pick"}
 * decision offering the items not picked yet (the first by default), its view the bonus, the items picked and
 * the prizes they revealed.
 */
public final class PlayerPicks implements SpinRecorder.Picker {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final Bonus bonus;
    private final TapedRound.Player player;

    /**
     * Picks that {@code player} decides.
     *
     * @param bonus the model's pick bonus
     * @param player the player of the round
     */
    public PlayerPicks(Bonus bonus, TapedRound.Player player) {
        this.bonus = bonus;
        this.player = player;
    }

    @Override
    public int pick(int line, int items, List<Integer> picked, List<List<Long>> revealed) {
        List<Integer> open = new ArrayList<>();
        for (int i = 0; i < items; i++) {
            if (!picked.contains(i)) {
                open.add(i);
            }
        }
        ObjectNode view = MAPPER.createObjectNode().put("bonus", bonus.name()).put("line", line)
                .put("items", items).put("picks", bonus.picks());
        picked.forEach(view.putArray("picked")::add);
        var shown = view.putArray("revealed");
        for (List<Long> prizes : revealed) {
            prizes.forEach(shown.addArray()::add);
        }
        PendingDecision pending = new PendingDecision("pick", List.of("pick"), open,
                Decision.of("pick", open.get(0)), Optional.empty(), view.toString());
        return player.decide(pending).values().get(0);
    }
}
