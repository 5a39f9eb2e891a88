package io.fairspin.math.slot.evaluation;

import io.fairspin.math.RoundOutcome;
import io.fairspin.math.slot.SlotGame.Bet;
import io.fairspin.math.slot.SlotGame;
import io.fairspin.math.slot.SpinResult.BonusRound;
import io.fairspin.math.slot.SpinResult.Position;
import io.fairspin.math.slot.SpinResult.Spin;
import io.fairspin.math.slot.SpinResult.Win;
import io.fairspin.math.slot.SpinResult;
import io.fairspin.math.slot.model.SlotModel.Choice;
import io.fairspin.math.slot.model.SlotModel.FreeGames;
import io.fairspin.math.slot.model.SlotModel.Pay;
import io.fairspin.math.slot.model.SlotModel.Scatter;
import io.fairspin.math.slot.model.SlotModel;
import io.fairspin.rng.RandomStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Plays one round and writes down everything: the same draws as {@link SlotGame#play(RandomStream,
 * RoundOutcome)}, evaluated from the rules ({@link LinePays}) rather than the precomputed tables.
 */
public final class SpinRecorder {
    private final SlotGame game;
    private final SlotModel model;
    private final Bet bet;
    private final Picker picker;
    private final RoundOutcome outcome;
    private final LinePays rules;
    private final List<Spin> spins = new ArrayList<>();
    /** Per jackpot, what the round has won of it, in minor units. */
    private final long[] jackpotWon;
    /** The jackpots won by the spin evaluated last: in its line (or ways), scatter and bonus wins, minor units. */
    private final long[] spinJackpots = new long[3];
    /** The round's cap in minor units that stops the free games, 0 for none ({@link #roundCap}). */
    private long roundCap;

    /**
     * Chooses the items of a pick bonus, one at a time.
     */
    @FunctionalInterface
    public interface Picker {
        /**
         * The item to pick next in the bonus started on {@code line}, which offers {@code items} items, given
         * those {@code picked} so far and their prizes {@code revealed}.
         *
         * @param line the payline that started the bonus
         * @param items the number of items offered
         * @param picked the items picked so far
         * @param revealed the prizes of the items picked so far
         * @return the index of the next item, not picked yet
         */
        int pick(int line, int items, List<Integer> picked, List<List<Long>> revealed);
    }

    /**
     * A recorder whose pick bonuses take the items {@code picks}, in order, then the first items not picked.
     *
     * @param game the slot game
     * @param bet the round's bet
     * @param picks the items to pick, in order over all bonus rounds
     */
    public SpinRecorder(SlotGame game, Bet bet, int[] picks) {
        this(game, bet, picksInOrder(game, picks));
    }

    private static Picker picksInOrder(SlotGame game, int[] picks) {
        if (picks != null) {
            for (int p : picks) {
                if (p < 0 || p >= (game.model.bonus() == null ? 0 : game.model.bonus().items())) {
                    throw new IllegalArgumentException("picks: item " + p + " does not exist");
                }
            }
        }
        return (line, items, picked, revealed) -> picks != null && picked.size() < picks.length ? picks[picked.size()]
                : picked.size();
    }

    /**
     * A recorder whose pick bonuses ask {@code picker}.
     *
     * @param game the slot game
     * @param bet the round's bet
     * @param picker chooses the items
     */
    public SpinRecorder(SlotGame game, Bet bet, Picker picker) {
        this.game = game;
        this.model = game.model;
        if (!model.ways() && bet.lines() > model.paylines().length) {
            throw new IllegalArgumentException("lines: this game has " + model.paylines().length + " paylines, was "
                    + bet.lines());
        }
        this.bet = bet;
        this.picker = picker;
        this.outcome = RoundOutcome.forGame(game);
        this.rules = model.ways() ? null : game.table.rules();
        this.tuple = new int[model.reels()];
        this.jackpotWon = new long[game.jackpotTypes.length];
    }

    /** Lays out the window's cells for {@link #evaluateInto}, on its first call (playing a round never needs them). */
    private void layOutCells() {
        int n = model.reels();
        int lines = bet.lines();
        lineCells = new int[lines * n];
        cellCodes = new int[model.rows() * n];
        cellSymbols = new int[model.rows() * n];
        for (int r = 0; r < n; r++) {
            for (int line = 0; line < lines; line++) {
                lineCells[line * n + r] = model.paylines()[line][r] * n + r;
            }
        }
    }

