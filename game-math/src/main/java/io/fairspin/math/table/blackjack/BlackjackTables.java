package io.fairspin.math.table.blackjack;

import io.fairspin.math.AnalysisReport;
import io.fairspin.math.AnalysisReport.Cell;
import io.fairspin.math.Fraction;
import java.util.ArrayList;
import java.util.List;

/**
 * The tables of a blackjack analysis: the derived basic strategy (codes S stand, H hit, D double else
 * hit, Ds double else stand, P split, Rh / Rs / Rp surrender else hit / stand / split) and the summary.
 */
final class BlackjackTables {
    private static final List<String> UPCARDS = List.of("2", "3", "4", "5", "6", "7", "8", "9", "10", "A");

    private BlackjackTables() {
    }

    static AnalysisReport.Table strategy(String title, BasicStrategy s, int from, int to, boolean soft) {
        List<List<Cell>> rows = new ArrayList<>();
        for (int total = from; total <= to; total++) {
            List<Cell> row = new ArrayList<>();
            row.add(Cell.text((soft ? "soft " : "hard ") + total));
            for (int up : upcards()) {
                row.add(Cell.text(code(soft ? s.softCell(up, total) : s.hardCell(up, total))));
            }
            rows.add(row);
        }
        return new AnalysisReport.Table(title, columns(soft ? "soft total" : "hard total"), rows);
    }

    static AnalysisReport.Table pairs(BasicStrategy s) {
        List<List<Cell>> rows = new ArrayList<>();
        for (int card = 1; card <= 10; card++) {
            List<Cell> row = new ArrayList<>();
            String name = card == 1 ? "A" : Integer.toString(card);
            row.add(Cell.text("pair " + name + "," + name));
            for (int up : upcards()) {
                row.add(Cell.text(code(s.pairCell(up, card))));
            }
            rows.add(row);
        }
        return new AnalysisReport.Table("Basic strategy: pairs", columns("pair"), rows);
    }

    static AnalysisReport.Table summary(BlackjackRules rules, BasicStrategy s) {
        List<List<Cell>> rows = new ArrayList<>(List.of(
                List.of(Cell.text("rules"), Cell.text(rules.decks() + " decks, " + (rules.hitsSoft17() ? "H17" : "S17")
                        + (rules.peek() ? ", peek" : ", no hole card") + (rules.doubleAfterSplit() ? ", DAS" : "")
                        + ", up to " + rules.maxHands() + " hands" + (rules.resplitAces() ? ", RSA" : "")
                        + (rules.lateSurrender() ? ", late surrender" : "") + (rules.earlySurrender() ? ", early surrender" : "")
                        + ", blackjack pays "
                        + rules.blackjackPays())),
                List.of(Cell.text("expected value per unit bet, best first decision on each starting hand"
                        + (rules.maxHands() > 2 ? " (splits valued without resplit: a lower bound)" : "")),
                        Cell.approximate(s.roundValue())),
                List.of(Cell.text("house edge"), Cell.text("by simulation: see docs/model-format.md"))));
        if (rules.insurance()) {
            rows.add(List.of(Cell.text("insurance (2:1) return per unit under an ace, full shoe (never taken)"),
                    Cell.exact(insuranceReturn(rules.decks()))));
        }
        return new AnalysisReport.Table("Summary", List.of("figure", "value"), rows);
    }

    /** What insurance returns per unit under an ace: 3 times the chance of a ten among the 52d - 1 unseen cards. */
    static Fraction insuranceReturn(int decks) {
        return Fraction.of(3L * 16 * decks, 52L * decks - 1);
    }

    private static List<String> columns(String first) {
        List<String> columns = new ArrayList<>();
        columns.add(first);
        columns.addAll(UPCARDS);
        return columns;
    }

    private static int[] upcards() {
        return new int[] {2, 3, 4, 5, 6, 7, 8, 9, 10, 1};
    }

    /** The strategy code of a cell from its EVs (every action the rules allow on two cards). */
    static String code(double[] ev) {
        if (ev == null) {
            return "";
        }
        int best = argmax(ev, BlackjackOdds.STAND, BlackjackOdds.HIT, BlackjackOdds.DOUBLE, BlackjackOdds.SPLIT,
                BlackjackOdds.SURRENDER);
        String fallback = argmax(ev, BlackjackOdds.STAND, BlackjackOdds.HIT, BlackjackOdds.SPLIT)
                == BlackjackOdds.STAND ? "s" : argmax(ev, BlackjackOdds.STAND, BlackjackOdds.HIT, BlackjackOdds.SPLIT)
                == BlackjackOdds.HIT ? "h" : "p";
        return switch (best) {
            case BlackjackOdds.STAND -> "S";
            case BlackjackOdds.HIT -> "H";
            case BlackjackOdds.DOUBLE -> fallback.equals("s") ? "Ds" : "D";
            case BlackjackOdds.SPLIT -> "P";
            default -> "R" + fallback;
        };
    }

    private static int argmax(double[] ev, int... actions) {
        int best = actions[0];
        for (int action : actions) {
            if (!Double.isNaN(ev[action]) && (Double.isNaN(ev[best]) || ev[action] > ev[best])) {
                best = action;
            }
        }
        return best;
    }
}
