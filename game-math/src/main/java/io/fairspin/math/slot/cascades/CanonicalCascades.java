package io.fairspin.math.slot.cascades;

import io.fairspin.math.LoggedDraws;
import io.fairspin.math.RoundOutcome;
import io.fairspin.math.json.CanonicalCursor;
import io.fairspin.math.json.RecordBytes;
import io.fairspin.math.json.StreamedSpins;
import io.fairspin.math.slot.cascades.CascadeEngine.Window;

/**
 * The outcome check's fast path for a cascading slot's logged rounds at the standard wager: the draws (each spin's reel
 * set and stops) are read from the logged bytes laid out in canonical form ({@link CanonicalCursor}, no JSON parser: a
 * round of one base spin from the end of its bytes, any other round's spins in order, each spin's cascades passed over
 * to the next {@code ],"freeGames":}); the round is played again on them by the
 * game's own code and, as it is played, its canonical form (the bytes Jackson writes for the {@link CascadeRecord} with
 * its members sorted by name) is compared, straight from the integer window, with the logged bytes where it stands (no
 * record is written); the round is accepted only when every logged byte is so matched and its stake and win are the
 * logged bet and win. Anything else (a bought round, another layout, a draw the game cannot make, other bytes) is not
 * accepted here, and the check on the parsed tree gives the verdict.
 *
 * <p>Not thread-safe (it keeps its reading position and window): one per check.
 */
public final class CanonicalCascades {
    private static final byte[] LINE_BET = RecordBytes.ascii("{\"lineBet\":");
    private static final byte[] LINES = RecordBytes.ascii(",\"lines\":");
    private static final byte[] SPINS = RecordBytes.ascii(",\"spins\":[");
    private static final byte[] CASCADES = RecordBytes.ascii("{\"cascades\":[");
    private static final byte[] AMOUNT = RecordBytes.ascii("{\"amount\":");
    private static final byte[] CREDITS = RecordBytes.ascii(",\"credits\":");
    private static final byte[] MULTIPLIER = RecordBytes.ascii(",\"multiplier\":");
    private static final byte[] REMOVED = RecordBytes.ascii(",\"removed\":[");
    private static final byte[] WINDOW = RecordBytes.ascii("],\"window\":[");
    private static final byte[] WINDOW_END = RecordBytes.ascii("]]");
    private static final byte[] FREE_GAMES = RecordBytes.ascii("],\"freeGames\":");
    private static final CanonicalCursor.Landmark CASCADES_END = new CanonicalCursor.Landmark(FREE_GAMES);
    private static final byte[] KIND = RecordBytes.ascii(",\"kind\":");
    private static final byte[] REEL_SET = RecordBytes.ascii(",\"reelSet\":");
    private static final byte[] SCATTERS = RecordBytes.ascii(",\"scatters\":");
    private static final byte[] STOPS = RecordBytes.ascii(",\"stops\":[");
    private static final byte[] SPIN_WIN = RecordBytes.ascii("],\"win\":");
    private static final byte[] STAKE = RecordBytes.ascii("],\"stake\":");
    private static final byte[] WIN = RecordBytes.ascii(",\"win\":");
    private static final byte[] BASE = RecordBytes.encode("base");
    private static final byte[] FREE = RecordBytes.encode("free");

    private final CascadeGame game;
    private final CascadeModel model;
    private final CascadeEngine engine;
    private final Window window;
    /** Each symbol's encoded name after a comma, as it stands after the first reel's in a window's row. */
    private final CanonicalCursor.Name[] afterComma;
    /** Each symbol's encoded name opening a window's first row, and opening a later row after the one before. */
    private final CanonicalCursor.Name[] firstRows;
    private final CanonicalCursor.Name[] nextRows;
    /** Each cell's position as a removed one, {@code {"reel":R,"row":J}}, and after a comma. */
    private final byte[][] positions;
    private final byte[][] positionsAfterComma;
    /** A bit for each cell of the window. */
    private final long allCells;
    private final byte[][] sets;
    private final Comparison comparison = new Comparison();
    private final CanonicalCursor in = new CanonicalCursor();
    /** The encoded names of the base spin's reel sets, then of the free games', each in the order of its choice. */
    private final byte[][][] setsOf;
    private long readFromTheEnd;

