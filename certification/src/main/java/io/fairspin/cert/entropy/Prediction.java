package io.fairspin.cert.entropy;

import java.util.ArrayList;
import java.util.List;

/**
 * SP 800-90B section 6.3.7 to 6.3.10's final step, shared by the four predictors: from the number
 * of correct predictions C of N and the longest run of correct ones, the global and local
 * prediction probabilities and the min-entropy.
 */
final class Prediction {
    private Prediction() {
    }

    static Estimate estimate(String name, String input, long correct, long n, long longestRun, int k) {
        long r = longestRun + 1;
        double curMax = 1.0 / k;
        double global = (double) correct / (double) n;
        double globalPrime = global > 0
                ? Math.min(1.0, global + Numerics.Z_ALPHA * Math.sqrt((global * (1.0 - global)) / ((double) n - 1.0)))
                : 1.0 - Math.pow(0.01, 1.0 / (double) n);
        curMax = Math.max(curMax, globalPrime);
        double local = -1.0;
        double target = Math.log(0.99);
        if (curMax < 1.0 && Numerics.runProbabilityLog(curMax, r, n) > target) {
            local = Numerics.bisect(p -> Numerics.runProbabilityLog(p, r, n), target, curMax, 1.0);
            curMax = Math.max(curMax, local);
        }
        List<Figure> figures = new ArrayList<>(List.of(
                Figure.count("C", "c", correct),
                Figure.count("r", "r", r),
                Figure.count("N", "n", n),
                Figure.real("P_global", "pGlobal", global),
                Figure.real("P_global'", "pGlobalPrime", globalPrime)));
        List<String> notes = new ArrayList<>();
        if (local > 0.0) {
            figures.add(Figure.real("P_local", "pLocal", local));
        } else {
            notes.add("P_local can't change the result.");
        }
        return new Estimate(name + " Prediction", input, figures, notes, -Numerics.log2(curMax), null);
    }
}
