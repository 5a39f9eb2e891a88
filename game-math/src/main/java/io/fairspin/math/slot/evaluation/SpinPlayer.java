package io.fairspin.math.slot.evaluation;

import io.fairspin.math.RoundOutcome;
import io.fairspin.math.slot.SlotGame;
import io.fairspin.math.slot.freegames.FreeGamesPlay;
import io.fairspin.math.slot.jackpots.PayTableJackpots;
import io.fairspin.math.slot.model.SlotModel;
import io.fairspin.math.slot.picks.PickBonusPlay;
import io.fairspin.rng.RandomStream;

/**
 * Plays one base or free spin of a slot game on the simulation path, allocation-free: draws its reel set and
 * stops (derivation v1, or the fast-mode draws), evaluates it from a {@link SpinTable} or line by line, adds its
 * wins to the round's outcome by win type, plays the bonuses it starts and returns the free games it awards.
 */
public final class SpinPlayer {
    private final SlotGame game;
    private final SlotModel model;
    private final CompiledReels[] reelSets;
    private final ReelSetDraw baseSet;
    /** The model's free games, or null when it has none. */
    private final FreeGamesPlay freeGames;
    /** The model's pick bonus, or null when it has none. */
    private final PickBonusPlay picks;
    private final LineWins lineWins;
    /** The jackpots of the pay table, or null when no line or scatter pay names one. */
    private final PayTableJackpots payJackpots;
    /**
     * Per reel set, the number of its stop combinations when the fast-mode draws take them as one draw: the
     * product of the reel lengths when no reel is virtual (weighted), the model has no random reel heights and
     * the product is below 2^63; otherwise 0 (each stop drawn as derivation v1 draws it).
     */
    private final long[] jointStops;
    /** Per count of the first scatter below 64 (what a spin table counts), its pay in line bets on the played lines. */
    private final long[] firstScatterPays;
    private volatile SpinTable[] spinTables;
    /** No spin table for any reel set: the line-by-line evaluation. */
    private final SpinTable[] lineByLine;

    /**
     * The spins of {@code game}, made at the end of its construction.
     *
     * @param game the slot game, its public fields set
     * @param awards the awards of the model's pay table
     * @param freeGames the model's free games, or null
     * @param picks the model's pick bonus, or null
     */
    public SpinPlayer(SlotGame game, PayAwards awards, FreeGamesPlay freeGames, PickBonusPlay picks) {
        this.game = game;
        this.model = game.model;
        this.reelSets = game.reelSets;
        this.baseSet = new ReelSetDraw(model.baseReels());
        this.freeGames = freeGames;
        this.picks = picks;
        this.payJackpots = model.jackpots().inPayTable() ? new PayTableJackpots(model, game.table, game.jackpotTypes)
                : null;
        this.lineWins = new LineWins(game.table, game.lineRows, awards.ofPay, payJackpots);
        this.lineByLine = new SpinTable[reelSets.length];
        this.firstScatterPays = new long[64];
        for (int count = 0; count < firstScatterPays.length && !model.scatters().isEmpty(); count++) {
            firstScatterPays[count] = model.scatters().get(0).pay(count) * model.lines();
        }
        this.jointStops = new long[reelSets.length];
        for (int i = 0; i < reelSets.length; i++) {
            jointStops[i] = jointStops(reelSets[i]);
        }
    }

    /** The product of the reel lengths when the fast-mode draws take the stops as one draw, else 0. */
    private static long jointStops(CompiledReels reels) {
        if (!reels.uniformStops() || reels.randomHeights()) {
            return 0;
        }
        long product = 1;
        for (int r = 0; r < reels.reels; r++) {
            if (product > Long.MAX_VALUE / reels.length(r)) {
                return 0;
            }
            product *= reels.length(r);
        }
        return product;
    }

    /**
     * The spin tables play uses: none (line by line) when a line or scatter pay names a jackpot.
     *
     * @return per reel set its table, or null where the set is evaluated line by line
     */
    public SpinTable[] tables() {
        return payJackpots != null ? lineByLine : spinTables();
    }

    /**
     * No spin table for any reel set: every spin evaluated line by line.
     *
     * @return per reel set null
     */
    public SpinTable[] lineByLine() {
        return lineByLine;
    }

    /**
     * Per reel set, its spin table, or null where the set is evaluated line by line; built once on first use
     * (a table takes up to a second: simulation threads starting together wait for one build).
     *
     * @return the tables
     */
    public SpinTable[] spinTables() {
        SpinTable[] tables = spinTables;
        if (tables == null) {
            synchronized (this) {
                if (spinTables == null) {
                    SpinTable[] built = new SpinTable[reelSets.length];
                    for (int i = 0; i < built.length; i++) {
                        built[i] = SpinTable.of(model, reelSets[i], game.table, game.lineRows, model.lines());
                    }
                    spinTables = built;
                }
                tables = spinTables;
            }
        }
        return tables;
    }