    /**
     * The fast path of {@code game}'s rounds at its standard wager.
     *
     * @param game the game of the logged rounds
     */
    public CanonicalCascades(CascadeGame game) {
        this.game = game;
        this.model = game.model;
        this.engine = game.engine;
        this.window = new Window(engine);
        byte[][] symbols = RecordBytes.encode(model.symbols());
        this.afterComma = CanonicalCursor.Name.all(prefixed(",", symbols));
        this.firstRows = CanonicalCursor.Name.all(prefixed("[", symbols));
        this.nextRows = CanonicalCursor.Name.all(prefixed("],[", symbols));
        this.positions = new byte[engine.cells][];
        for (int c = 0; c < engine.cells; c++) {
            positions[c] = RecordBytes.ascii("{\"reel\":" + c / engine.rows + ",\"row\":" + c % engine.rows + "}");
        }
        this.positionsAfterComma = prefixed(",", positions);
        this.allCells = engine.cells == 64 ? -1L : (1L << engine.cells) - 1;
        this.sets = RecordBytes.encode(model.setNames());
        this.setsOf = new byte[][][] {names(model.baseSets()), model.free() == null ? null : names(model.free().sets())};
    }

    /** Each of {@code encoded} after {@code prefix}. */
    private static byte[][] prefixed(String prefix, byte[][] encoded) {
        byte[] before = RecordBytes.ascii(prefix);
        byte[][] out = new byte[encoded.length][];
        for (int k = 0; k < encoded.length; k++) {
            out[k] = java.util.Arrays.copyOf(before, before.length + encoded[k].length);
            System.arraycopy(encoded[k], 0, out[k], before.length, encoded[k].length);
        }
        return out;
    }

    private byte[][] names(CascadeModel.Sets choice) {
        byte[][] names = new byte[choice.sets().length][];
        for (int k = 0; k < names.length; k++) {
            names[k] = sets[choice.sets()[k]];
        }
        return names;
    }

    /**
     * Whether a logged round is accepted: its bytes are exactly the canonical bytes of the round played again at the
     * standard wager on the draws read from them, its stake {@code bet} and its win {@code win}. False decides
     * nothing: the round goes to the check on its tree.
     *
     * @param outcome the logged outcome's bytes
     * @param bet the logged bet
     * @param win the logged win
     * @return true when the round is accepted
     */
    public boolean accepts(byte[] outcome, long bet, long win) {
        LoggedDraws draws = draws(outcome);
        if (draws == null) {
            return false;
        }
        in.start(outcome, 0);
        if (!in.literal(LINE_BET) || !in.literal(model.lineBet()) || !in.literal(LINES) || !in.literal(model.lines())
                || !in.literal(SPINS)) {
            return false;
        }
        comparison.start();
        RoundOutcome again;
        try {
            again = game.playLogged(draws, window, comparison);
        } catch (RuntimeException e) { // a draw the round cannot make, or more draws than logged
            return false;
        }
        return comparison.same && in.literal(STAKE) && in.literal(again.stake()) && in.literal(WIN)
                && in.literal(again.win()) && in.next('}') && in.atEnd() && again.stake() == bet && again.win() == win;
    }

    /**
     * The rounds whose draws were read from the end of their bytes so far (for tests that show that way is taken).
     *
     * @return how many rounds' draws were so read
     */
    public long roundsReadFromTheEnd() {
        return readFromTheEnd;
    }

    /** The draws of a round that is not bought: its only spin's, read from its end, or else each spin's in order. */
    private LoggedDraws draws(byte[] outcome) {
        LoggedDraws only = onlySpin(outcome);
        if (only != null) {
            readFromTheEnd++;
            return only;
        }
        return spins(outcome);
    }

    /**
     * The draws of a round of one spin, read from the end of its logged bytes (most rounds: nothing is passed over to
     * reach them): the last spin's, from the last {@code ],"freeGames":}, when its kind is {@code base}, which in
     * canonical bytes makes it the round's only spin and in others is a guess that the comparison settles; null when
     * they cannot be read so (a round with free games, another layout).
     */
    private LoggedDraws onlySpin(byte[] outcome) {
        in.start(outcome, 0);
        if (!in.seekLast(CASCADES_END) || !in.literal(FREE_GAMES) || in.number() < 0 || !in.literal(KIND)
                || !in.literal(BASE)) {
            return null;
        }
        LoggedDraws draws = new LoggedDraws();
        return spinDraws(draws, false) && in.next(']') ? draws : null;
    }

