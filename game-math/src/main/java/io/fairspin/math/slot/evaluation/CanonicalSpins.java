package io.fairspin.math.slot.evaluation;

import static io.fairspin.math.json.RecordBytes.ascii;

import io.fairspin.math.json.CanonicalCursor;
import io.fairspin.math.json.RecordBytes;
import io.fairspin.math.slot.SpinResult;
import io.fairspin.math.slot.SpinResult.BonusRound;
import io.fairspin.math.slot.SpinResult.Position;
import io.fairspin.math.slot.SpinResult.Spin;
import io.fairspin.math.slot.SpinResult.Win;
import io.fairspin.math.slot.model.SlotModel;
import java.util.ArrayList;
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
 * the canonical bytes of the round its own inputs give; anything else goes to the parsed-tree check. Its first way
 * ({@link #beginDirect}) writes nothing: each spin evaluated again is compared where it stands in the logged bytes.
 *
 * <p>Public for the check of a hold-and-win round, whose record holds a slot round ({@link #bytes}). Not thread-safe
 * (it keeps its buffers): one instance per check.
 */
public final class CanonicalSpins {
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
    private static final byte[] ROW_FIRST = ascii("[");
    private static final byte[] ROW_AFTER = ascii(",[");
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
    private final RecordBytes out = new RecordBytes();

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
    private final CanonicalCursor in = new CanonicalCursor();
    private byte[] logged;

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
        inputs.spins = 0;
        if (!beginDirect(outcome, 0)) {
            return null;
        }
        do {
            int[] stops = new int[reels];
            String reelSet = nextSpin(stops);
            if (reelSet == null || !in.skipTo('}') || !in.next('}')) {
                return null;
            }
            inputs.add(reelSet, stops);
        } while (in.next(','));
        return in.next(']') ? inputs : null;
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
        return out.sameAs(logged);
    }

    /**
     * Appends the canonical bytes of {@code round} to {@code target} (a record that holds a slot round).
     *
     * @param round a round
     * @param target where its bytes go
     */
    public void writeTo(SpinResult round, RecordBytes target) {
        write(round);
        target.raw(out);
    }

    private void write(SpinResult r) {
        out.reset();
        out.raw(LINE_BET);
        out.number(r.lineBet());
        out.raw(LINES);
        out.number(r.lines());
        out.raw(SPINS);
        List<Spin> spins = r.spins();
        for (int s = 0; s < spins.size(); s++) {
            if (s > 0) {
                comma();
            }
            spin(spins.get(s));
        }
        out.raw(STAKE);
        out.number(r.stake());
        out.raw(WIN);
        out.number(r.win());
        out.put('}');
    }

    // ------------------------------------------------------------------ comparing from the integer window

    /** The model whose names are encoded below: the last compared from its window. */
    private SlotModel namesOf;
    /**
     * Per place in the window and symbol (the last for an empty place), the symbol's name encoded with what stands
     * around it there: place bit 0 set for the row's last reel (a closing bracket after the name, else a comma);
     * places 2 and 3 the first reel of the first row (an opening bracket before), 4 and 5 of a later row (a comma and
     * an opening bracket before).
     */
    private byte[][][] cells;
    /** Per line, pay and end a line win is counted from ({@link #lineWinTail}), its bytes after its amount. */
    private byte[][] lineWinTails;
    /** The positions each of {@link #lineWinTails} covers. */
    private int[] lineWinLengths;
    /** Per scatter and count, its award ("star x3") encoded; filled as met. */
    private byte[][][] scatterAwards;

    /**
     * Starts the direct check of a logged outcome ({@link LoggedSpinCheck}'s first way): its bet scanned, as
     * {@link #scan} scans it; then each spin by {@link #nextSpin} and {@link #sameSpin}, the end by {@link #sameEnd}.
     * The logged bytes are read once: each spin evaluated again is compared with the logged bytes where it stands, so
     * nothing of a spin is skipped unread.
     *
     * @param logged the logged outcome's bytes
     * @param from where the round starts in them (a record that holds a slot round holds it further in)
     * @return false when the outcome does not start as the canonical form does
     */
    boolean beginDirect(byte[] logged, int from) {
        this.logged = logged;
        in.start(logged, from);
        return in.literal(LINE_BET) && (inputs.lineBet = in.number()) >= 0 && in.literal(LINES)
                && (inputs.lines = in.number()) >= 0 && in.literal(SPINS);
    }

    /**
     * The logged line bet, after {@link #beginDirect}.
     *
     * @return the line bet scanned
     */
    long lineBet() {
        return inputs.lineBet;
    }

    /**
     * The logged lines, after {@link #beginDirect}.
     *
     * @return the lines scanned
     */
    long lines() {
        return inputs.lines;
    }

    private int spinStart;

    /**
     * Scans the inputs of the spin that starts here, as {@link #scan} does: its reel set and its {@code stops.length}
     * stops (into {@code stops}); null when it is not laid out as a spin without bonus rounds.
     *
     * @param stops where the stops go
     * @return the spin's reel set, or null
     */
    String nextSpin(int[] stops) {
        spinStart = in.at();
        if (!in.literal(NO_BONUSES_CAPPED) || in.number() < 0 || !in.literal(FREE_GAMES) || in.number() < 0
                || !in.literal(KIND) || !in.skipString() || !in.literal(REEL_SET)) {
            return null;
        }
        String reelSet = in.string();
        if (reelSet == null || !in.literal(STOPS) || !in.numbers(stops, stops.length)) {
            return null;
        }
        return in.next(']') ? reelSet : null;
    }

    /**
     * Whether the logged bytes at the spin {@link #nextSpin} scanned are exactly the canonical bytes of the spin
     * evaluated into {@code e} (the bytes {@link #write} writes for the {@code Spin} that {@link SpinRecorder#evaluate}
     * describes for the same inputs, no bonus round), compared where they stand as they are made, none written; when
     * they are, reading goes on after it.
     *
     * @param model the game's model
     * @param kind "base" or "free"
     * @param reels the spin's reel set, without random heights
     * @param stops the spin's stops
     * @param e the spin evaluated
     * @return true when the logged spin is exactly that spin
     */
    boolean sameSpin(SlotModel model, String kind, CompiledReels reels, int[] stops, SpinRecorder.Evaluated e) {
        if (namesOf != model) {
            names(model);
        }
        in.moveTo(spinStart);
        if (!(e.capped == 0 && e.freeGames == 0 ? in.literal(plainHead(kind, reels)) : sameHead(kind, reels, e))) {
            return false;
        }
        for (int r = 0; r < stops.length; r++) {
            if (!(r == 0 || in.next(',')) || !in.literal(reels.stripStop(r, stops[r]))) {
                return false;
            }
        }
        if (!in.literal(SPIN_WIN) || !in.literal(e.win) || !in.literal(WINDOW) || !sameWindow(e.window)
                || !in.literal(WINS)) {
            return false;
        }
        for (int w = 0; w < e.wins; w++) {
            if (!(w == 0 || in.next(',')) || !sameWin(model, e, w)) {
                return false;
            }
        }
        return in.next(']') && in.next('}');
    }

    /**
     * The head of a spin that cuts nothing and awards no free games, from its opening brace to its stops' bracket
     * (kept per kind for the reel set met last).
     */
    private byte[] plainHead(String kind, CompiledReels reels) {
        int slot = kind.equals("base") ? 0 : 1;
        if (headReels[slot] != reels || !kind.equals(headKinds[slot])) {
            out.reset();
            out.raw(NO_BONUSES_CAPPED);
            out.number(0);
            out.raw(FREE_GAMES);
            out.number(0);
            head(kind, reels);
            heads[slot] = out.bytes();
            headReels[slot] = reels;
            headKinds[slot] = kind;
        }
        return heads[slot];
    }

    private final CompiledReels[] headReels = new CompiledReels[2];
    private final String[] headKinds = new String[2];
    private final byte[][] heads = new byte[2][];

    /** The head of any spin without bonus rounds, compared where it stands, as {@link #plainHead} writes it. */
    private boolean sameHead(String kind, CompiledReels reels, SpinRecorder.Evaluated e) {
        return in.literal(NO_BONUSES_CAPPED) && in.literal(e.capped) && in.literal(FREE_GAMES)
                && in.literal(e.freeGames) && in.literal(headTail(kind, reels));
    }

    /** The head's bytes after its free games: kind, reel set and the stops' opening bracket. */
    private byte[] headTail(String kind, CompiledReels reels) {
        out.reset();
        head(kind, reels);
        return out.bytes();
    }

    private void head(String kind, CompiledReels reels) {
        out.raw(KIND);
        string(kind);
        out.raw(REEL_SET);
        string(reels.set.name());
        out.raw(STOPS);
    }

    /**
     * The window's rows, each row's symbol names reel by reel, each name with the brackets and comma around it (the
     * bracket that closes the window is the next read's).
     */
    private boolean sameWindow(int[][] window) {
        for (int j = 0; j < window.length; j++) {
            int[] row = window[j];
            for (int r = 0; r < row.length; r++) {
                int symbol = row[r] == CompiledReels.EMPTY ? cells[0].length - 1 : row[r];
                int place = (r == 0 ? (j == 0 ? 2 : 4) : 0) + (r == row.length - 1 ? 1 : 0);
                if (!in.literal(cells[place][symbol])) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The spin's win {@code w}: amount, award, line, its positions (a scatter's reel by reel) and type. */
    private boolean sameWin(SlotModel model, SpinRecorder.Evaluated e, int w) {
        if (!in.literal(WIN_AMOUNT) || !in.literal(e.amount[w])) {
            return false;
        }
        if (!e.scatter(w)) {
            return in.literal(lineWinTail(model, e.line[w], e.pay[w], e.length[w], e.fromRight[w]));
        }
        if (!in.literal(AWARD) || !in.literal(scatterAward(model, e.pay[w], e.length[w])) || !in.literal(WIN_LINE)
                || !in.literal(e.line[w]) || !in.literal(POSITIONS)) {
            return false;
        }
        int n = model.reels();
        int[][] window = e.window;
        boolean first = true;
        int symbol = model.scatters().get(e.pay[w]).symbol();
        for (int r = 0; r < n; r++) {
            for (int j = 0; j < window.length; j++) {
                if (window[j][r] == symbol) {
                    if (!samePosition(first, r, j)) {
                        return false;
                    }
                    first = false;
                }
            }
        }
        return in.literal(TYPE) && in.literal(encoded("scatter")) && in.next('}');
    }

    /**
     * A line win's bytes after its amount, from its award to its closing brace: what {@link #win} writes for the
     * line win of pay {@code pay} over {@code length} positions of payline {@code line} (kept per line, pay and end).
     */
    private byte[] lineWinTail(SlotModel model, int line, int pay, int length, boolean fromRight) {
        int key = (line * model.pays().size() + pay) * 2 + (fromRight ? 1 : 0);
        if (lineWinTails[key] == null || lineWinLengths[key] != length) {
            int n = model.reels();
            List<Position> positions = new ArrayList<>();
            for (int i = 0; i < length; i++) {
                int reel = fromRight ? n - 1 - i : i;
                positions.add(new Position(reel, model.paylines()[line][reel]));
            }
            out.reset();
            win(new Win("line", model.pays().get(pay).award(), line, positions, 0));
            byte[] written = out.bytes();
            lineWinTails[key] = Arrays.copyOfRange(written, WIN_AMOUNT.length + 1, written.length);
            lineWinLengths[key] = length;
        }
        return lineWinTails[key];
    }

    private boolean samePosition(boolean first, int reel, int row) {
        return (first || in.next(',')) && in.literal(REEL) && in.literal(reel) && in.literal(ROW) && in.literal(row)
                && in.next('}');
    }

    /**
     * After a spin: whether another spin follows (a comma), read past it.
     *
     * @return true when another spin follows
     */
    boolean moreSpins() {
        return in.next(',');
    }

    /**
     * Whether the round's canonical form ends here in the logged bytes (the spins' closing bracket, the stake and the
     * win), and, when {@code last}, the logged bytes with it; when it does, reading goes on after it.
     *
     * @param stake the round's stake
     * @param win the round's win
     * @param last whether nothing may follow the round (it is the whole outcome)
     * @return true when the logged bytes end the round (and end) exactly so
     */
    boolean sameEnd(long stake, long win, boolean last) {
        return in.literal(STAKE) && in.literal(stake) && in.literal(WIN) && in.literal(win) && in.next('}')
                && (!last || in.atEnd());
    }

    /**
     * Where reading stands in the logged bytes, after {@link #sameEnd}: just after the round.
     *
     * @return the offset
     */
    int position() {
        return in.at();
    }

    private void names(SlotModel model) {
        List<String> symbols = model.symbols();
        cells = new byte[6][symbols.size() + 1][];
        for (int place = 0; place < cells.length; place++) {
            for (int s = 0; s <= symbols.size(); s++) {
                out.reset();
                if (place >= 2) {
                    out.raw(place >= 4 ? ROW_AFTER : ROW_FIRST);
                }
                string(s < symbols.size() ? symbols.get(s) : "");
                out.put((place & 1) != 0 ? ']' : ',');
                cells[place][s] = out.bytes();
            }
        }
        int lineWins = model.paylines().length * model.pays().size() * 2;
        lineWinTails = new byte[lineWins][];
        lineWinLengths = new int[lineWins];
        scatterAwards = new byte[model.scatters().size()][][];
        namesOf = model;
    }

    private byte[] scatterAward(SlotModel model, int scatter, int count) {
        byte[][] ofScatter = scatterAwards[scatter];
        if (ofScatter == null || count >= ofScatter.length) {
            ofScatter = scatterAwards[scatter] = Arrays.copyOf(ofScatter == null ? new byte[0][] : ofScatter,
                    Math.max(count + 1, 8));
        }
        if (ofScatter[count] == null) {
            String symbol = model.symbols().get(model.scatters().get(scatter).symbol());
            ofScatter[count] = RecordBytes.encode(symbol + " x" + count);
        }
        return ofScatter[count];
    }

    private void spin(Spin spin) {
        out.raw(SPIN_BONUSES);
        List<BonusRound> bonuses = spin.bonuses();
        for (int b = 0; b < bonuses.size(); b++) {
            if (b > 0) {
                comma();
            }
            bonus(bonuses.get(b));
        }
        out.raw(CAPPED);
        out.number(spin.capped());
        out.raw(FREE_GAMES);
        out.number(spin.freeGames());
        out.raw(KIND);
        string(spin.kind());
        out.raw(REEL_SET);
        string(spin.reelSet());
        out.raw(STOPS);
        List<Integer> stops = spin.stops();
        for (int i = 0; i < stops.size(); i++) {
            if (i > 0) {
                comma();
            }
            out.number(stops.get(i));
        }
        out.raw(SPIN_WIN);
        out.number(spin.win());
        out.raw(WINDOW);
        List<List<String>> window = spin.window();
        for (int j = 0; j < window.size(); j++) {
            if (j > 0) {
                comma();
            }
            out.put('[');
            List<String> row = window.get(j);
            for (int i = 0; i < row.size(); i++) {
                if (i > 0) {
                    comma();
                }
                string(row.get(i));
            }
            out.put(']');
        }
        out.raw(WINS);
        List<Win> wins = spin.wins();
        for (int w = 0; w < wins.size(); w++) {
            if (w > 0) {
                comma();
            }
            win(wins.get(w));
        }
        out.put(']');
        out.put('}');
    }

    private void bonus(BonusRound b) {
        out.raw(BONUS_AMOUNT);
        out.number(b.amount());
        out.raw(ITEMS);
        List<List<Long>> items = b.items();
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                comma();
            }
            out.put('[');
            List<Long> prizes = items.get(i);
            for (int p = 0; p < prizes.size(); p++) {
                if (p > 0) {
                    comma();
                }
                out.number(prizes.get(p));
            }
            out.put(']');
        }
        out.raw(LINE);
        out.number(b.line());
        out.raw(PICKED);
        List<Integer> picked = b.picked();
        for (int p = 0; p < picked.size(); p++) {
            if (p > 0) {
                comma();
            }
            out.number(picked.get(p));
        }
        out.put(']');
        out.put('}');
    }

    private void win(Win w) {
        out.raw(WIN_AMOUNT);
        out.number(w.amount());
        out.raw(AWARD);
        string(w.award());
        out.raw(WIN_LINE);
        out.number(w.line());
        out.raw(POSITIONS);
        List<Position> positions = w.positions();
        for (int p = 0; p < positions.size(); p++) {
            if (p > 0) {
                comma();
            }
            Position position = positions.get(p);
            out.raw(REEL);
            out.number(position.reel());
            out.raw(ROW);
            out.number(position.row());
            out.put('}');
        }
        out.raw(TYPE);
        string(w.type());
        out.put('}');
    }

    private void comma() {
        out.put(',');
    }

    /** Writes a string as Jackson's generator writes it (quotes and escapes). */
    private void string(String text) {
        out.raw(encoded(text));
    }

    /** A string as Jackson's generator writes it (quotes and escapes), encoded by Jackson once and kept. */
    private byte[] encoded(String text) {
        byte[] encoded = strings.get(text);
        if (encoded == null) {
            encoded = RecordBytes.encode(text);
            if (strings.size() < MAX_STRINGS) {
                strings.put(text, encoded);
            }
        }
        return encoded;
    }
}
