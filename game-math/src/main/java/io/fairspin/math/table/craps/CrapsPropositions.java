package io.fairspin.math.table.craps;

import io.fairspin.math.table.BetAnalysis;
import io.fairspin.math.table.Distribution;
import io.fairspin.math.table.Payout;
import io.fairspin.math.Fraction;
import java.util.List;
import java.util.function.IntFunction;

/** The one-roll proposition bets of craps, each settled by the total of a single roll. */
final class CrapsPropositions {
    /**
     * One proposition.
     *
     * @param name   its name in a model's standard wager
     * @param label  its name in the analysis
     * @param pays   what it pays, as players read it
     * @param settle its settlement by the roll's total
     */
    private record Proposition(String name, String label, String pays, IntFunction<Payout> settle) {
    }

    private static final List<Proposition> ALL = List.of(
            new Proposition("any-seven", "any seven", "4:1", t -> t == 7 ? Payout.win(4) : Payout.LOSS),
            new Proposition("any-craps", "any craps", "7:1",
                    t -> t == 2 || t == 3 || t == 12 ? Payout.win(7) : Payout.LOSS),
            new Proposition("aces", "aces (2)", "30:1", t -> t == 2 ? Payout.win(30) : Payout.LOSS),
            new Proposition("boxcars", "boxcars (12)", "30:1", t -> t == 12 ? Payout.win(30) : Payout.LOSS),
            new Proposition("ace-deuce", "ace-deuce (3)", "15:1", t -> t == 3 ? Payout.win(15) : Payout.LOSS),
            new Proposition("yo", "yo (11)", "15:1", t -> t == 11 ? Payout.win(15) : Payout.LOSS),
            // A horn bet is four equal bets on 2, 3, 11 and 12; per unit, one of them wins and three lose.
            new Proposition("horn", "horn", "2 and 12 pay 27:4, 3 and 11 pay 3:1", t -> switch (t) {
                case 2, 12 -> Payout.win(Fraction.of(27, 4));
                case 3, 11 -> Payout.win(3);
                default -> Payout.LOSS;
            }),
            // C and E is half on any craps (7:1), half on 11 (15:1).
            new Proposition("craps-eleven", "craps and eleven", "craps pays 3:1, 11 pays 7:1", t -> switch (t) {
                case 2, 3, 12 -> Payout.win(3);
                case 11 -> Payout.win(7);
                default -> Payout.LOSS;
            }));

    /** The propositions' names in a model's standard wager. */
    static final List<String> NAMES = ALL.stream().map(Proposition::name).toList();

    private CrapsPropositions() {
    }

    /** The settlement by total of the proposition named {@code name} in a model. */
    static IntFunction<Payout> settlement(String name) {
        return ALL.stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow().settle();
    }

    static List<BetAnalysis> all() {
        return ALL.stream().map(p -> oneRoll(p.label(), p.pays(), p.settle())).toList();
    }

    private static BetAnalysis oneRoll(String bet, String pays, IntFunction<Payout> settle) {
        Distribution d = new Distribution();
        for (int total = 2; total <= 12; total++) {
            d.add(settle.apply(total), Fraction.of(Craps.ways(total), 36));
        }
        return new BetAnalysis(bet, pays, d);
    }
}
