package io.fairspin.audit.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.fairspin.audit.round.ModelFile;
import io.fairspin.math.Bet;
import io.fairspin.math.RoundChoices;
import io.fairspin.math.Wager;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A round's bet configuration, read from its logged player choices: bets that differ only in the bet per line, or by
 * a common factor of their wagers' amounts, are one configuration (one object); the standard wager, named or not, and
 * unreadable choices are none; past {@link BetClasses#MAX_CLASSES} configurations the rounds are {@link
 * BetClasses#OTHER}.
 */
class BetClassesTest {
    private static byte[] choices(Bet bet) {
        return new RoundChoices(bet, List.of()).toJson().getBytes(StandardCharsets.UTF_8);
    }

    private static BetClasses of(String example) throws IOException {
        return new BetClasses(ModelFile.load(ControlLimitRuns.SIZZLING_HOT.resolveSibling(example)).game());
    }

    @Test
    void linesAndCoinsMakeTheConfigurationAndTheBetPerLineDoesNot() throws IOException {
        BetClasses classes = of("sizzling-hot.json");
        BetClasses.BetClass one = classes.of(choices(Bet.lines(1, 1, 1)));
        assertSame(one, classes.of(choices(Bet.lines(1, 5, 1))));
        assertEquals(Bet.lines(1, 1, 1), one.bet());
        assertEquals(Bet.lines(1, 1, 1).toJson(), one.label());
        assertNotSame(one, classes.of(choices(Bet.lines(2, 1, 1))));
        assertNotSame(one, classes.of(choices(Bet.lines(1, 1, 2))));
        assertNull(classes.of(choices(Bet.lines(5, 2, 1))), "the standard lines at another bet per line");
        assertNull(classes.of(new byte[0]));
        assertNull(classes.of(null));
        assertNull(classes.of("{\"bet\":{\"lines\":".getBytes(StandardCharsets.UTF_8)), "unreadable");
        byte[] reordered = "{\"decisions\":[],\"bet\":{\"lines\":1,\"lineBet\":2,\"coins\":1}}"
                .getBytes(StandardCharsets.UTF_8);
        assertSame(one, classes.of(reordered), "choices not in canonical form are read in full");
    }

    @Test
    void aBoughtRoundAtTheStandardLinesIsTheBuysStandard() throws IOException {
        BetClasses classes = of("lucky-wilds.json");
        assertNull(classes.of(choices(Bet.standard().withBonusBuy())));
        BetClasses.BetClass oneLineBuy = classes.of(choices(Bet.lines(1, 2, 1).withBonusBuy()));
        assertNotSame(oneLineBuy, classes.of(choices(Bet.lines(1, 2, 1))), "bought and not bought differ");
    }

    @Test
    void wagersScaledByOneFactorAreOneConfiguration() throws IOException {
        BetClasses classes = of("roulette-european.json");
        BetClasses.BetClass redBlack = classes.of(choices(Bet.wagers(Wager.of("red", 100), Wager.of("black", 200))));
        assertSame(redBlack, classes.of(choices(Bet.wagers(Wager.of("red", 50), Wager.of("black", 100)))));
        assertEquals(Bet.wagers(Wager.of("red", 1), Wager.of("black", 2)).toJson(), redBlack.label());
        assertNotSame(redBlack, classes.of(choices(Bet.wagers(Wager.of("red", 100), Wager.of("black", 100)))));
        assertNull(classes.of(choices(Bet.wagers(Wager.on("straight", 5, 17)))), "the standard wager, scaled");
        assertNotSame(redBlack, classes.of(choices(Bet.wagers(Wager.on("straight", 5, 16)))));
    }

    @Test
    void roundsPastTheConfigurationsKeptAreNotJudged() throws IOException {
        BetClasses classes = of("roulette-european.json");
        for (int i = 1; i <= BetClasses.MAX_CLASSES; i++) {
            BetClasses.BetClass c = classes.of(choices(Bet.wagers(Wager.of("red", 1), Wager.of("black", 1 + i))));
            assertNotSame(BetClasses.OTHER, c, "configuration " + i);
        }
        assertSame(BetClasses.OTHER, classes.of(choices(Bet.wagers(Wager.of("red", 1), Wager.of("odd", 1)))));
        assertNotSame(BetClasses.OTHER, classes.of(choices(Bet.wagers(Wager.of("red", 7), Wager.of("black", 14)))),
                "a configuration already kept");
    }
}
