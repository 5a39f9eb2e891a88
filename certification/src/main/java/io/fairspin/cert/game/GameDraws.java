package io.fairspin.cert.game;

import io.fairspin.rng.WeightedTable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntPredicate;

/**
 * The draws of a game's rounds, grouped for the game-level tests, as a {@link RecordingStream} reports
 * them. A draw's site is its place in the round (the k-th draw) with what it is drawn from: a range, a
 * weighted table, a deck to shuffle, a sample size, doubles. A site that every round has (reel 1's stop
 * in [0, 22), the first card from [0, 52)) is tested on its own; the draws of sites that only some
 * rounds reach (a craps roll after the come-out, a blackjack hit, a free game's reels) are tested
 * together, per range or table, in the order drawn. Keeps every draw (12 bytes per integer, pick or
 * double; a shuffle or sample 4 bytes plus 8 per card) until {@link #results}. Not thread-safe.
 */
public final class GameDraws implements DrawListener {
    private final Map<Source, Log> logs = new LinkedHashMap<>();
    private final Map<String, Long> untested = new TreeMap<>();
    private final Map<Source, Integer> tableNumbers = new LinkedHashMap<>();
    private long rounds;
    private int ordinal;

    /** Starts the next round: the draws that follow are its draws 1, 2, ... */
    public void startRound() {
        rounds++;
        ordinal = 0;
    }

    /**
     * The number of rounds started.
     *
     * @return the rounds, at least 0
     */
    public long rounds() {
        return rounds;
    }

    @Override
    public void integer(long range, long value) {
        log(new Source(Kind.RANGE, new long[] {range})).add(ordinal++, value);
    }

