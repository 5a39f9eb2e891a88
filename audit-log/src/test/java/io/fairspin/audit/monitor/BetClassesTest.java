package io.fairspin.audit.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fairspin.audit.round.ModelFile;
import io.fairspin.math.Bet;
import io.fairspin.math.RoundChoices;
import io.fairspin.math.Wager;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A round's bet configuration, read from its logged player choices: bets that differ only in the bet per line, or in
 * the order or a common factor of their wagers' amounts, are one configuration; the standard wager, named or not, is
 * none; a bet the game refuses and unreadable choices are refused with the reason; past
 * {@link BetClasses#MAX_CLASSES} configurations admitted in log order the rounds are {@link BetClasses#OTHER}.
 */
class BetClassesTest {
    private static byte[] choices(Bet bet) {
        return new RoundChoices(bet, List.of()).toJson().getBytes(StandardCharsets.UTF_8);
    }

    private static BetClasses of(String example) throws IOException {
        return new BetClasses(ModelFile.load(ControlLimitRuns.SIZZLING_HOT.resolveSibling(example)).game());
    }

    private static String key(BetClasses classes, Bet bet) {
        return classes.of(choices(bet)).betClass().key();
    }

    @Test
    void linesAndCoinsMakeTheConfigurationAndTheBetPerLineDoesNot() throws IOException {
        BetClasses classes = of("sizzling-hot.json");
        BetClasses.LoggedBet one = classes.of(choices(Bet.lines(1, 1, 1)));
        assertEquals(1, one.stake());
        assertEquals(Bet.lines(1, 1, 1).toJson(), one.betClass().label());
        BetClasses.LoggedBet oneAtFive = classes.of(choices(Bet.lines(1, 5, 1)));
        assertEquals(one.betClass().key(), oneAtFive.betClass().key());
        assertEquals(5, oneAtFive.stake());
        assertEquals(Bet.lines(1, 1, 1).toJson(), oneAtFive.betClass().label(), "named at the standard bet per line");
        assertNotEquals(one.betClass().key(), key(classes, Bet.lines(2, 1, 1)));
        BetClasses.LoggedBet standardAtTwo = classes.of(choices(Bet.lines(5, 2, 1)));
        assertNull(standardAtTwo.betClass(), "the standard lines at another bet per line");
        assertEquals(10, standardAtTwo.stake());
        assertNull(classes.of(new byte[0]));
        assertNull(classes.of(null));
        byte[] reordered = "{\"decisions\":[],\"bet\":{\"lines\":1,\"lineBet\":2,\"coins\":1}}"
                .getBytes(StandardCharsets.UTF_8);
        assertEquals(one.betClass().key(), classes.of(reordered).betClass().key(), "other layouts are read whole");
    }

    @Test
    void aBetTheGameRefusesOrCannotReadIsRefusedWithTheReason() throws IOException {
        BetClasses classes = of("sizzling-hot.json");
        BetClasses.LoggedBet tooMany = classes.of(choices(Bet.lines(6, 1, 1)));
        assertNull(tooMany.betClass());
        assertTrue(tooMany.refused().contains("$.lines"), tooMany.refused());
        BetClasses.LoggedBet wager = classes.of(choices(Bet.wagers(Wager.of("red", 1))));
        assertNotNull(wager.refused(), "a wager on a slot");
        BetClasses.LoggedBet cut = classes.of("{\"bet\":{\"lines\":".getBytes(StandardCharsets.UTF_8));
        assertNotNull(cut.refused(), "unreadable");
    }

    @Test
    void aBoughtRoundAtTheStandardLinesIsTheBuysStandard() throws IOException {
        BetClasses classes = of("lucky-wilds.json");
        assertNull(classes.of(choices(Bet.standard().withBonusBuy())).betClass());
        assertNotEquals(key(classes, Bet.lines(1, 2, 1).withBonusBuy()), key(classes, Bet.lines(1, 2, 1)),
                "bought and not bought differ");
    }

    @Test
    void wagersInAnotherOrderOrScaledByOneFactorAreOneConfiguration() throws IOException {
        BetClasses classes = of("roulette-european.json");
        BetClasses.LoggedBet redBlack = classes.of(choices(Bet.wagers(Wager.of("red", 100), Wager.of("black", 200))));
        assertEquals(redBlack.betClass().key(), key(classes, Bet.wagers(Wager.of("red", 50), Wager.of("black", 100))));
        assertEquals(redBlack.betClass().key(), key(classes, Bet.wagers(Wager.of("black", 100), Wager.of("red", 50))));
        assertEquals(Bet.wagers(Wager.of("red", 1), Wager.of("black", 2)).toJson(), redBlack.betClass().label());
        assertNotEquals(redBlack.betClass().key(), key(classes, Bet.wagers(Wager.of("red", 100),
                Wager.of("black", 100))));
        assertNull(classes.of(choices(Bet.wagers(Wager.on("straight", 5, 17)))).betClass(),
                "the standard wager, scaled");
    }

    @Test
    void configurationsAreAdmittedInLogOrderUpToTheLimit() throws IOException {
        BetClasses classes = of("roulette-european.json");
        BetClasses.BetClass first = null;
        int admitted = 0;
        // Red a and black b for coprime a, b up to 400 (within the limits): each pair its own configuration.
        for (int a = 1; a <= 400 && admitted < BetClasses.MAX_CLASSES; a++) {
            for (int b = 1; b <= 400 && admitted < BetClasses.MAX_CLASSES; b++) {
                if (java.math.BigInteger.valueOf(a).gcd(java.math.BigInteger.valueOf(b)).intValue() != 1) {
                    continue;
                }
                BetClasses.BetClass c = classes.of(choices(Bet.wagers(Wager.of("red", a), Wager.of("black", b))))
                        .betClass();
                assertSame(c, classes.admit(c), "configuration " + admitted);
                first = first == null ? c : first;
                admitted++;
            }
        }
        assertEquals(BetClasses.MAX_CLASSES, admitted);
        BetClasses.BetClass past = classes.of(choices(Bet.wagers(Wager.of("red", 1), Wager.of("odd", 1)))).betClass();
        assertSame(BetClasses.OTHER, classes.admit(past));
        BetClasses.BetClass again = classes.of(choices(Bet.wagers(Wager.of("red", 7), Wager.of("black", 7))))
                .betClass();
        assertSame(first, classes.admit(again), "a configuration already admitted, read from other bytes");
    }
}
