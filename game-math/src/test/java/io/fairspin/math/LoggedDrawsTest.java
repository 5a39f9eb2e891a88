package io.fairspin.math;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.fairspin.rng.WeightedTable;
import org.junit.jupiter.api.Test;

/** The logged draws a weighted pick and a sample take: the index picked and the items sampled, checked. */
class LoggedDrawsTest {
    private static final WeightedTable TABLE = WeightedTable.of(3, 0, 5);

    @Test
    void aPickTakesTheLoggedIndexOfAnEntryOfPositiveWeight() {
        LoggedDraws draws = new LoggedDraws().add(LoggedDraws.Kind.NUMBER, 2).add(LoggedDraws.Kind.NUMBER, 1)
                .add(LoggedDraws.Kind.NUMBER, 3);
        assertEquals(2, draws.pick(TABLE));
        assertEquals("$.outcome: draw 2 is logged as 1, the round picks one of 3 entries, and entry 1 has weight 0",
                assertThrows(IllegalArgumentException.class, () -> draws.pick(TABLE)).getMessage());
        assertEquals("$.outcome: draw 3 is logged as 3, the round picks one of 3 entries",
                assertThrows(IllegalArgumentException.class, () -> draws.pick(TABLE)).getMessage());
    }

    @Test
    void aSampleTakesDistinctLoggedItemsInRange() {
        LoggedDraws draws = new LoggedDraws().add(LoggedDraws.Kind.ITEM, 4).add(LoggedDraws.Kind.ITEM, 0);
        assertArrayEquals(new int[] {4, 0}, draws.sample(15, 2));
        LoggedDraws twice = new LoggedDraws().add(LoggedDraws.Kind.ITEM, 4).add(LoggedDraws.Kind.ITEM, 4);
        assertEquals("$.outcome: draw 2 is logged as 4 a second time, the round samples distinct values",
                assertThrows(IllegalArgumentException.class, () -> twice.sample(15, 2)).getMessage());
        LoggedDraws outside = new LoggedDraws().add(LoggedDraws.Kind.ITEM, 15);
        assertEquals("$.outcome: draw 1 is logged as 15, the round samples from [0, 15)",
                assertThrows(IllegalArgumentException.class, () -> outside.sample(15, 1)).getMessage());
    }
}
