package io.fairspin.math.table;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import io.fairspin.rng.RandomStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class DealerProperties {
    /** Dealing card by card, round after round, is derivation v1's sample k of n on the same bytes. */
    @Property(tries = 200)
    void dealsWhatSampleDraws(@ForAll @IntRange(min = 1, max = 832) int size, @ForAll @IntRange(min = 0, max = 20) int k,
            @ForAll long seed) {
        int cards = Math.min(k, size);
        Dealer dealer = new Dealer(size);
        for (int round = 0; round < 3; round++) {
            RandomStream a = new SeededStream(seed + round);
            RandomStream b = new SeededStream(seed + round);
            dealer.newRound();
            int[] dealt = new int[cards];
            for (int i = 0; i < cards; i++) {
                dealt[i] = dealer.next(a);
            }
            assertArrayEquals(b.sample(size, cards), dealt);
        }
    }
}
