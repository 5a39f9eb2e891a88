package io.fairspin.math.table.blackjack;

import io.fairspin.math.json.CanonicalCursor;
import io.fairspin.math.table.Cards;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads a logged blackjack outcome laid out exactly as the audit log's canonical form writes it (members sorted by
 * name, no whitespace) into its cards and hands, for the settlement check's fast path: no JSON tree. It reads only the
 * bytes the canonical form puts there, with nothing left for the parsed tree to decide otherwise: the dealer's and every
 * hand's cards (each a card of one deck, at least two), one to the rules' number of hands (each {@code cards},
 * {@code doubled}, {@code result}, {@code returned} in that order, the result one the rules settle a hand as, the amount
 * a plain non-negative integer of at most 18 digits), no insurance, nothing after. Anything else (an insurance, a
 * string with an escape, a number with a sign, another layout) makes it answer null, and the check parses the tree.
 *
 * <p>Thread-safe: each reading has its own cursor.
 */
final class CanonicalHands {
    /** A logged outcome read: the dealer's cards, the hands, and how often each card appears in them. */
    record Outcome(int[] dealer, LoggedSettlementCheck.Hand[] hands, int[] shoe) {
    }

    private static final byte[] DEALER = ascii("{\"dealer\":[");
    private static final byte[] HANDS = ascii("],\"hands\":[");
    private static final byte[] CARDS = ascii("{\"cards\":[");
    private static final byte[] DOUBLED = ascii("],\"doubled\":");
    private static final byte[] TRUE = ascii("true");
    private static final byte[] FALSE = ascii("false");
    private static final byte[] RESULT = ascii(",\"result\":");
    private static final byte[] RETURNED = ascii(",\"returned\":");
    /** The results the rules settle a hand as, each as logged (a JSON string). */
    private static final String[] RESULTS = {"win", "lose", "push", "blackjack", "dealer blackjack", "surrender"};
    private static final byte[][] RESULT_BYTES = Arrays.stream(RESULTS).map(r -> ascii("\"" + r + "\""))
            .toArray(byte[][]::new);
    /** The card of each two-letter name of a card of one deck (first letter x 128 + second), -1 for other names. */
    private static final byte[] CARD_OF = cardNames();

    private final byte[] in;
    private final CanonicalCursor cursor = new CanonicalCursor();

    private CanonicalHands(byte[] in) {
        this.in = in;
        cursor.start(in, 0);
    }

    /**
     * The cards and hands of {@code outcome}, or null when it is not laid out as this reader reads.
     *
     * @param outcome the logged outcome's bytes
     * @param maxHands the most hands the rules allow (at least 1 is allowed)
     * @return the outcome read, or null: the tree decides
     */
    static Outcome read(byte[] outcome, int maxHands) {
        return new CanonicalHands(outcome).outcome(Math.max(1, maxHands));
    }

    private Outcome outcome(int maxHands) {
        int[] shoe = new int[Cards.DECK];
        if (!cursor.literal(DEALER)) {
            return null;
        }
        int[] dealer = cards(shoe);
        if (dealer == null || !cursor.literal(HANDS)) {
            return null;
        }
        LoggedSettlementCheck.Hand[] hands = new LoggedSettlementCheck.Hand[maxHands];
        int count = 0;
        do {
            if (count == maxHands) {
                return null;
            }
            LoggedSettlementCheck.Hand hand = hand(shoe);
            if (hand == null) {
                return null;
            }
            hands[count++] = hand;
        } while (cursor.next(','));
        if (!cursor.next(']') || !cursor.next('}') || !cursor.atEnd()) {
            return null;
        }
        return new Outcome(dealer, Arrays.copyOf(hands, count), shoe);
    }

    /** {@code {"cards":[...],"doubled":B,"result":"R","returned":N}}, or null. */
    private LoggedSettlementCheck.Hand hand(int[] shoe) {
        if (!cursor.literal(CARDS)) {
            return null;
        }
        int[] cards = cards(shoe);
        if (cards == null || !cursor.literal(DOUBLED)) {
            return null;
        }
        boolean doubled = cursor.literal(TRUE);
        if (!doubled && !cursor.literal(FALSE) || !cursor.literal(RESULT)) {
            return null;
        }
        int result = cursor.oneOf(RESULT_BYTES);
        if (result < 0 || !cursor.literal(RETURNED)) {
            return null;
        }
        long returned = number();
        if (returned < 0 || !cursor.next('}')) {
            return null;
        }
        return new LoggedSettlementCheck.Hand(cards, doubled, RESULTS[result], returned);
    }

    /** Two or more cards, {@code "Xy"} each, separated by commas, up to the closing bracket (not read); or null. */
    private int[] cards(int[] shoe) {
        int[] cards = new int[8];
        int count = 0;
        do {
            int at = cursor.at();
            if (at + 4 > in.length || in[at] != '"' || in[at + 3] != '"' || in[at + 1] < 0 || in[at + 2] < 0) {
                return null;
            }
            int card = CARD_OF[in[at + 1] << 7 | in[at + 2]];
            if (card < 0) {
                return null;
            }
            cursor.moveTo(at + 4);
            if (count == cards.length) {
                cards = Arrays.copyOf(cards, 2 * count);
            }
            cards[count++] = card;
            shoe[card]++;
        } while (cursor.next(','));
        return count < 2 ? null : Arrays.copyOf(cards, count);
    }

    /** {@code 0} or a digit 1 to 9 and at most 17 more digits; -1 for anything else. */
    private long number() {
        int start = cursor.at();
        long value = cursor.number();
        int end = cursor.at();
        boolean more = end < in.length && in[end] >= '0' && in[end] <= '9';
        return value < 0 || more || end - start > 1 && in[start] == '0' ? -1 : value;
    }

    private static byte[] cardNames() {
        byte[] of = new byte[128 * 128];
        Arrays.fill(of, (byte) -1);
        for (int card = 0; card < Cards.DECK; card++) {
            String name = Cards.name(card);
            of[name.charAt(0) << 7 | name.charAt(1)] = (byte) card;
        }
        return of;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
