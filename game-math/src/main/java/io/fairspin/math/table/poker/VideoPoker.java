package io.fairspin.math.table.poker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fairspin.math.AnalysisReport.Cell;
import io.fairspin.math.AnalysisReport;
import io.fairspin.math.Fraction;
import io.fairspin.math.LoggedDraws;
import io.fairspin.math.RoundOutcome;
import io.fairspin.math.table.BetAnalysis;
import io.fairspin.math.table.Cards;
import io.fairspin.math.table.Dealer;
import io.fairspin.math.table.Distribution;
import io.fairspin.math.table.Field;
import io.fairspin.math.table.Payout;
import io.fairspin.math.table.StandardWager;
import io.fairspin.math.table.TableGame;
import io.fairspin.rng.RandomStream;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Five-card draw video poker on any paytable (Jacks or Better, Bonus Poker, Deuces Wild, ...), played at the maximum
 * coins with the exactly optimal hold, which a round also records as its advice.
 *
 * <p>A round deals five cards from a freshly shuffled deck of 52 cards, or 53 with a joker ({@link Dealer}), finds the optimal
 * hold for them ({@link DrawAnalysis}), then deals one replacement for each discarded card, in the order
 * of the dealt positions.
 */
public final class VideoPoker extends TableGame {
    private static final String BET = "hand";
    private final VideoPokerPaytable paytable;
    private final int coins;
    private final StandardWager wager;
    private final ThreadLocal<Scratch> scratch;
    private volatile DrawAnalysis analysis;
    /** The game of the same paytable whose analysis this one uses, or null. */
    private volatile VideoPoker analysisSource;
    private volatile long[] finalHands;

    /** What one thread reuses from round to round. */
    private static final class Scratch {
        final Dealer dealer;
        final int[] dealt = new int[5];
        final int[] sorted = new int[5];
        final int[] index = new int[32];
        final long[] value = new long[32];

        Scratch(int deck) {
            dealer = new Dealer(deck);
        }
    }

    private VideoPoker(String id, String name, VideoPokerPaytable paytable, int coins, long coinValue, Field amount) {
        super(id, name);
        this.paytable = paytable;
        this.coins = coins;
        this.scratch = ThreadLocal.withInitial(() -> new Scratch(paytable.deckSize()));
        this.wager = StandardWager.over(paytable.lineCount())
                .bet(BET, coins * coinValue, payoutsPerCoin(), amount).build();
    }

    /**
     * Reads a model of type {@code "video-poker"}.
     *
     * @param root the model document's root
     * @return the game
     */
    public static VideoPoker read(Field root) {
        root.allowOnly("type", "id", "name", "wild", "coins", "coinValue", "paytable");
        String id = root.get("id").text();
        String wild = root.get("wild").choice("none", "none", "deuces", "joker");
        return new VideoPoker(id, root.get("name").text(id), VideoPokerPaytable.read(root.get("paytable"), wild),
                root.get("coins").smallInt(1, 100, 5), root.get("coinValue").integer(1, 1_000_000_000L, 1),
                root.get("coinValue"));
    }

    private DrawAnalysis analysis() {
        DrawAnalysis known = analysis;
        if (known == null) {
            synchronized (this) {
                if (analysis == null) {
                    analysis = analysisSource != null ? analysisSource.analysis() : DrawAnalysis.of(paytable);
                }
                known = analysis;
            }
        }
        return known;
    }

    /** The weighted final-hand counts of optimal play over all deals, per line (computed once). */
    long[] finalHands() {
        long[] known = finalHands;
        if (known == null) {
            known = analysis().finalHands();
            finalHands = known;
        }
        return known.clone();
    }

    /** The total weight of {@link #finalHands()}: C(deck, 5) deals times the weight of each. */
    BigInteger totalFinalHands() {
        long deals = IntStream.range(0, 5).mapToLong(i -> paytable.deckSize() - i).reduce(1, (a, b) -> a * b) / 120;
        return BigInteger.valueOf(deals).multiply(BigInteger.valueOf(analysis().weightPerDeal()));
    }