    /**
     * Plays one base or free spin, bonuses included, and adds its wins to {@code outcome}: a base spin's
     * by win type (the cap cut from the line win first), a free spin's, multiplied, as free-games win.
     *
     * @param stream where the spin's random numbers come from
     * @param free whether it is a free spin
     * @param outcome the round's outcome, already started
     * @param lineBet the bet per line (of one coin) in minor units
     * @param tables per reel set its spin table, or null to evaluate the set line by line
     * @param fast whether the stops are drawn with the fast-mode draws (see {@link SlotGame#playFast})
     * @return the free games it awards (none for a free spin without retriggers)
     */
    public long spin(RandomStream stream, boolean free, RoundOutcome outcome, long lineBet, SpinTable[] tables,
            boolean fast) {
        return spin(stream, free, outcome, lineBet, tables, fast, null);
    }

    /**
     * {@link #spin(RandomStream, boolean, RoundOutcome, long, SpinTable[], boolean)}, also filling {@code shows}
     * when it is not null (which needs the line-by-line evaluation: {@code tables} all null).
     *
     * @param stream where the spin's random numbers come from
     * @param free whether it is a free spin
     * @param outcome the round's outcome, already started
     * @param lineBet the bet per line (of one coin) in minor units
     * @param tables per reel set its spin table, or null to evaluate the set line by line
     * @param fast whether the stops are drawn with the fast-mode draws
     * @param shows receives what the window shows, or null
     * @return the free games it awards
     */
    public long spin(RandomStream stream, boolean free, RoundOutcome outcome, long lineBet, SpinTable[] tables,
            boolean fast, BaseSpin shows) {
        int set = free ? freeGames.drawSet(stream) : baseSet.draw(stream);
        CompiledReels reels = reelSets[set];
        SpinTable compiled = tables[set];
        long joint = fast ? jointStops[set] : 0;
        int lines = model.lines();
        long lineResult;
        long scatter;
        long awarded;
        if (compiled != null) {
            // Two reads instead of one per line and reel: the prefix's stops index the prefix table, which
            // names the state of the lines still running; the suffix's stops index that state's row.
            int[] lengths = compiled.lengths;
            int prefixIndex = 0;
            int suffixIndex = 0;
            if (joint != 0) {
                // The stops in mixed radix, reel 0 most significant: the prefix's index, then the suffix's.
                if (joint <= Integer.MAX_VALUE) {
                    int stops = stream.nextInt((int) joint);
                    prefixIndex = stops / compiled.suffixSize;
                    suffixIndex = stops - prefixIndex * compiled.suffixSize;
                } else {
                    long stops = stream.nextLong(joint);
                    prefixIndex = (int) (stops / compiled.suffixSize);
                    suffixIndex = (int) (stops - (long) prefixIndex * compiled.suffixSize);
                }
            } else if (compiled.uniformStops) {
                // drawStop's draw for reels without weights or heights, without its per-reel checks.
                for (int r = 0; r < compiled.prefixReels; r++) {
                    prefixIndex = prefixIndex * lengths[r] + stream.nextInt(lengths[r]);
                }
                for (int r = compiled.prefixReels; r < lengths.length; r++) {
                    suffixIndex = suffixIndex * lengths[r] + stream.nextInt(lengths[r]);
                }
            } else {
                for (int r = 0; r < compiled.prefixReels; r++) {
                    prefixIndex = prefixIndex * lengths[r] + reels.drawStop(stream, r);
                }
                for (int r = compiled.prefixReels; r < lengths.length; r++) {
                    suffixIndex = suffixIndex * lengths[r] + reels.drawStop(stream, r);
                }
            }
            long head = compiled.prefix[prefixIndex];
            int tail = compiled.suffix[SpinTable.prefixState(head) * compiled.suffixSize + suffixIndex];
            lineResult = SpinTable.prefixResult(head) + SpinTable.suffixResult(tail);
            int count = SpinTable.prefixScatters(head) + SpinTable.suffixScatters(tail);
            scatter = compiled.scatterCounted ? firstScatterPays[count] : 0;
            awarded = freeGames == null || !freeGames.awardsIn(free) ? 0 : freeGames.awarded(count);
        } else {
            long p0 = 0;
            long p1 = 0;
            long p2 = 0;
            // With the fast-mode draws, the reels' stops are the digits of one draw, the last reel least significant
            // (decoded from the last reel; derivation v1 draws from the first).
            long stops = joint != 0 ? stream.nextLong(joint) : 0;
            for (int i = 0; i < reels.reels; i++) {
                int r = joint != 0 ? reels.reels - 1 - i : i;
                int stop;
                if (joint != 0) {
                    int length = reels.length(r);
                    stop = (int) (stops % length);
                    stops /= length;
                } else {
                    stop = reels.drawStop(stream, r);
                }
                int g = reels.stopBase[r] + stop;
                if (r < 3) {
                    p0 = CompiledReels.pack(p0, r, g);
                } else if (r < 6) {
                    p1 = CompiledReels.pack(p1, r, g);
                } else {
                    p2 = CompiledReels.pack(p2, r, g);
                }
            }
            if (reels.hasTop()) {
                reels = reels.topped(reels.drawTop(stream)); // the top reel's stop, after the reels'
            }
            RoundOutcome counting = !free && outcome.countsAwards() ? outcome : null;
            RoundOutcome jackpots = payJackpots != null ? outcome : null;
            lineResult = model.ways() ? game.ways.credits(reels, p0, p1, p2, counting) << 8
                    : lineWins.credits(reels, p0, p1, p2, lines, counting, jackpots, lineBet);
            scatter = scatterCredits(reels, p0, p1, p2, lines, jackpots, lineBet);
            awarded = freeGames == null || !freeGames.awardsIn(free) ? 0
                    : freeGames.awarded(scatterCount(reels, freeGames.scatter(), p0, p1, p2));
            if (shows != null) {
                shows.coinCells = cells(reels, model.scatters().get(shows.coinScatter).symbol(), p0, p1, p2);
                shows.collectCount = shows.collectScatter < 0 ? 0 : scatterCount(reels, shows.collectScatter, p0, p1, p2);
            }
        }
        addWins(stream, free, outcome, lineBet, lineResult, scatter);
        if (shows != null) {
            shows.freeGames = awarded;
        }
        return awarded;
    }

