package io.fairspin.math.slot.evaluation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.fairspin.math.GameModels;
import io.fairspin.math.PlayedRound;
import io.fairspin.math.slot.SlotGame;
import io.fairspin.math.slot.SpinResult;
import io.fairspin.rng.DrbgMechanism;
import io.fairspin.rng.DrbgStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The slot check's fast path ({@link CanonicalSpins}: inputs scanned from the bytes, the round written again by hand)
 * against an independent writer and against the check's own slow path (the parsed tree), on every slot example:
 * the hand-written bytes of each round are the bytes Jackson writes for its detail with members sorted (what the
 * audit log keeps), the fast path accepts every round it can (no bonus round, fixed heights), and on logged
 * outcomes changed byte by byte the fast and the slow path return the same verdict, word for word.
 */
class LoggedSpinFastPathTest {
    private static final ObjectMapper READ = new ObjectMapper();
    private static final ObjectMapper SORTED = new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    static Stream<Path> slotModels() throws Exception {
        Path examples = Path.of(System.getProperty("fairspin.root", "..")).normalize().resolve("examples");
        List<Path> slots = new ArrayList<>();
        try (Stream<Path> files = Files.list(examples)) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".json")).sorted()::iterator) {
                if (GameModels.load(f) instanceof SlotGame) {
                    slots.add(f);
                }
            }
        }
        return slots.stream();
    }

    private static DrbgStream stream(int seed) {
        byte[] entropy = new byte[32];
        ByteBuffer.wrap(entropy).putInt(seed).putInt(0x17c);
        return new DrbgStream(DrbgMechanism.CTR_AES256.instantiate(entropy, new byte[16], null), 4096);
    }

    private static byte[] canonical(String detail) throws Exception {
        return SORTED.writeValueAsBytes(READ.readValue(detail, Object.class));
    }

    private static LoggedSpinCheck slowCheck(SlotGame game) {
        String before = System.getProperty(io.fairspin.math.OutcomeCheck.FAST_PATH_PROPERTY);
        System.setProperty(io.fairspin.math.OutcomeCheck.FAST_PATH_PROPERTY, "false");
        try {
            return new LoggedSpinCheck(game);
        } finally {
            if (before == null) {
                System.clearProperty(io.fairspin.math.OutcomeCheck.FAST_PATH_PROPERTY);
            } else {
                System.setProperty(io.fairspin.math.OutcomeCheck.FAST_PATH_PROPERTY, before);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("slotModels")
    void handWrittenBytesAreTheCanonicalBytesAndTheFastPathIsTaken(Path file) throws Exception {
        SlotGame game = (SlotGame) GameModels.load(file);
        LoggedSpinCheck fast = new LoggedSpinCheck(game);
        LoggedSpinCheck slow = slowCheck(game);
        long[] fastAwards = new long[fast.awards().size()];
        long[] slowAwards = new long[fast.awards().size()];
        DrbgStream stream = stream(3);
        long eligible = 0;
        for (int i = 0; i < 3000; i++) {
            PlayedRound played = game.playRecorded(stream);
            byte[] logged = canonical(played.detail());
            SpinResult round = READ.readValue(played.detail(), SpinResult.class);
            String where = file.getFileName() + " round " + i + ": " + new String(logged, StandardCharsets.UTF_8);
            assertArrayEquals(logged, fast.canonicalBytes(round), where);
            long bet = played.outcome().stake();
            long win = played.outcome().win();
            assertEquals(null, fast.check(logged, bet, win, fastAwards), where);
            assertEquals(null, slow.check(logged, bet, win, slowAwards), where);
            boolean bonuses = round.spins().stream().anyMatch(s -> !s.bonuses().isEmpty());
            if (!bonuses && !randomHeights(game)) {
                eligible++;
            }
        }
        assertArrayEquals(slowAwards, fastAwards, file.getFileName().toString());
        assertEquals(eligible, fast.fastRounds(), file.getFileName() + ": rounds the fast path should have taken");
        // Of those, a line game's are all accepted on the direct path (written from the integer window): its bytes are
        // the logged bytes, which the assertion above shows are Jackson's for the described round.
        assertEquals(game.model.ways() ? 0 : eligible, fast.directRounds(), file.getFileName() + ": direct rounds");
        assertEquals(0, slow.fastRounds());
        if (!randomHeights(game)) {
            assertTrue(eligible > 1000, file.getFileName() + ": " + eligible);
        }
    }

    private static boolean randomHeights(SlotGame game) {
        for (CompiledReels reels : game.reelSets) {
            if (reels.randomHeights()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Logged outcomes changed at random bytes (a digit, a letter, a quote, a bracket) and with their win moved: the
     * fast path returns exactly what the slow path returns (null or the same message). A changed outcome that still
     * evaluates to a round (a stop moved within its strip) must then differ from its logged window or wins, so it is
     * flagged by both.
     */
    @ParameterizedTest
    @MethodSource("slotModels")
    void tamperedOutcomesGetTheSameVerdictOnBothPaths(Path file) throws Exception {
        SlotGame game = (SlotGame) GameModels.load(file);
        LoggedSpinCheck fast = new LoggedSpinCheck(game);
        LoggedSpinCheck slow = slowCheck(game);
        int awards = fast.awards().size();
        DrbgStream stream = stream(5);
        SplittableRandom random = new SplittableRandom(17);
        byte[] alphabet = "0123456789\"[]{},:abcxyz- ".getBytes(StandardCharsets.US_ASCII);
        int flagged = 0;
        int changes = 0;
        for (int i = 0; i < 300; i++) {
            PlayedRound played = game.playRecorded(stream);
            byte[] logged = canonical(played.detail());
            long bet = played.outcome().stake();
            long win = played.outcome().win();
            for (int k = 0; k < 10; k++) {
                byte[] changed = logged.clone();
                int at = random.nextInt(changed.length);
                byte to = alphabet[random.nextInt(alphabet.length)];
                if (changed[at] == to) {
                    continue;
                }
                changed[at] = to;
                changes++;
                long[] a = new long[awards];
                long[] b = new long[awards];
                String fastVerdict = fast.check(changed, bet, win, a);
                String slowVerdict = slow.check(changed, bet, win, b);
                assertEquals(slowVerdict, fastVerdict, file.getFileName() + ": " + new String(changed,
                        StandardCharsets.UTF_8));
                assertArrayEquals(b, a);
                if (fastVerdict != null) {
                    flagged++;
                }
            }
            String wrongWin = fast.check(logged, bet, win + 1, new long[awards]);
            assertEquals(slow.check(logged, bet, win + 1, new long[awards]), wrongWin);
            assertNotNull(wrongWin);
            String wrongBet = fast.check(logged, bet + 1, win, new long[awards]);
            assertEquals(slow.check(logged, bet + 1, win, new long[awards]), wrongBet);
            assertNotNull(wrongBet);
        }
        // Nearly every one-byte change breaks the JSON or a field: the comparison above is not vacuous.
        assertTrue(flagged > changes * 9 / 10, file.getFileName() + ": " + flagged + " of " + changes + " flagged");
        Objects.requireNonNull(game);
    }
}
