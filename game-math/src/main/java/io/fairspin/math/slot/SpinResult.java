package io.fairspin.math.slot;

import java.util.List;

/**
 * Everything that happened in one slot round, ready to be logged: the base spin and each free game with
 * its reel stops, window, wins (with positions) and bonus rounds. Amounts are in minor units.
 *
 * @param lineBet  the bet per line
 * @param lines    lines played
 * @param stake    what the round cost: line bet times lines (times the price for a bought round)
 * @param win      the round's total win
 * @param spins    the base spin first, then the free games in the order played (a bought round: the free
 *                 games only)
 * @param bonusBuy the feature bought, or null for a round that was not bought (then absent from the JSON)
 */
public record SpinResult(long lineBet, int lines, long stake, long win, List<Spin> spins,
        @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
        Bought bonusBuy) {
    /**
     * Copies the spins.
     *
     * @param lineBet the bet per line
     * @param lines lines played
     * @param stake what the round cost: line bet times lines
     * @param win the round's total win
     * @param spins the base spin first, then the free games in the order played
     * @param bonusBuy the feature bought, or null
     */
    public SpinResult {
        spins = List.copyOf(spins);
    }

    /**
     * A round that was not bought.
     *
     * @param lineBet the bet per line
     * @param lines lines played
     * @param stake what the round cost: line bet times lines
     * @param win the round's total win
     * @param spins the base spin first, then the free games in the order played
     */
    public SpinResult(long lineBet, int lines, long stake, long win, List<Spin> spins) {
        this(lineBet, lines, stake, win, spins, null);
    }

    /** An unmodifiable copy of each row, in an unmodifiable list (a loop: a stream per spin showed in profiles). */
    private static <T> List<List<T>> copyRows(List<List<T>> rows) {
        List<List<T>> copy = new java.util.ArrayList<>(rows.size());
        for (List<T> row : rows) {
            copy.add(List.copyOf(row));
        }
        return List.copyOf(copy);
    }

    /**
     * The feature a bought round bought ({@code "bonusBuy"} in the model and in the bet).
     *
     * @param price     the price, in total bets
     * @param freeGames the free games bought (before retriggers)
     */
    public record Bought(long price, long freeGames) {
    }

    /**
     * One spin.
     *
     * @param kind        {@code "base"} or {@code "free"}
     * @param reelSet     the reel set played
     * @param stops       each reel's stop (the strip index shown on the top row)
     * @param window      the symbols shown, row by row from the top
     * @param wins        each line, ways and scatter win, before any cap, multiplier included
     * @param capped      how much the maximum-win cap took off this spin's line and scatter wins
     * @param freeGames   free games this spin awarded
     * @param bonuses     bonus rounds this spin started
     * @param win         the spin's total win: wins, less the cap, plus bonus awards
     */
    public record Spin(String kind, String reelSet, List<Integer> stops, List<List<String>> window, List<Win> wins,
            long capped, long freeGames, List<BonusRound> bonuses, long win) {
        /**
         * Copies the lists.
         *
         * @param kind {@code "base"} or {@code "free"}
         * @param reelSet the reel set played
         * @param stops each reel's stop (the strip index shown on the top row)
         * @param window the symbols shown, row by row from the top
         * @param wins each line, ways and scatter win, before any cap, multiplier included
         * @param capped how much the maximum-win cap took off this spin's line and scatter wins
         * @param freeGames free games this spin awarded
         * @param bonuses bonus rounds this spin started
         * @param win the spin's total win: wins, less the cap, plus bonus awards
         */
        public Spin {
            stops = List.copyOf(stops);
            window = copyRows(window);
            wins = List.copyOf(wins);
            bonuses = List.copyOf(bonuses);
        }
    }

    /**
     * One win.
     *
     * @param type      {@code "line"}, {@code "ways"} or {@code "scatter"}
     * @param award     the pay's name, for example {@code "seven x5"} or {@code "star x3"}
     * @param line      the payline's index for a line win, else -1
     * @param positions the winning positions
     * @param amount    the amount, multipliers included
     */
    public record Win(String type, String award, int line, List<Position> positions, long amount) {
        /**
         * Copies the positions.
         *
         * @param type {@code "line"}, {@code "ways"} or {@code "scatter"}
         * @param award the pay's name, for example {@code "seven x5"} or {@code "star x3"}
         * @param line the payline's index for a line win, else -1
         * @param positions the winning positions
         * @param amount the amount, multipliers included
         */
        public Win {
            positions = List.copyOf(positions);
        }
    }

    /** A window position: reel from 0 (left), row from 0 (top). */
    public record Position(int reel, int row) {
    }

    /**
     * One pick bonus.
     *
     * @param line   the payline that started it
     * @param items  the prizes each item hid, in line bets
     * @param picked the items the player picked, in order
     * @param amount what the bonus paid
     */
    public record BonusRound(int line, List<List<Long>> items, List<Integer> picked, long amount) {
        /**
         * Copies the lists.
         *
         * @param line the payline that started it
         * @param items the prizes each item hid, in line bets
         * @param picked the items the player picked, in order
         * @param amount what the bonus paid
         */
        public BonusRound {
            items = copyRows(items);
            picked = List.copyOf(picked);
        }
    }
}
