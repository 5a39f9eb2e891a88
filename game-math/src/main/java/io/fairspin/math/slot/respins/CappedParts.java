package io.fairspin.math.slot.respins;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The hold-and-win feature's wins cut at the cap, counted once in total bets for a game and its games at other bets
 * ({@link HoldAndWinGame#at}): coin values, prizes and the cap are all in total bets, so these distributions are the
 * same at every bet, and each capped analysis scales them to its line bets (lines x coins per total bet). Each is kept
 * with the products of chances its count took, which every analysis that uses it spends again on its own budget, so
 * whether an analysis fits {@link HoldAndWinAnalysis#CAP_BUDGET} does not depend on which bet was analysed first.
 */
final class CappedParts {
    private final Map<Key, Counted> counted = new ConcurrentHashMap<>();

    /**
     * Which distributions: the sums of coin values ({@link #VALUE_SUMS}), or what start state {@code start} adds after
     * the free games, in a bought feature or not.
     */
    record Key(int start, boolean bought) {
        /** The sums of j coin values, j = 0 .. cells. */
        static final Key VALUE_SUMS = new Key(-1, false);

        /** What start state {@code start} adds, in a bought feature or not. */
        static Key featureParts(int start, boolean bought) {
            if (start < 0) {
                throw new IllegalArgumentException("start: must be at least 0, was " + start);
            }
            return new Key(start, bought);
        }
    }

    /** Distributions in total bets and the products of chances counting them took. */
    private record Counted(Truncated[] parts, long products) {
    }

    /**
     * The distributions under {@code key}, counted by {@code count} in total bets the first time, in units of
     * {@code 1 / units} total bet; spends on {@code budget} what counting them took.
     *
     * @throws Truncated.NotCounted when counting them does not fit a budget of its own (nothing is kept then)
     */
    Truncated[] get(Key key, long units, Truncated.Budget budget, Function<Truncated.Budget, Truncated[]> count) {
        Counted c = counted.computeIfAbsent(key, k -> {
            Truncated.Budget own = new Truncated.Budget(HoldAndWinAnalysis.CAP_BUDGET);
            Truncated[] parts = count.apply(own);
            return new Counted(parts, own.spent());
        });
        budget.spend(c.products());
        Truncated[] scaled = new Truncated[c.parts().length];
        for (int i = 0; i < scaled.length; i++) {
            scaled[i] = c.parts()[i].times(units);
        }
        return scaled;
    }
}