    /**
     * Adds a spin's line and scatter win to {@code outcome} (the cap cut), then plays the bonuses it starts.
     *
     * @param lineResult the line win in line bets shifted left 8 bits, plus the lines starting the bonus
     */
    private void addWins(RandomStream stream, boolean free, RoundOutcome outcome, long lineBet, long lineResult,
            long scatter) {
        int lines = model.lines();
        long line = lineResult >>> 8;
        if (free) {
            long won = freeGames.multiplier() * (line + scatter);
            outcome.addWin(game.freeType, (won - game.excess(won, lines)) * lineBet);
        } else {
            long excess = game.excess(line + scatter, lines);
            long lineCut = Math.min(excess, line);
            outcome.addWin(game.lineType, (line - lineCut) * lineBet);
            if (scatter > 0) {
                outcome.addWin(game.scatterType, (scatter - (excess - lineCut)) * lineBet);
            }
        }
        int bonuses = (int) (lineResult & 0xFF);
        if (bonuses > 0) {
            outcome.trigger(game.bonusFeature);
            outcome.addWin(free ? game.freeType : game.bonusType, picks.play(stream, bonuses, outcome, lineBet) * lineBet);
        }
    }

    private static int scatterCount(CompiledReels reels, int scatter, long p0, long p1, long p2) {
        byte[] counts = reels.scatterCount[scatter];
        int count = 0;
        for (int r = 0; r < reels.reels; r++) {
            count += counts[CompiledReels.unpack(p0, p1, p2, r)];
        }
        return count;
    }

    /**
     * The scatter win in line bets; with {@code jackpots} not null, a scatter pay that is a jackpot is paid into
     * its win type there, and left out.
     */
    private long scatterCredits(CompiledReels reels, long p0, long p1, long p2, int lines, RoundOutcome jackpots,
            long lineBet) {
        long total = 0;
        for (int i = 0; i < model.scatters().size(); i++) {
            int count = scatterCount(reels, i, p0, p1, p2);
            long pay = model.scatters().get(i).pay(count);
            if (jackpots == null || !payJackpots.payScatter(i, count, pay * lines * lineBet, jackpots)) {
                total += pay;
            }
        }
        return total * lines;
    }

    /** The cells (bit reel * rows + row) of the window that show {@code symbol}. */
    private static long cells(CompiledReels reels, int symbol, long p0, long p1, long p2) {
        int rows = reels.rows;
        long cells = 0;
        for (int r = 0; r < reels.reels; r++) {
            int g = CompiledReels.unpack(p0, p1, p2, r);
            for (int j = 0; j < rows; j++) {
                if (reels.symbolAt[g * rows + j] == symbol) {
                    cells |= 1L << (r * rows + j);
                }
            }
        }
        return cells;
    }
}
