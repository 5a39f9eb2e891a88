package io.fairspin.math.slot.jackpots;

import io.fairspin.math.AnalysisReport.Cell;
import io.fairspin.math.AnalysisReport.Table;
import io.fairspin.math.Fraction;
import java.util.ArrayList;
import java.util.List;

/**
 * The PAR sheet's jackpot rows and table, the same for every game that names jackpots (hold-and-win, line and
 * ways slots): the jackpots' RTP at their amount or seed, the progressive contributions and the RTP with them,
 * and per jackpot its kind, amount or seed, rate, how often it is won, plays per win and its RTP.
 */
public final class JackpotReport {
    /** The Jackpots table's title. */
    public static final String TITLE = "Jackpots (a progressive one pays its meter: the seed, plus its rate of every"
            + " stake since it was last won)";

    private JackpotReport() {
    }

    /**
     * The summary rows after the RTP (at amount or seed) and what the game returns without jackpots.
     *
     * @param rtp the game's RTP with jackpots at their amount or seed
     * @param jackpotRtp the jackpots' RTP at their amount or seed
     * @param jackpots the jackpots
     * @return the rows: jackpot RTP, progressive contributions, RTP with progressive contributions
     */
    public static List<List<Cell>> rows(Fraction rtp, Fraction jackpotRtp, List<Jackpot> jackpots) {
        Fraction contribution = Jackpots.contribution(jackpots);
        List<List<Cell>> rows = new ArrayList<>();
        rows.add(List.of(Cell.text("jackpot RTP (at their amount or seed)"), Cell.exact(jackpotRtp)));
        rows.add(List.of(Cell.text("progressive jackpot contributions (share of each stake)"), Cell.exact(contribution)));
        rows.add(List.of(Cell.text("RTP with progressive contributions"), Cell.exact(rtp.add(contribution))));
        return rows;
    }

    /**
     * The Jackpots table.
     *
     * @param jackpots the jackpots
     * @param frequency what {@code perRound} is: {@code "chance per round"} (a round wins it at most once) or
     *     {@code "wins per round"} (expected wins, a round may win it more than once)
     * @param perRound per jackpot, how often a round wins it
     * @param rtp per jackpot, its RTP at its amount or seed
     * @return the table
     */
    public static Table table(List<Jackpot> jackpots, String frequency, Fraction[] perRound, Fraction[] rtp) {
        List<List<Cell>> rows = new ArrayList<>();
        for (int j = 0; j < jackpots.size(); j++) {
            Jackpot jackpot = jackpots.get(j);
            rows.add(List.of(Cell.text(jackpot.name()), Cell.text(jackpot.kind()), Cell.count(jackpot.amount()),
                    Cell.exact(jackpot.rate()), Cell.exact(perRound[j]),
                    Cell.approximate(perRound[j].signum() == 0 ? Double.POSITIVE_INFINITY : 1 / perRound[j].doubleValue()),
                    Cell.exact(rtp[j]), Cell.exact(rtp[j].add(jackpot.rate()))));
        }
        return new Table(TITLE, List.of("jackpot", "kind", "amount or seed, x total bet", "contribution rate", frequency,
                "plays per win", "RTP at amount or seed", "RTP with contribution"), rows);
    }
}
