package io.fairspin.math.slot.model;

import io.fairspin.math.ModelException;
import io.fairspin.math.slot.model.SlotModel.FreeGames;
import io.fairspin.math.slot.model.SlotModel.ReelSet;
import io.fairspin.math.slot.model.SlotModel.Scatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Checks of a whole slot model that no single field shows: a model that pays nothing or whose free
 * games can never start is refused; virtual-reel weights that the paylines read on another row than
 * the one they attach to are warned about. Every complaint names its JSON path.
 */
public final class ModelChecks {
    private ModelChecks() {
    }

    /**
     * Refuses a model that can never pay anything or whose free games can never be triggered.
     *
     * @param file the model file's name, for messages
     * @param model the slot model
     */
    public static void requireUsable(String file, SlotModel model) {
        boolean pays = model.pays().stream().anyMatch(p -> p.credits() > 0) || model.bonus() != null
                || model.scatters().stream().anyMatch(s -> Arrays.stream(s.credits()).anyMatch(c -> c > 0));
        if (!pays) {
            throw new ModelException(file, "$.pays", "the model pays nothing: every pay, scatter pay and bonus is 0");
        }
        FreeGames free = model.freeGames();
        if (free != null) {
            int needed = 0;
            while (needed < free.spins().length && free.spins()[needed] == 0) {
                needed++;
            }
            if (needed == free.spins().length) {
                throw new ModelException(file, "$.freeGames.spins", "every entry is 0: the free games can never start");
            }
            Scatter scatter = model.scatters().get(free.scatter());
            int most = 0;
            for (int set : model.baseReels().sets()) {
                most = Math.max(most, mostShown(model, model.reelSets().get(set), scatter));
            }
            if (most < needed + 1) {
                throw new ModelException(file, "$.freeGames.spins", "free games need " + (needed + 1) + " \""
                        + model.symbols().get(scatter.symbol()) + "\", but the base reels show at most " + most
                        + ": the free games can never start");
            }
        }
    }

    /** The largest count of {@code scatter} one spin on {@code set} can show, counted as the scatter counts. */
    private static int mostShown(SlotModel model, ReelSet set, Scatter scatter) {
        int total = 0;
        SlotModel.TopReel top = model.heights() == null ? null : model.heights().top();
        boolean onTop = top != null && java.util.stream.IntStream.range(0, top.stops().length)
                .anyMatch(t -> top.stops()[t] == scatter.symbol() && top.weight(t) > 0);
        for (int r = 0; r < model.reels(); r++) {
            // A top reel that shows the scatter may add one above each reel it covers (at most).
            int most = onTop && r >= top.first() && r <= top.last() ? 1 : 0;
            int[] strip = set.strips()[r];
            for (int stop = 0; stop < strip.length; stop++) {
                if (set.stopWeight(r, stop) == 0) {
                    continue;
                }
                int count = 0;
                for (int j = 0; j < model.rows(); j++) {
                    count += strip[(stop + j) % strip.length] == scatter.symbol() ? 1 : 0;
                }
                count += onTop && r >= top.first() && r <= top.last() ? 1 : 0;
                most = Math.max(most, scatter.perReel() ? Math.min(count, 1) : count);
            }
            total += most;
        }
        return total;
    }

    /**
     * Warnings, with JSON paths, for virtual reels of a window of several rows: a stop's weight attaches to
     * the stop shown on the top row, so a payline that reads another row sees each symbol with the weight
     * of the stop above it. When that row's weighted symbol counts differ from the top row's, the designer
     * has probably weighted the wrong row (the symptom: an RTP far above 100%), unless the reel states
     * the row its weights are for ({@code "weightedRow"}).
     *
     * @param model the slot model
     * @return the warnings, each naming its JSON path
     */
    public static List<String> virtualReelRows(SlotModel model) {
        List<String> warnings = new ArrayList<>();
        if (model.rows() == 1) {
            return warnings;
        }
        boolean[] read = new boolean[model.rows()];
        if (model.ways()) {
            Arrays.fill(read, true);
        } else {
            for (int l = 0; l < model.lines(); l++) {
                for (int row : model.paylines()[l]) {
                    read[row] = true;
                }
            }
        }
        for (ReelSet set : model.reelSets()) {
            for (int r = 0; r < model.reels(); r++) {
                if (set.weights() == null || set.weights()[r] == null
                        || set.rowStated() != null && set.rowStated()[r]) {
                    continue;
                }
                Map<Integer, Long> top = rowCounts(set, r, 0);
                for (int row = 1; row < model.rows(); row++) {
                    if (!read[row]) {
                        continue;
                    }
                    Map<Integer, Long> counts = rowCounts(set, r, row);
                    if (!counts.equals(top)) {
                        int symbol = mostChanged(top, counts);
                        warnings.add("$.reelSets." + set.name() + "[" + r + "].weights: the weights attach to the"
                                + " stop shown on the top row (row 0), but the paylines read row " + row + ", where \""
                                + model.symbols().get(symbol) + "\" has weight " + counts.getOrDefault(symbol, 0L)
                                + " against " + top.getOrDefault(symbol, 0L) + " on row 0; weight stop s for the"
                                + " symbol row " + row + " shows (strip[s+" + row + "]) or say so with \"weightedRow\": " + row
                                + " (\"weightedRow\": 0 keeps them on the top row)");
                        break;
                    }
                }
            }
        }
        return warnings;
    }

    private static Map<Integer, Long> rowCounts(ReelSet set, int reel, int row) {
        int[] strip = set.strips()[reel];
        Map<Integer, Long> counts = new TreeMap<>();
        for (int stop = 0; stop < strip.length; stop++) {
            long w = set.stopWeight(reel, stop);
            if (w > 0) {
                counts.merge(strip[(stop + row) % strip.length], w, Long::sum);
            }
        }
        return counts;
    }

    private static int mostChanged(Map<Integer, Long> a, Map<Integer, Long> b) {
        int best = -1;
        long most = -1;
        for (int s : new TreeSet<>(merge(a, b))) {
            long d = Math.abs(a.getOrDefault(s, 0L) - b.getOrDefault(s, 0L));
            if (d > most) {
                most = d;
                best = s;
            }
        }
        return best;
    }

    private static List<Integer> merge(Map<Integer, Long> a, Map<Integer, Long> b) {
        List<Integer> keys = new ArrayList<>(a.keySet());
        keys.addAll(b.keySet());
        return keys;
    }
}
