package io.fairspin.math.table;

import io.fairspin.math.Fraction;
import java.util.List;
import java.util.function.IntFunction;

/** The one-roll proposition bets of craps, each settled by the total of a single roll. */
final class CrapsPropositions {
    private CrapsPropositions() {
    }

    static List<BetAnalysis> all() {
        return List.of(
                oneRoll("any seven", "4:1", t -> t == 7 ? Payout.win(4) : Payout.LOSS),
                oneRoll("any craps", "7:1", t -> t == 2 || t == 3 || t == 12 ? Payout.win(7) : Payout.LOSS),
                oneRoll("aces (2)", "30:1", t -> t == 2 ? Payout.win(30) : Payout.LOSS),
                oneRoll("boxcars (12)", "30:1", t -> t == 12 ? Payout.win(30) : Payout.LOSS),
                oneRoll("ace-deuce (3)", "15:1", t -> t == 3 ? Payout.win(15) : Payout.LOSS),
                oneRoll("yo (11)", "15:1", t -> t == 11 ? Payout.win(15) : Payout.LOSS),
                // A horn bet is four equal bets on 2, 3, 11 and 12; per unit, one of them wins and three lose.
                oneRoll("horn", "2 and 12 pay 27:4, 3 and 11 pay 3:1", t -> switch (t) {
                    case 2, 12 -> Payout.win(Fraction.of(27, 4));
                    case 3, 11 -> Payout.win(3);
                    default -> Payout.LOSS;
                }),
                // C and E is half on any craps (7:1), half on 11 (15:1).
                oneRoll("craps and eleven", "craps pays 3:1, 11 pays 7:1", t -> switch (t) {
                    case 2, 3, 12 -> Payout.win(3);
                    case 11 -> Payout.win(7);
                    default -> Payout.LOSS;
                }));
    }

    private static BetAnalysis oneRoll(String bet, String pays, IntFunction<Payout> settle) {
        Distribution d = new Distribution();
        for (int total = 2; total <= 12; total++) {
            d.add(settle.apply(total), Fraction.of(Craps.ways(total), 36));
        }
        return new BetAnalysis(bet, pays, d);
    }
}
