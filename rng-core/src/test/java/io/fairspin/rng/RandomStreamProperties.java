package io.fairspin.rng;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

/** Invariants of derivation v1 that hold for every stream, bound and read pattern. */
class RandomStreamProperties {

    @Property
    void theByteSequenceDoesNotDependOnHowItIsRead(@ForAll long seed, @ForAll @IntRange(min = 1, max = 64) int blockSize,
                                                    @ForAll @Size(min = 1, max = 20) List<@IntRange(min = 0, max = 300) Integer> reads) {
        byte[] data = new byte[reads.stream().mapToInt(Integer::intValue).sum() + blockSize];
        TestStreams.drbg(seed).nextBytes(data);
        FixedBytes stream = new FixedBytes(data, blockSize);
        int position = 0;
        for (int length : reads) {
            byte[] chunk = new byte[length];
            stream.nextBytes(chunk);
            assertArrayEquals(Arrays.copyOfRange(data, position, position + length), chunk);
            position += length;
        }
    }

    @Property
    void wordsAreBigEndianEvenAcrossBlockBoundaries(@ForAll long seed, @ForAll @IntRange(min = 1, max = 13) int blockSize,
                                                    @ForAll @IntRange(min = 0, max = 7) int skip) {
        byte[] data = new byte[skip + 12 + blockSize];
        TestStreams.drbg(seed).nextBytes(data);
        FixedBytes stream = new FixedBytes(data, blockSize);
        stream.nextBytes(new byte[skip]);
        assertEquals(java.nio.ByteBuffer.wrap(data, skip, 4).getInt(), stream.nextInt());
        assertEquals(java.nio.ByteBuffer.wrap(data, skip + 4, 8).getLong(), stream.nextLong());
    }

    @Property
    void boundedValuesStayInRange(@ForAll long seed, @ForAll @LongRange(min = 1) long bound,
                                  @ForAll long origin, @ForAll long otherEnd) {
        DrbgStream s = TestStreams.drbg(seed);
        long v = s.nextLong(bound);
        assertTrue(v >= 0 && v < bound);
        if (origin != otherEnd) {
            long lo = Math.min(origin, otherEnd);
            long hi = Math.max(origin, otherEnd);
            long w = s.nextLong(lo, hi);
            assertTrue(w >= lo && w < hi);
            int x = s.nextInt((int) lo, (int) Math.max((int) lo + 1L, Math.min(Integer.MAX_VALUE, (int) lo + 1000L)));
            assertTrue(x >= (int) lo);
        }
        double d = s.nextDouble(-1e300, 1e300);
        assertTrue(d >= -1e300 && d < 1e300);
    }

    @Property
    void aShuffleIsAPermutationAndAListShufflesLikeAnArray(@ForAll long seed, @ForAll @IntRange(max = 200) int n) {
        int[] values = IntStream.range(0, n).toArray();
        TestStreams.drbg(seed).shuffle(values);
        assertArrayEquals(IntStream.range(0, n).toArray(), Arrays.stream(values).sorted().toArray());

        List<Integer> linked = IntStream.range(0, n).boxed().collect(Collectors.toCollection(LinkedList::new));
        TestStreams.drbg(seed).shuffle(linked);
        assertEquals(Arrays.stream(values).boxed().collect(Collectors.toList()), new ArrayList<>(linked));
    }

    @Property
    void aSampleHoldsDistinctValuesInRangeAndDenseAndSparseAgree(@ForAll long seed,
                                                                 @ForAll @IntRange(min = 1, max = 70_000) int n,
                                                                 @ForAll @IntRange(max = 50) int kWanted) {
        int k = Math.min(n, kWanted);
        int[] drawn = TestStreams.drbg(seed).sample(n, k);
        assertEquals(k, Arrays.stream(drawn).distinct().count());
        assertTrue(Arrays.stream(drawn).allMatch(v -> v >= 0 && v < n));
        // The same draws through the sparse representation (as used above 2^16) give the same values.
        DrbgStream twin = TestStreams.drbg(seed);
        int[] sparse = new int[k];
        java.util.Map<Integer, Integer> displaced = new java.util.HashMap<>();
        for (int i = 0; i < k; i++) {
            int j = i + twin.nextInt(n - i);
            int atJ = displaced.getOrDefault(j, j);
            displaced.put(j, displaced.getOrDefault(i, i));
            sparse[i] = atJ;
        }
        assertArrayEquals(sparse, drawn);
    }

    @Property
    void aPickFollowsTheLinearScanOfTheSpecification(@ForAll long seed,
                                                     @ForAll @Size(min = 1, max = 30) List<@LongRange(max = 1_000_000) Long> weights) {
        long[] w = weights.stream().mapToLong(Long::longValue).toArray();
        if (Arrays.stream(w).sum() == 0) {
            w[0] = 1;
        }
        int picked = TestStreams.drbg(seed).pick(w);
        long r = TestStreams.drbg(seed).nextLong(Arrays.stream(w).sum());
        long cumulative = 0;
        int expected = -1;
        for (int i = 0; i < w.length && expected < 0; i++) {
            cumulative += w[i];
            if (r < cumulative) {
                expected = i;
            }
        }
        assertEquals(expected, picked);
        assertTrue(w[picked] > 0);
    }

    @Example
    void badArgumentsAreRejectedNamingTheArgument() {
        DrbgStream s = TestStreams.drbg(1);
        assertEquals("bound: must be positive, was 0", assertThrows(IllegalArgumentException.class, () -> s.nextInt(0)).getMessage());
        assertEquals("bound: must be positive, was -5", assertThrows(IllegalArgumentException.class, () -> s.nextLong(-5)).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> s.nextInt(5, 5)).getMessage().startsWith("origin, bound"));
        assertEquals("weights: must hold at least one weight", assertThrows(IllegalArgumentException.class, () -> s.pick()).getMessage());
        assertEquals("weights[1]: must not be negative, was -2",
                assertThrows(IllegalArgumentException.class, () -> s.pick(3, -2)).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> s.pick(0, 0)).getMessage().startsWith("weights: total weight must be positive"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> s.pick(Long.MAX_VALUE, 1)).getMessage().startsWith("weights: total weight exceeds"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> s.sample(5, 6)).getMessage().startsWith("k:"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> s.ints(-1)).getMessage().startsWith("streamSize:"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> s.nextDouble(Double.NaN)).getMessage().startsWith("bound:"));
    }

    @Example
    void streamsYieldTheSameValuesAsTheMethodsTheyName() {
        DrbgStream a = TestStreams.drbg(9);
        DrbgStream b = TestStreams.drbg(9);
        int[] fromStream = a.ints(100, 3, 40).toArray();
        int[] fromCalls = IntStream.range(0, 100).map(i -> b.nextInt(3, 40)).toArray();
        assertArrayEquals(fromCalls, fromStream);
        assertEquals(b.nextDouble(), a.doubles(1).sum());
    }

    @Example
    void everyDefaultMethodOfRandomGeneratorIsOverriddenBySpecifiedCode() throws Exception {
        for (java.lang.reflect.Method m : java.util.random.RandomGenerator.class.getMethods()) {
            if (m.isDefault() && !m.getName().equals("isDeprecated")) {
                java.lang.reflect.Method implementation = RandomStream.class.getMethod(m.getName(), m.getParameterTypes());
                assertEquals(RandomStream.class, implementation.getDeclaringClass(), m.toString());
            }
        }
    }
}
