package io.fairspin.math.slot.analysis;

import io.fairspin.math.AnalysisReport;
import io.fairspin.math.Bet;
import io.fairspin.math.BetLimits;
import io.fairspin.math.Fraction;
import io.fairspin.math.slot.SlotGame;
import io.fairspin.math.slot.model.SlotModel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The PAR sheet of a slot game as {@link SlotGame#analyze()} gives it: the exact sheet, with the RTP at each bet
 * the limits allow when they allow more than the standard wager, or the simulated sheet of a game without exact
 * figures.
 */
public final class SlotSheet {
    /** At most this many line counts are analysed for the RTP-by-bet table (each is an exact analysis). */
    private static final int MAX_LINE_COUNTS = 64;

    private SlotSheet() {
    }

    /**
     * The PAR sheet of {@code game}.
     *
     * @param game the slot game
     * @param exact its exact analysis, or null when it has none
     * @param notExact why it has none (when {@code exact} is null)
     * @param limits its bet limits
     * @param gameAt the game at a bet of other lines or coins
     * @return the sheet
     */
    public static AnalysisReport of(SlotGame game, Analysis exact, String notExact, BetLimits limits,
            Function<Bet, SlotGame> gameAt) {
        if (exact == null) {
            return simulated(game, notExact);
        }
        AnalysisReport sheet = ParSheet.report(game, exact);
        if (limits.standardOnly()) {
            return sheet;
        }
        AnalysisReport withBets = sheet.withTable(1, rtpByBet(game.model, limits, exact.figures().rtp(),
                bet -> gameAt.apply(bet).analysis().figures().rtp()));
        List<Long> coinCounts = coinCounts(game.model, limits);
        return coinCounts.size() > 1 ? withBets.withTable(2, maxWinByCoins(game, coinCounts, gameAt)) : withBets;
    }

    /**
     * The PAR sheet of a game without exact figures: {@link SimulatedSheet}'s seeded simulation, every line marked,
     * with the stake, and the maximum win and the cap's reachability exact from the search for the largest spin
     * wins, or, past its budget, the cap reached or not in the simulation.
     */
    private static AnalysisReport simulated(SlotGame game, String notExact) {
        SlotModel model = game.model;
        long cap = model.maxWin() / model.coins();
        List<List<AnalysisReport.Cell>> before = List.of(List.of(AnalysisReport.Cell.text("stake per round"),
                AnalysisReport.Cell.text(model.lines() + " lines x " + model.lineBet() + " = " + game.stake()
                        + " (minor units)")));
        List<List<AnalysisReport.Cell>> searched = ParSheet.searchedMaxWin(game);
        if (!searched.isEmpty()) {
            return SimulatedSheet.report(game, game.name(), notExact, before, searched, max -> List.of());
        }
        String scope = "the cap applies to each spin's ways and scatter win (base or free game)";
        return SimulatedSheet.report(game, game.name(), notExact, before,
                max -> max < cap ? SimulatedSheet.capRows(cap, max, scope)
                        : List.of(List.of(AnalysisReport.Cell.text(MaxWin.CAP), AnalysisReport.Cell.count(cap)),
                                List.of(AnalysisReport.Cell.text(MaxWin.CAP_REACHABLE), AnalysisReport.Cell.text(
                                "not computed (simulated sheet): " + scope + "; a simulated round won at least as much"))));
    }

    /**
     * The RTP at each bet configuration the limits allow that changes it: every number of coins (coin pays),
     * every number of lines (a line's rows or a cap can change the return per line bet); the bet per line never
     * changes it. Lists the standard wager first, then each configuration whose RTP differs from it.
     */
    private static AnalysisReport.Table rtpByBet(SlotModel model, BetLimits limits, Fraction standard,
            Function<Bet, Fraction> rtpAt) {
        List<Long> lineCounts = limits.sample("lines", model.lines(), MAX_LINE_COUNTS);
        Map<String, Fraction> others = new LinkedHashMap<>();
        for (long coins : coinCounts(model, limits)) {
            for (long lines : lineCounts) {
                if (lines == model.lines() && coins == model.coins()) {
                    continue;
                }
                others.put(describe(lines, coins), rtpAt.apply(Bet.lines((int) lines, model.lineBet(), (int) coins)));
            }
        }
        return AnalysisReport.rtpByBet("lines and coins within the limits; the bet per line never changes the RTP",
                describe(model.lines(), model.coins()), standard, others);
    }

    /** The numbers of coins the limits allow, at most about {@link #MAX_LINE_COUNTS} of them. */
    private static List<Long> coinCounts(SlotModel model, BetLimits limits) {
        return limits.sample("coins", model.coins(), MAX_LINE_COUNTS);
    }

    /**
     * The table "Maximum win by coins": at the standard lines, the maximum win of each number of coins the limits
     * allow, in total bets, each the summary's maximum win of the game at that bet (with coin pays, the top award for
     * more coins is not the coins times the one-coin award).
     */
    private static AnalysisReport.Table maxWinByCoins(SlotGame game, List<Long> coinCounts,
            Function<Bet, SlotGame> gameAt) {
        SlotModel model = game.model;
        List<List<AnalysisReport.Cell>> rows = new ArrayList<>();
        for (long coins : coinCounts) {
            boolean standard = coins == model.coins();
            SlotGame at = standard ? game : gameAt.apply(Bet.lines(model.lines(), model.lineBet(), (int) coins));
            rows.add(List.of(AnalysisReport.Cell.text(describe(model.lines(), coins) + (standard ? " (standard)" : "")),
                    ParSheet.maxWin(at)));
        }
        return new AnalysisReport.Table("Maximum win by coins", List.of("bet", MaxWin.LABEL), rows);
    }

    private static String describe(long lines, long coins) {
        return lines + (lines == 1 ? " line, " : " lines, ") + coins + (coins == 1 ? " coin" : " coins");
    }
}
