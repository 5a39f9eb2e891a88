package io.fairspin.math.slot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fairspin.math.Bet;
import io.fairspin.math.BetLimits;
import io.fairspin.math.ModelException;
import io.fairspin.math.slot.reading.SlotModelReader;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A slot game at other wagers, by {@code [lines, bet per line, coins]}: its model read again with its {@code "bet"}
 * replaced by the wager (and no bet limits), once per wager, so each wager's analysis is made once.
 */
final class Wagers {
    private final String file;
    private final JsonNode root;
    private final Map<List<Long>, SlotGame> games = new ConcurrentHashMap<>();

    /** The wagers of the model document {@code root}, read from {@code file}. */
    Wagers(String file, JsonNode root) {
        this.file = file;
        this.root = root;
    }

    /** The game at this wager, read on first use. */
    SlotGame at(int lines, long lineBet, int coins) {
        return games.computeIfAbsent(List.of((long) lines, lineBet, (long) coins), key -> {
            ObjectNode copy = atWager(lines, lineBet, coins);
            return new SlotGame(file, SlotModelReader.read(file, copy), copy);
        });
    }

    /**
     * Refuses bet limits that allow a wager the model cannot be read at (more coins than its pays take, a pay past the
     * credits a round may win, a coin pay out of range for one of the coin counts allowed), naming the limit: the most
     * lines and the largest bet per line each with the standard wager's other parts, then every coin count allowed (at
     * most 100 can be read), alone and with the most lines at the largest bet per line. Reading grows no easier with
     * more lines or a larger bet per line; coin counts are each read, since a coin pay is read only at its own count.
     *
     * @throws ModelException naming {@code $.betLimits} or the limit, and what the model says at that wager
     */
    void checkReadable(BetLimits limits, Bet standard) {
        long lines = most(limits, "lines", standard.lines());
        long lineBet = most(limits, "lineBet", standard.lineBet());
        if (lines > standard.lines()) {
            checkReadable(new long[] {lines, standard.lineBet(), standard.coins()}, "$.betLimits.lines");
        }
        if (lineBet > standard.lineBet()) {
            checkReadable(new long[] {standard.lines(), lineBet, standard.coins()}, "$.betLimits.lineBet");
        }
        BetLimits.Limit coins = limits.limit("coins");
        if (coins != null && coins.max() > MOST_COINS_READ) {
            checkReadable(new long[] {standard.lines(), standard.lineBet(), coins.max()}, "$.betLimits.coins");
        }
        for (long c : limits.sample("coins", standard.coins(), MOST_COINS_READ)) {
            if (c != standard.coins()) {
                checkReadable(new long[] {standard.lines(), standard.lineBet(), c}, "$.betLimits.coins");
            }
            if (lines > standard.lines() || lineBet > standard.lineBet()) {
                checkReadable(new long[] {lines, lineBet, c}, "$.betLimits");
            }
        }
    }

    /** More coins than a slot model is read at ({@code SlotModelReader}): a limit past it fails at its most. */
    private static final int MOST_COINS_READ = 100;

    private static long most(BetLimits limits, String name, long standard) {
        BetLimits.Limit limit = limits.limit(name);
        return limit == null ? standard : Math.max(standard, limit.max());
    }

    private void checkReadable(long[] wager, String limitPath) {
        try {
            SlotModelReader.read(file, atWager((int) Math.min(wager[0], Integer.MAX_VALUE), wager[1],
                    (int) Math.min(wager[2], Integer.MAX_VALUE)));
        } catch (ModelException cannot) {
            throw new ModelException(file, limitPath, "allows " + wager[0] + " lines at " + wager[1] + " a line and "
                    + wager[2] + " coins, a wager the model cannot be read at (" + cannot.jsonPath() + ": "
                    + cannot.problem() + ")");
        }
    }

    /** The model document played at a wager: its {@code "bet"} replaced, without bet limits. */
    private ObjectNode atWager(int lines, long lineBet, int coins) {
        ObjectNode copy = root.deepCopy();
        copy.remove("betLimits");
        copy.putObject("bet").put("lineBet", lineBet).put("lines", lines).put("coins", coins);
        return copy;
    }
}