    /**
     * Stops the free games once the round's win reaches {@code cap} minor units (a hold-and-win round's
     * {@code maxWin}, as {@link SlotGame#playFreeGames(RandomStream, RoundOutcome, long, long)} does); the excess is
     * left to the caller to cut.
     *
     * @param cap the round's cap in minor units, 0 for none
     * @return this recorder
     */
    public SpinRecorder roundCap(long cap) {
        this.roundCap = cap;
        return this;
    }

    /** Records a jackpot won in the spin being evaluated: {@code part} 0 line, 1 scatter, 2 bonus. */
    private void won(int jackpot, int part, long amount) {
        if (jackpot >= 0) {
            jackpotWon[jackpot] += amount;
            spinJackpots[part] += amount;
        }
    }

    /** The jackpots the last spin won, by part (line, scatter, bonus), and forgets them. */
    private long[] takeSpinJackpots() {
        long[] taken = spinJackpots.clone();
        java.util.Arrays.fill(spinJackpots, 0);
        return taken;
    }

    /**
     * The wins of a line showing {@code symbols}: none, without asking the line rules, when the line table says the
     * line pays nothing (most lines); the rules' wins otherwise.
     */
    private List<LinePays.Win> winsOfLine(int[] symbols) {
        int code = lineCode(symbols);
        return code >= 0 && LineTable.credits(game.table.entry(code)) == 0 ? List.of() : rules.wins(symbols);
    }

    /** Whether a line showing {@code symbols} starts the bonus, from the line table where it has the line. */
    private boolean startsBonus(int[] symbols) {
        int code = lineCode(symbols);
        return code >= 0 ? (game.table.entry(code) & 1) != 0 : rules.startsBonus(symbols);
    }

    /** The line table's code of {@code symbols} ({@link LineTable#decode} reversed), or -1 for a place left empty. */
    private int lineCode(int[] symbols) {
        int code = 0;
        for (int symbol : symbols) {
            if (symbol < 0) {
                return -1;
            }
            code = code * model.symbolCount() + symbol;
        }
        return code;
    }

    /**
     * The figures of the round played.
     *
     * @return the outcome
     */
    public RoundOutcome outcome() {
        return outcome;
    }

    /**
     * Plays the round and describes it.
     *
     * @param stream where the round's random numbers come from
     * @return the round's spins, wins and bonus rounds
     */
    public SpinResult play(RandomStream stream) {
        outcome.start(bet.stake() * model.coins());
        Spin base = spin(stream, "base", model.baseReels(), 1);
        long[] baseJackpots = takeSpinJackpots();
        long line = sum(base.wins(), "scatter", false);
        long scatter = sum(base.wins(), "scatter", true);
        long lineCut = Math.min(base.capped(), line);
        outcome.addWin(game.lineType, line - lineCut - baseJackpots[0]);
        if (game.scatterType >= 0) {
            outcome.addWin(game.scatterType, scatter - (base.capped() - lineCut) - baseJackpots[1]);
        }
        long bonusWin = bonusAmounts(base.bonuses());
        if (!base.bonuses().isEmpty()) {
            outcome.trigger(game.bonusFeature);
            outcome.addWin(game.bonusType, bonusWin - baseJackpots[2]);
        }
        playFreeGames(stream, base.freeGames());
        // The round's win is every spin's, jackpots won in free games included: the outcome's.
        return new SpinResult(bet.lineBet(), bet.lines(), bet.stake() * model.coins(), outcome.win(), spins);
    }

    /**
     * Plays a bought round ({@code "bonusBuy"}) and describes it: the free games the model's bonus buy sells, drawn
     * as {@link SlotGame#playBonusBuy} draws them (no base spin); the stake is the price x the bet.
     *
     * @param stream where the round's random numbers come from
     * @return the round's free games and wins, with what was bought
     * @throws IllegalStateException when the model has no bonus buy
     */
    public SpinResult playBonusBuy(RandomStream stream) {
        SlotModel.BonusBuy buy = model.bonusBuy();
        if (buy == null) {
            throw new IllegalStateException(model.id() + ": the model has no bonus buy");
        }
        long stake = Math.multiplyExact(bet.stake() * model.coins(), buy.price());
        outcome.start(stake);
        long bought = model.freeGames().spins(buy.scatters());
        playFreeGames(stream, bought);
        // The round's win is every spin's, jackpots included: the outcome's.
        return new SpinResult(bet.lineBet(), bet.lines(), stake, outcome.win(), spins,
                new SpinResult.Bought(buy.price(), bought));
    }

