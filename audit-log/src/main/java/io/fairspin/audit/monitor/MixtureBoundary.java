package io.fairspin.audit.monitor;

/**
 * The two-sided normal-mixture boundary of Robbins (1970), in the form of Howard, Ramdas, McAuliffe and
 * Sekhon, "Time-uniform, nonparametric, nonasymptotic confidence sequences" (Ann. Statist. 2021), eq. (3.7):
 * for a sum S_n of independent centred increments with variance proxy V_n,
 *
 * <pre>{@code P( exists n: |S_n| >= sqrt((V_n + rho) * (ln(1 + V_n / rho) + 2 ln(2 / alpha))) ) <= alpha}</pre>
 *
 * <p>exactly for sub-Gaussian increments and asymptotically (as V_n grows) for any finite variance. The bound
 * holds over all n at once, so the sum may be checked after every round for the game's whole life at a total
 * false-alarm probability of at most alpha. {@code rho} sets where the boundary is tightest: near V_n = rho.
 */
public final class MixtureBoundary {
    private MixtureBoundary() {
    }

    /**
     * The boundary for |S_n| at variance {@code v}.
     *
     * @param v the variance proxy V_n accumulated so far, at least 0
     * @param rho where the boundary is tightest, positive
     * @param alpha the false-alarm probability over all n, strictly between 0 and 1
     * @return the threshold |S_n| must stay below
     */
    public static double threshold(double v, double rho, double alpha) {
        return Math.sqrt((v + rho) * (Math.log1p(v / rho) + 2 * Math.log(2 / alpha)));
    }
}
