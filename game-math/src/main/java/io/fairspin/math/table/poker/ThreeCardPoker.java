package io.fairspin.math.table.poker;

import com.fasterxml.jackson.databind.JsonNode;
import io.fairspin.math.table.BetAnalysis;
import io.fairspin.math.table.Cards;
import io.fairspin.math.table.Dealer;
import io.fairspin.math.table.Distribution;
import io.fairspin.math.table.Field;
import io.fairspin.math.table.Payout;
import io.fairspin.math.table.StandardWager;
import io.fairspin.math.table.TableGame;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fairspin.math.LoggedDraws;
import io.fairspin.math.AnalysisReport;
import io.fairspin.math.AnalysisReport.Cell;
import io.fairspin.math.Fraction;
import io.fairspin.math.RoundOutcome;
import io.fairspin.rng.RandomStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Three Card Poker: ante and play (the player raises with a minimum hand, Q-6-4 by default; the dealer
 * qualifies with queen high), the ante bonus and pair plus, each with any paytable.
 *
 * <p>A round deals six cards from a freshly shuffled deck ({@link Dealer}): the player's three, then
 * the dealer's three (dealt even when the player folds, so every round draws the same).
 */
public final class ThreeCardPoker extends TableGame {
    /** Dealer results, the last part of an outcome key. */
    private static final int NOT_QUALIFIED = 0;
    private static final int PLAYER_WINS = 1;
    private static final int TIE = 2;
    private static final int DEALER_WINS = 3;
    private static final int KEYS = ThreeCardHands.CATEGORIES.size() * 2 * 4;
    private static final String RANKS = "A23456789TJQK";

    private final int raiseWith;
    private final int dealerQualifies;
    private final long[] anteBonus;
    private final long[] pairPlus;
    private final StandardWager wager;
    private volatile long[] combinations;

    private ThreeCardPoker(String id, String name, Field root) {
        super(id, name);
        this.raiseWith = minimumHand(root.get("raiseWith"), "Q-6-4");
        this.dealerQualifies = minimumHand(root.get("dealerQualifies"), "Q-2-3");
        this.anteBonus = paytable(root.get("anteBonus"), new long[] {0, 0, 0, 1, 4, 5});
        this.pairPlus = paytable(root.get("pairPlus"), new long[] {0, 1, 4, 6, 30, 40});
        StandardWager.Builder builder = StandardWager.over(KEYS);
        for (Field item : root.get("standardWager").elements(1)) {
            item.allowOnly("bet", "amount");
            String bet = item.get("bet").choice(null, "ante", "pair-plus");
            builder.bet(bet, item.get("amount").integer(1, Long.MAX_VALUE / 4096), payouts(bet), item.get("amount"));
        }
        this.wager = builder.build();
    }

    /**
     * Reads a model of type {@code "three-card-poker"}.
     *
     * @param root the model document's root
     * @return the game
     */
    public static ThreeCardPoker read(Field root) {
        root.allowOnly("type", "id", "name", "raiseWith", "dealerQualifies", "anteBonus", "pairPlus", "standardWager");
        String id = root.get("id").text();
        return new ThreeCardPoker(id, root.get("name").text(id), root);
    }

    /** A high-card hand written as ranks, highest first: "Q-6-4". */
    private static int minimumHand(Field field, String fallback) {
        String text = field.text(fallback);
        String[] parts = text.split("-");
        int[] heights = new int[3];
        for (int i = 0; i < parts.length && i < 3; i++) {
            int rank = parts[i].length() == 1 ? RANKS.indexOf(parts[i].charAt(0)) : -1;
            if (rank < 0 || parts.length != 3) {
                throw field.fail("expected three ranks highest first, such as \"Q-6-4\", was \"" + text + "\"");
            }
            heights[i] = PokerHands.height(rank);
        }
        return ThreeCardHands.highCard(heights[0], heights[1], heights[2]);
    }

    /** Pays per category, {@code {"straight-flush": 40, ...}}; categories not named pay nothing. */
    private static long[] paytable(Field field, long[] fallback) {
        if (!field.present()) {
            return fallback;
        }
        long[] pays = new long[ThreeCardHands.CATEGORIES.size()];
        field.members().forEach((hand, pay) -> {
            int category = ThreeCardHands.CATEGORIES.indexOf(hand);
            if (category < 0) {
                throw pay.fail("unknown hand: expected one of " + String.join(", ", ThreeCardHands.CATEGORIES));
            }
            pays[category] = pay.integer(0, 10_000);
        });
        return pays;
    }

    private static int key(int category, boolean raised, int dealerResult) {
        return (category * 2 + (raised ? 1 : 0)) * 4 + dealerResult;
    }

    private Payout[] payouts(String bet) {
        Payout[] out = new Payout[KEYS];
        for (int key = 0; key < KEYS; key++) {
            int category = key / 8;
            boolean raised = (key / 4 & 1) == 1;
            int result = key & 3;
            out[key] = bet.equals("pair-plus") ? pairPlus(category) : antePlay(category, raised, result);
        }
        return out;
    }