    /**
     * Plays {@code awarded} free games (and their retriggers) and adds their win and the round's jackpots to the
     * outcome.
     */
    private void playFreeGames(RandomStream stream, long awarded) {
        long freeWin = 0;
        FreeGames free = model.freeGames();
        long remaining = awarded;
        if (remaining > 0) {
            outcome.trigger(game.freeFeature);
        }
        for (; remaining > 0 && (roundCap <= 0 || outcome.win() + freeWin < roundCap); remaining--) {
            Spin spin = spin(stream, "free", free.reels(), free.multiplier());
            freeWin += spin.win();
            for (long jackpot : takeSpinJackpots()) {
                freeWin -= jackpot;
            }
            if (!spin.bonuses().isEmpty()) {
                outcome.trigger(game.bonusFeature);
            }
            if (free.retrigger()) {
                remaining += spin.freeGames();
            }
        }
        if (free != null && awarded > 0) {
            outcome.addWin(game.freeType, freeWin);
        }
        for (int j = 0; j < jackpotWon.length; j++) {
            outcome.addWin(game.jackpotTypes[j], jackpotWon[j]);
        }
    }

    private static long sum(List<Win> wins, String type, boolean ofType) {
        long sum = 0;
        for (Win w : wins) {
            if (w.type().equals(type) == ofType) {
                sum += w.amount();
            }
        }
        return sum;
    }

    private static long bonusAmounts(List<BonusRound> bonuses) {
        long sum = 0;
        for (BonusRound b : bonuses) {
            sum += b.amount();
        }
        return sum;
    }

    private Spin spin(RandomStream stream, String kind, Choice choice, long multiplier) {
        CompiledReels reels = game.reelSets[new ReelSetDraw(choice).draw(stream)];
        int[] stops = new int[model.reels() + (reels.hasTop() ? 1 : 0)];
        for (int r = 0; r < model.reels(); r++) {
            stops[r] = reels.drawStop(stream, r);
        }
        if (reels.hasTop()) {
            stops[model.reels()] = reels.drawTop(stream);
        }
        Spin spin = evaluate(kind, reels, stops, multiplier, window -> bonuses(stream, window));
        spins.add(spin);
        return spin;
    }

    /**
     * Describes a spin from its reel set and stops: the window, every win, the cap, the free games awarded and
     * the bonus rounds that {@code bonusRounds} gives for the window (drawn, or as logged). A pure function of
     * its arguments, so a logged spin can be evaluated again. With a top reel, {@code stops} has one more entry,
     * the top reel's stop, and the window one more row, row 0, the top reel's symbols above the reels it covers.
     */
    Spin evaluate(String kind, CompiledReels drawn, int[] stops, long multiplier,
                  Function<int[][], List<BonusRound>> bonusRounds) {
        CompiledReels reels = drawn.hasTop() ? drawn.topped(stops[model.reels()]) : drawn;
        int[][] window = new int[reels.rows][model.reels()];
        for (int r = 0; r < model.reels(); r++) {
            int[] column = reels.column(r, stops[r]);
            for (int j = 0; j < column.length; j++) {
                window[j][r] = column[j];
            }
        }
        List<Win> wins = new ArrayList<>(model.ways() ? waysWins(window, multiplier) : lineWins(window, multiplier));
        wins.addAll(scatterWins(window, multiplier));
        long won = 0;
        for (Win w : wins) {
            won += w.amount();
        }
        long capped = game.excess(won / bet.lineBet(), bet.lines()) * bet.lineBet();
        List<BonusRound> bonuses = model.ways() ? List.of() : bonusRounds.apply(window);
        FreeGames free = model.freeGames();
        long freeGames = free == null ? 0 : free.spins(scatterCount(model.scatters().get(free.scatter()), window));
        long win = won - capped + bonusAmounts(bonuses);
        List<Integer> stopList = new ArrayList<>();
        for (int r = 0; r < model.reels(); r++) {
            stopList.add(reels.stripStop(r, stops[r]));
        }
        if (drawn.hasTop()) {
            stopList.add(stops[model.reels()]);
        }
        return new Spin(kind, reels.set.name(), stopList, names(window), wins, capped, freeGames, bonuses, win);
    }

