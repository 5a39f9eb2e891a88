package io.fairspin.math.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.fairspin.math.GameModels;
import io.fairspin.math.PlayedRound;
import io.fairspin.math.Round;
import io.fairspin.math.Decision;
import io.fairspin.rng.DrbgMechanism;
import io.fairspin.rng.DrbgStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The table check's memory of outcomes already played again ({@link LoggedTableCheck}): every verdict it gives equals
 * the verdict of a check that plays every round again, on honest rounds, on the same rounds logged with another win or
 * bet (an outcome remembered from an honest round, logged again with a win one unit off, must still be flagged), and on
 * outcomes changed byte by byte; and on roulette, whose standard wager has 37 outcomes, nearly every round is judged
 * from memory.
 */
class TableCheckMemoTest {
    private static final ObjectMapper READ = new ObjectMapper();
    private static final ObjectMapper SORTED = new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private static DrbgStream stream(int seed) {
        byte[] entropy = new byte[32];
        ByteBuffer.wrap(entropy).putInt(seed).putInt(0x7ab1e);
        return new DrbgStream(DrbgMechanism.CTR_AES256.instantiate(entropy, new byte[16], null), 4096);
    }

    private static TableGame game(String name) throws Exception {
        Path examples = Path.of(System.getProperty("fairspin.root", "..")).normalize().resolve("examples");
        return (TableGame) GameModels.load(examples.resolve(name));
    }

    private static byte[] canonical(String detail) throws Exception {
        return SORTED.writeValueAsBytes(READ.readValue(detail, Object.class));
    }

    @ParameterizedTest
    @ValueSource(strings = {"roulette-european.json", "baccarat.json", "craps.json", "keno.json"})
    void theMemoryGivesTheVerdictsOfPlayingEveryRoundAgain(String name) throws Exception {
        TableGame game = game(name);
        LoggedTableCheck remembering = new LoggedTableCheck(game, true);
        LoggedTableCheck playing = new LoggedTableCheck(game, false);
        DrbgStream stream = stream(1);
        SplittableRandom random = new SplittableRandom(3);
        byte[] alphabet = "0123456789\"[]{},:abcxyz- ".getBytes(StandardCharsets.US_ASCII);
        int flagged = 0;
        for (int i = 0; i < 1500; i++) {
            PlayedRound played = game.playRecorded(stream);
            byte[] logged = canonical(played.detail());
            long bet = played.outcome().stake();
            long win = played.outcome().win();
            String where = name + " round " + i + ": " + new String(logged, StandardCharsets.UTF_8);
            assertEquals(null, remembering.check(logged, bet, win, new long[0]), where);
            // The same outcome logged with another win or bet: flagged, whether it was remembered or not.
            for (long[] logging : new long[][] {{bet, win + 1}, {bet, Math.max(0, win - 1)}, {bet + 1, win}}) {
                String expected = playing.check(logged, logging[0], logging[1], new long[0]);
                assertEquals(expected, remembering.check(logged, logging[0], logging[1], new long[0]), where);
                if (logging[0] != bet || logging[1] != win) {
                    assertNotNull(expected, where);
                }
            }
            byte[] changed = logged.clone();
            changed[random.nextInt(changed.length)] = alphabet[random.nextInt(alphabet.length)];
            String expected = playing.check(changed, bet, win, new long[0]);
            assertEquals(expected, remembering.check(changed, bet, win, new long[0]), where);
            // asked again: now possibly remembered, the same verdict
            assertEquals(expected, remembering.check(changed.clone(), bet, win, new long[0]), where);
            if (expected != null) {
                flagged++;
            }
        }
        assertTrue(flagged > 1000, name + ": " + flagged + " changed outcomes flagged");
        if (name.startsWith("roulette")) {
            // 1,500 rounds of 37 outcomes, each outcome checked 4 times as logged: all but the first of each from memory.
            assertTrue(remembering.rememberedRounds() >= 4 * 1500 - 37, "remembered " + remembering.rememberedRounds());
        }
        assertEquals(0, playing.rememberedRounds());
    }

    /** With player choices: the memory tells outcomes apart by their choices too (a changed hold is not remembered). */
    @Test
    void outcomesWithChoicesAreRememberedWithTheirChoices() throws Exception {
        TableGame game = game("jacks-or-better-9-6.json");
        LoggedTableCheck remembering = new LoggedTableCheck(game, true);
        LoggedTableCheck playing = new LoggedTableCheck(game, false);
        DrbgStream stream = stream(2);
        for (int i = 0; i < 300; i++) {
            Round round = game.open(game.standardBet(), stream);
            round.act(Decision.of("hold", i % 2 == 0 ? new int[] {0, 1} : new int[] {}));
            PlayedRound played = round.result();
            byte[] choices = played.roundChoices().toJson().getBytes(StandardCharsets.UTF_8);
            byte[] other = new String(choices, StandardCharsets.UTF_8)
                    .replace("[0,1]", "[0,2]").getBytes(StandardCharsets.UTF_8);
            byte[] logged = canonical(played.detail());
            long bet = played.outcome().stake();
            long win = played.outcome().win();
            for (int twice = 0; twice < 2; twice++) {
                assertEquals(null, remembering.check(logged, choices, bet, win, new long[0]));
                assertEquals(playing.check(logged, other, bet, win, new long[0]),
                        remembering.check(logged, other, bet, win, new long[0]));
                assertEquals(playing.check(logged, choices, bet, win + 1, new long[0]),
                        remembering.check(logged, choices, bet, win + 1, new long[0]));
            }
        }
        assertTrue(remembering.rememberedRounds() > 300, "remembered " + remembering.rememberedRounds());
    }
}
