package io.fairspin.math.table.baccarat;

import io.fairspin.math.table.BetAnalysis;
import io.fairspin.math.table.Cards;
import io.fairspin.math.table.Dealer;
import io.fairspin.math.table.Distribution;
import io.fairspin.math.table.Field;
import io.fairspin.math.table.Payout;
import io.fairspin.math.table.StandardWager;
import io.fairspin.math.table.TableGame;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fairspin.math.LoggedDraws;
import io.fairspin.math.AnalysisReport;
import io.fairspin.math.AnalysisReport.Cell;
import io.fairspin.math.Fraction;
import io.fairspin.math.RoundOutcome;
import io.fairspin.rng.RandomStream;
import java.util.List;

/**
 * Punto banco from a shoe of any number of decks: player, banker (with commission, or paying 1:2 when it
 * wins with 6), tie and the player and banker pair side bets.
 *
 * <p>Each round deals from a full, freshly shuffled shoe (see {@link Dealer}): player, banker, player,
 * banker, then the player's third card if the tableau draws one, then the banker's. The exact analysis
 * enumerates the shoe without replacement in the same order.
 */
public final class Baccarat extends TableGame {
    private final Rules rules;
    private final BaccaratOdds odds;
    private final StandardWager wager;

    /**
     * The table's rules.
     *
     * @param decks          decks in the shoe
     * @param bankerPaysHalfOnSix true for the no-commission game (banker wins pay 1:1, 1:2 on a winning 6)
     * @param commission     the commission on banker wins otherwise, for example 1/20
     * @param tiePays        the tie bet's odds, for example 8
     * @param pairPays       the pair bets' odds, for example 11
     */
    record Rules(int decks, boolean bankerPaysHalfOnSix, Fraction commission, long tiePays, long pairPays) {
    }

    private Baccarat(String id, String name, Rules rules, Field wagerField) {
        super(id, name);
        this.rules = rules;
        this.odds = BaccaratOdds.enumerate(rules.decks());
        StandardWager.Builder builder = StandardWager.over(BaccaratOdds.KEYS);
        for (Field item : wagerField.elements(1)) {
            item.allowOnly("bet", "amount");
            String bet = item.get("bet").choice(null, "player", "banker", "tie", "player-pair", "banker-pair");
            builder.bet(bet, item.get("amount").integer(1, Long.MAX_VALUE / 64), payouts(bet), item.get("amount"));
        }
        this.wager = builder.build();
    }

    /**
     * Reads a model of type {@code "baccarat"}.
     *
     * @param root the model document's root
     * @return the game
     */
    public static Baccarat read(Field root) {
        root.allowOnly("type", "id", "name", "decks", "banker", "commission", "tiePays", "pairPays", "standardWager");
        String id = root.get("id").text();
        Field banker = root.get("banker");
        Rules rules = new Rules(root.get("decks").smallInt(1, 16),
                banker.choice("commission", "commission", "pays-half-on-six").equals("pays-half-on-six"),
                root.get("commission").fraction(Fraction.of(1, 20)), root.get("tiePays").integer(1, 1000, 8),
                root.get("pairPays").integer(1, 1000, 11));
        if (rules.commission().compareTo(Fraction.ONE) >= 0) {
            throw root.get("commission").fail("expected a commission below 1, was " + rules.commission());
        }
        return new Baccarat(id, root.get("name").text(id), rules, root.get("standardWager"));
    }

    private Payout[] payouts(String bet) {
        Payout[] out = new Payout[BaccaratOdds.KEYS];
        for (int key = 0; key < out.length; key++) {
            out[key] = settle(bet, key);
        }
        return out;
    }

    private Payout settle(String bet, int key) {
        int player = BaccaratOdds.playerTotal(key);
        int banker = BaccaratOdds.bankerTotal(key);
        return switch (bet) {
            case "player" -> player > banker ? Payout.win(1) : player == banker ? Payout.PUSH : Payout.LOSS;
            case "banker" -> banker > player ? Payout.win(bankerWinOdds(banker))
                    : player == banker ? Payout.PUSH : Payout.LOSS;
            case "tie" -> player == banker ? Payout.win(rules.tiePays()) : Payout.LOSS;
            case "player-pair" -> BaccaratOdds.playerPair(key) ? Payout.win(rules.pairPays()) : Payout.LOSS;
            case "banker-pair" -> BaccaratOdds.bankerPair(key) ? Payout.win(rules.pairPays()) : Payout.LOSS;
            default -> throw new IllegalArgumentException(bet);
        };
    }

