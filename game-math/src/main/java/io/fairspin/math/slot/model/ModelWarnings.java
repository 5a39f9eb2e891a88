package io.fairspin.math.slot.model;

import io.fairspin.math.slot.model.SlotModel.Pay;
import io.fairspin.math.slot.model.SlotModel.Wild;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/** The model's harmless but suspicious parts: symbols that never appear, pays that can never occur. */
public final class ModelWarnings {
    private ModelWarnings() {
    }

    /**
     * The warnings of {@code model}: pays that can never occur, symbols that never appear.
     *
     * @param model the slot model
     * @return the warnings, each naming its JSON path
     */
    public static List<String> of(SlotModel model) {
        List<Integer> sets = new ArrayList<>();
        IntStream.of(model.baseReels().sets()).forEach(sets::add);
        if (model.freeGames() != null) {
            IntStream.of(model.freeGames().reels().sets()).forEach(sets::add);
        }
        boolean[][] shown = new boolean[model.reels()][model.symbolCount()];
        for (int set : sets) {
            SlotModel.ReelSet reelSet = model.reelSets().get(set);
            for (int r = 0; r < model.reels(); r++) {
                for (int stop = 0; stop < reelSet.strips()[r].length; stop++) {
                    if (reelSet.stopWeight(r, stop) > 0) {
                        shown[r][reelSet.strips()[r][stop]] = true;
                    }
                }
            }
        }
        SlotModel.TopReel top = model.heights() == null ? null : model.heights().top();
        for (int t = 0; top != null && t < top.stops().length; t++) {
            for (int r = top.first(); r <= top.last() && top.weight(t) > 0; r++) {
                shown[r][top.stops()[t]] = true; // some stop of the top reel shows it above reel r
            }
        }
        List<String> warnings = new ArrayList<>();
        for (int s = 0; s < model.symbolCount(); s++) {
            int symbol = s;
            if (IntStream.range(0, model.reels()).noneMatch(r -> shown[r][symbol])) {
                warnings.add("symbol \"" + model.symbols().get(s) + "\" never appears on the reels played");
            }
        }
        for (Pay pay : model.pays()) {
            boolean left = possible(model, shown, pay, false);
            boolean right = model.bothWays() && possible(model, shown, pay, true);
            if (!left && !right) {
                warnings.add((pay.bonus() ? "bonus trigger \"" : "pay \"") + pay.award()
                        + "\" can never occur: a reel it needs never shows a symbol it accepts");
            }
        }
        if (!model.pays().isEmpty() && model.pays().stream().allMatch(p -> !possible(model, shown, p, false)
                && !(model.bothWays() && possible(model, shown, p, true)))) {
            warnings.add("$.pays: no pay can ever occur");
        }
        warnings.addAll(ModelChecks.virtualReelRows(model));
        return List.copyOf(warnings);
    }

    private static boolean possible(SlotModel model, boolean[][] shown, Pay pay, boolean fromRight) {
        for (int i = 0; i < pay.length(); i++) {
            int reel = fromRight ? model.reels() - 1 - i : i;
            boolean any = false;
            for (int s = 0; s < model.symbolCount(); s++) {
                any |= shown[reel][s] && accepts(model, pay.pattern()[i], s);
            }
            if (!any) {
                return false;
            }
        }
        return true;
    }

    private static boolean accepts(SlotModel model, boolean[] accepted, int symbol) {
        if (accepted[symbol]) {
            return true;
        }
        Wild wild = model.wild(symbol);
        return wild != null && IntStream.range(0, accepted.length).anyMatch(y -> accepted[y] && wild.substitutes()[y]);
    }
}
