package io.fairspin.math.table.poker;

import java.math.BigInteger;
import java.util.stream.IntStream;

/**
 * Exact optimal play of five-card draw against a paytable, by inclusion-exclusion over held cards.
 *
 * <p>For every set S of at most four cards, {@code lines[S]} counts the five-card hands containing S by
 * paytable line. For a deal D and a hold H of D, the final hands reachable by drawing 5 - |H| cards
 * from the unseen cards (47, or 48 with a joker) are those containing H and none of D \ H; their counts are
 * sum over H &sube; S &sube; D of (-1)^|S \ H| lines[S] (a superset M&ouml;bius transform over the 32 subsets
 * of D). Building the tables takes one pass over the 2,598,960 hands; each deal then costs a few
 * hundred additions, so all deals and all 32 holds are analysed in seconds.
 *
 * <p>Holds are compared by exact expected pay; among holds of equal expectation the first in mask
 * order (bit i = the i-th dealt card, in increasing card order) is taken.
 */
final class DrawAnalysis {
    private static final int[][] BINOMIAL = binomials(54, 6);

    private final VideoPokerPaytable paytable;
    private final int lineCount;
    private final int deck;
    private final int unseen;
    /** By subset size k (0..4) and colex index: the count of hands containing the subset, per line. */
    private final int[][] lineCounts = new int[5][];
    /** By subset size k and colex index: the total pay (coins at the bet's coins) of the hands holding the subset. */
    private final long[][] payTotals = new long[5][];
    /** By colex index of a five-card hand: its paytable line. */
    private final byte[] handLine;
    /** The weight of a hold of k cards: lcm of C(unseen, j) over j, divided by C(unseen, 5 - k). */
    private final long[] holdWeight = new long[6];

    private DrawAnalysis(VideoPokerPaytable paytable) {
        this.paytable = paytable;
        this.lineCount = paytable.lineCount();
        this.deck = paytable.deckSize();
        this.unseen = deck - 5;
        this.handLine = new byte[BINOMIAL[deck][5]];
        long lcm = 1;
        for (int drawn = 0; drawn <= 5; drawn++) {
            lcm = BigInteger.valueOf(lcm).multiply(BigInteger.valueOf(BINOMIAL[unseen][drawn]))
                    .divide(BigInteger.valueOf(lcm).gcd(BigInteger.valueOf(BINOMIAL[unseen][drawn]))).longValueExact();
        }
        for (int held = 0; held <= 5; held++) {
            holdWeight[held] = lcm / BINOMIAL[unseen][5 - held];
        }
        for (int k = 0; k < 5; k++) {
            lineCounts[k] = new int[BINOMIAL[deck][k] * lineCount];
            payTotals[k] = new long[BINOMIAL[deck][k]];
        }
        countHands();
    }

    /** Builds the subset tables for {@code paytable} (about a second). */
    static DrawAnalysis of(VideoPokerPaytable paytable) {
        return new DrawAnalysis(paytable);
    }

    /** The number of final hands each deal stands for: lcm over j of C(unseen, j). */
    long weightPerDeal() {
        return holdWeight[5];
    }

    private void countHands() {
        int[] cards = new int[5];
        int[] index = new int[32];
        for (cards[4] = 4; cards[4] < deck; cards[4]++) {
            for (cards[3] = 3; cards[3] < cards[4]; cards[3]++) {
                for (cards[2] = 2; cards[2] < cards[3]; cards[2]++) {
                    for (cards[1] = 1; cards[1] < cards[2]; cards[1]++) {
                        for (cards[0] = 0; cards[0] < cards[1]; cards[0]++) {
                            int line = paytable.line(cards[0], cards[1], cards[2], cards[3], cards[4]);
                            long pays = paytable.pays(line);
                            subsetIndices(cards, index);
                            handLine[index[31]] = (byte) line;
                            for (int mask = 0; mask < 31; mask++) {
                                int k = Integer.bitCount(mask);
                                lineCounts[k][index[mask] * lineCount + line]++;
                                payTotals[k][index[mask]] += pays;
                            }
                        }
                    }
                }
            }
        }
    }

