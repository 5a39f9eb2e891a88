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
 * Five-card draw video poker on any paytable (Jacks or Better, Bonus Poker, Deuces Wild, ...), played at the model's
 * coins with the exactly optimal hold for the paytable at those coins (a row's {@code coinPays} can change it), which a
 * round also records as its advice.
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
    /** The game of the same pays per coin whose analysis this one uses, or null. */
    private volatile VideoPoker analysisSource;
    /** For the game at the standard wager: the first game read at another bet for each other paytable per coin. */
    private final java.util.Map<List<Fraction>, VideoPoker> analysisSources = new java.util.concurrent.ConcurrentHashMap<>();
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
        int coins = root.get("coins").smallInt(1, VideoPokerPaytable.MAX_COINS, 5);
        return new VideoPoker(id, root.get("name").text(id), VideoPokerPaytable.read(root.get("paytable"), wild, coins),
                coins, root.get("coinValue").integer(1, 1_000_000_000L, 1), root.get("coinValue"));
    }

    /**
     * Refuses a paytable row's {@code coinPays} for a number of coins the model's bet limits do not allow (coins
     * outside {@code betLimits.coins}, or other than the model's {@code coins} without that limit).
     *
     * @param root the model document's root
     * @param limits the model's bet limits
     * @throws io.fairspin.math.ModelException naming the coin pay's JSON path
     */
    public static void checkCoinPays(Field root, io.fairspin.math.BetLimits limits) {
        io.fairspin.math.BetLimits.Limit coins = limits.limit("coins");
        for (Field row : root.get("paytable").elements(1)) {
            for (java.util.Map.Entry<Integer, Field> e : VideoPokerPaytable.coinPays(row).entrySet()) {
                int count = e.getKey();
                if (coins == null ? count != limits.standard().coins() : !coins.allows(count)) {
                    throw e.getValue().fail("a pay for " + count + " coins, which the bet limits do not allow: expected "
                            + (coins == null ? limits.standard().coins() + " coins (the model's \"coins\"; "
                                    + "\"betLimits\": {\"coins\": ...} allows others)" : "coins " + coins.describe()));
                }
            }
        }
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
     * Shares with {@code variant}, this model read at another bet, the hold analysis of a game of the same pays per
     * coin: this game's, or that of the first game read at a bet whose pays per coin are those of {@code variant}
     * (one analysis per distinct paytable, so per number of coins at most).
     *
     * @param variant the model read at another bet
     */
    public void shareAnalysis(VideoPoker variant) {
        List<Fraction> pays = variant.paytable.perCoin();
        VideoPoker source = pays.equals(paytable.perCoin()) ? this : analysisSources.computeIfAbsent(pays, p -> variant);
        if (source != variant) {
            variant.analysisSource = source;
        }
    }

    /**
     * Whether this game pays per coin as {@code other} does (then both have the same optimal holds and RTP).
     *
     * @param other a game of the same model at another bet
     * @return true when every hand pays the same per coin
     */
    public boolean paysAs(VideoPoker other) {
        return paytable.perCoin().equals(other.paytable.perCoin());
    }

    @Override
    protected List<BetAnalysis> bets() {
        return List.of(new BetAnalysis(coins + " coins, optimal hold", "paytable per coin",
                Distribution.over(outcomeProbabilities(), payoutsPerCoin())));
    }

    /**
     * The analysis, with, when the limits allow other coins, the table "RTP by bet": the RTP at each number of
     * coins whose pays per coin differ (coin pays), each with its own optimal hold.
     */
    @Override
    public AnalysisReport analyze() {
        AnalysisReport report = super.analyze();
        io.fairspin.math.BetLimits limits = betLimits();
        if (limits.standardOnly()) {
            return report;
        }
        io.fairspin.math.Bet standard = standardBet();
        Fraction rtp = exactFigures().orElseThrow().rtp();
        java.util.Map<String, Fraction> others = new java.util.LinkedHashMap<>();
        for (long count : limits.sample("coins", coins, VideoPokerPaytable.MAX_COINS)) {
            if (count != coins) {
                VideoPoker other = (VideoPoker) at(io.fairspin.math.Bet.lines(1, standard.lineBet(), (int) count));
                others.put(describe(count), paysAs(other) ? rtp : other.exactFigures().orElseThrow().rtp());
            }
        }
        return report.withTable(1, AnalysisReport.rtpByBet("coins within the limits, each with its optimal hold; the"
                + " coin value never changes the RTP", describe(coins), rtp, others));
    }

    private static String describe(long coins) {
        return coins + (coins == 1 ? " coin" : " coins");
    }

    @Override
    protected List<AnalysisReport.Table> extraTables() {
        long[] counts = finalHands();
        Fraction[] p = outcomeProbabilities();
        List<List<Cell>> rows = new ArrayList<>();
        for (int line = 0; line < counts.length; line++) {
            Fraction perCoin = paytable.perCoin(line);
            rows.add(List.of(Cell.text(paytable.name(line)), perCoin.denominator().equals(BigInteger.ONE)
                    ? Cell.count(paytable.pays(line) / coins) : Cell.exact(perCoin), Cell.count(counts[line]),
                    Cell.exact(p[line]), Cell.exact(p[line].multiply(perCoin))));
        }
        rows.add(List.of(Cell.text("total"), Cell.text(""), new Cell.Count(totalFinalHands()), Cell.exact(Fraction.ONE),
                Cell.exact(Distribution.over(p, payoutsPerCoin()).returnRate())));
        return List.of(new AnalysisReport.Table("Final hands under optimal play",
                List.of("hand", "pays per coin", "combinations", "probability", "return"), rows));
    }

    private Payout[] payoutsPerCoin() {
        Payout[] payouts = new Payout[paytable.lineCount()];
        for (int line = 0; line < payouts.length; line++) {
            payouts[line] = new Payout(Fraction.ONE, paytable.perCoin(line));
        }
        return payouts;
    }
}
