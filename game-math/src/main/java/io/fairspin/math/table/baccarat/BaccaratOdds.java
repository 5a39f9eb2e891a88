package io.fairspin.math.table.baccarat;

import io.fairspin.math.table.Cards;
import io.fairspin.math.table.Distribution;
import io.fairspin.math.Fraction;

/**
 * The exact distribution of a punto banco coup from a full shoe: the number of ordered six-card
 * sequences of the shoe leading to each (player total, banker total, player pair, banker pair), cards
 * taken without replacement in dealing order. A coup that uses fewer than six cards counts once for
 * every way to continue the sequence, so all counts share the denominator n(n-1)...(n-5).
 */
final class BaccaratOdds {
    static final int KEYS = 400;
    private final long[] combinations = new long[KEYS];
    private final int[] left = new int[Cards.RANKS];
    private int shoe;

    private BaccaratOdds() {
    }

    static BaccaratOdds enumerate(int decks) {
        BaccaratOdds odds = new BaccaratOdds();
        java.util.Arrays.fill(odds.left, 4 * decks);
        odds.shoe = Cards.DECK * decks;
        odds.firstFour(new int[4], 0, 1);
        return odds;
    }

    static int key(int player, int banker, boolean playerPair, boolean bankerPair) {
        return ((player * 10 + banker) * 2 + (playerPair ? 1 : 0)) * 2 + (bankerPair ? 1 : 0);
    }

    static int playerTotal(int key) {
        return key / 40;
    }

    static int bankerTotal(int key) {
        return key / 4 % 10;
    }

    static boolean playerPair(int key) {
        return (key & 2) != 0;
    }

    static boolean bankerPair(int key) {
        return (key & 1) != 0;
    }

    /**
     * The banker's tableau: whether a banker on {@code banker} (two cards, no natural) draws, given the
     * player's third card value, or -1 when the player stood.
     */
    static boolean bankerDraws(int banker, int playerThird) {
        if (playerThird < 0) {
            return banker <= 5;
        }
        return switch (banker) {
            case 0, 1, 2 -> true;
            case 3 -> playerThird != 8;
            case 4 -> playerThird >= 2 && playerThird <= 7;
            case 5 -> playerThird >= 4 && playerThird <= 7;
            case 6 -> playerThird == 6 || playerThird == 7;
            default -> false;
        };
    }

    /** Deals P1, B1, P2, B2 by rank (ranks matter for the pairs), then plays the coup out by value. */
    private void firstFour(int[] ranks, int dealt, long ways) {
        if (dealt == 4) {
            int player = (rankValue(ranks[0]) + rankValue(ranks[2])) % 10;
            int banker = (rankValue(ranks[1]) + rankValue(ranks[3])) % 10;
            playOut(player, banker, ranks[0] == ranks[2], ranks[1] == ranks[3], 4, ways);
            return;
        }
        draw(ways, (rank, next) -> {
            ranks[dealt] = rank;
            firstFour(ranks, dealt + 1, next);
        });
    }

    /** What to do with a card of {@code rank} drawn in {@code ways} ways in all. */
    private interface Draw {
        void then(int rank, long ways);
    }

    /** Draws each rank still in the shoe, taking it out while {@code then} runs. */
    private void draw(long ways, Draw then) {
        for (int rank = 0; rank < Cards.RANKS; rank++) {
            if (left[rank] == 0) {
                continue;
            }
            long next = ways * left[rank];
            left[rank]--;
            then.then(rank, next);
            left[rank]++;
        }
    }

    private void playOut(int player, int banker, boolean playerPair, boolean bankerPair, int dealt, long ways) {
        if (player >= 8 || banker >= 8) {
            record(player, banker, playerPair, bankerPair, dealt, ways);
            return;
        }
        if (player > 5) {
            if (banker <= 5) {
                drawBanker(player, banker, playerPair, bankerPair, dealt, ways);
            } else {
                record(player, banker, playerPair, bankerPair, dealt, ways);
            }
            return;
        }
        draw(ways, (rank, next) -> {
            int third = rankValue(rank);
            int newPlayer = (player + third) % 10;
            if (bankerDraws(banker, third)) {
                drawBanker(newPlayer, banker, playerPair, bankerPair, dealt + 1, next);
            } else {
                record(newPlayer, banker, playerPair, bankerPair, dealt + 1, next);
            }
        });
    }

    private void drawBanker(int player, int banker, boolean playerPair, boolean bankerPair, int dealt, long ways) {
        draw(ways, (rank, next) -> record(player, (banker + rankValue(rank)) % 10, playerPair, bankerPair, dealt + 1,
                next));
    }

    /** Counts the coup once per way of dealing the rest of the six cards. */
    private void record(int player, int banker, boolean playerPair, boolean bankerPair, int dealt, long ways) {
        long total = ways;
        for (int i = dealt; i < 6; i++) {
            total *= shoe - i;
        }
        combinations[key(player, banker, playerPair, bankerPair)] += total;
    }

    /** The baccarat value of a rank: ace 1, two to nine at face value, tens and pictures 0. */
    static int rankValue(int rank) {
        return rank < 9 ? rank + 1 : 0;
    }

    Fraction[] probabilities() {
        return Distribution.proportions(combinations, java.math.BigInteger.valueOf(total()));
    }

    long total() {
        long total = 1;
        for (int i = 0; i < 6; i++) {
            total *= shoe - i;
        }
        return total;
    }

    long bankerWins() {
        return sum(1);
    }

    long playerWins() {
        return sum(-1);
    }

    long ties() {
        return sum(0);
    }

    private long sum(int sign) {
        long total = 0;
        for (int key = 0; key < KEYS; key++) {
            if (Integer.signum(bankerTotal(key) - playerTotal(key)) == sign) {
                total += combinations[key];
            }
        }
        return total;
    }
}
