package io.fairspin.math.table.blackjack;

import io.fairspin.math.table.Cards;
import io.fairspin.math.table.Field;
import io.fairspin.math.table.TableBets;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fairspin.math.AnalysisReport;
import io.fairspin.math.Analyzable;
import io.fairspin.math.ExactFigures;
import io.fairspin.math.Fraction;
import io.fairspin.math.Game;
import io.fairspin.math.PlayedRound;
import io.fairspin.math.RoundOutcome;
import io.fairspin.rng.RandomStream;
import java.util.List;
import java.util.Optional;

/**
 * Blackjack with its rules as data, played by a basic strategy derived from exact expected values
 * ({@link BasicStrategy}). Its house edge comes from simulation, so it states no exact figures.
 *
 * <p>A round deals from a full, freshly shuffled shoe ({@link io.fairspin.math.table.Dealer}): player, dealer upcard, player,
 * dealer hole card; then, hand by hand from the first, the player's draws (a split hand receives its
 * second card when it is played); then the dealer's draws, only if a player hand is still live.
 */
public final class Blackjack implements Game, Analyzable {
    private static final String BET = "hands";
    private final String id;
    private final String name;
    private final BlackjackRules rules;
    private final long amount;
    private final long blackjackWin;
    private final ThreadLocal<BlackjackRound> rounds;
    private volatile BasicStrategy strategy;
    /** The model's bets, set by {@link TableBets#read} once the game is read. */
    public TableBets tableBets;

    private Blackjack(String id, String name, BlackjackRules rules, long amount) {
        this.id = id;
        this.name = name;
        this.rules = rules;
        this.amount = amount;
        this.blackjackWin = rules.blackjackPays().multiply(amount).numerator().longValueExact();
        this.rounds = ThreadLocal.withInitial(() -> new BlackjackRound(rules, Cards.DECK * rules.decks()));
    }

    /**
     * Reads a model of type {@code "blackjack"}.
     *
     * @param root the model document's root
     * @return the game
     */
    public static Blackjack read(Field root) {
        root.allowOnly("type", "id", "name", "rules", "standardWager");
        String id = root.get("id").text();
        BlackjackRules rules = BlackjackRules.read(root.get("rules"));
        Field amountField = root.get("standardWager").allowOnly("amount").get("amount");
        long amount = amountField.integer(1, Long.MAX_VALUE / 64);
        Fraction blackjack = rules.blackjackPays().multiply(amount);
        if (!blackjack.denominator().equals(java.math.BigInteger.ONE) || rules.surrender() && amount % 2 != 0) {
            throw amountField.fail("a blackjack (" + rules.blackjackPays() + ") or a surrender (1/2) of " + amount
                    + " is not a whole number of minor units: expected an amount that makes them whole");
        }
        return new Blackjack(id, root.get("name").text(id), rules, amount);
    }

    /** The strategy, derived on first use. */
    BasicStrategy strategy() {
        BasicStrategy known = strategy;
        if (known == null) {
            synchronized (this) {
                if (strategy == null) {
                    strategy = BasicStrategy.derive(rules);
                }
                known = strategy;
            }
        }
        return known;
    }

