package io.fairspin.math.table.poker;

import io.fairspin.math.table.Cards;
import io.fairspin.math.table.Field;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A draw-poker paytable: its lines in the model's order, each with its pay per coin at the maximum
 * bet, plus a final "nothing" line that pays 0; and the mapping from {@link PokerHands} classes to lines.
 */
final class VideoPokerPaytable {
    private static final String RANK_WORDS = "aces twos threes fours fives sixes sevens eights nines tens jacks queens kings";
    private static final Map<String, int[]> HANDS = Map.ofEntries(
            Map.entry("royal-flush", new int[] {PokerHands.ROYAL_FLUSH}),
            Map.entry("straight-flush", new int[] {PokerHands.STRAIGHT_FLUSH}),
            Map.entry("four-of-a-kind", new int[] {PokerHands.FOUR_ACES, PokerHands.FOUR_TWOS_TO_FOURS,
                PokerHands.FOUR_FIVES_TO_KINGS}),
            Map.entry("four-aces", new int[] {PokerHands.FOUR_ACES}),
            Map.entry("four-2-4", new int[] {PokerHands.FOUR_TWOS_TO_FOURS}),
            Map.entry("four-5-k", new int[] {PokerHands.FOUR_FIVES_TO_KINGS}),
            Map.entry("full-house", new int[] {PokerHands.FULL_HOUSE}),
            Map.entry("flush", new int[] {PokerHands.FLUSH}),
            Map.entry("straight", new int[] {PokerHands.STRAIGHT}),
            Map.entry("three-of-a-kind", new int[] {PokerHands.THREE_OF_A_KIND}),
            Map.entry("two-pair", new int[] {PokerHands.TWO_PAIR}),
            Map.entry("four-deuces", new int[] {PokerHands.FOUR_DEUCES}),
            Map.entry("wild-royal-flush", new int[] {PokerHands.WILD_ROYAL_FLUSH}),
            Map.entry("five-of-a-kind", new int[] {PokerHands.FIVE_OF_A_KIND}));

    private static final java.util.Set<String> WILD_ONLY = java.util.Set.of("four-deuces", "wild-royal-flush",
            "five-of-a-kind");

    private final List<String> names;
    private final long[] pays;
    private final int[] lineOfClass;
    private final int minimumPairHeight;
    private final String wild;

    private VideoPokerPaytable(List<String> names, long[] pays, int[] lineOfClass, int minimumPairHeight,
            String wild) {
        this.names = List.copyOf(names);
        this.pays = pays;
        this.lineOfClass = lineOfClass;
        this.minimumPairHeight = minimumPairHeight;
        this.wild = wild;
    }

    /**
     * Reads {@code [{"hand": "royal-flush", "pays": 800}, ...]}; the pair line is named
     * {@code "<rank>s-or-better"}, for example {@code "jacks-or-better"}. A specific four of a kind line
     * ({@code "four-aces"}) takes precedence over {@code "four-of-a-kind"}.
     */
    static VideoPokerPaytable read(Field field, String wild) {
        List<String> names = new ArrayList<>();
        List<Long> pays = new ArrayList<>();
        int[] lineOfClass = new int[PokerHands.CLASSES];
        Arrays.fill(lineOfClass, -1);
        int minimumPairHeight = Integer.MAX_VALUE;
        List<Field> lines = field.elements(1);
        lines.forEach(line -> line.allowOnly("hand", "pays"));
        for (int pass = 0; pass < 2; pass++) {
            for (int line = 0; line < lines.size(); line++) {
                Field hand = lines.get(line).get("hand");
                String name = hand.text();
                boolean generic = name.equals("four-of-a-kind");
                if ((pass == 0) == generic) {
                    continue;
                }
                if (wild.equals("none") && WILD_ONLY.contains(name) || !wild.equals("deuces") && name.equals("four-deuces")) {
                    throw hand.fail("\"" + name + "\" needs " + (name.equals("four-deuces") ? "wild deuces" : "a wild card")
                            + ": expected \"wild\": \"" + (name.equals("four-deuces") ? "deuces" : "deuces\" or \"joker")
                            + "\" in the model");
                }
                int[] classes = HANDS.get(name);
                if (classes == null) {
                    int pairHeight = pairHeight(name);
                    if (pairHeight < 0) {
                        throw hand.fail("unknown hand \"" + name + "\": expected one of " + String.join(", ",
                                new java.util.TreeSet<>(HANDS.keySet())) + " or a pair line such as jacks-or-better");
                    }
                    minimumPairHeight = pairHeight;
                    classes = new int[] {PokerHands.HIGH_PAIR};
                }
                for (int c : classes) {
                    if (lineOfClass[c] >= 0 && !generic) {
                        throw hand.fail("\"" + name + "\" appears twice: expected each hand once");
                    }
                    if (lineOfClass[c] < 0) {
                        lineOfClass[c] = line;
                    }
                }
            }
        }
        for (Field line : lines) {
            names.add(line.get("hand").text());
            pays.add(line.get("pays").integer(0, 1_000_000));
        }
        int nothing = names.size();
        names.add("nothing");
        pays.add(0L);
        for (int c = 0; c < lineOfClass.length; c++) {
            if (lineOfClass[c] < 0) {
                lineOfClass[c] = nothing;
            }
        }
        return new VideoPokerPaytable(names, pays.stream().mapToLong(Long::longValue).toArray(), lineOfClass,
                minimumPairHeight, wild);
    }

    /** The height of the lowest paying pair for a line named like "jacks-or-better", else -1. */
    private static int pairHeight(String name) {
        if (!name.endsWith("-or-better")) {
            return -1;
        }
        List<String> words = List.of(RANK_WORDS.split(" "));
        int rank = words.indexOf(name.substring(0, name.length() - "-or-better".length()));
        return rank < 0 ? -1 : PokerHands.height(rank);
    }

    /** 52 cards, or 53 with a joker. */
    int deckSize() {
        return wild.equals("joker") ? Cards.DECK + 1 : Cards.DECK;
    }

    int lineCount() {
        return names.size();
    }

    String name(int line) {
        return names.get(line);
    }

    long pays(int line) {
        return pays[line];
    }

    /** The line of the hand {@code a..e}. */
    int line(int a, int b, int c, int d, int e) {
        return lineOfClass[switch (wild) {
            case "deuces" -> PokerHands.classifyWild(a, b, c, d, e, minimumPairHeight, PokerHands.DEUCES_WILD);
            case "joker" -> PokerHands.classifyWild(a, b, c, d, e, minimumPairHeight, PokerHands.JOKER_WILD);
            default -> PokerHands.classify(a, b, c, d, e, minimumPairHeight);
        }];
    }
}
