package io.fairspin.math.slot.evaluation;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.fairspin.math.json.OutcomeJson;
import io.fairspin.math.slot.SpinResult;
import io.fairspin.math.slot.SpinResult.BonusRound;
import io.fairspin.math.slot.SpinResult.Position;
import io.fairspin.math.slot.SpinResult.Spin;
import io.fairspin.math.slot.SpinResult.Win;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A slot round's outcome in the canonical form the audit log keeps (the JSON of the recorded detail, every object's
 * members sorted by name, no whitespace), read and written on bytes without a JSON library in the loop: {@link #scan}
 * finds the inputs of a round logged in exactly that layout (bet, each spin's reel set and stops), {@link #write}
 * writes a round evaluated again in that layout, byte for byte what Jackson's generator writes for it (every string
 * is encoded once by Jackson itself and kept). {@link LoggedSpinCheck}'s fast path evaluates the scanned inputs
 * again, writes the result and compares the bytes: a logged outcome is accepted on this path only when it is exactly
 * the canonical bytes of the round its own inputs give; anything else goes to the parsed-tree check.
 *
 * <p>Not thread-safe (it keeps its buffers): one instance per check.
 */
final class CanonicalSpins {
    private static final JsonFactory FACTORY = OutcomeJson.MAPPER.getFactory();
    /** Strings kept encoded, at most (symbol, award, reel set and kind names of one model: a few dozen). */
    private static final int MAX_STRINGS = 4096;

    private static final byte[] LINE_BET = ascii("{\"lineBet\":");
    private static final byte[] LINES = ascii(",\"lines\":");
    private static final byte[] SPINS = ascii(",\"spins\":[");
    private static final byte[] SPIN_BONUSES = ascii("{\"bonuses\":[");
    private static final byte[] NO_BONUSES_CAPPED = ascii("{\"bonuses\":[],\"capped\":");
    private static final byte[] CAPPED = ascii("],\"capped\":");
    private static final byte[] FREE_GAMES = ascii(",\"freeGames\":");
    private static final byte[] KIND = ascii(",\"kind\":");
    private static final byte[] REEL_SET = ascii(",\"reelSet\":");
    private static final byte[] STOPS = ascii(",\"stops\":[");
    private static final byte[] SPIN_WIN = ascii("],\"win\":");
    private static final byte[] WINDOW = ascii(",\"window\":[");
    private static final byte[] WINS = ascii("],\"wins\":[");
    private static final byte[] BONUS_AMOUNT = ascii("{\"amount\":");
    private static final byte[] ITEMS = ascii(",\"items\":[");
    private static final byte[] LINE = ascii("],\"line\":");
    private static final byte[] PICKED = ascii(",\"picked\":[");
    private static final byte[] WIN_AMOUNT = ascii("{\"amount\":");
    private static final byte[] AWARD = ascii(",\"award\":");
    private static final byte[] WIN_LINE = ascii(",\"line\":");
    private static final byte[] POSITIONS = ascii(",\"positions\":[");
    private static final byte[] REEL = ascii("{\"reel\":");
    private static final byte[] ROW = ascii(",\"row\":");
    private static final byte[] TYPE = ascii("],\"type\":");
    private static final byte[] STAKE = ascii("],\"stake\":");
    private static final byte[] WIN = ascii(",\"win\":");

    private final Map<String, byte[]> strings = new HashMap<>();
    private final ByteArrayOutputStream encoder = new ByteArrayOutputStream(64);
    private byte[] out = new byte[1024];
    private int size;

    // ------------------------------------------------------------------ scanning

    /** The inputs scanned from a logged outcome. */
    static final class Inputs {
        long lineBet;
        long lines;
        int spins;
        String[] reelSets = new String[4];
        int[][] stops = new int[4][];

        private void add(String reelSet, int[] stopsOfSpin) {
            if (spins == reelSets.length) {
                reelSets = Arrays.copyOf(reelSets, spins * 2);
                stops = Arrays.copyOf(stops, spins * 2);
            }
            reelSets[spins] = reelSet;
            stops[spins++] = stopsOfSpin;
        }
    }

    private final Inputs inputs = new Inputs();
    private byte[] in;
    private int at;

    /**
     * The bet and each spin's reel set and {@code reels} stops of an outcome laid out exactly as the canonical form
     * lays out a round without bonus rounds; null when it is laid out otherwise (then the tree decides). The bytes
     * after the inputs are not read: the comparison with the round written again decides them.
     *
     * @param outcome the logged outcome's bytes
     * @param reels the model's reels, the number of stops of a spin
     * @return the inputs (this scanner's own object, overwritten by the next scan), or null
     */
    Inputs scan(byte[] outcome, int reels) {
        in = outcome;
        at = 0;
        inputs.spins = 0;
        if (!literal(LINE_BET) || (inputs.lineBet = number()) < 0 || !literal(LINES) || (inputs.lines = number()) < 0
                || !literal(SPINS)) {
            return null;
        }
        do {
            if (!literal(NO_BONUSES_CAPPED) || number() < 0 || !literal(FREE_GAMES) || number() < 0 || !literal(KIND)
                    || !skipString() || !literal(REEL_SET)) {
                return null;
            }
            String reelSet = string();
            if (reelSet == null || !literal(STOPS)) {
                return null;
            }
            int[] stops = new int[reels];
            for (int r = 0; r < reels; r++) {
                if (r > 0 && !next(',')) {
                    return null;
                }
                long stop = number();
                if (stop < 0 || stop > Integer.MAX_VALUE) {
                    return null;
                }
                stops[r] = (int) stop;
            }
            if (!next(']') || !skipObject()) {
                return null;
            }
            inputs.add(reelSet, stops);
        } while (next(','));
        return next(']') ? inputs : null;
    }

    private boolean literal(byte[] expected) {
        if (!Arrays.equals(in, at, Math.min(in.length, at + expected.length), expected, 0, expected.length)) {
            return false;
        }
        at += expected.length;
        return true;
    }

    private boolean next(char c) {
        if (at < in.length && in[at] == c) {
            at++;
            return true;
        }
        return false;
    }

    /** A non-negative integer of 1 to 18 digits; -1 when there is none. */
    private long number() {
        long value = 0;
        int start = at;
        while (at < in.length && in[at] >= '0' && in[at] <= '9' && at - start < 18) {
            value = value * 10 + (in[at++] - '0');
        }
        return at == start ? -1 : value;
    }

    /** A string without escapes, as a Java string; null when it has escapes or does not end. */
    private String string() {
        if (!next('"')) {
            return null;
        }
        int start = at;
        while (at < in.length && in[at] != '"') {
            if (in[at] == '\\') {
                return null;
            }
            at++;
        }
        if (at == in.length) {
            return null;
        }
        int end = at++;
        // A log names few reel sets: the last one read is kept with its bytes.
        if (lastString == null || !Arrays.equals(in, start, end, lastStringBytes, 0, lastStringBytes.length)) {
            lastStringBytes = Arrays.copyOfRange(in, start, end);
            lastString = new String(lastStringBytes, StandardCharsets.UTF_8);
        }
        return lastString;
    }

    private String lastString;
    private byte[] lastStringBytes;

    private boolean skipString() {
        if (!next('"')) {
            return false;
        }
        while (at < in.length) {
            byte b = in[at++];
            if (b == '\\') {
                at++;
            } else if (b == '"') {
                return true;
            }
        }
        return false;
    }

    /** Skips to just after the end of the object the scanner is inside (strings and nesting honoured). */
    private boolean skipObject() {
        int depth = 1;
        while (at < in.length) {
            byte b = in[at];
            if (b == '"') {
                if (!skipString()) {
                    return false;
                }
                continue;
            }
            at++;
            if (b == '{' || b == '[') {
                depth++;
            } else if ((b == '}' || b == ']') && --depth == 0) {
                return b == '}';
            }
        }
        return false;
    }

    // ------------------------------------------------------------------ writing

    /**
     * Whether {@code logged} is exactly the canonical bytes of {@code round}.
     *
     * @param round the round evaluated again
     * @param logged the logged outcome's bytes
     * @return true when they are the same bytes
     */
    boolean sameBytes(SpinResult round, byte[] logged) {
        write(round);
        return Arrays.equals(out, 0, size, logged, 0, logged.length);
    }

    /**
     * The canonical bytes of {@code round}.
     *
     * @param round a round
     * @return a new array of its canonical bytes
     */
    byte[] bytes(SpinResult round) {
        write(round);
        return Arrays.copyOf(out, size);
    }

    private void write(SpinResult r) {
        size = 0;
        raw(LINE_BET);
        number(r.lineBet());
        raw(LINES);
        number(r.lines());
        raw(SPINS);
        List<Spin> spins = r.spins();
        for (int s = 0; s < spins.size(); s++) {
            if (s > 0) {
                comma();
            }
            spin(spins.get(s));
        }
        raw(STAKE);
        number(r.stake());
        raw(WIN);
        number(r.win());
        put((byte) '}');
    }

    private void spin(Spin spin) {
        raw(SPIN_BONUSES);
        List<BonusRound> bonuses = spin.bonuses();
        for (int b = 0; b < bonuses.size(); b++) {
            if (b > 0) {
                comma();
            }
            bonus(bonuses.get(b));
        }
        raw(CAPPED);
        number(spin.capped());
        raw(FREE_GAMES);
        number(spin.freeGames());
        raw(KIND);
        string(spin.kind());
        raw(REEL_SET);
        string(spin.reelSet());
        raw(STOPS);
        List<Integer> stops = spin.stops();
        for (int i = 0; i < stops.size(); i++) {
            if (i > 0) {
                comma();
            }
            number(stops.get(i));
        }
        raw(SPIN_WIN);
        number(spin.win());
        raw(WINDOW);
        List<List<String>> window = spin.window();
        for (int j = 0; j < window.size(); j++) {
            if (j > 0) {
                comma();
            }
            put((byte) '[');
            List<String> row = window.get(j);
            for (int i = 0; i < row.size(); i++) {
                if (i > 0) {
                    comma();
                }
                string(row.get(i));
            }
            put((byte) ']');
        }
        raw(WINS);
        List<Win> wins = spin.wins();
        for (int w = 0; w < wins.size(); w++) {
            if (w > 0) {
                comma();
            }
            win(wins.get(w));
        }
        put((byte) ']');
        put((byte) '}');
    }

    private void bonus(BonusRound b) {
        raw(BONUS_AMOUNT);
        number(b.amount());
        raw(ITEMS);
        List<List<Long>> items = b.items();
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                comma();
            }
            put((byte) '[');
            List<Long> prizes = items.get(i);
            for (int p = 0; p < prizes.size(); p++) {
                if (p > 0) {
                    comma();
                }
                number(prizes.get(p));
            }
            put((byte) ']');
        }
        raw(LINE);
        number(b.line());
        raw(PICKED);
        List<Integer> picked = b.picked();
        for (int p = 0; p < picked.size(); p++) {
            if (p > 0) {
                comma();
            }
            number(picked.get(p));
        }
        put((byte) ']');
        put((byte) '}');
    }

    private void win(Win w) {
        raw(WIN_AMOUNT);
        number(w.amount());
        raw(AWARD);
        string(w.award());
        raw(WIN_LINE);
        number(w.line());
        raw(POSITIONS);
        List<Position> positions = w.positions();
        for (int p = 0; p < positions.size(); p++) {
            if (p > 0) {
                comma();
            }
            Position position = positions.get(p);
            raw(REEL);
            number(position.reel());
            raw(ROW);
            number(position.row());
            put((byte) '}');
        }
        raw(TYPE);
        string(w.type());
        put((byte) '}');
    }

    private void comma() {
        put((byte) ',');
    }

    private void put(byte b) {
        if (size == out.length) {
            out = Arrays.copyOf(out, size * 2);
        }
        out[size++] = b;
    }

    private void raw(byte[] bytes) {
        if (size + bytes.length > out.length) {
            out = Arrays.copyOf(out, Math.max(out.length * 2, size + bytes.length));
        }
        System.arraycopy(bytes, 0, out, size, bytes.length);
        size += bytes.length;
    }

    /** A long in decimal, as Jackson writes it (a minus sign, then the digits without leading zeros). */
    private void number(long value) {
        if (size + 20 > out.length) {
            out = Arrays.copyOf(out, out.length * 2 + 20);
        }
        if (value == Long.MIN_VALUE) {
            raw(ascii(Long.toString(value)));
            return;
        }
        if (value < 0) {
            out[size++] = '-';
            value = -value;
        }
        int digits = 1;
        for (long v = value; v >= 10; v /= 10) {
            digits++;
        }
        int end = size + digits;
        for (int i = end - 1; i >= size; i--) {
            out[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
        size = end;
    }

    /** A string as Jackson's generator writes it (quotes and escapes), encoded by Jackson once and kept. */
    private void string(String text) {
        byte[] encoded = strings.get(text);
        if (encoded == null) {
            encoded = encode(text);
            if (strings.size() < MAX_STRINGS) {
                strings.put(text, encoded);
            }
        }
        raw(encoded);
    }

    private byte[] encode(String text) {
        encoder.reset();
        try (JsonGenerator generator = FACTORY.createGenerator(encoder)) {
            generator.writeString(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return encoder.toByteArray();
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