    private Fraction bankerWinOdds(int bankerTotal) {
        if (rules.bankerPaysHalfOnSix()) {
            return bankerTotal == 6 ? Fraction.of(1, 2) : Fraction.ONE;
        }
        return Fraction.ONE.subtract(rules.commission());
    }

    @Override
    protected int shoeSize() {
        return Cards.DECK * rules.decks();
    }

    @Override
    protected Fraction[] outcomeProbabilities() {
        return odds.probabilities();
    }

    @Override
    protected StandardWager wager() {
        return wager;
    }

    @Override
    protected void playRound(RandomStream stream, RoundOutcome outcome, ObjectNode detail) {
        Dealer dealer = freshShoe();
        int p1 = dealer.next(stream);
        int b1 = dealer.next(stream);
        int p2 = dealer.next(stream);
        int b2 = dealer.next(stream);
        int player = (value(p1) + value(p2)) % 10;
        int banker = (value(b1) + value(b2)) % 10;
        int p3 = -1;
        int b3 = -1;
        if (player < 8 && banker < 8) {
            if (player <= 5) {
                p3 = dealer.next(stream);
                player = (player + value(p3)) % 10;
            }
            if (BaccaratOdds.bankerDraws(banker, p3 < 0 ? -1 : value(p3))) {
                b3 = dealer.next(stream);
                banker = (banker + value(b3)) % 10;
            }
        }
        int key = BaccaratOdds.key(player, banker, Cards.rank(p1) == Cards.rank(p2), Cards.rank(b1) == Cards.rank(b2));
        wager.settle(key, outcome);
        if (detail != null) {
            hand(detail.putArray("player"), p1, p2, p3);
            hand(detail.putArray("banker"), b1, b2, b3);
            detail.put("playerTotal", player).put("bankerTotal", banker);
            wager.describe(detail, key);
        }
    }

    /** Player, banker, player, banker, then the player's third card and the banker's, when dealt. */
    @Override
    protected LoggedDraws loggedDraws(JsonNode outcome) {
        LoggedDraws draws = new LoggedDraws();
        for (int i = 0; i < 2; i++) {
            cards(draws, outcome, "player", i, i + 1);
            cards(draws, outcome, "banker", i, i + 1);
        }
        cards(draws, outcome, "player", 2, 3);
        cards(draws, outcome, "banker", 2, 3);
        return draws;
    }

    private static void hand(ArrayNode cards, int first, int second, int third) {
        cards.add(Cards.name(first)).add(Cards.name(second));
        if (third >= 0) {
            cards.add(Cards.name(third));
        }
    }

    /** The baccarat value of a card: ace 1, two to nine at face value, tens and pictures 0. */
    private static int value(int card) {
        return BaccaratOdds.rankValue(Cards.rank(card));
    }

    @Override
    protected List<BetAnalysis> bets() {
        Fraction[] p = odds.probabilities();
        String banker = rules.bankerPaysHalfOnSix() ? "1:1, 1:2 on a winning 6" : "1:1 less " + rules.commission();
        return List.of(new BetAnalysis("player", "1:1", Distribution.over(p, payouts("player"))),
                new BetAnalysis("banker", banker, Distribution.over(p, payouts("banker"))),
                new BetAnalysis("tie", rules.tiePays() + ":1", Distribution.over(p, payouts("tie"))),
                new BetAnalysis("player pair", rules.pairPays() + ":1", Distribution.over(p, payouts("player-pair"))),
                new BetAnalysis("banker pair", rules.pairPays() + ":1", Distribution.over(p, payouts("banker-pair"))));
    }

    @Override
    protected List<AnalysisReport.Table> extraTables() {
        List<List<Cell>> rows = List.of(
                List.of(Cell.text("banker wins"), Cell.count(odds.bankerWins())),
                List.of(Cell.text("player wins"), Cell.count(odds.playerWins())),
                List.of(Cell.text("tie"), Cell.count(odds.ties())),
                List.of(Cell.text("total"), Cell.count(odds.total())));
        return List.of(new AnalysisReport.Table("Ordered six-card combinations, " + rules.decks() + " decks",
                List.of("result", "combinations"), rows));
    }
}
