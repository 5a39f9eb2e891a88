package io.fairspin.math.table.poker;

import io.fairspin.math.Fraction;
import io.fairspin.math.table.Cards;
import io.fairspin.math.table.Field;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A draw-poker paytable at one number of coins: its lines in the model's order, each with what it pays for those
 * coins (the row's {@code pays} per coin times the coins, or its {@code coinPays} for that many coins), plus a final
 * "nothing" line that pays 0; and the mapping from {@link PokerHands} classes to lines.
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

    /** Coin counts a {@code coinPays} key may name. */
    static final int MAX_COINS = 100;
    private static final long MAX_PAY = 1_000_000;

    private final List<String> names;
    /** What each line pays for {@link #coins} coins, in coins. */
    private final long[] pays;
    private final int coins;
    private final int[] lineOfClass;
    private final int minimumPairHeight;
    private final String wild;

    private VideoPokerPaytable(List<String> names, long[] pays, int coins, int[] lineOfClass, int minimumPairHeight,
            String wild) {
        this.names = List.copyOf(names);
        this.pays = pays;
        this.coins = coins;
        this.lineOfClass = lineOfClass;
        this.minimumPairHeight = minimumPairHeight;
        this.wild = wild;
    }

    /**
     * Reads {@code [{"hand": "royal-flush", "pays": 800}, ...]}; the pair line is named
     * {@code "<rank>s-or-better"}, for example {@code "jacks-or-better"}. A specific four of a kind line
     * ({@code "four-aces"}) takes precedence over {@code "four-of-a-kind"}. A row pays {@code pays} per coin at any
     * number of coins except those its {@code "coinPays": {"5": 4000}} names, where it pays that many coins.
     *
     * @param coins the coins of the bet being read
     */
    static VideoPokerPaytable read(Field field, String wild, int coins) {
        List<String> names = new ArrayList<>();
        List<Long> pays = new ArrayList<>();
        int[] lineOfClass = new int[PokerHands.CLASSES];
        Arrays.fill(lineOfClass, -1);
        int minimumPairHeight = Integer.MAX_VALUE;
        List<Field> lines = field.elements(1);
        lines.forEach(line -> line.allowOnly("hand", "pays", "coinPays"));
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
            long perCoin = line.get("pays").integer(0, MAX_PAY);
            Field coinPay = coinPays(line).get(coins);
            pays.add(coinPay != null ? coinPay.integer(1, MAX_PAY * MAX_COINS) : perCoin * coins);
        }
        int nothing = names.size();
        names.add("nothing");
        pays.add(0L);
        for (int c = 0; c < lineOfClass.length; c++) {
            if (lineOfClass[c] < 0) {
                lineOfClass[c] = nothing;
            }
        }
        return new VideoPokerPaytable(names, pays.stream().mapToLong(Long::longValue).toArray(), coins, lineOfClass,
                minimumPairHeight, wild);
    }

    /**
     * A paytable row's {@code coinPays} by number of coins (empty without one): each key a number of coins from 1
     * to {@value #MAX_COINS}, each value what the row pays for that many coins, a positive integer (checked when
     * the row is read at that number of coins).
     */
    static Map<Integer, Field> coinPays(Field row) {
        Field byCoins = row.get("coinPays");
        if (!byCoins.present()) {
            return Map.of();
        }
        Map<Integer, Field> out = new java.util.TreeMap<>();
        Map<String, Field> members = byCoins.members();
        if (members.isEmpty()) {
            throw byCoins.fail("expected the pay for at least one number of coins, e.g. {\"5\": 4000}");
        }
        for (Map.Entry<String, Field> e : members.entrySet()) {
            if (!e.getKey().matches("[1-9][0-9]{0,2}") || Integer.parseInt(e.getKey()) > MAX_COINS) {
                throw e.getValue().fail("expected a number of coins from 1 to " + MAX_COINS + " as the key, was \""
                        + e.getKey() + "\"");
            }
            e.getValue().integer(1, MAX_PAY * MAX_COINS);
            out.put(Integer.parseInt(e.getKey()), e.getValue());
        }
        return out;
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

    /** What {@code line} pays for the coins of the bet, in coins (the hold analysis's integer pays). */
    long pays(int line) {
        return pays[line];
    }

    /** What {@code line} pays per coin staked: {@link #pays(int)} over the coins (a fraction with coin pays). */
    Fraction perCoin(int line) {
        return Fraction.of(pays[line], coins);
    }

    /** The pays per coin staked of every line: two paytables with the same ones have the same optimal holds. */
    List<Fraction> perCoin() {
        return java.util.stream.IntStream.range(0, pays.length).mapToObj(this::perCoin).toList();
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