    BlackjackRules rules() {
        return rules;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public long stake() {
        return amount;
    }

    @Override
    public List<String> winTypes() {
        return List.of(BET);
    }

    @Override
    public io.fairspin.math.Bet standardBet() {
        return tableBets.standard();
    }

    @Override
    public io.fairspin.math.BetLimits betLimits() {
        return tableBets.limits();
    }

    @Override
    public void checkBet(io.fairspin.math.Bet bet) {
        tableBets.at(bet, this);
    }

    @Override
    public Game at(io.fairspin.math.Bet bet) {
        return tableBets.at(bet, this);
    }

    @Override
    public List<String> features() {
        return List.of();
    }

    @Override
    public void play(RandomStream stream, RoundOutcome outcome) {
        outcome.start(amount);
        rounds.get().play(strategy(), stream, amount, blackjackWin, outcome, null);
    }

    @Override
    public PlayedRound playRecorded(RandomStream stream) {
        RoundOutcome outcome = RoundOutcome.forGame(this);
        outcome.start(amount);
        ObjectNode detail = JsonNodeFactory.instance.objectNode();
        rounds.get().play(strategy(), stream, amount, blackjackWin, outcome, detail);
        return new PlayedRound(outcome, detail.toString());
    }

    /**
     * Shares the basic strategy of {@code other}, a game of the same rules at another bet.
     *
     * @param other the game to share with
     */
    public void shareStrategy(Blackjack other) {
        strategy = other.strategy();
    }

    private static final String[] ACTIONS = new String[13];

    static {
        ACTIONS[BlackjackOdds.STAND] = "stand";
        ACTIONS[BlackjackOdds.HIT] = "hit";
        ACTIONS[BlackjackOdds.DOUBLE] = "double";
        ACTIONS[BlackjackOdds.SPLIT] = "split";
        ACTIONS[BlackjackOdds.SURRENDER] = "surrender";
        ACTIONS[BlackjackRound.INSURE] = "insure";
        ACTIONS[BlackjackRound.DECLINE] = "decline";
        ACTIONS[BlackjackRound.CONTINUE] = "continue";
    }

    /**
     * Opens a round at {@code bet} that pauses for each of the player's decisions: {@code "surrender"} before the
     * dealer checks (early surrender rules: surrender or continue), {@code "insurance"} under a dealer's ace
     * (insure or decline, half the bet, when the table offers it and the bet is even), and {@code "hand"} for each
     * hand (stand, hit, double, split, surrender as the rules and the hand allow). The advice is basic strategy's,
     * which never insures; an abandoned round continues, declines and stands.
     */
    @Override
    public io.fairspin.math.Round open(io.fairspin.math.Bet bet, RandomStream stream) {
        Game game = at(bet);
        if (game != this) {
            return game.open(bet, stream);
        }
        io.fairspin.math.Bet explicit = standardBet();
        BasicStrategy basic = strategy();
        return new io.fairspin.math.TapedRound(explicit, stream, (player, s) -> {
            RoundOutcome outcome = RoundOutcome.forGame(this);
            outcome.start(amount);
            ObjectNode detail = JsonNodeFactory.instance.objectNode();
            new BlackjackRound(rules, Cards.DECK * rules.decks()).play(basic, s, amount, blackjackWin, outcome, detail,
                    (round, step, hand, legal, advice) -> {
                        List<String> names = new java.util.ArrayList<>();
                        for (int code : legal) {
                            names.add(ACTIONS[code]);
                        }
                        ObjectNode view = JsonNodeFactory.instance.objectNode();
                        round.view(view, hand);
                        String byDefault = step.equals("surrender") ? "continue" : step.equals("insurance") ? "decline"
                                : "stand";
                        io.fairspin.math.Decision chosen = player.decide(new io.fairspin.math.PendingDecision(step, names,
                                List.of(), io.fairspin.math.Decision.of(byDefault),
                                Optional.of(io.fairspin.math.Decision.of(ACTIONS[advice])), view.toString()));
                        return legal[names.indexOf(chosen.action())];
                    });
            return new PlayedRound(outcome, detail.toString(), explicit, List.of());
        });
    }

    /** None: blackjack's house edge is measured by simulation (see docs/model-format.md). */
    @Override
    public Optional<ExactFigures> exactFigures() {
        return Optional.empty();
    }

    @Override
    public AnalysisReport analyze() {
        BasicStrategy s = strategy();
        return new AnalysisReport(name, List.of(
                BlackjackTables.strategy("Basic strategy: hard totals", s, 5, 21, false),
                BlackjackTables.strategy("Basic strategy: soft totals", s, 13, 21, true),
                BlackjackTables.pairs(s),
                BlackjackTables.summary(rules, s)));
    }

    /** Builds the detail of a hand for a recorded round. */
    static void describe(ArrayNode hands, int[] cards, int count, String result, long returned, boolean doubled) {
        ObjectNode hand = hands.addObject();
        ArrayNode names = hand.putArray("cards");
        for (int i = 0; i < count; i++) {
            names.add(Cards.name(cards[i]));
        }
        hand.put("doubled", doubled).put("result", result).put("returned", returned);
    }
}
