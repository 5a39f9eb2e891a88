package io.fairspin.math.slot.evaluation;

import io.fairspin.math.Fraction;
import io.fairspin.math.slot.model.SlotModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The awards of a pay table (a pay's {@code "award"} name): the names, in the order of the pays that first name
 * them, and each pay's award; pays naming one award share it.
 */
public final class PayAwards {
    /** The awards' names. */
    public final List<String> names;
    /** Per pay of the model, the index of its award in {@link #names}. */
    final int[] ofPay;

    /**
     * The awards of {@code model}'s pay table.
     *
     * @param model the slot model
     */
    public PayAwards(SlotModel model) {
        List<String> awardNames = new ArrayList<>();
        ofPay = new int[model.pays().size()];
        for (int p = 0; p < ofPay.length; p++) {
            String award = model.pays().get(p).award();
            if (!awardNames.contains(award)) {
                awardNames.add(award);
            }
            ofPay[p] = awardNames.indexOf(award);
        }
        names = List.copyOf(awardNames);
    }

    /**
     * Sums figures per pay into figures per award.
     *
     * @param perPay a figure per pay of the model
     * @return the sum per award, in the order of {@link #names}
     */
    public List<Fraction> perAward(Fraction[] perPay) {
        Fraction[] perAward = new Fraction[names.size()];
        Arrays.fill(perAward, Fraction.ZERO);
        for (int p = 0; p < perPay.length; p++) {
            perAward[ofPay[p]] = perAward[ofPay[p]].add(perPay[p]);
        }
        return List.of(perAward);
    }
}