    /**
     * A spin evaluated into primitive arrays, reused from spin to spin: what {@link #evaluate} describes, without its
     * lists, names and records (for {@link CanonicalSpins#sameSpin}, the monitor's fast path). Its wins are in
     * {@link #evaluate}'s order: the line wins line by line, then the scatter wins.
     */
    static final class Evaluated {
        int[][] window;
        int wins;
        /** Per win: its payline (scatter wins: -1). */
        int[] line = new int[8];
        /** Per win: the pay's index (line wins) or the scatter's index (scatter wins). */
        int[] pay = new int[8];
        /** Per win: positions covered (line wins), or the scatter count (scatter wins). */
        int[] length = new int[8];
        boolean[] fromRight = new boolean[8];
        long[] amount = new long[8];
        /** Per scatter of the model, its count in the window. */
        int[] scatterCounts = new int[0];
        long capped;
        long freeGames;
        long win;

        private void add(int onLine, int payIndex, int count, boolean right, long won) {
            if (wins == line.length) {
                int n = wins * 2;
                line = java.util.Arrays.copyOf(line, n);
                pay = java.util.Arrays.copyOf(pay, n);
                length = java.util.Arrays.copyOf(length, n);
                fromRight = java.util.Arrays.copyOf(fromRight, n);
                amount = java.util.Arrays.copyOf(amount, n);
            }
            line[wins] = onLine;
            pay[wins] = payIndex;
            length[wins] = count;
            fromRight[wins] = right;
            amount[wins++] = won;
        }

        /**
         * Whether win {@code w} is a scatter win.
         *
         * @param w the win's index
         * @return true for a scatter win, false for a line win
         */
        boolean scatter(int w) {
            return line[w] < 0;
        }
    }

    /**
     * {@link #evaluate} of a line game's spin that starts no bonus round, into {@code into} (its window, wins, cap,
     * free games and win; the same figures, in the same order, as {@link #evaluate}'s {@code Spin}). False, with
     * {@code into} unspecified, for a ways game or a spin whose window starts a bonus round: {@link #evaluate} decides
     * those.
     *
     * @param reels the spin's reel set, without random heights
     * @param stops the spin's stops on it, in range
     * @param multiplier the spin's win multiplier
     * @param into where the spin is evaluated
     * @return false when {@link #evaluate} must decide the spin
     */
    boolean evaluateInto(CompiledReels reels, int[] stops, long multiplier, Evaluated into) {
        int rows = model.rows();
        if (model.ways() || reels.hasTop() || reels.rows != rows) {
            return false;
        }
        int n = model.reels();
        int[][] window = into.window;
        if (window == null || window.length != rows || window[0].length != n) {
            window = into.window = new int[rows][n];
        }
        if (lineCells == null) {
            layOutCells();
        }
        int[] cellCodes = this.cellCodes;
        int[] cellSymbols = this.cellSymbols;
        for (int r = 0; r < n; r++) {
            // The stop's column and line codes, as the reel set compiled them (CompiledReels.column, row by row).
            int g = (reels.stopBase[r] + stops[r]) * rows;
            for (int j = 0; j < rows; j++) {
                window[j][r] = reels.symbolAt[g + j];
                cellSymbols[j * n + r] = reels.symbolAt[g + j];
                cellCodes[j * n + r] = reels.lineCode[g + j];
            }
        }
        into.wins = 0;
        long won = 0;
        int[] lineCells = this.lineCells;
        LineTable table = game.table;
        for (int line = 0, cell = 0; line < bet.lines(); line++, cell += n) {
            if (n >= 2 && !table.livePair(cellSymbols[lineCells[cell]], cellSymbols[lineCells[cell + 1]])) {
                continue; // entry 0: pays nothing, starts no bonus
            }
            int code = 0;
            for (int r = 0; r < n; r++) {
                code += cellCodes[lineCells[cell + r]];
            }
            int entry = table.entry(code);
            if ((entry & 1) != 0) {
                return false; // starts a bonus round
            }
            if (LineTable.credits(entry) == 0) {
                continue;
            }
            for (LinePays.Win w : paidWins(code)) {
                long amount = w.credits() * multiplier * bet.lineBet();
                into.add(line, w.pay(), w.length(), w.fromRight(), amount);
                won += amount;
            }
        }
        List<Scatter> scatters = model.scatters();
        FreeGames free = model.freeGames();
        into.freeGames = 0;
        if (into.scatterCounts.length != scatters.size()) {
            into.scatterCounts = new int[scatters.size()];
        }
        for (int s = 0; s < scatters.size(); s++) {
            Scatter scatter = scatters.get(s);
            int count = 0;
            for (int r = 0; r < n; r++) {
                // Per stop, its column's count, as scatterCount counts a column.
                count += reels.scatterCount[s][reels.stopBase[r] + stops[r]];
            }
            into.scatterCounts[s] = count;
            if (free != null && free.scatter() == s) {
                into.freeGames = free.spins(count);
            }
            long pay = scatter.pay(count);
            if (pay != 0) {
                long amount = pay * bet.stake() * multiplier;
                into.add(-1, s, count, false, amount);
                won += amount;
            }
        }
        into.capped = game.excess(won / bet.lineBet(), bet.lines()) * bet.lineBet();
        into.win = won - into.capped;
        return true;
    }

