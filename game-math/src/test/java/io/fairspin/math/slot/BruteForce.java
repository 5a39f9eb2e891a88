package io.fairspin.math.slot;

import io.fairspin.math.slot.analysis.SpinDistribution;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Visits every stop combination of a reel set and evaluates each window with {@link NaiveSlot}: the
 * distribution of (scatter counts, line win A, bonus lines B) that {@link SpinDistribution} must equal.
 */
final class BruteForce {
    /** Results by model and reel set, since several tests ask for the same ones. */
    private static final Map<String, Map<String, Long>> CACHE = new ConcurrentHashMap<>();

    private BruteForce() {
    }

    /** Combinations (weighted) by key {@code "c1,c2,...|A|B"}. */
    static Map<String, Long> distribution(NaiveSlot slot, String set) {
        return CACHE.computeIfAbsent(slot.model + "\n" + set, k -> enumerate(slot, set));
    }

    private static Map<String, Long> enumerate(NaiveSlot slot, String set) {
        List<List<String>> strips = slot.strips(set);
        long[][] weights = slot.weights(set);
        Map<String, Long> counts = new TreeMap<>();
        visit(slot, strips, weights, new int[slot.reels], 0, 1, counts);
        return counts;
    }

    private static void visit(NaiveSlot slot, List<List<String>> strips, long[][] weights, int[] stops, int r,
            long weight, Map<String, Long> counts) {
        if (weight == 0) {
            return;
        }
        if (r == stops.length) {
            String[][] window = slot.window(strips, stops);
            long[] line = slot.lineWinAndBonuses(window);
            int[] scatters = slot.scatterCounts(window);
            counts.merge(key(scatters, line[0], line[1]), weight, Long::sum);
            return;
        }
        for (int stop = 0; stop < strips.get(r).size(); stop++) {
            stops[r] = stop;
            visit(slot, strips, weights, stops, r + 1, weight * weights[r][stop], counts);
        }
    }

    static String key(int[] scatters, long a, long b) {
        StringBuilder k = new StringBuilder();
        for (int c : scatters) {
            k.append(c).append(',');
        }
        return k.append('|').append(a).append('|').append(b).toString();
    }

    /** The counting analysis's distribution in the same form. */
    static Map<String, Long> counted(SlotGame game, String set) {
        int index = -1;
        for (int i = 0; i < game.model.reelSets().size(); i++) {
            if (game.model.reelSets().get(i).name().equals(set)) {
                index = i;
            }
        }
        SpinDistribution distribution = SpinDistribution.of(game, game.reelSets[index]);
        Map<String, Long> counts = new TreeMap<>();
        distribution.outcomes.forEach((state, map) -> map.forEach((key, weight) -> {
            if (weight != 0) {
                counts.merge(key(state.values(), key >>> 8, key & 0xFF), weight, Long::sum);
            }
        }));
        return counts;
    }
}