    /** The colex index, within its size, of each of the 32 subsets of the increasing {@code cards}. */
    private static void subsetIndices(int[] cards, int[] index) {
        index[0] = 0;
        for (int mask = 1; mask < 32; mask++) {
            int top = 31 - Integer.numberOfLeadingZeros(mask);
            index[mask] = index[mask ^ (1 << top)] + BINOMIAL[cards[top]][Integer.bitCount(mask)];
        }
    }

    /**
     * The optimal hold for the increasing {@code cards}: a mask whose bit i holds {@code cards[i]}.
     * {@code index} and {@code value} are 32-element scratch arrays.
     */
    int bestHold(int[] cards, int[] index, long[] value) {
        subsetIndices(cards, index);
        for (int mask = 0; mask < 31; mask++) {
            value[mask] = payTotals[Integer.bitCount(mask)][index[mask]];
        }
        value[31] = paytable.pays(handLine[index[31]]);
        supersetDifferences(value);
        int best = 0;
        long bestValue = Long.MIN_VALUE;
        for (int mask = 0; mask < 32; mask++) {
            long weighted = value[mask] * holdWeight[Integer.bitCount(mask)];
            if (weighted > bestValue) {
                bestValue = weighted;
                best = mask;
            }
        }
        return best;
    }

    /** f[mask] -= f[mask | bit] for every bit: counts of supersets become counts of exact holds. */
    private static void supersetDifferences(long[] f) {
        for (int bit = 1; bit < 32; bit <<= 1) {
            for (int mask = 0; mask < 32; mask++) {
                if ((mask & bit) == 0) {
                    f[mask] -= f[mask | bit];
                }
            }
        }
    }

    /**
     * Plays every deal optimally: the weighted count of final hands per line, each deal standing for
     * {@link #weightPerDeal()} final hands. Uses all available processors.
     */
    long[] finalHands() {
        return IntStream.range(4, deck).parallel().mapToObj(this::finalHandsWithTopCard)
                .reduce(new long[lineCount], DrawAnalysis::sum);
    }

    private static long[] sum(long[] a, long[] b) {
        long[] out = new long[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i] + b[i];
        }
        return out;
    }

    private long[] finalHandsWithTopCard(int top) {
        long[] totals = new long[lineCount];
        int[] cards = new int[5];
        int[] index = new int[32];
        long[] value = new long[32];
        cards[4] = top;
        for (cards[3] = 3; cards[3] < top; cards[3]++) {
            for (cards[2] = 2; cards[2] < cards[3]; cards[2]++) {
                for (cards[1] = 1; cards[1] < cards[2]; cards[1]++) {
                    for (cards[0] = 0; cards[0] < cards[1]; cards[0]++) {
                        int hold = bestHold(cards, index, value);
                        addFinalHands(hold, index, totals);
                    }
                }
            }
        }
        return totals;
    }

    /** Adds the final hands of {@code hold} (subset indices in {@code index}), weighted, to {@code totals}. */
    private void addFinalHands(int hold, int[] index, long[] totals) {
        long weight = holdWeight[Integer.bitCount(hold)];
        int free = 31 & ~hold;
        // Sum over the supersets S of the hold: (-1)^|S \ hold| times the counts containing S.
        for (int extra = free; ; extra = (extra - 1) & free) {
            int superset = hold | extra;
            long sign = (Integer.bitCount(extra) & 1) == 0 ? weight : -weight;
            if (superset == 31) {
                totals[handLine[index[31]]] += sign;
            } else {
                int[] counts = lineCounts[Integer.bitCount(superset)];
                int base = index[superset] * lineCount;
                for (int line = 0; line < lineCount; line++) {
                    totals[line] += sign * counts[base + line];
                }
            }
            if (extra == 0) {
                break;
            }
        }
    }

    private static int[][] binomials(int n, int k) {
        int[][] c = new int[n][k];
        for (int i = 0; i < n; i++) {
            c[i][0] = 1;
            for (int j = 1; j < k; j++) {
                c[i][j] = i == 0 ? 0 : c[i - 1][j - 1] + c[i - 1][j];
            }
        }
        return c;
    }
}
