package io.fairspin.math.slot.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.fairspin.math.Bet;
import io.fairspin.math.GameModels;
import io.fairspin.math.PlayedRound;
import io.fairspin.math.RoundChoices;
import io.fairspin.math.slot.SlotGame;
import io.fairspin.rng.DrbgMechanism;
import io.fairspin.rng.DrbgStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Slot rounds logged at other coins than the model's standard wager: Red White &amp; Blue (1 to 3 coins, 2,500 per coin
 * for its top award at 1 and 2 coins, 10,000 at 3) checked from the outcome (which logs the bet per line and the lines,
 * not the coins) and the logged bet in the player choices. Every honest round passed at 1 coin only before: at 3 coins
 * each was flagged ("logged 75, evaluated 25" for its stake).
 */
class LoggedSpinCoinsTest {
    private static final ObjectMapper READ = new ObjectMapper();
    private static final ObjectMapper SORTED = new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private static SlotGame game() throws java.io.IOException {
        return (SlotGame) GameModels.load(Path.of(System.getProperty("fairspin.root", "..")).normalize()
                .resolve("examples/red-white-blue.json"));
    }

    private static DrbgStream stream(int seed) {
        byte[] entropy = new byte[32];
        ByteBuffer.wrap(entropy).putInt(seed).putInt(0xc0);
        return new DrbgStream(DrbgMechanism.CTR_AES256.instantiate(entropy, new byte[16], null), 4096);
    }

    private static byte[] choices(PlayedRound played) {
        return new RoundChoices(played.bet(), played.choices()).toJson().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void honestRoundsAtEveryCoinPassAndTheirAwardsAreCounted() throws Exception {
        SlotGame game = game();
        LoggedSpinCheck check = new LoggedSpinCheck(game);
        for (int coins = 1; coins <= 3; coins++) {
            Bet bet = Bet.lines(1, 25, coins);
            DrbgStream stream = stream(coins);
            long[] awards = new long[check.awards().size()];
            long wins = 0;
            for (int i = 0; i < 2000; i++) {
                PlayedRound played = game.playRecorded(bet, stream);
                assertEquals(25L * coins, played.outcome().stake());
                byte[] logged = SORTED.writeValueAsBytes(READ.readValue(played.detail(), Object.class));
                assertNull(check.check(logged, choices(played), played.outcome().stake(), played.outcome().win(),
                        awards), coins + " coins, round " + i);
                wins += played.outcome().win() > 0 ? 1 : 0;
            }
            assertEquals(wins, java.util.Arrays.stream(awards).sum(), coins + " coins: one award counted a winning round");
        }
    }

    @Test
    void aRoundAtThreeCoinsIsPaidAtThreeCoins() throws Exception {
        SlotGame game = game();
        LoggedSpinCheck check = new LoggedSpinCheck(game);
        DrbgStream stream = stream(9);
        PlayedRound played = game.playRecorded(Bet.lines(1, 25, 3), stream);
        while (played.outcome().win() == 0) {
            played = game.playRecorded(Bet.lines(1, 25, 3), stream);
        }
        byte[] logged = SORTED.writeValueAsBytes(READ.readValue(played.detail(), Object.class));
        long win = played.outcome().win();
        assertNull(check.check(logged, choices(played), 75, win, new long[check.awards().size()]));
        String oneCoin = check.check(logged, new byte[0], 75, win, new long[check.awards().size()]);
        assertTrue(oneCoin != null && oneCoin.contains("stake"), String.valueOf(oneCoin));
        byte[] fourCoins = new RoundChoices(Bet.lines(1, 25, 4), List.of()).toJson().getBytes(StandardCharsets.UTF_8);
        String refused = check.check(logged, fourCoins, 100, win, new long[check.awards().size()]);
        assertTrue(refused != null && refused.startsWith("player_choices: $.bet.coins: "), String.valueOf(refused));
    }
}