    @Override
    protected Fraction[] outcomeProbabilities() {
        return Distribution.proportions(finalHands(), totalFinalHands());
    }

    @Override
    protected StandardWager wager() {
        return wager;
    }

    @Override
    protected void playRound(RandomStream stream, RoundOutcome outcome, ObjectNode detail) {
        Scratch s = scratch.get();
        s.dealer.newRound();
        for (int i = 0; i < 5; i++) {
            s.dealt[i] = s.dealer.next(stream);
            s.sorted[i] = s.dealt[i];
        }
        Arrays.sort(s.sorted);
        int sortedHold = analysis().bestHold(s.sorted, s.index, s.value);
        int hold = 0;
        for (int i = 0; i < 5; i++) {
            if ((sortedHold >>> Arrays.binarySearch(s.sorted, s.dealt[i]) & 1) != 0) {
                hold |= 1 << i;
            }
        }
        ArrayNode dealtNames = detail == null ? null : detail.putArray("dealt");
        for (int i = 0; i < 5; i++) {
            if (dealtNames != null) {
                dealtNames.add(Cards.nameWithJoker(s.dealt[i]));
            }
            if ((hold >>> i & 1) == 0) {
                s.dealt[i] = s.dealer.next(stream);
            }
        }
        int line = paytable.line(s.dealt[0], s.dealt[1], s.dealt[2], s.dealt[3], s.dealt[4]);
        wager.settle(line, outcome);
        if (detail != null) {
            ArrayNode held = detail.putArray("advice");
            for (int i = 0; i < 5; i++) {
                if ((hold >>> i & 1) != 0) {
                    held.add(i);
                }
            }
            ArrayNode finalNames = detail.putArray("final");
            for (int card : s.dealt) {
                finalNames.add(Cards.nameWithJoker(card));
            }
            detail.put("hand", paytable.name(line)).put("returned", wager.returned(line, 0));
        }
    }

    /** The five cards dealt, then a card for each position not held (the logged hold, else the advice). */
    @Override
    protected LoggedDraws loggedDraws(JsonNode outcome) {
        LoggedDraws draws = new LoggedDraws();
        cards(draws, outcome, "dealt", 0, 5);
        String heldField = outcome.has("held") ? "held" : "advice";
        JsonNode held = array(outcome, heldField);
        int mask = 0;
        for (int i = 0; i < held.size(); i++) {
            mask |= 1 << number(held.get(i), "$.outcome." + heldField + "[" + i + "]", 0, 4);
        }
        JsonNode last = array(outcome, "final");
        for (int i = 0; i < 5; i++) {
            if ((mask >>> i & 1) == 0) {
                cards(draws, outcome, "final", i, i + 1);
            }
        }
        if (last.size() != 5) {
            throw new IllegalArgumentException("$.outcome.final: expected 5 cards");
        }
        return draws;
    }

    /** The optimal hold of {@code dealt} as a mask of dealt positions. */
    private int optimalHold(int[] dealt) {
        int[] sorted = dealt.clone();
        Arrays.sort(sorted);
        int sortedHold = analysis().bestHold(sorted, new int[32], new long[32]);
        int hold = 0;
        for (int i = 0; i < 5; i++) {
            if ((sortedHold >>> Arrays.binarySearch(sorted, dealt[i]) & 1) != 0) {
                hold |= 1 << i;
            }
        }
        return hold;
    }

    private static io.fairspin.math.Decision holdDecision(int mask) {
        return io.fairspin.math.Decision.of("hold", IntStream.range(0, 5).filter(i -> (mask >>> i & 1) != 0).toArray());
    }