    private final int[] tuple;
    /**
     * Per payline and reel (index line x reels + reel), the window cell it reads (index row x reels + reel); null until
     * {@link #evaluateInto} first needs it, as the two below.
     */
    private int[] lineCells;
    /** Per window cell (index row x reels + reel), what its symbol adds to the code of a line through it. */
    private int[] cellCodes;
    /** Per window cell (index row x reels + reel), its symbol. */
    private int[] cellSymbols;
    /** Per line code met, its wins that pay (the rules asked once per code), for {@link #evaluateInto}. */
    private LinePays.Win[][] paidWins;
    private static final int MAX_MEMO = 1 << 20;

    /** The wins of paying line {@code code} that pay something, the rules asked once. */
    private LinePays.Win[] paidWins(int code) {
        if (paidWins == null) {
            int codes = (int) Math.min(MAX_MEMO + 1L, (long) Math.pow(model.symbolCount(), model.reels()));
            paidWins = new LinePays.Win[codes <= MAX_MEMO ? codes : 0][];
        }
        LinePays.Win[] wins = code < paidWins.length ? paidWins[code] : null;
        if (wins == null) {
            game.table.decode(code, tuple);
            wins = rules.wins(tuple).stream().filter(w -> w.credits() != 0).toArray(LinePays.Win[]::new);
            if (code < paidWins.length) {
                paidWins[code] = wins;
            }
        }
        return wins;
    }

    /** The lines of {@code window} that start a bonus round, in order. */
    List<Integer> bonusLines(int[][] window) {
        List<Integer> lines = new ArrayList<>();
        for (int line = 0; line < bet.lines(); line++) {
            if (startsBonus(lineSymbols(line, window))) {
                lines.add(line);
            }
        }
        return lines;
    }

    private List<List<String>> names(int[][] window) {
        List<List<String>> rows = new ArrayList<>(window.length);
        for (int[] row : window) {
            List<String> names = new ArrayList<>(row.length);
            for (int symbol : row) {
                names.add(symbol == CompiledReels.EMPTY ? "" : model.symbols().get(symbol));
            }
            rows.add(names);
        }
        return rows;
    }

    /** The symbols of {@code line} in {@code window}, in this recorder's scratch array (valid until the next call). */
    private int[] lineSymbols(int line, int[][] window) {
        int[] tuple = this.tuple;
        for (int r = 0; r < tuple.length; r++) {
            tuple[r] = window[model.paylines()[line][r]][r];
        }
        return tuple;
    }

    private List<Win> lineWins(int[][] window, long multiplier) {
        List<Win> wins = new ArrayList<>();
        int n = model.reels();
        for (int line = 0; line < bet.lines(); line++) {
            for (LinePays.Win w : winsOfLine(lineSymbols(line, window))) {
                if (w.credits() == 0) {
                    continue;
                }
                List<Position> positions = new ArrayList<>();
                for (int i = 0; i < w.length(); i++) {
                    int reel = w.fromRight() ? n - 1 - i : i;
                    positions.add(new Position(reel, model.paylines()[line][reel]));
                }
                String award = model.pays().get(w.pay()).award();
                wins.add(new Win("line", award, line, positions, w.credits() * multiplier * bet.lineBet()));
                won(model.jackpots().ofPay(w.pay()), 0, w.credits() * multiplier * bet.lineBet());
            }
        }
        return wins;
    }