    @Override
    public void pick(WeightedTable table, int index) {
        long[] weights = new long[table.size()];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = table.weight(i);
        }
        Source source = new Source(Kind.TABLE, weights);
        tableNumbers.putIfAbsent(source, tableNumbers.size() + 1);
        log(source).add(ordinal++, index);
    }

    @Override
    public void shuffle(int[] order) {
        log(new Source(Kind.SHUFFLE, new long[] {order.length})).add(ordinal++, order);
    }

    @Override
    public void sample(int n, int[] drawn) {
        log(new Source(Kind.SAMPLE, new long[] {n, drawn.length})).add(ordinal++, drawn);
    }

    @Override
    public void uniformDouble(double value) {
        log(new Source(Kind.DOUBLES, new long[0])).add(ordinal++, Double.doubleToRawLongBits(value));
    }

    @Override
    public void untested(String method) {
        untested.merge(method, 1L, Long::sum);
        ordinal++;
    }

    private Log log(Source source) {
        return logs.computeIfAbsent(source, s -> new Log());
    }

    /**
     * Every test on every group of draws, named after the group ("draw 1 in [0, 37): frequency", "other
     * draws in [0, 6): gap"), and a not-applicable line for each kind of draw no test applies to.
     *
     * @return the results, one list for the whole game
     */
    public List<GameTestResult> results() {
        List<GameTestResult> results = new ArrayList<>();
        logs.forEach((source, log) -> {
            String label = label(source);
            long[] perOrdinal = log.countsByOrdinal();
            boolean others = false;
            for (int k = 0; k < perOrdinal.length; k++) {
                if (perOrdinal[k] == rounds) {
                    int only = k;
                    prefix(results, "draw " + (k + 1) + " " + label, test(source, log.values(o -> o == only)));
                } else if (perOrdinal[k] > 0) {
                    others = true;
                }
            }
            if (others) {
                boolean anyFixed = Arrays.stream(perOrdinal).anyMatch(c -> c == rounds);
                prefix(results, (anyFixed ? "other draws " : "draws ") + label, test(source,
                        log.values(o -> perOrdinal[o] != rounds)));
            }
        });
        untested.forEach((method, count) -> results.add(GameTestResult.notApplicable(method, String.format(Locale.ROOT,
                "%,d draws; no game-level test applies to unbounded words, bytes or floats", count))));
        return results;
    }

    private static void prefix(List<GameTestResult> into, String name, List<GameTestResult> results) {
        results.forEach(r -> into.add(r.named(name + ": " + r.name())));
    }

    private String label(Source source) {
        long[] p = source.parameters;
        return switch (source.kind) {
            case RANGE -> "in [0, " + p[0] + ")";
            case TABLE -> String.format(Locale.ROOT, "pick from table %d (%d entries, total %d)",
                    tableNumbers.get(source), p.length, Arrays.stream(p).sum());
            case SHUFFLE -> "shuffle of " + p[0];
            case SAMPLE -> "sample of " + p[1] + " from " + p[0];
            case DOUBLES -> "doubles in [0, 1)";
        };
    }

    private static List<GameTestResult> test(Source source, long[] values) {
        long[] p = source.parameters;
        return switch (source.kind) {
            case RANGE -> integers(p[0], values);
            case TABLE -> WeightedPickTest.results(p, values);
            case SHUFFLE -> shuffles((int) p[0], values);
            case SAMPLE -> samples((int) p[0], (int) p[1], values);
            case DOUBLES -> {
                UniformDoublesTest test = new UniformDoublesTest();
                Arrays.stream(values).forEach(bits -> test.accept(Double.longBitsToDouble(bits)));
                yield List.of(test.result());
            }
        };
    }

    private static List<GameTestResult> integers(long range, long[] values) {
        if (range < 2 || range > 1L << 32) {
            return List.of(GameTestResult.notApplicable("all tests", values.length + " draws; the tests take ranges"
                    + " from 2 to 2^32"));
        }
        OutcomeBattery battery = new OutcomeBattery(range, values.length);
        Arrays.stream(values).forEach(battery::accept);
        return battery.results();
    }

    private static List<GameTestResult> shuffles(int deck, long[] values) {
        if (deck < 2 || deck > SampleTest.MAX_N) {
            return List.of(GameTestResult.notApplicable("card positions", "decks of 2 to " + SampleTest.MAX_N + " cards"));
        }
        PermutationTest test = new PermutationTest(deck);
        int[] order = new int[deck];
        for (int from = 0; from < values.length; from += deck) {
            for (int i = 0; i < deck; i++) {
                order[i] = (int) values[from + i];
            }
            test.accept(order);
        }
        return List.of(test.result());
    }

    private static List<GameTestResult> samples(int n, int k, long[] values) {
        if (k == n) {
            return shuffles(n, values);
        }
        if (k == 0 || n > SampleTest.MAX_N) {
            return List.of(GameTestResult.notApplicable("value positions", "samples of 1 to n - 1 values from n of"
                    + " at most " + SampleTest.MAX_N));
        }
        SampleTest test = new SampleTest(n, k);
        for (int from = 0; from < values.length; from += k) {
            test.accept(values, from);
        }
        return test.results();
    }

    private enum Kind { RANGE, TABLE, SHUFFLE, SAMPLE, DOUBLES }

    /** What a draw is drawn from: the kind and its parameters (range; weights; deck size; n and k). */
    private static final class Source {
        private final Kind kind;
        private final long[] parameters;

        Source(Kind kind, long[] parameters) {
            this.kind = kind;
            this.parameters = parameters;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Source s && s.kind == kind && Arrays.equals(s.parameters, parameters);
        }

        @Override
        public int hashCode() {
            return 31 * kind.hashCode() + Arrays.hashCode(parameters);
        }
    }

    /** The draws from one source in the order drawn: each draw's ordinal in its round and its value(s). */
    private static final class Log {
        private int[] ordinals = new int[64];
        private long[] values = new long[64];
        private int draws;
        private int length;
        private int width = 1;

        void add(int ordinal, long value) {
            ensure(1);
            ordinals[draws++] = ordinal;
            values[length++] = value;
        }

        void add(int ordinal, int[] items) {
            width = items.length;
            ensure(items.length);
            ordinals[draws++] = ordinal;
            for (int item : items) {
                values[length++] = item;
            }
        }

        private void ensure(int items) {
            if (draws == ordinals.length) {
                ordinals = Arrays.copyOf(ordinals, draws * 2);
            }
            if (length + items > values.length) {
                values = Arrays.copyOf(values, Math.max(values.length * 2, length + items));
            }
        }

        long[] countsByOrdinal() {
            int max = 0;
            for (int i = 0; i < draws; i++) {
                max = Math.max(max, ordinals[i]);
            }
            long[] counts = new long[max + 1];
            for (int i = 0; i < draws; i++) {
                counts[ordinals[i]]++;
            }
            return counts;
        }

        /** The values of the draws whose ordinal is {@code wanted}, in the order drawn. */
        long[] values(IntPredicate wanted) {
            long[] out = new long[length];
            int n = 0;
            for (int i = 0; i < draws; i++) {
                if (wanted.test(ordinals[i])) {
                    System.arraycopy(values, i * width, out, n, width);
                    n += width;
                }
            }
            return Arrays.copyOf(out, n);
        }
    }
}