    /**
     * The draws of each spin in order, read from its logged bytes laid out in canonical form (each spin's
     * {@code cascades} passed over to the next {@code ],"freeGames":}, which is their end in canonical bytes and a guess in
     * others, its {@code reelSet} and {@code stops} read); null when they cannot be read so (a
     * bought round, another layout, a reel set or stop the spin cannot have).
     */
    private LoggedDraws spins(byte[] outcome) {
        in.start(outcome, 0);
        if (!in.literal(LINE_BET) || in.number() < 0 || !in.literal(LINES) || in.number() < 0 || !in.literal(SPINS)) {
            return null;
        }
        LoggedDraws draws = new LoggedDraws();
        boolean free = false;
        do {
            if (free && model.free() == null) {
                return null;
            }
            if (!in.literal(CASCADES) || !in.seek(CASCADES_END) || !in.literal(FREE_GAMES) || in.number() < 0
                    || !in.literal(KIND) || !in.skipString() || !spinDraws(draws, free)) {
                return null;
            }
            free = true;
        } while (in.next(','));
        return in.next(']') ? draws : null;
    }

    /**
     * Reads a spin's draws, from its {@code ,"reelSet":} to its closing brace, into {@code draws}; false when they cannot
     * be read so (another layout, a reel set or stop the spin cannot have).
     */
    private boolean spinDraws(LoggedDraws draws, boolean free) {
        CascadeModel.Sets choice = free ? model.free().sets() : model.baseSets();
        if (!in.literal(REEL_SET)) {
            return false;
        }
        int chosen = in.oneOf(setsOf[free ? 1 : 0]);
        if (chosen < 0 || !in.literal(SCATTERS) || in.number() < 0 || !in.literal(STOPS)) {
            return false;
        }
        int[] lengths = game.lengths(choice, chosen);
        int[] stops = new int[lengths.length];
        if (!in.numbers(stops, stops.length) || !StreamedSpins.onStrips(stops, lengths) || !in.literal(SPIN_WIN)
                || in.number() < 0 || !in.next('}')) {
            return false;
        }
        draws.addSpin(choice.sets().length, chosen, stops);
        return true;
    }

    /**
     * Compares each spin, as it is played, with the logged bytes where its canonical form stands (the members of a spin
     * and of a step sorted by name), from the reading position on: no record is written, and once a byte differs the
     * rest of the round is not compared.
     */
    private final class Comparison implements CascadeGame.SpinLog {
        /** Whether every byte compared so far is the logged one. */
        boolean same;
        private int spins;
        private int steps;

        void start() {
            same = true;
            spins = 0;
            steps = 0;
        }

        @Override
        public void step(Window w, long credits, long multiplier, long amount) {
            if (!same) {
                return;
            }
            boolean opens = steps++ == 0;
            same = (opens ? (spins == 0 || in.next(',')) && in.literal(CASCADES) : in.next(','))
                    && in.literal(AMOUNT) && in.literal(amount) && in.literal(CREDITS) && in.literal(credits)
                    && in.literal(MULTIPLIER) && in.literal(multiplier) && in.literal(REMOVED)
                    && removed(credits > 0 ? w.removed : 0) && in.literal(WINDOW) && window(w.grid) && in.next('}');
        }

        /** The positions of {@code removed}, reel by reel, each {@code {"reel":R,"row":J}}. */
        private boolean removed(long removed) {
            boolean first = true;
            for (long left = removed & allCells; left != 0; left &= left - 1) {
                int c = Long.numberOfTrailingZeros(left);
                if (!in.literal(first ? positions[c] : positionsAfterComma[c])) {
                    return false;
                }
                first = false;
            }
            return true;
        }

        /** The window row by row, each row's symbol names reel by reel, the whole closed by {@code ]}. */
        private boolean window(int[] grid) {
            int rows = engine.rows;
            for (int j = 0; j < rows; j++) {
                if (!in.literal(j == 0 ? firstRows[grid[j]] : nextRows[grid[j]])) {
                    return false;
                }
                for (int r = 1; r < engine.reels; r++) {
                    if (!in.literal(afterComma[grid[r * rows + j]])) {
                        return false;
                    }
                }
            }
            return in.literal(WINDOW_END);
        }

        @Override
        public void spin(Window w, boolean free, int scatters, long freeGames, long win) {
            if (same) {
                same = in.literal(FREE_GAMES) && in.literal(freeGames) && in.literal(KIND)
                        && in.literal(free ? FREE : BASE) && in.literal(REEL_SET) && in.literal(sets[w.set])
                        && in.literal(SCATTERS) && in.literal(scatters) && in.literal(STOPS) && stops(w.stops)
                        && in.literal(SPIN_WIN) && in.literal(win) && in.next('}');
            }
            steps = 0;
            spins++;
        }

        private boolean stops(int[] stops) {
            for (int r = 0; r < stops.length; r++) {
                if (!(r == 0 || in.next(',')) || !in.literal(stops[r])) {
                    return false;
                }
            }
            return true;
        }
    }
}