    private List<Win> waysWins(int[][] window, long multiplier) {
        List<Win> wins = new ArrayList<>();
        for (Pay pay : model.pays()) {
            int s = WaysPays.firstSymbol(pay);
            List<Position> positions = new ArrayList<>();
            long ways = 1;
            int k = 0;
            for (; k < model.reels(); k++) {
                int[] column = new int[window.length];
                for (int j = 0; j < column.length; j++) {
                    column[j] = window[j][k];
                }
                int count = CompiledReels.waysCount(model, s, column);
                if (count == 0) {
                    break;
                }
                ways *= count;
                for (int j = 0; j < column.length; j++) {
                    if (CompiledReels.waysCount(model, s, new int[] {column[j]}) > 0 && k < pay.length()) {
                        positions.add(new Position(k, j));
                    }
                }
            }
            if (k == pay.length()) {
                wins.add(new Win("ways", pay.award(), -1, positions,
                        ways * pay.credits() * multiplier * bet.lineBet()));
            }
        }
        return wins;
    }

    /** The scatter's count in {@code window}: per reel as {@link CompiledReels#scatterCount} counts a column. */
    private int scatterCount(Scatter scatter, int[][] window) {
        int count = 0;
        for (int r = 0; r < model.reels(); r++) {
            int inColumn = 0;
            for (int[] row : window) {
                if (row[r] == scatter.symbol()) {
                    inColumn++;
                }
            }
            count += scatter.perReel() ? Math.min(inColumn, 1) : inColumn;
        }
        return count;
    }

    private List<Win> scatterWins(int[][] window, long multiplier) {
        List<Win> wins = new ArrayList<>();
        for (Scatter scatter : model.scatters()) {
            int count = scatterCount(scatter, window);
            long pay = scatter.pay(count);
            if (pay == 0) {
                continue;
            }
            List<Position> positions = new ArrayList<>();
            for (int r = 0; r < model.reels(); r++) {
                for (int j = 0; j < window.length; j++) {
                    if (window[j][r] == scatter.symbol()) {
                        positions.add(new Position(r, j));
                    }
                }
            }
            String award = model.symbols().get(scatter.symbol()) + " x" + count;
            wins.add(new Win("scatter", award, -1, positions, pay * bet.stake() * multiplier));
            won(model.jackpots().ofScatter(model.scatters().indexOf(scatter), count), 1, pay * bet.stake() * multiplier);
        }
        return wins;
    }

    private List<BonusRound> bonuses(RandomStream stream, int[][] window) {
        List<BonusRound> rounds = new ArrayList<>();
        for (int line = 0; line < bet.lines(); line++) {
            if (!startsBonus(lineSymbols(line, window))) {
                continue;
            }
            int pickCount = game.picks.drawPicks(stream);
            List<List<Long>> items = new ArrayList<>();
            List<int[]> prizes = new ArrayList<>();
            for (int item = 0; item < model.bonus().items(); item++) {
                List<Long> hidden = new ArrayList<>();
                int[] drawn = game.picks.drawItemPrizes(stream);
                for (int prize : drawn) {
                    hidden.add(model.bonus().prizeValues()[prize]);
                }
                items.add(hidden);
                prizes.add(drawn);
            }
            List<Integer> picked = new ArrayList<>();
            List<List<Long>> revealed = new ArrayList<>();
            long credits = 0;
            for (int i = 0; i < pickCount; i++) {
                int item = picker.pick(line, items.size(), List.copyOf(picked), List.copyOf(revealed));
                if (item < 0 || item >= items.size()) {
                    throw new IllegalArgumentException("picks: item " + item + " does not exist");
                }
                if (picked.contains(item)) {
                    throw new IllegalArgumentException("picks: item " + item + " picked twice");
                }
                picked.add(item);
                revealed.add(items.get(item));
                for (int prize : prizes.get(item)) {
                    won(model.jackpots().ofPrize(prize), 2, model.bonus().prizeValues()[prize] * bet.lineBet());
                }
                credits += items.get(item).stream().mapToLong(Long::longValue).sum();
            }
            rounds.add(new BonusRound(line, items, picked, credits * bet.lineBet()));
        }
        return rounds;
    }
}