    /**
     * Opens a hand at {@code bet} (one line, coins at a coin value): deals five cards and pauses for the
     * {@code "hold"} decision (the positions kept; advice: the optimal hold), then draws a replacement for
     * each discarded card in the order of the positions. An abandoned hand holds what the model's
     * {@code abandon.hold} says: nothing ({@code "none"}, the default) or the optimal hold ({@code "best"}).
     */
    @Override
    public io.fairspin.math.Round open(io.fairspin.math.Bet bet, RandomStream stream) {
        io.fairspin.math.Game game = at(bet);
        if (game != this) {
            return game.open(bet, stream);
        }
        io.fairspin.math.Bet explicit = standardBet();
        boolean holdBest = io.fairspin.math.json.ModelBets.abandon(tableBets().file(), tableBets().root(), "hold",
                List.of("none", "best")).equals("best");
        return new io.fairspin.math.TapedRound(explicit, stream, (player, s) -> {
            RoundOutcome outcome = RoundOutcome.forGame(this);
            outcome.start(stake());
            Dealer dealer = new Dealer(paytable.deckSize());
            dealer.newRound();
            int[] cards = new int[5];
            for (int i = 0; i < 5; i++) {
                cards[i] = dealer.next(s);
            }
            int advice = optimalHold(cards);
            ObjectNode view = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
            ArrayNode dealtNames = view.putArray("dealt");
            for (int card : cards) {
                dealtNames.add(Cards.nameWithJoker(card));
            }
            io.fairspin.math.Decision hold = player.decide(new io.fairspin.math.PendingDecision("hold", List.of("hold"),
                    List.of(0, 1, 2, 3, 4), holdBest ? holdDecision(advice) : io.fairspin.math.Decision.of("hold"),
                    java.util.Optional.of(holdDecision(advice)), view.toString()));
            ObjectNode detail = view.deepCopy();
            ArrayNode held = detail.putArray("held");
            int mask = 0;
            for (int position : hold.values().stream().sorted().toList()) {
                held.add(position);
                mask |= 1 << position;
            }
            ArrayNode advised = detail.putArray("advice");
            for (int i = 0; i < 5; i++) {
                if ((advice >>> i & 1) != 0) {
                    advised.add(i);
                }
            }
            for (int i = 0; i < 5; i++) {
                if ((mask >>> i & 1) == 0) {
                    cards[i] = dealer.next(s);
                }
            }
            int line = paytable.line(cards[0], cards[1], cards[2], cards[3], cards[4]);
            wager.settle(line, outcome);
            ArrayNode finalNames = detail.putArray("final");
            for (int card : cards) {
                finalNames.add(Cards.nameWithJoker(card));
            }
            detail.put("hand", paytable.name(line)).put("returned", wager.returned(line, 0));
            return new io.fairspin.math.PlayedRound(outcome, detail.toString(), explicit, List.of());
        });
    }

    /**
     * Shares the hold analysis of {@code other}, a game of the same paytable at another bet.
     *
     * @param other the game to share with
     */
    public void shareAnalysis(VideoPoker other) {
        analysisSource = other;
    }

    @Override
    protected List<BetAnalysis> bets() {
        return List.of(new BetAnalysis(coins + " coins, optimal hold", "paytable per coin",
                Distribution.over(outcomeProbabilities(), payoutsPerCoin())));
    }

    @Override
    protected List<AnalysisReport.Table> extraTables() {
        long[] counts = finalHands();
        Fraction[] p = outcomeProbabilities();
        List<List<Cell>> rows = new ArrayList<>();
        for (int line = 0; line < counts.length; line++) {
            rows.add(List.of(Cell.text(paytable.name(line)), Cell.count(paytable.pays(line)), Cell.count(counts[line]),
                    Cell.exact(p[line]), Cell.exact(p[line].multiply(paytable.pays(line)))));
        }
        rows.add(List.of(Cell.text("total"), Cell.text(""), new Cell.Count(totalFinalHands()), Cell.exact(Fraction.ONE),
                Cell.exact(Distribution.over(p, payoutsPerCoin()).returnRate())));
        return List.of(new AnalysisReport.Table("Final hands under optimal play",
                List.of("hand", "pays per coin", "combinations", "probability", "return"), rows));
    }

    private Payout[] payoutsPerCoin() {
        Payout[] payouts = new Payout[paytable.lineCount()];
        for (int line = 0; line < payouts.length; line++) {
            payouts[line] = new Payout(Fraction.ONE, Fraction.of(paytable.pays(line)));
        }
        return payouts;
    }
}
