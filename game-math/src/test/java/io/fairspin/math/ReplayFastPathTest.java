package io.fairspin.math;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fairspin.math.slot.cascades.CanonicalCascades;
import io.fairspin.math.slot.cascades.CascadeGame;
import io.fairspin.math.slot.respins.CanonicalHoldAndWin;
import io.fairspin.math.slot.respins.HoldAndWinGame;
import io.fairspin.rng.RandomStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link ReplayCheck}'s fast path ({@code CanonicalCascades}, {@code CanonicalHoldAndWin}: the draws read from the
 * bytes in canonical layout, or a hold-and-win round's base round checked in place as a line slot's, the round played
 * again compared byte for byte with its canonical form, made by hand) against its own tree path,
 * on every cascading and hold-and-win example, standard and bought rounds: honest rounds at the standard wager are all
 * accepted on the fast path (so a round played again is written in exactly the canonical bytes the log keeps, which
 * {@code OutcomeCheckTest.canonical} computes independently with Jackson's sorted maps), bought ones go to the tree,
 * and on tampered logged outcomes
 * (bytes changed at random, a draw altered, members reordered or duplicated, the win or the bet changed) both ways
 * return the same verdict, word for word, and the same award counts.
 */
class ReplayFastPathTest {
    private static final String PROPERTY = "fairspin.outcomeCheck.fastPath";

    static Stream<Path> replayedModels() throws Exception {
        Path examples = BetContractTest.root().resolve("examples");
        List<Path> models = new ArrayList<>();
        try (Stream<Path> files = Files.list(examples)) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".json")).sorted()::iterator) {
                Game game = GameModels.load(f);
                if (game instanceof CascadeGame || game instanceof HoldAndWinGame) {
                    models.add(f);
                }
            }
        }
        assertTrue(models.size() >= 5, models.toString());
        return models.stream();
    }

    static Stream<Path> cascadingModels() throws Exception {
        return modelsOf(CascadeGame.class, 2);
    }

    static Stream<Path> holdAndWinModels() throws Exception {
        return modelsOf(HoldAndWinGame.class, 1);
    }

    /** The replayed examples whose game is a {@code kind}: at least {@code atLeast} of them. */
    private static Stream<Path> modelsOf(Class<? extends Game> kind, int atLeast) throws Exception {
        List<Path> models = new ArrayList<>();
        for (Path f : (Iterable<Path>) replayedModels()::iterator) {
            if (kind.isInstance(GameModels.load(f))) {
                models.add(f);
            }
        }
        assertTrue(models.size() >= atLeast, models.toString());
        return models.stream();
    }

    private static ReplayCheck check(Game game, boolean fastPath) {
        String before = System.getProperty(PROPERTY);
        System.setProperty(PROPERTY, Boolean.toString(fastPath));
        try {
            return (ReplayCheck) OutcomeCheck.of(game).orElseThrow();
        } finally {
            if (before == null) {
                System.clearProperty(PROPERTY);
            } else {
                System.setProperty(PROPERTY, before);
            }
        }
    }

    /** A logged round: its canonical outcome bytes, its choices' bytes, bet and win. */
    private record Logged(byte[] outcome, byte[] choices, long bet, long win) {
        Logged with(byte[] changed) {
            return new Logged(changed, choices, bet, win);
        }
    }

    /** Rounds played from a seeded stream: the standard wager's, then bought ones where the model sells a buy. */
    private static List<Logged> rounds(Game game, int count) throws Exception {
        List<Logged> rounds = new ArrayList<>();
        RandomStream stream = BetContractTest.stream(11);
        Bet buy = game.standardBet().withBonusBuy();
        boolean sells = sellsBuy(game);
        for (int i = 0; i < count; i++) {
            boolean bought = sells && i % 4 == 3;
            PlayedRound played = bought ? game.playRecorded(buy, stream) : game.playRecorded(stream);
            byte[] choices = bought ? played.roundChoices().toJson().getBytes(StandardCharsets.UTF_8) : new byte[0];
            rounds.add(new Logged(OutcomeCheckTest.canonical(played.detail()), choices, played.outcome().stake(),
                    played.outcome().win()));
        }
        return rounds;
    }

    /** Of {@link #rounds}, those at the standard wager (no player choices). */
    private static List<Logged> standardRounds(Game game, int count) throws Exception {
        List<Logged> standard = new ArrayList<>();
        for (Logged logged : rounds(game, count)) {
            if (logged.choices().length == 0) {
                standard.add(logged);
            }
        }
        return standard;
    }

    private static boolean sellsBuy(Game game) {
        try {
            game.at(game.standardBet().withBonusBuy());
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String verdict(ReplayCheck check, Logged logged, long[] awards) {
        return check.check(logged.outcome(), logged.choices(), logged.bet(), logged.win(), awards);
    }

    /** Both ways give the same verdict and award counts for {@code logged}; returns the verdict. */
    private static String same(ReplayCheck fast, ReplayCheck slow, Logged logged, String what) {
        long[] a = new long[fast.awards().size()];
        long[] b = new long[fast.awards().size()];
        String onTree = verdict(slow, logged, b);
        String either = verdict(fast, logged, a);
        String where = what + ": " + new String(logged.outcome(), StandardCharsets.UTF_8);
        assertEquals(onTree, either, where);
        assertArrayEquals(b, a, where);
        return either;
    }

    @ParameterizedTest
    @MethodSource("replayedModels")
    void honestRoundsAreAllAcceptedOnTheFastPath(Path file) throws Exception {
        Game game = GameModels.load(file);
        ReplayCheck fast = check(game, true);
        ReplayCheck slow = check(game, false);
        long[] fastAwards = new long[fast.awards().size()];
        long[] slowAwards = new long[fast.awards().size()];
        int bought = 0;
        for (Logged logged : rounds(game, 1200)) {
            String where = file.getFileName() + ": " + new String(logged.outcome(), StandardCharsets.UTF_8);
            long[] counted = new long[fast.awards().size()];
            boolean standard = logged.choices().length == 0;
            assertEquals(standard, fast.checkedFast(logged.outcome(), logged.choices(), logged.bet(), logged.win(),
                    counted), where);
            assertEquals(null, verdict(fast, logged, fastAwards), where);
            assertEquals(null, verdict(slow, logged, slowAwards), where);
            assertFalse(slow.checkedFast(logged.outcome(), logged.choices(), logged.bet(), logged.win(), counted));
            bought += logged.choices().length > 0 ? 1 : 0;
        }
        assertArrayEquals(slowAwards, fastAwards, file.getFileName().toString());
        if (!fast.awards().isEmpty()) {
            assertTrue(java.util.Arrays.stream(fastAwards).sum() > 0, file.getFileName() + ": no award counted");
        }
        assertEquals(sellsBuy(game), bought > 0, file.getFileName() + ": bought rounds");
    }

    /**
     * A hold-and-win round that neither collects nor starts the feature nor reaches the cap (most rounds) is accepted on
     * the direct path ({@code DirectSlotRound} over its base round, no JSON parser and no record built), every other
     * honest round at the standard wager on the way after it; the tampering tests below hold for both ways.
     */
    @ParameterizedTest
    @MethodSource("holdAndWinModels")
    void holdAndWinRoundsWithoutTheFeatureAreAcceptedOnTheDirectPath(Path file) throws Exception {
        HoldAndWinGame game = (HoldAndWinGame) GameModels.load(file);
        CanonicalHoldAndWin canonical = new CanonicalHoldAndWin(game);
        long[] awards = new long[game.awards().size()];
        int plain = 0;
        for (Logged logged : standardRounds(game, 1200)) {
            String text = new String(logged.outcome(), StandardCharsets.UTF_8);
            plain += text.contains("\"holdAndWin\":null") && !text.contains("\"collect\":{")
                    && !text.contains("maxWinReached") ? 1 : 0;
            assertTrue(canonical.accepts(logged.outcome(), logged.bet(), logged.win(), awards), text);
        }
        assertTrue(plain > 800, file.getFileName() + ": " + plain);
        assertEquals(plain, canonical.directRounds(), file.getFileName().toString());
    }

    private static final Pattern BASE_WIN = Pattern.compile("\"win\":([0-9]+)}$");

    /**
     * A hold-and-win round that collects or starts the feature, logged as if it had not: its base round as logged, then
     * the end of a round without the feature ({@code "holdAndWin":null}, the stake, the base round's win), the win
     * logged so. The direct path must not accept it (its base window starts the feature or the collect), and both ways
     * flag it alike.
     */
    @ParameterizedTest
    @MethodSource("holdAndWinModels")
    void aFeatureRoundLoggedWithoutItsFeatureIsFlagged(Path file) throws Exception {
        Game game = GameModels.load(file);
        ReplayCheck fast = check(game, true);
        ReplayCheck slow = check(game, false);
        int featured = 0;
        for (Logged logged : rounds(game, 1200)) {
            String text = new String(logged.outcome(), StandardCharsets.UTF_8);
            int baseEnd = text.indexOf(",\"collect\":{");
            baseEnd = baseEnd >= 0 ? baseEnd : text.indexOf(",\"holdAndWin\":{");
            if (logged.choices().length > 0 || baseEnd < 0) {
                continue;
            }
            String base = text.substring(0, baseEnd);
            Matcher win = BASE_WIN.matcher(base);
            assertTrue(win.find(), base);
            long baseWin = Long.parseLong(win.group(1));
            byte[] without = (base + ",\"holdAndWin\":null,\"stake\":" + logged.bet() + ",\"win\":" + baseWin + "}")
                    .getBytes(StandardCharsets.UTF_8);
            Logged changed = new Logged(without, logged.choices(), logged.bet(), baseWin);
            assertFalse(fast.checkedFast(changed.outcome(), changed.choices(), changed.bet(), changed.win(),
                    new long[fast.awards().size()]), text);
            assertNotNull(same(fast, slow, changed, "the feature removed"));
            featured++;
        }
        assertTrue(featured >= 5, file.getFileName() + ": " + featured);
    }

    /**
     * A cascading round of one spin has its draws read from the end of its bytes (no cascade passed over to reach
     * them), and is still accepted only when every byte from the first is the round played again: with another round's
     * spins put before its own, or (a round with free games) its last spin relabelled a base spin, it is not accepted on
     * the fast path and gets the tree's verdict.
     */
    @ParameterizedTest
    @MethodSource("cascadingModels")
    void oneSpinCascadingRoundsAreReadFromTheEndAndComparedWhole(Path file) throws Exception {
        Game game = GameModels.load(file);
        ReplayCheck fast = check(game, true);
        ReplayCheck slow = check(game, false);
        CanonicalCascades canonical = new CanonicalCascades((CascadeGame) game);
        int oneSpin = 0;
        int withFreeGames = 0;
        String previousSpins = null;
        for (Logged logged : standardRounds(game, 600)) {
            String text = new String(logged.outcome(), StandardCharsets.UTF_8);
            assertTrue(canonical.accepts(logged.outcome(), logged.bet(), logged.win()), text);
            boolean one = text.indexOf("\"kind\":") == text.lastIndexOf("\"kind\":");
            oneSpin += one ? 1 : 0;
            List<String> variants = new ArrayList<>();
            int spins = text.indexOf("\"spins\":[") + "\"spins\":[".length();
            if (previousSpins != null) {
                variants.add(text.substring(0, spins) + previousSpins + "," + text.substring(spins));
            }
            int lastKind = text.lastIndexOf("\"kind\":\"free\"");
            if (lastKind >= 0) {
                withFreeGames++;
                variants.add(text.substring(0, lastKind) + "\"kind\":\"base\""
                        + text.substring(lastKind + "\"kind\":\"free\"".length()));
            }
            for (String variant : variants) {
                Logged changed = logged.with(variant.getBytes(StandardCharsets.UTF_8));
                assertFalse(fast.checkedFast(changed.outcome(), changed.choices(), changed.bet(), changed.win(),
                        new long[fast.awards().size()]), variant);
                assertNotNull(same(fast, slow, changed, "spins put before, or relabelled"));
            }
            previousSpins = text.substring(spins, text.lastIndexOf("],\"stake\":"));
        }
        assertTrue(oneSpin > 300, file.getFileName() + ": " + oneSpin);
        assertTrue(withFreeGames > 0, file.getFileName() + ": no round with free games");
        assertEquals(oneSpin, canonical.roundsReadFromTheEnd(), file.getFileName().toString());
    }

    /**
     * Bytes changed at random (a digit, a letter, a quote, a bracket), every logged stop moved by one, the win or the
     * bet changed: the same verdicts both ways, and nearly all of them flagged, so the comparison is not vacuous.
     */
    @ParameterizedTest
    @MethodSource("replayedModels")
    void tamperedOutcomesGetTheSameVerdictOnBothPaths(Path file) throws Exception {
        Game game = GameModels.load(file);
        ReplayCheck fast = check(game, true);
        ReplayCheck slow = check(game, false);
        SplittableRandom random = new SplittableRandom(23);
        byte[] alphabet = "0123456789\"[]{},:abcxyz- ".getBytes(StandardCharsets.US_ASCII);
        int changes = 0;
        int flagged = 0;
        int moved = 0;
        for (Logged logged : rounds(game, 200)) {
            for (int k = 0; k < 10; k++) {
                byte[] changed = logged.outcome().clone();
                int at = random.nextInt(changed.length);
                byte to = alphabet[random.nextInt(alphabet.length)];
                if (changed[at] == to) {
                    continue;
                }
                changed[at] = to;
                changes++;
                flagged += same(fast, slow, logged.with(changed), "byte " + at) != null ? 1 : 0;
            }
            for (byte[] stopMoved : stopsMoved(logged.outcome())) {
                moved++;
                assertNotNull(same(fast, slow, logged.with(stopMoved), "a stop moved"));
            }
            assertNotNull(same(fast, slow, new Logged(logged.outcome(), logged.choices(), logged.bet(), logged.win() + 1),
                    "the win raised"));
            assertNotNull(same(fast, slow, new Logged(logged.outcome(), logged.choices(), logged.bet() + 1, logged.win()),
                    "the bet raised"));
        }
        assertTrue(flagged > changes * 9 / 10, file.getFileName() + ": " + flagged + " of " + changes + " flagged");
        assertTrue(moved > 200, file.getFileName() + ": " + moved);
    }

    private static final Pattern STOPS = Pattern.compile("\"stops\":\\[([0-9,]*)\\]");
    private static final Pattern VALUE = Pattern.compile("\"value\":([0-9]+)");

    /** The outcome with each logged stop (and coin value) in turn one higher, the rest of its bytes as logged. */
    private static List<byte[]> stopsMoved(byte[] outcome) {
        String text = new String(outcome, StandardCharsets.UTF_8);
        List<byte[]> changed = new ArrayList<>();
        for (Pattern p : List.of(STOPS, VALUE)) {
            Matcher m = p.matcher(text);
            while (m.find()) {
                int start = m.start(1);
                int end = start;
                while (end < m.end(1)) {
                    int digitsEnd = end;
                    while (digitsEnd < m.end(1) && text.charAt(digitsEnd) != ',') {
                        digitsEnd++;
                    }
                    long value = Long.parseLong(text.substring(end, digitsEnd));
                    changed.add((text.substring(0, end) + (value + 1) + text.substring(digitsEnd))
                            .getBytes(StandardCharsets.UTF_8));
                    end = digitsEnd + 1;
                }
            }
        }
        return changed;
    }

    /**
     * Members reordered (the first two of the outcome swapped: the same tree, other bytes), a member duplicated with
     * another value before or after it (a tree keeps the last), a stop's array repeated: the same verdicts both ways,
     * and none of these accepted on the fast path, whose byte comparison sends them to the tree.
     */
    @ParameterizedTest
    @MethodSource("replayedModels")
    void reorderedAndDuplicatedMembersGoToTheTree(Path file) throws Exception {
        Game game = GameModels.load(file);
        ReplayCheck fast = check(game, true);
        ReplayCheck slow = check(game, false);
        for (Logged logged : rounds(game, 100)) {
            String text = new String(logged.outcome(), StandardCharsets.UTF_8);
            List<String> variants = new ArrayList<>();
            variants.add(swapFirstTwoMembers(text));
            Matcher stops = STOPS.matcher(text);
            if (stops.find()) {
                String member = stops.group();
                String other = "\"stops\":[" + stops.group(1).replaceAll("[0-9]+", "0") + "]";
                variants.add(text.replace(member, other + "," + member));
                variants.add(text.replace(member, member + "," + other));
            }
            variants.add(text.replaceFirst("\"win\":([0-9]+)", "\"win\":$1,\"win\":$1"));
            variants.add(text.replaceFirst("\"win\":([0-9]+)}$", "\"win\":999999}"));
            for (String variant : variants) {
                Logged changed = logged.with(variant.getBytes(StandardCharsets.UTF_8));
                if (!variant.equals(text)) {
                    assertFalse(fast.checkedFast(changed.outcome(), changed.choices(), changed.bet(), changed.win(),
                            new long[fast.awards().size()]), variant);
                }
                same(fast, slow, changed, "reordered or duplicated");
            }
        }
    }

    /** The outcome with its first two members in the other order. */
    private static String swapFirstTwoMembers(String text) {
        int depth = 0;
        int firstEnd = -1;
        boolean inString = false;
        for (int i = 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                inString = !inString;
            } else if (!inString && (c == '{' || c == '[')) {
                depth++;
            } else if (!inString && (c == '}' || c == ']')) {
                depth--;
            } else if (!inString && depth == 0 && c == ',') {
                if (firstEnd < 0) {
                    firstEnd = i;
                } else {
                    return "{" + text.substring(firstEnd + 1, i) + "," + text.substring(1, firstEnd) + text.substring(i);
                }
            }
        }
        return text;
    }
}
