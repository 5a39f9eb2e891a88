package io.fairspin.math;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.fairspin.rng.RandomStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every example model with an {@link OutcomeCheck}: rounds played from a stream and logged as the audit log logs
 * them (canonical JSON: members sorted, no whitespace) pass the check, on the bytes (the fast path) and on the
 * parsed tree alike, with the same award counts; the same rounds with a logged win one unit off are flagged.
 */
class OutcomeCheckTest {
    private static final ObjectMapper READ = new ObjectMapper();
    private static final ObjectMapper SORTED = new ObjectMapper()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    static Stream<Path> checkedModels() throws Exception {
        return BetContractTest.models().filter(f -> {
            try {
                return OutcomeCheck.of(GameModels.load(f)).isPresent();
            } catch (Exception e) {
                throw new IllegalStateException(f + ": " + e.getMessage(), e);
            }
        });
    }

    /** The canonical bytes of a round's detail, as the audit log's CanonicalJson writes them. */
    static byte[] canonical(String detail) throws Exception {
        return SORTED.writeValueAsBytes(READ.readValue(detail, Object.class));
    }

    @ParameterizedTest
    @MethodSource("checkedModels")
    void honestRoundsPassAndAWrongWinIsFlagged(Path file) throws Exception {
        Game game = GameModels.load(file);
        OutcomeCheck bytesCheck = OutcomeCheck.of(game).orElseThrow();
        OutcomeCheck treeCheck = OutcomeCheck.of(game).orElseThrow();
        int awards = bytesCheck.awards().size();
        long[] fromBytes = new long[awards];
        long[] fromTree = new long[awards];
        RandomStream stream = BetContractTest.stream(7);
        for (int i = 0; i < 2000; i++) {
            PlayedRound played = game.playRecorded(stream);
            byte[] logged = canonical(played.detail());
            long bet = played.outcome().stake();
            long win = played.outcome().win();
            String where = file.getFileName() + " round " + i + ": " + new String(logged, StandardCharsets.UTF_8);
            assertNull(bytesCheck.check(logged, bet, win, fromBytes), where);
            JsonNode tree = READ.readTree(logged);
            assertNull(treeCheck.check(tree, bet, win, fromTree), where);
            String wrong = bytesCheck.check(logged, bet, win + 1, new long[awards]);
            assertNotNull(wrong, where);
            assertTrue(wrong.startsWith("win: logged " + (win + 1)), wrong);
        }
        assertArrayEquals(fromTree, fromBytes, file.getFileName().toString());
        assertEquals(awards, bytesCheck.awardsPerRound().size());
    }
}
