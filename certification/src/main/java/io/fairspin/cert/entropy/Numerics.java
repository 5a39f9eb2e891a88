package io.fairspin.cert.entropy;

/** The numerical pieces SP 800-90B's estimators share, defined as NIST's tool computes them. */
final class Numerics {
    /** The 99.5% normal quantile SP 800-90B uses for every upper bound. */
    static final double Z_ALPHA = 2.5758293035489008;
    /** The bisections run at most this many steps (enough to walk down every double in [0, 1]). */
    static final int MAX_ITERATIONS = 1076;
    private static final double LN2 = Math.log(2.0);
    /** The machine epsilon of x87 extended precision, NIST's convergence test for the prediction function. */
    private static final double EXTENDED_EPSILON = 0x1p-63;

    private Numerics() {
    }

    static double log2(double x) {
        return Math.log(x) / LN2;
    }

    /**
     * Relative closeness within the double precision (or, where that is meaningless, absolute
     * closeness within the smallest normal double, or within 4 units in the last place), the
     * stopping rule of NIST's bisections.
     */
    static boolean close(double a, double b) {
        if (Double.isNaN(a) || Double.isNaN(b)) {
            return false;
        }
        if (a == b) {
            return true;
        }
        if (Double.isInfinite(a) || Double.isInfinite(b)) {
            return false;
        }
        double absA = Math.abs(a);
        double absB = Math.abs(b);
        if (absA > absB) {
            double t = a;
            a = b;
            b = t;
            t = absA;
            absA = absB;
            absB = t;
        }
        double diff = Math.abs(b - a);
        if (absA < Double.MIN_NORMAL || diff < Double.MIN_NORMAL || Double.isInfinite(diff)
                || absB * Math.ulp(1.0) < Double.MIN_NORMAL) {
            return diff <= Double.MIN_NORMAL;
        }
        if (diff <= absB * Math.ulp(1.0)) {
            return true;
        }
        if ((Double.doubleToRawLongBits(a) < 0) != (Double.doubleToRawLongBits(b) < 0)) {
            return false;
        }
        return Double.doubleToRawLongBits(absB) - Double.doubleToRawLongBits(absA) <= 4;
    }

    static boolean inOpen(double x, double a, double b) {
        return a > b ? x > b && x < a : x > a && x < b;
    }

    static boolean inClosed(double x, double a, double b) {
        return a > b ? x >= b && x <= a : x >= a && x <= b;
    }

    /** A function the bisection searches: decreasing in p over the domain. */
    interface Decreasing {
        double at(double p);
    }

    /**
     * NIST's bisection for the p in [low, 1] where {@code f(p)} equals {@code target}, f decreasing;
     * returns {@code failure} when the search leaves its invariants as NIST's does.
     */
    static double bisect(Decreasing f, double target, double low, double failure) {
        double high = 1.0;
        double lbound = low;
        double hbound = high;
        double lvalue = Double.POSITIVE_INFINITY;
        double hvalue = Double.NEGATIVE_INFINITY;
        double p = (lbound + hbound) / 2.0;
        double value = f.at(p);
        for (int j = 0; j < MAX_ITERATIONS; j++) {
            if (close(value, target)) {
                break;
            }
            if (target < value) {
                lbound = p;
                lvalue = value;
            } else {
                hbound = p;
                hvalue = value;
            }
            if (lbound >= hbound) {
                p = Math.min(Math.max(lbound, hbound), high);
                break;
            }
            if (!(inClosed(lbound, low, high) && inClosed(hbound, low, high))) {
                p = failure;
                break;
            }
            if (!inClosed(target, lvalue, hvalue)) {
                p = failure;
                break;
            }
            double last = p;
            p = (lbound + hbound) / 2.0;
            if (!inOpen(p, lbound, hbound)) {
                p = hbound;
                break;
            }
            if (last == p) {
                p = hbound;
                break;
            }
            value = f.at(p);
            if (!inClosed(value, lvalue, hvalue)) {
                p = hbound;
                break;
            }
        }
        return p;
    }

    /**
     * log of the probability, under SP 800-90B section 6.3.7 step 4's model with success
     * probability p, that the longest run of successes in N trials is shorter than r. x solves
     * x = 1 + q p^r x^(r+1) by iteration from 1 (at most 66 steps, as NIST's tool stops); the
     * iteration runs on y = x - 1 so that no precision is lost near x = 1.
     */
    static double runProbabilityLog(double p, long r, long n) {
        double q = 1.0 - p;
        double logPr = r * Math.log(p);
        double y = 0.0;
        double last = -1.0;
        for (int i = 0; i <= 65 && (y - last) > EXTENDED_EPSILON * (1.0 + y); i++) {
            last = y;
            y = q * Math.exp(logPr + (r + 1.0) * Math.log1p(y));
        }
        return Math.log(q - p * y) - Math.log((1.0 - r * y) * q) - (n + 1.0) * Math.log1p(y);
    }

    /** Upper bound of a proportion at 99%: min(1, p + Z sqrt(p (1 - p) / (n - 1))). */
    static double upperBound(double p, long n) {
        return Math.min(1.0, p + Z_ALPHA * Math.sqrt(p * (1.0 - p) / (n - 1.0)));
    }
}
