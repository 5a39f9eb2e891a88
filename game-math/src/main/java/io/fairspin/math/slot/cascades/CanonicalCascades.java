package io.fairspin.math.slot.cascades;

import io.fairspin.math.LoggedDraws;
import io.fairspin.math.RoundOutcome;
import io.fairspin.math.json.CanonicalCursor;
import io.fairspin.math.json.RecordBytes;
import io.fairspin.math.json.StreamedSpins;
import io.fairspin.math.slot.cascades.CascadeEngine.Window;

/**
 * The outcome check's fast path for a cascading slot's logged rounds at the standard wager: the draws (each spin's reel
 * set and stops) are read from the logged bytes laid out in canonical form ({@link CanonicalCursor}: each spin's
 * cascades stepped over, no JSON parser); the round is played again on them by the game's own code and written, as it
 * is played, in the canonical form the audit log keeps (the bytes Jackson writes for the {@link CascadeRecord} with its
 * members sorted by name), straight from the integer window; the round is accepted only when those are exactly the
 * logged bytes and its stake and win the logged bet and win. Anything else (a bought round, another layout, a draw the
 * game cannot make, other bytes) is not accepted here, and the check on the parsed tree gives the verdict.
 *
 * <p>Not thread-safe (it keeps its buffers): one per check.
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
    private static final byte[] REEL = RecordBytes.ascii("{\"reel\":");
    private static final byte[] ROW = RecordBytes.ascii(",\"row\":");
    private static final byte[] WINDOW = RecordBytes.ascii("],\"window\":[");
    private static final byte[] FREE_GAMES = RecordBytes.ascii("],\"freeGames\":");
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
    private final byte[][] symbols;
    private final byte[][] sets;
    private final RecordBytes out = new RecordBytes();
    private final Writer writer = new Writer();
    private final CanonicalCursor in = new CanonicalCursor();
    /** The encoded names of the base spin's reel sets, then of the free games', each in the order of its choice. */
    private final byte[][][] setsOf;

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
        this.symbols = RecordBytes.encode(model.symbols());
        this.sets = RecordBytes.encode(model.setNames());
        this.setsOf = new byte[][][] {names(model.baseSets()), model.free() == null ? null : names(model.free().sets())};
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
        out.reset();
        out.raw(LINE_BET);
        out.number(model.lineBet());
        out.raw(LINES);
        out.number(model.lines());
        out.raw(SPINS);
        writer.start();
        RoundOutcome again;
        try {
            again = game.playLogged(draws, window, writer);
        } catch (RuntimeException e) { // a draw the round cannot make, or more draws than logged
            return false;
        }
        out.raw(STAKE);
        out.number(again.stake());
        out.raw(WIN);
        out.number(again.win());
        out.put('}');
        return again.stake() == bet && again.win() == win && out.sameAs(outcome);
    }

    /**
     * The draws of a round that is not bought, read from its logged bytes laid out in canonical form (each spin's
     * {@code cascades} stepped over, its {@code reelSet} and {@code stops} read); null when they cannot be read so (a
     * bought round, another layout, a reel set or stop the spin cannot have).
     */
    private LoggedDraws draws(byte[] outcome) {
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
            CascadeModel.Sets choice = free ? model.free().sets() : model.baseSets();
            if (!in.literal(CASCADES) || !in.skipTo(']') || !in.literal(FREE_GAMES) || in.number() < 0
                    || !in.literal(KIND) || !in.skipString() || !in.literal(REEL_SET)) {
                return null;
            }
            int chosen = in.oneOf(setsOf[free ? 1 : 0]);
            if (chosen < 0 || !in.literal(SCATTERS) || in.number() < 0 || !in.literal(STOPS)) {
                return null;
            }
            int[] lengths = game.lengths(choice, chosen);
            int[] stops = new int[lengths.length];
            if (!in.numbers(stops, stops.length) || !StreamedSpins.onStrips(stops, lengths) || !in.literal(SPIN_WIN)
                    || in.number() < 0 || !in.next('}')) {
                return null;
            }
            draws.addSpin(choice.sets().length, chosen, stops);
            free = true;
        } while (in.next(','));
        return in.next(']') ? draws : null;
    }

    /** Writes each spin in canonical form as it is played (the members of a spin and of a step sorted by name). */
    private final class Writer implements CascadeGame.SpinLog {
        private int spins;
        private int steps;

        void start() {
            spins = 0;
            steps = 0;
        }

        @Override
        public void step(Window w, long credits, long multiplier, long amount) {
            if (steps++ == 0) {
                if (spins > 0) {
                    out.put(',');
                }
                out.raw(CASCADES);
            } else {
                out.put(',');
            }
            out.raw(AMOUNT);
            out.number(amount);
            out.raw(CREDITS);
            out.number(credits);
            out.raw(MULTIPLIER);
            out.number(multiplier);
            out.raw(REMOVED);
            int rows = engine.rows;
            long removed = credits > 0 ? w.removed : 0;
            boolean first = true;
            for (int c = 0; c < engine.cells; c++) {
                if ((removed >>> c & 1) != 0) {
                    if (!first) {
                        out.put(',');
                    }
                    first = false;
                    out.raw(REEL);
                    out.number(c / rows);
                    out.raw(ROW);
                    out.number(c % rows);
                    out.put('}');
                }
            }
            out.raw(WINDOW);
            int[] grid = w.grid;
            for (int j = 0; j < rows; j++) {
                out.put(j == 0 ? '[' : ',');
                if (j > 0) {
                    out.put('[');
                }
                for (int r = 0; r < engine.reels; r++) {
                    if (r > 0) {
                        out.put(',');
                    }
                    out.raw(symbols[grid[r * rows + j]]);
                }
                out.put(']');
            }
            out.put(']');
            out.put('}');
        }

        @Override
        public void spin(Window w, boolean free, int scatters, long freeGames, long win) {
            out.raw(FREE_GAMES);
            out.number(freeGames);
            out.raw(KIND);
            out.raw(free ? FREE : BASE);
            out.raw(REEL_SET);
            out.raw(sets[w.set]);
            out.raw(SCATTERS);
            out.number(scatters);
            out.raw(STOPS);
            for (int r = 0; r < w.stops.length; r++) {
                if (r > 0) {
                    out.put(',');
                }
                out.number(w.stops[r]);
            }
            out.raw(SPIN_WIN);
            out.number(win);
            out.put('}');
            steps = 0;
            spins++;
        }
    }
}
