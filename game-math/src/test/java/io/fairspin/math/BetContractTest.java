package io.fairspin.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fairspin.rng.DrbgMechanism;
import io.fairspin.rng.DrbgStream;
import io.fairspin.rng.RandomStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bet and decision contract over every example model at several bets: the bets at the edges of the
 * model's limits open, settle and replay byte for byte with their choices; the fast path at a bet gives
 * the recorded round's figures; a bet outside the limits is refused before anything is drawn.
 */
class BetContractTest {
    /** Sample numbers for a bet on numbers, by bet name (roulette inside bets, keno tickets). */
    static final Map<String, List<Integer>> NUMBERS = Map.of(
            "straight", List.of(17), "split", List.of(17, 20), "street", List.of(1, 2, 3),
            "corner", List.of(1, 2, 4, 5), "six-line", List.of(1, 2, 3, 4, 5, 6), "trio", List.of(0, 1, 2),
            "first-four", List.of(0, 1, 2, 3), "five-number", List.of(0, 37, 1, 2, 3),
            "ticket", List.of(3, 17, 22, 41, 55, 68, 70));

    static Stream<Path> models() throws Exception {
        try (Stream<Path> files = Files.list(root().resolve("examples"))) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted().toList().stream();
        }
    }

    static Path root() {
        return java.nio.file.Paths.get(System.getProperty("fairspin.root", "..")).normalize();
    }

    static DrbgStream stream(int seed) {
        byte[] entropy = new byte[32];
        ByteBuffer.wrap(entropy).putInt(seed).putInt(0x12a);
        return new DrbgStream(DrbgMechanism.CTR_AES256.instantiate(entropy, new byte[16], null), 4096);
    }

    static Game load(Path file) throws Exception {
        return GameModels.load(file);
    }

    /** The standard bet and bets at the edges of each declared limit. */
    static List<Bet> bets(Game game) {
        BetLimits limits = game.betLimits();
        Bet standard = game.standardBet();
        List<Bet> bets = new ArrayList<>(List.of(standard));
        if (standard.isLineBet()) {
            BetLimits.Limit lines = limits.limit("lines");
            BetLimits.Limit lineBet = limits.limit("lineBet");
            BetLimits.Limit coins = limits.limit("coins");
            int[] lineCounts = lines == null ? new int[] {standard.lines()} : new int[] {(int) lines.min(), (int) lines.max()};
            long[] lineBets = lineBet == null ? new long[] {standard.lineBet()} : new long[] {lineBet.min(), lineBet.max()};
            int[] coinCounts = coins == null ? new int[] {standard.coins()} : new int[] {(int) coins.min(), (int) coins.max()};
            for (int l : lineCounts) {
                for (long b : lineBets) {
                    for (int c : coinCounts) {
                        bets.add(Bet.lines(l, b, c));
                    }
                }
            }
        } else {
            List<Wager> all = new ArrayList<>();
            for (Map.Entry<String, BetLimits.Limit> e : limits.limits().entrySet()) {
                if (e.getKey().equals("total")) {
                    continue;
                }
                List<Integer> numbers = NUMBERS.getOrDefault(e.getKey(), List.of());
                if (e.getKey().equals("five-number") && !game.id().contains("american")) {
                    continue;
                }
                Wager w = new Wager(e.getKey(), e.getValue().min(), numbers, new java.util.TreeMap<>());
                bets.add(Bet.wagers(w));
                all.add(w);
            }
            if (all.size() > 1) {
                bets.add(Bet.wagers(all.subList(0, Math.min(3, all.size()))));
            }
        }
        return bets;
    }

    @ParameterizedTest
    @MethodSource("models")
    void everyBetAtTheEdgesOfTheLimitsPlaysSettlesAndReplays(Path file) throws Exception {
        Game game = load(file);
        assertFalse(game.betLimits().standardOnly(), file + " declares betLimits");
        for (Bet bet : bets(game)) {
            game.checkBet(bet);
            Game at = game.at(bet);
            for (int seed = 0; seed < 20; seed++) {
                PlayedRound played;
                try (DrbgStream s = stream(seed)) {
                    played = game.playRecorded(bet, s);
                }
                assertEquals(bet, played.bet(), file + " " + bet);
                assertTrue(played.outcome().stake() >= game.stake(bet), file + " " + bet);
                PlayedRound again;
                try (DrbgStream s = stream(seed)) {
                    again = game.replay(played.bet(), played.choices(), s);
                }
                assertEquals(played.detail(), again.detail(), file + " " + bet + " seed " + seed);
                assertEquals(played.outcome().win(), again.outcome().win());
                assertEquals(played.outcome().stake(), again.outcome().stake());
                assertEquals(played.choices(), again.choices());
                RoundChoices logged = RoundChoices.fromJson(played.roundChoices().toJson());
                assertEquals(played.roundChoices(), logged);
                RoundOutcome fast = RoundOutcome.forGame(at);
                try (DrbgStream s = stream(seed)) {
                    game.play(bet, s, fast);
                }
                assertEquals(played.outcome().stake(), fast.stake(), file + " " + bet + " seed " + seed);
                assertEquals(played.outcome().win(), fast.win(), file + " " + bet + " seed " + seed);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("models")
    void aBetOutsideTheLimitsIsRefusedBeforeAnyDraw(Path file) throws Exception {
        Game game = load(file);
        Bet standard = game.standardBet();
        List<Bet> refused = new ArrayList<>();
        if (standard.isLineBet()) {
            refused.add(Bet.lines(standard.lines(), Long.MAX_VALUE / 1_000_000, standard.coins()));
            refused.add(Bet.lines(standard.lines(), standard.lineBet(), 99));
            refused.add(Bet.lines(1000, standard.lineBet(), standard.coins()));
            refused.add(Bet.wagers(Wager.of("red", 10)));
        } else {
            refused.add(Bet.wagers(Wager.of("no-such-bet", 10)));
            Wager first = standard.wagers().get(0);
            refused.add(Bet.wagers(new Wager(first.bet(), Long.MAX_VALUE / 1_000_000, first.numbers(), first.odds())));
            refused.add(Bet.lines(1, 1, 1));
        }
        for (Bet bet : refused) {
            CountingStream counting = new CountingStream();
            BetException e = assertThrows(BetException.class, () -> game.open(bet, counting), file + " " + bet);
            assertTrue(e.getMessage().startsWith("bet: $"), e.getMessage());
            assertEquals(0, counting.bytes, file + ": drew before refusing " + bet);
        }
    }

    /** A stream that counts the bytes drawn from it. */
    static final class CountingStream extends RandomStream {
        long bytes;

        CountingStream() {
            super(1);
        }

        @Override
        protected void nextBlock(byte[] destination, int offset) {
            bytes++;
            destination[offset] = (byte) bytes;
        }
    }
}
