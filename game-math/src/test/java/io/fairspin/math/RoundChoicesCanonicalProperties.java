package io.fairspin.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/**
 * The logged line bet read without a JSON parser ({@link RoundChoices#canonicalLineBet}) is the bet Jackson reads
 * ({@link RoundChoices#fromJson}) whenever it reads one: for every canonical line bet, and for those bytes with one
 * byte changed, removed or inserted (which it mostly leaves to the parser); {@link RoundChoices#coins} and
 * {@link RoundChoices#bonusBuy} answer as the parser would.
 */
class RoundChoicesCanonicalProperties {
    private static final byte[] ALPHABET = "0123456789{}[],:\"\\ abcdefgilnorstuyBD-+.e".getBytes(StandardCharsets.UTF_8);

    private static byte[] canonical(int lines, long lineBet, int coins, boolean buy) {
        Bet bet = Bet.lines(lines, lineBet, coins);
        return new RoundChoices(buy ? bet.withBonusBuy() : bet, List.of()).toJson().getBytes(StandardCharsets.UTF_8);
    }

    /** The bet Jackson reads from the bytes, or null when they are not choices it reads. */
    private static Bet parsed(byte[] bytes) {
        try {
            return RoundChoices.fromJson(new String(bytes, StandardCharsets.UTF_8)).bet();
        } catch (IllegalArgumentException malformed) {
            return null;
        }
    }

    @Property(tries = 300)
    void everyCanonicalLineBetIsReadAsTheParserReadsIt(@ForAll @IntRange(min = 1) int lines,
            @ForAll @LongRange(min = 1) long lineBet, @ForAll @IntRange(min = 1) int coins, @ForAll boolean buy) {
        byte[] bytes = canonical(lines, lineBet, coins, buy);
        Bet fast = RoundChoices.canonicalLineBet(bytes);
        Bet slow = parsed(bytes);
        if (fast != null) {
            assertEquals(slow, fast);
        } else {
            assertEquals(true, Long.toString(lines).length() >= 10 || Long.toString(lineBet).length() >= 10
                    || Long.toString(coins).length() >= 10, "only numbers of 10 digits or more go to the parser");
        }
        assertEquals(slow.coins(), RoundChoices.coins(bytes));
        assertEquals(slow.isBonusBuy(), RoundChoices.bonusBuy(bytes));
    }

    @Property(tries = 3000)
    void bytesChangedAreReadAsTheParserReadsThemOrLeftToIt(@ForAll @IntRange(min = 1, max = 50) int lines,
            @ForAll @IntRange(min = 1, max = 1000) int lineBet, @ForAll @IntRange(min = 1, max = 5) int coins,
            @ForAll boolean buy, @ForAll @IntRange(min = 0, max = 2) int edit, @ForAll @IntRange(min = 0, max = 200)
            int where, @ForAll @IntRange(min = 0, max = 40) int letter) {
        byte[] original = canonical(lines, lineBet, coins, buy);
        int at = where % (original.length + 1);
        byte b = ALPHABET[letter % ALPHABET.length];
        byte[] bytes = switch (edit) {
            case 0 -> at == original.length ? original : replaced(original, at, b);
            case 1 -> at == original.length ? original : removed(original, at);
            default -> inserted(original, at, b);
        };
        Bet fast = RoundChoices.canonicalLineBet(bytes);
        Bet slow = parsed(bytes);
        if (fast != null) {
            assertEquals(slow, fast, new String(bytes, StandardCharsets.UTF_8));
        }
    }

    @Test
    void choicesWithDecisionsOrOtherLayoutsAreLeftToTheParser() {
        assertNull(RoundChoices.canonicalLineBet(
                "{\"bet\":{\"coins\":1,\"lineBet\":5,\"lines\":1},\"decisions\":[{\"action\":\"hold\",\"values\":[0]}]}"
                        .getBytes(StandardCharsets.UTF_8)));
        assertNull(RoundChoices.canonicalLineBet("{\"bet\":{\"lines\":1,\"lineBet\":5,\"coins\":3},\"decisions\":[]}"
                .getBytes(StandardCharsets.UTF_8)));
        assertEquals(3, RoundChoices.coins("{\"bet\":{\"lines\":1,\"lineBet\":5,\"coins\":3},\"decisions\":[]}"
                .getBytes(StandardCharsets.UTF_8)));
        assertNull(RoundChoices.canonicalLineBet("{\"bet\":{\"bonusBuy\":false,\"coins\":1,\"lineBet\":5,\"lines\":1},"
                .concat("\"decisions\":[]}").getBytes(StandardCharsets.UTF_8)));
        assertNull(RoundChoices.canonicalLineBet(new byte[0]));
    }

    private static byte[] replaced(byte[] bytes, int at, byte b) {
        byte[] copy = bytes.clone();
        copy[at] = b;
        return copy;
    }

    private static byte[] removed(byte[] bytes, int at) {
        byte[] copy = new byte[bytes.length - 1];
        System.arraycopy(bytes, 0, copy, 0, at);
        System.arraycopy(bytes, at + 1, copy, at, bytes.length - at - 1);
        return copy;
    }

    private static byte[] inserted(byte[] bytes, int at, byte b) {
        byte[] copy = new byte[bytes.length + 1];
        System.arraycopy(bytes, 0, copy, 0, at);
        copy[at] = b;
        System.arraycopy(bytes, at, copy, at + 1, bytes.length - at);
        return copy;
    }
}