    private Payout pairPlus(int category) {
        return pairPlus[category] > 0 ? Payout.win(pairPlus[category]) : Payout.LOSS;
    }

    /** Ante and play per unit of ante: a fold loses the ante; a raise stakes 2 and earns the ante bonus. */
    private Payout antePlay(int category, boolean raised, int result) {
        if (!raised) {
            return Payout.LOSS;
        }
        long returned = switch (result) {
            case NOT_QUALIFIED -> 3;
            case PLAYER_WINS -> 4;
            case TIE -> 2;
            default -> 0;
        };
        return new Payout(Fraction.of(2), Fraction.of(returned + anteBonus[category]));
    }

    private int dealerResult(int player, int dealer) {
        if (dealer < dealerQualifies) {
            return NOT_QUALIFIED;
        }
        return player > dealer ? PLAYER_WINS : player == dealer ? TIE : DEALER_WINS;
    }

    /** The number of (player hand, dealer hand) deals, of 22100 x 18424, giving each outcome key. */
    private long[] combinations() {
        long[] known = combinations;
        if (known == null) {
            known = new long[KEYS];
            List<int[]> hands = ThreeCardDeals.all();
            for (int[] player : ThreeCardDeals.suitClasses()) {
                int strength = ThreeCardHands.strength(player[0], player[1], player[2]);
                boolean raised = strength >= raiseWith;
                long playerMask = 1L << player[0] | 1L << player[1] | 1L << player[2];
                for (int[] dealer : hands) {
                    if ((ThreeCardDeals.mask(dealer) & playerMask) == 0) {
                        int result = dealerResult(strength, dealer[5]);
                        known[key(ThreeCardHands.category(strength), raised, result)] += player[3];
                    }
                }
            }
            combinations = known;
        }
        return known;
    }

    @Override
    protected int shoeSize() {
        return Cards.DECK;
    }

    @Override
    protected Fraction[] outcomeProbabilities() {
        return Distribution.proportions(combinations(), java.math.BigInteger.valueOf(22100L * 18424L));
    }

    @Override
    protected StandardWager wager() {
        return wager;
    }

    @Override
    protected void playRound(RandomStream stream, RoundOutcome outcome, ObjectNode detail) {
        Dealer dealer = freshShoe();
        int p1 = dealer.next(stream);
        int p2 = dealer.next(stream);
        int p3 = dealer.next(stream);
        int d1 = dealer.next(stream);
        int d2 = dealer.next(stream);
        int d3 = dealer.next(stream);
        int player = ThreeCardHands.strength(p1, p2, p3);
        int house = ThreeCardHands.strength(d1, d2, d3);
        boolean raised = player >= raiseWith;
        int key = key(ThreeCardHands.category(player), raised, dealerResult(player, house));
        wager.settle(key, outcome);
        if (detail != null) {
            detail.putArray("player").add(Cards.name(p1)).add(Cards.name(p2)).add(Cards.name(p3));
            detail.putArray("dealer").add(Cards.name(d1)).add(Cards.name(d2)).add(Cards.name(d3));
            detail.put("playerHand", ThreeCardHands.CATEGORIES.get(ThreeCardHands.category(player)))
                    .put("raised", raised).put("dealerQualified", house >= dealerQualifies);
            wager.describe(detail, key);
        }
    }

    /** The player's three cards, then the dealer's. */
    @Override
    protected LoggedDraws loggedDraws(JsonNode outcome) {
        LoggedDraws draws = new LoggedDraws();
        cards(draws, outcome, "player", 0, 3);
        cards(draws, outcome, "dealer", 0, 3);
        return draws;
    }

    @Override
    protected List<BetAnalysis> bets() {
        Fraction[] p = outcomeProbabilities();
        return List.of(new BetAnalysis("ante and play", "1:1 each, ante bonus " + pays(anteBonus),
                        Distribution.over(p, payouts("ante"))),
                new BetAnalysis("pair plus", pays(pairPlus), Distribution.over(p, payouts("pair-plus"))));
    }

    private static String pays(long[] table) {
        List<String> parts = new ArrayList<>();
        for (int c = table.length - 1; c >= 0; c--) {
            if (table[c] > 0) {
                parts.add(ThreeCardHands.CATEGORIES.get(c) + " " + table[c] + ":1");
            }
        }
        return String.join(", ", parts);
    }

    @Override
    protected List<AnalysisReport.Table> extraTables() {
        long[] byCategory = new long[ThreeCardHands.CATEGORIES.size()];
        for (int[] hand : ThreeCardDeals.all()) {
            byCategory[ThreeCardHands.category(hand[5])]++;
        }
        List<List<Cell>> rows = new ArrayList<>();
        for (int c = byCategory.length - 1; c >= 0; c--) {
            rows.add(List.of(Cell.text(ThreeCardHands.CATEGORIES.get(c)), Cell.count(byCategory[c]),
                    Cell.exact(Fraction.of(byCategory[c], 22100))));
        }
        return List.of(new AnalysisReport.Table("Three-card hands", List.of("hand", "combinations", "probability"),
                rows));
    }
}
