package io.fairspin.math.slot.respins;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fairspin.math.AnalysisReport;
import io.fairspin.math.Analyzable;
import io.fairspin.math.AwardOccurrences;
import io.fairspin.math.ExactFigures;
import io.fairspin.math.Fraction;
import io.fairspin.math.Game;
import io.fairspin.math.ModelException;
import io.fairspin.math.PlayedRound;
import io.fairspin.math.ProgressiveJackpots;
import io.fairspin.math.RoundOutcome;
import io.fairspin.math.json.StrictJson;
import io.fairspin.math.slot.SlotGame;
import io.fairspin.math.slot.SpinResult;
import io.fairspin.math.slot.analysis.SimulatedSheet;
import io.fairspin.math.slot.evaluation.BaseSpin;
import io.fairspin.math.slot.evaluation.CompiledReels;
import io.fairspin.math.slot.evaluation.SpinRecorder;
import io.fairspin.math.slot.jackpots.Jackpot;
import io.fairspin.math.slot.jackpots.Jackpots;
import io.fairspin.math.slot.jackpots.ProgressiveMeters;
import io.fairspin.math.slot.model.SlotModel;
import io.fairspin.math.slot.reading.ModelNode;
import io.fairspin.rng.RandomStream;
import io.fairspin.rng.WeightedTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A slot with a hold-and-win (cash-collect) feature: a base spin of an ordinary line or ways slot; when
 * its window shows at least {@code trigger} coin symbols, each coin takes a value from a weighted table
 * and is held, and the player gets {@code respins} respins of the empty cells; a coin that lands is held
 * too and resets the respins; the feature ends with no respins left or a full screen, paying the values
 * of every coin held plus the grand prize for a full screen. Exact figures: the base spin's distribution
 * by counting (as every slot), the feature's by a Markov chain over the coins held ({@link RespinChain}).
 * Immutable and thread-safe.
 */
public final class HoldAndWinGame implements Game, Analyzable, ProgressiveJackpots, AwardOccurrences {
    private static final ObjectWriter WRITER = new ObjectMapper().writer();
    /** Fields of a slot model that a hold-and-win game does not take. */
    static final List<String> REFUSED = List.of("bonus", "reelHeights", "gamble", "abandon");
    /** Per thread, the value indices a collect drew for the coins on the window, in cell order. */
    private static final ThreadLocal<int[]> SHOWN = ThreadLocal.withInitial(() -> new int[64]);
    static final int MAX_CELLS = 64;
    /** What the cap applies to, for the sheet's "maximum-win cap reachable" row. */
    static final String CAP_SCOPE = "the cap applies to the round's win, features included, progressive jackpots paid on"
            + " top (the round ends when it is reached; with a progressive jackpot it plays on, paying only that)";

    final SlotGame base;
    final HoldAndWin feature;
    /**
     * The model's cap ({@code "maxWin"}) on a round's win in total bets, features included, 0 for none: the pay that
     * reaches it is cut to it and the round ends there (with a progressive jackpot it plays on, paying only that
     * jackpot, which is never capped); a bought round has the cap of the bet it buys at.
     */
    final long maxWin;
    /** Per cell (reel x rows + row), its landing draw: a coin (0) or empty (1). */
    private final WeightedTable[] landing;
    private final WeightedTable values;
    private final List<String> winTypes;
    /** The base game's features (free games), then {@code hold-and-win} at {@link #holdFeature}. */
    private final List<String> features;
    final int holdFeature;
    /** The collect's feature and win type, or -1 without a collect symbol. */
    final int collectFeature;
    final int collectType;
    final int coinType;
    final int grandType;
    /** Per jackpot its win type; per coin value the win type it pays to; the full screen's win type (or -1). */
    final int[] jackpotTypes;
    /** Per win type, whether it is a progressive jackpot's: never capped, paid on top of the capped win. */
    private final boolean[] progressiveType;
    /** Whether a capped round plays on after the cap (the model has a progressive jackpot, still to be won). */
    private final boolean playsOn;
    private final int[] valueType;
    private final int fullType;
    private volatile Optional<HoldAndWinAnalysis> analysis;
    /** Why there are no exact figures (set with {@link #analysis}), null when there are. */
    private volatile String notExact;
    /** Per thread, what the base spin shows: its free games, its coins' cells, its collect symbols. */
    private final ThreadLocal<BaseSpin> shows;
    /** This game at other bets: the base game read for the bet, the same feature (values in total bets). */
    private final java.util.Map<io.fairspin.math.Bet, HoldAndWinGame> atBets = new java.util.concurrent.ConcurrentHashMap<>();
    /** The feature's capped wins in total bets, shared with this game at other bets (the same feature and cap). */
    final CappedParts cappedParts;
    /** Each reel set's reels' numbers of stops, the top reel's last, by reel set index (read by the draw checks). */
    private final int[][] stripLengths;

    private HoldAndWinGame(SlotGame base, HoldAndWin feature, long maxWin, CappedParts cappedParts) {
        this.base = base;
        this.feature = feature;
        this.maxWin = maxWin;
        this.cappedParts = cappedParts;
        this.stripLengths = java.util.Arrays.stream(base.reelSets).map(this::stripLengths).toArray(int[][]::new);
        this.landing = new WeightedTable[feature.cells()];
        for (int c = 0; c < landing.length; c++) {
            landing[c] = WeightedTable.of(feature.coinWeights()[c], feature.emptyWeights()[c]);
        }
        this.values = WeightedTable.of(feature.valueWeights());
        List<String> types = new ArrayList<>(base.winTypes());
        coinType = types.size();
        types.add("hold-and-win");
        grandType = feature.grand() > 0 && feature.grandJackpot() < 0 ? types.size() : -1;
        if (grandType >= 0) {
            types.add("grand");
        }
        collectType = feature.collectSymbol() >= 0 ? types.size() : -1;
        if (collectType >= 0) {
            types.add("collect");
        }
        jackpotTypes = new int[feature.jackpots().size()];
        for (int j = 0; j < jackpotTypes.length; j++) {
            jackpotTypes[j] = types.size();
            types.add("jackpot " + feature.jackpots().get(j).name());
        }
        valueType = new int[feature.values().length];
        for (int i = 0; i < valueType.length; i++) {
            valueType[i] = feature.valueJackpot()[i] < 0 ? coinType : jackpotTypes[feature.valueJackpot()[i]];
        }
        fullType = feature.grandJackpot() >= 0 ? jackpotTypes[feature.grandJackpot()] : grandType;
        this.winTypes = List.copyOf(types);
        progressiveType = new boolean[types.size()];
        for (int j = 0; j < jackpotTypes.length; j++) {
            progressiveType[jackpotTypes[j]] = feature.jackpots().get(j).progressive();
        }
        playsOn = feature.jackpots().stream().anyMatch(Jackpot::progressive);
        List<String> names = new ArrayList<>(base.features());
        holdFeature = names.size();
        names.add("hold-and-win");
        collectFeature = feature.collectSymbol() >= 0 ? names.size() : -1;
        if (collectFeature >= 0) {
            names.add("collect");
        }
        this.features = List.copyOf(names);
        this.shows = ThreadLocal.withInitial(() -> new BaseSpin(feature.scatter(), feature.collectScatter()));
    }

    /**
     * The game a slot model document with a {@code "holdAndWin"} object describes.
     *
     * @throws ModelException naming {@code fileName} and the JSON path of what is wrong
     */
    public static HoldAndWinGame fromModel(String fileName, JsonNode root) {
        ObjectNode copy = ((ObjectNode) root).deepCopy();
        for (String field : REFUSED) {
            if (copy.has(field)) {
                throw new ModelException(fileName, "$." + field, "not available in a hold-and-win game (\"holdAndWin\")");
            }
        }
        JsonNode json = copy.remove("holdAndWin");
        JsonNode jackpotsJson = copy.remove("jackpots");
        JsonNode buyJson = copy.remove("bonusBuy");
        // The cap is the round's, features included: played here, never by the base game's spins.
        JsonNode maxWinJson = copy.remove("maxWin");
        ModelNode node = new ModelNode(fileName, "$.holdAndWin", json).allowOnly(List.of("symbol", "trigger",
                "respins", "landing", "values", "grand", "collect"));
        String coin = node.field("symbol").text();
        JsonNode symbols = copy.get("symbols");
        int symbol = symbolIndex(symbols, coin);
        // The coin (and the collect symbol) are counted as per-symbol scatters of the base game (wilds do not stand
        // for them).
        int scatter = perSymbolScatter(fileName, copy, coin, "hold-and-win");
        if (symbol < 0 && symbols != null && symbols.isArray()) {
            throw node.field("symbol").error("unknown symbol \"" + coin + "\": expected one of the model's symbols");
        }
        int collectSymbol = -1;
        int collectScatter = -1;
        boolean alsoRespins = false;
        if (node.has("collect")) {
            ModelNode collect = node.field("collect").allowOnly(List.of("symbol", "alsoRespins"));
            alsoRespins = collect.has("alsoRespins") && collect.field("alsoRespins").bool();
            String name = collect.field("symbol").text();
            collectSymbol = symbolIndex(symbols, name);
            if (collectSymbol < 0) {
                throw collect.field("symbol").error("unknown symbol \"" + name + "\": expected one of the model's symbols");
            }
            if (collectSymbol == symbol) {
                throw collect.field("symbol").error("the collect symbol must differ from the coin symbol \"" + coin + "\"");
            }
            collectScatter = perSymbolScatter(fileName, copy, name, "collect");
        }
        SlotGame base = SlotGame.fromModel(fileName, StrictJson.write(copy));
        SlotModel model = base.model;
        int cells = model.rows() * model.reels();
        if (cells > MAX_CELLS) {
            throw node.error("a hold-and-win window has at most " + MAX_CELLS + " cells, this one " + cells);
        }
        int trigger = (int) node.field("trigger").integer(1, cells);
        int respins = (int) node.field("respins").integer(1, 100);
        ModelNode land = node.field("landing").allowOnly(List.of("coin", "empty"));
        long[] coinWeights = cellWeights(land.field("coin"), model.rows(), model.reels(), 0);
        long[] emptyWeights = cellWeights(land.field("empty"), model.rows(), model.reels(), 1);
        List<Jackpot> jackpots = jackpotsJson == null ? List.of()
                : Jackpots.read(new ModelNode(fileName, "$.jackpots", jackpotsJson));
        ModelNode table = node.field("values").allowOnly(List.of("values", "weights"));
        List<ModelNode> valueNodes = table.field("values").nonEmptyElements();
        long[] coinValues = new long[valueNodes.size()];
        int[] valueJackpot = new int[valueNodes.size()];
        for (int i = 0; i < coinValues.length; i++) {
            valueJackpot[i] = jackpot(valueNodes.get(i), jackpots);
            coinValues[i] = valueJackpot[i] >= 0 ? jackpots.get(valueJackpot[i]).amount()
                    : valueNodes.get(i).integer(1, 1_000_000);
        }
        long[] weights = table.field("weights").integers(1, 1L << 31);
        if (weights.length != coinValues.length) {
            throw table.field("weights").error("expected one weight per value (" + coinValues.length + "), found "
                    + weights.length);
        }
        int grandJackpot = node.has("grand") ? jackpot(node.field("grand"), jackpots) : -1;
        long grand = grandJackpot >= 0 ? jackpots.get(grandJackpot).amount()
                : node.has("grand") ? node.field("grand").integer(0, Jackpots.MAX_AMOUNT) : 0;
        for (int j = 0; j < jackpots.size(); j++) {
            int index = j;
            if (grandJackpot != j && java.util.Arrays.stream(valueJackpot).noneMatch(v -> v == index)) {
                throw new ModelException(fileName, "$.jackpots[" + j + "]", "jackpot \"" + jackpots.get(j).name()
                        + "\" is never won: name it in $.holdAndWin.values or $.holdAndWin.grand");
            }
        }
        if (mostCoins(base, scatter) < trigger) {
            throw node.field("trigger").error(trigger + " coins can never show: the base reels show at most "
                    + mostCoins(base, scatter) + " (the feature can never start)");
        }
        long maxWin = 0;
        if (maxWinJson != null) {
            ModelNode cap = new ModelNode(fileName, "$.maxWin", maxWinJson);
            maxWin = cap.integer(1, io.fairspin.math.slot.reading.SlotModelReader.MAX_CREDITS);
        }
        HoldAndWin.Buy buy = null;
        if (buyJson != null) {
            ModelNode buyNode = new ModelNode(fileName, "$.bonusBuy", buyJson).allowOnly(List.of("price", "coins"));
            buy = new HoldAndWin.Buy(buyNode.field("price").integer(1, 1_000_000),
                    (int) buyNode.field("coins").integer(1, cells));
        }
        return new HoldAndWinGame(base, new HoldAndWin(symbol, scatter, trigger, respins, coinWeights, emptyWeights,
                coinValues, valueJackpot, weights, grand, grandJackpot, cells, jackpots, buy, collectSymbol, collectScatter,
                alsoRespins), maxWin, new CappedParts());
    }

    /** The index of symbol {@code name} among the model's {@code symbols}, or -1. */
    private static int symbolIndex(JsonNode symbols, String name) {
        int symbol = -1;
        for (int s = 0; symbols != null && symbols.isArray() && s < symbols.size(); s++) {
            if (name.equals(symbols.get(s).asText())) {
                symbol = s;
            }
        }
        return symbol;
    }

    /**
     * The index among the model's scatters of symbol {@code name}, counted per symbol: the scatter the model lists
     * for it (which must count per symbol), or one that pays nothing, added to {@code model}.
     */
    private static int perSymbolScatter(String fileName, ObjectNode model, String name, String role) {
        JsonNode scatters = model.get("scatters");
        int scatter = -1;
        if (scatters != null && scatters.isArray()) {
            for (int i = 0; i < scatters.size(); i++) {
                JsonNode s = scatters.get(i);
                if (s.isObject() && name.equals(s.path("symbol").asText(null))) {
                    if (!"per-symbol".equals(s.path("count").asText(""))) {
                        throw new ModelException(fileName, "$.scatters[" + i + "].count",
                                "the " + role + " symbol is counted per symbol: expected \"per-symbol\"");
                    }
                    scatter = i;
                }
            }
        }
        if (scatter < 0) {
            ArrayNode list = scatters != null && scatters.isArray() ? (ArrayNode) scatters : model.putArray("scatters");
            list.addObject().put("symbol", name).put("count", "per-symbol");
            scatter = list.size() - 1;
        }
        return scatter;
    }

    /**
     * A landing weight per cell (index reel x rows + row): one integer for every cell, or the window's rows, each a
     * list of one weight per reel ({@code [[1, 1, 1], [3, 3, 3]]}: the second row three times as likely).
     */
    private static long[] cellWeights(ModelNode node, int rows, int reels, long min) {
        long[] weights = new long[rows * reels];
        if (!node.isArray()) {
            java.util.Arrays.fill(weights, node.integer(min, 1L << 31));
            return weights;
        }
        List<ModelNode> rowNodes = node.elements();
        if (rowNodes.size() != rows) {
            throw node.error("expected a weight, or one row of weights per row of the window (" + rows + "), found "
                    + rowNodes.size() + " rows");
        }
        for (int j = 0; j < rows; j++) {
            ModelNode row = rowNodes.get(j);
            if (!row.isArray()) {
                throw row.error("expected a list of one weight per reel (" + reels + ")");
            }
            long[] values = row.integers(min, 1L << 31);
            if (values.length != reels) {
                throw row.error("expected one weight per reel (" + reels + "), found " + values.length);
            }
            for (int r = 0; r < reels; r++) {
                weights[r * rows + j] = values[r];
            }
        }
        return weights;
    }

    /** The jackpot a value names (a string), or -1 for a number. */
    private static int jackpot(ModelNode value, List<Jackpot> jackpots) {
        return Jackpots.named(value, jackpots, "a number of total bets");
    }

    /** The most coins one base spin can show, over the base reel sets. */
    private static int mostCoins(SlotGame base, int scatter) {
        int most = 0;
        for (int set : base.model.baseReels().sets()) {
            CompiledReels reels = base.reelSets[set];
            byte[] counts = reels.scatterCount[scatter];
            int sum = 0;
            for (int r = 0; r < reels.reels; r++) {
                int end = r + 1 < reels.reels ? reels.stopBase[r + 1] : counts.length;
                int best = 0;
                for (int g = reels.stopBase[r]; g < end; g++) {
                    best = Math.max(best, counts[g]);
                }
                sum += best;
            }
            most = Math.max(most, sum);
        }
        return most;
    }

    @Override
    public io.fairspin.math.Bet standardBet() {
        return base.standardBet();
    }

    @Override
    public io.fairspin.math.BetLimits betLimits() {
        return base.betLimits();
    }

    @Override
    public void checkBet(io.fairspin.math.Bet bet) {
        // The base game knows no buy (the feature's is read here): a buy is refused naming $.bonusBuy unless sold.
        base.checkBet(bet.isBonusBuy() && feature.buy() != null ? bet.withoutBonusBuy() : bet);
    }

    /** A bought bet's stake: the price x the bet's total. */
    @Override
    public long stake(io.fairspin.math.Bet bet) {
        checkBet(bet);
        long stake = at(bet.withoutBonusBuy()).stake();
        return bet.isBonusBuy() ? Math.multiplyExact(stake, feature.buy().price()) : stake;
    }

    /**
     * Opens a round at {@code bet}; a bought bet plays the feature the model's {@code "bonusBuy"} sells, as
     * {@link #playBonusBuy} draws it, and its record has no base spin and says what was bought
     * ({@code "bonusBuy": {"price", "coins"}}).
     */
    @Override
    public io.fairspin.math.Round open(io.fairspin.math.Bet bet, RandomStream stream) {
        if (!bet.isBonusBuy()) {
            return Game.super.open(bet, stream);
        }
        checkBet(bet);
        PlayedRound played = at(bet.withoutBonusBuy()).playBonusBuyRecorded(stream);
        return io.fairspin.math.Round.settled(new PlayedRound(played.outcome(), played.detail(),
                bet.explicit(standardBet()), List.of()));
    }

    @Override
    public void play(io.fairspin.math.Bet bet, RandomStream stream, RoundOutcome outcome) {
        if (bet.isBonusBuy()) {
            checkBet(bet);
            at(bet.withoutBonusBuy()).playBonusBuy(stream, outcome);
        } else {
            Game.super.play(bet, stream, outcome);
        }
    }

    /** For a bought bet, the bought feature's figures per unit of its stake (the PAR sheet's "Bonus buy" table). */
    @Override
    public Optional<ExactFigures> exactFigures(io.fairspin.math.Bet bet) {
        if (!bet.isBonusBuy()) {
            return Game.super.exactFigures(bet);
        }
        checkBet(bet);
        return at(bet.withoutBonusBuy()).exact().map(HoldAndWinAnalysis::bonusBuyFigures);
    }

    /**
     * This game with {@code bet} as its standard wager: the base game read for the bet's lines, bet per line
     * and coins; coin values and prizes stay in total bets, so they scale with the stake.
     */
    @Override
    public HoldAndWinGame at(io.fairspin.math.Bet bet) {
        checkBet(bet);
        if (bet.isBonusBuy()) {
            throw SlotGame.boughtIsNoGame();
        }
        io.fairspin.math.Bet explicit = bet.isStandard() ? standardBet() : bet;
        if (explicit.equals(standardBet())) {
            return this;
        }
        return atBets.computeIfAbsent(explicit, b -> new HoldAndWinGame(base.at(b), feature, maxWin, cappedParts));
    }

    /** At most this many line counts (and as many coin counts) are listed in the RTP-by-bet table. */
    private static final int MAX_BETS = 64;

    /**
     * The exact RTP at each number of lines and coins the limits allow (the bet per line never changes it). Coin
     * values and prizes are in total bets and the coins a window shows do not depend on the lines, so without a cap
     * only the base game's return changes with the bet: RTP(bet) = RTP - RTP of the base slot (base spin and free
     * games) + that slot's RTP at the bet, each an exact analysis of the base slot. With a cap the round's win is cut
     * where the bet puts it: the base spin's win per total bet depends on the lines (line pays are in line bets), so
     * each bet has its own capped analysis, sharing the feature's capped wins, the same in total bets at every bet
     * ({@link CappedParts}); a bet without exact figures is left out, and said.
     */
    private AnalysisReport.Table rtpByBet(Fraction standard) {
        SlotModel model = base.model;
        Fraction baseStandard = maxWin > 0 ? null : base.exactFigures().orElseThrow().rtp();
        java.util.Map<String, Fraction> others = new java.util.LinkedHashMap<>();
        int leftOut = 0;
        for (long coins : betLimits().sample("coins", model.coins(), MAX_BETS)) {
            for (long lines : betLimits().sample("lines", model.lines(), MAX_BETS)) {
                if (lines == model.lines() && coins == model.coins()) {
                    continue;
                }
                io.fairspin.math.Bet bet = io.fairspin.math.Bet.lines((int) lines, model.lineBet(), (int) coins);
                try {
                    checkBet(bet);
                } catch (io.fairspin.math.BetException e) {
                    continue; // lines and coins that the limits allow apart but not together (a total limit)
                }
                Optional<Fraction> rtp = maxWin > 0 ? at(bet).exactFigures().map(ExactFigures::rtp)
                        : Optional.of(standard.subtract(baseStandard).add(base.at(bet).exactFigures().orElseThrow().rtp()));
                if (rtp.isPresent()) {
                    others.put(describe(lines, coins), rtp.get());
                } else {
                    leftOut++;
                }
            }
        }
        return AnalysisReport.rtpByBet("lines and coins within the limits; the bet per line never changes the RTP"
                + (leftOut == 0 ? "" : "; " + leftOut + " without exact figures left out"), describe(model.lines(),
                model.coins()), standard, others);
    }

    private static String describe(long lines, long coins) {
        return lines + (lines == 1 ? " line, " : " lines, ") + coins + (coins == 1 ? " coin" : " coins");
    }

    /** The model's display name. */
    public String name() {
        return base.name();
    }

    /** The model's warnings (those of its base game). */
    public List<String> warnings() {
        return base.warnings();
    }

    @Override
    public String id() {
        return base.id();
    }

    @Override
    public long stake() {
        return base.stake();
    }

    @Override
    public List<String> winTypes() {
        return winTypes;
    }

    /** The model's jackpots, in file order; each is the win type {@code "jackpot NAME"}. */
    public List<Jackpot> jackpots() {
        return feature.jackpots();
    }

    @Override
    public Fraction progressiveContribution() {
        return Jackpots.contribution(feature.jackpots());
    }

    /** Fresh meters for this game's progressive jackpots, for one stream of rounds (see {@link ProgressiveMeters}). */
    public ProgressiveMeters meters() {
        return new ProgressiveMeters(feature.jackpots(), jackpotTypes);
    }

    @Override
    public List<String> features() {
        return features;
    }

    /** The base spin's awards: those of the base game, whose spin every round starts with. */
    @Override
    public List<String> awards() {
        return base.awards();
    }

    @Override
    public Optional<List<Fraction>> occurrencesPerRound() {
        return base.occurrencesPerRound();
    }

    @Override
    public void play(RandomStream stream, RoundOutcome outcome) {
        outcome.start(stake());
        BaseSpin spin = base.playBaseSpin(stream, outcome, shows.get());
        long cap = cap();
        base.playFreeGames(stream, outcome, spin.freeGames(), cap);
        boolean ended = cutBase(outcome, cap);
        long held = spin.coinCells();
        int coins = Long.bitCount(held);
        if (spin.collectCount() > 0 && held != 0) {
            // The collect: every coin on the window pays its value (in cell order); the respins start beside it only
            // with alsoRespins, the collected coins held with the values they showed.
            outcome.trigger(collectFeature);
            int[] shown = SHOWN.get();
            for (int c = 0; c < coins && !ended; c++) {
                shown[c] = stream.pick(values);
                ended = reached(outcome, collectType(shown[c]), collect(shown[c], outcome), cap);
            }
            if (feature.alsoRespins() && coins >= feature.trigger()) {
                outcome.trigger(holdFeature);
                if (!ended) {
                    playFeature(stream, outcome, held, shown, cap);
                }
            }
        } else if (coins >= feature.trigger()) {
            outcome.trigger(holdFeature);
            if (!ended) {
                playFeature(stream, outcome, held, null, cap);
            }
        }
    }

    /** The round's cap in minor units ({@code maxWin} total bets), 0 for none. */
    long cap() {
        return maxWin * stake();
    }

    /**
     * After the base spin and its free games: whether the round has reached the cap, the excess cut from the pays made
     * last (free games, then the scatter win, then the line win).
     */
    private boolean cutBase(RoundOutcome outcome, long cap) {
        long excess = cap > 0 ? cappedWin(outcome) - cap : -1;
        for (int type : new int[] {base.freeType, base.scatterType, base.lineType}) {
            if (excess > 0 && type >= 0) {
                long cut = Math.min(excess, outcome.win(type));
                outcome.cutWin(type, cut);
                excess -= cut;
            }
        }
        return ends(outcome, cap);
    }

    /**
     * After a pay of {@code amount} into win type {@code type}: whether the round ends at the cap, the excess over the
     * cap cut from that pay (a progressive jackpot's pay is never cut, nor counted toward the cap).
     */
    private boolean reached(RoundOutcome outcome, int type, long amount, long cap) {
        long excess = cap > 0 ? cappedWin(outcome) - cap : -1;
        if (excess > 0 && !progressiveType[type]) {
            outcome.cutWin(type, Math.min(excess, amount));
        }
        return ends(outcome, cap);
    }

    /** Whether the round has reached cap {@code cap} (0: none) and ends there: it plays on with a progressive jackpot. */
    private boolean ends(RoundOutcome outcome, long cap) {
        return !playsOn && capReached(outcome, cap);
    }

    /** Whether the round's win toward the cap {@code cap} (0: none) has reached it. */
    private boolean capReached(RoundOutcome outcome, long cap) {
        return cap > 0 && cappedWin(outcome) >= cap;
    }

    /** The round's win so far that counts toward the cap: all but the progressive jackpots' pays. */
    private long cappedWin(RoundOutcome outcome) {
        long win = outcome.win();
        for (int t = 0; t < progressiveType.length; t++) {
            win -= progressiveType[t] ? outcome.win(t) : 0;
        }
        return win;
    }

    /**
     * Plays one bought feature ({@code "bonusBuy"}): the stake is the price, the feature starts with the bought
     * number of coins on cells drawn as {@code sample(cells, coins)}, then plays as when the base game starts it
     * (each coin's value in cell order, then the respins). Its figures are in the PAR sheet's "Bonus buy" table.
     *
     * @param stream where the round's random numbers come from
     * @param outcome receives the price as the stake, and the feature's wins
     * @throws IllegalStateException when the model has no bonus buy
     */
    public void playBonusBuy(RandomStream stream, RoundOutcome outcome) {
        HoldAndWin.Buy buy = feature.buy();
        if (buy == null) {
            throw new IllegalStateException(id() + ": the model has no bonus buy");
        }
        outcome.start(Math.multiplyExact(buy.price(), stake()));
        outcome.trigger(holdFeature);
        long held = 0;
        for (int cell : stream.sample(feature.cells(), buy.coins())) {
            held |= 1L << cell;
        }
        playFeature(stream, outcome, held, null, cap());
    }

    /**
     * The feature from the coins on cells {@code held}: their values in cell order (drawn, or those a collect drew,
     * {@code shown}), the respins, the full screen; with a cap ({@code cap} minor units, 0 for none) it ends at the
     * pay that reaches it.
     */
    private void playFeature(RandomStream stream, RoundOutcome outcome, long held, int[] shown, long cap) {
        int coins = Long.bitCount(held);
        for (int c = 0; c < coins; c++) {
            int index = shown != null ? shown[c] : stream.pick(values);
            if (reached(outcome, valueType[index], pay(index, outcome), cap)) {
                return;
            }
        }
        int left = feature.respins();
        while (left > 0 && coins < feature.cells()) {
            boolean landed = false;
            long before = held;
            for (int c = 0; c < feature.cells(); c++) {
                if ((before >>> c & 1) == 0 && stream.pick(landing[c]) == 0) {
                    int index = stream.pick(values);
                    if (reached(outcome, valueType[index], pay(index, outcome), cap)) {
                        return;
                    }
                    held |= 1L << c;
                    coins++;
                    landed = true;
                }
            }
            left = landed ? feature.respins() : left - 1;
        }
        if (coins == feature.cells() && fullType >= 0) {
            outcome.addWin(fullType, feature.grand() * stake());
            reached(outcome, fullType, feature.grand() * stake(), cap);
        }
    }

    /** Pays the coin value at {@code index} of the values table into its win type; returns the amount. */
    private long pay(int index, RoundOutcome outcome) {
        long amount = feature.values()[index] * stake();
        outcome.addWin(valueType[index], amount);
        return amount;
    }

    /** Pays a collected coin's value at {@code index}: its jackpot's win type, or {@code collect}; returns the amount. */
    private long collect(int index, RoundOutcome outcome) {
        long amount = feature.values()[index] * stake();
        outcome.addWin(collectType(index), amount);
        return amount;
    }

    /** The win type a collected coin's value at {@code index} pays to: its jackpot's, or {@code collect}. */
    private int collectType(int index) {
        int jackpot = feature.valueJackpot()[index];
        return jackpot < 0 ? collectType : jackpotTypes[jackpot];
    }

    /** A held coin as the record shows it. */
    private Coin coin(int cell, int index) {
        int rows = base.model.rows();
        int jackpot = feature.valueJackpot()[index];
        return new Coin(cell / rows, cell % rows, feature.values()[index],
                jackpot < 0 ? null : feature.jackpots().get(jackpot).name());
    }

    /** A coin held: where, its value in total bets, and the jackpot it names (null for none). */
    record Coin(int reel, int row, long value, String jackpot) {
    }

    /** One respin: the coins it landed and the respins left after it. */
    record Respin(List<Coin> landed, int respinsLeft) {
    }

    /**
     * The feature in a round record.
     *
     * @param coins   the coins that started it, with their values
     * @param respins each respin in order
     * @param held    coins held at the end
     * @param full    whether the screen was full
     * @param amount  what the feature paid (coin values and grand prize), minor units
     */
    record Feature(List<Coin> coins, List<Respin> respins, int held, boolean full, long amount) {
    }

    /**
     * The collect in a round record: the coins on the window with their values, and what they paid (minor units).
     */
    record Collect(List<Coin> coins, long amount) {
    }

    /**
     * The round record: the base spin as other slots record it (none in a bought round), then the feature or null,
     * then the collect if it paid, then {@code maxWinReached: true} on a round that reached the cap (the key is absent
     * otherwise), then what a bought round bought (absent otherwise).
     */
    record Record(long stake, long win,
            @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
            SpinResult base, Feature holdAndWin,
            @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
            Collect collect,
            @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
            Boolean maxWinReached,
            @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
            Bought bonusBuy) {
    }

    /** What a bought round bought: the price in total bets and the coins it starts with. */
    record Bought(long price, int coins) {
    }

    /**
     * Plays the feature as {@link #playFeature} does (the same draws, the same cap) and describes it: the start coins
     * (their values drawn, or those a collect drew, {@code shown}), each respin, the full screen. A respin that the cap
     * ends is recorded with the coins it landed up to the one that reached it, and no respins left.
     */
    private Feature recordFeature(RandomStream stream, RoundOutcome outcome, boolean[] held, int coins, int[] shown,
            long cap) {
        List<Coin> start = new ArrayList<>();
        long before = outcome.win();
        boolean ended = false;
        for (int c = 0; c < feature.cells() && !ended; c++) {
            if (held[c]) {
                int index = shown != null ? shown[c] : stream.pick(values);
                ended = reached(outcome, valueType[index], pay(index, outcome), cap);
                start.add(coin(c, index));
            }
        }
        List<Respin> respins = new ArrayList<>();
        int left = feature.respins();
        while (!ended && left > 0 && coins < feature.cells()) {
            List<Coin> landed = new ArrayList<>();
            for (int c = 0; c < feature.cells() && !ended; c++) {
                if (!held[c] && stream.pick(landing[c]) == 0) {
                    int index = stream.pick(values);
                    ended = reached(outcome, valueType[index], pay(index, outcome), cap);
                    held[c] = true;
                    landed.add(coin(c, index));
                }
            }
            coins += landed.size();
            left = ended ? 0 : landed.isEmpty() ? left - 1 : feature.respins();
            respins.add(new Respin(landed, left));
        }
        boolean full = coins == feature.cells();
        if (!ended && full && fullType >= 0) {
            outcome.addWin(fullType, feature.grand() * stake());
            ended = reached(outcome, fullType, feature.grand() * stake(), cap);
        }
        return new Feature(start, respins, coins, full, outcome.win() - before);
    }

    @Override
    public PlayedRound playRecorded(RandomStream stream) {
        Recorded round = recorded(stream);
        return new PlayedRound(round.outcome(), text(round.record()));
    }

    /** A round played at the standard wager: its outcome and its record, not yet written. */
    record Recorded(RoundOutcome outcome, Record record) {
    }

    /** Plays a round at the standard wager on {@code stream} and records it ({@link #playRecorded(RandomStream)}). */
    Recorded recorded(RandomStream stream) {
        SlotModel model = base.model;
        long cap = cap();
        SpinRecorder recorder = new SpinRecorder(base, new SlotGame.Bet(model.lineBet(), model.lines()), (int[]) null)
                .roundCap(cap);
        SpinResult spin = recorder.play(stream);
        RoundOutcome outcome = RoundOutcome.forGame(this);
        outcome.start(stake());
        for (int t = 0; t < base.winTypes().size(); t++) {
            outcome.addWin(t, recorder.outcome().win(t));
        }
        for (int f = 0; f < base.features().size(); f++) {
            if (recorder.outcome().triggered(f)) {
                outcome.trigger(f);
            }
        }
        boolean ended = cutBase(outcome, cap);
        List<List<String>> window = spin.spins().get(0).window();
        String coin = model.symbols().get(feature.symbol());
        String collector = feature.collectSymbol() < 0 ? null : model.symbols().get(feature.collectSymbol());
        boolean[] held = new boolean[feature.cells()];
        int coins = 0;
        boolean collects = false;
        for (int r = 0; r < model.reels(); r++) {
            for (int j = 0; j < model.rows(); j++) {
                if (coin.equals(window.get(j).get(r))) {
                    held[r * model.rows() + j] = true;
                    coins++;
                }
                collects |= window.get(j).get(r).equals(collector);
            }
        }
        Feature played = null;
        Collect collected = null;
        int[] shown = null;
        if (collects && coins > 0) {
            outcome.trigger(collectFeature);
            List<Coin> paid = new ArrayList<>();
            long amount = 0;
            shown = new int[feature.cells()];
            for (int c = 0; c < feature.cells() && !ended; c++) {
                if (held[c]) {
                    shown[c] = stream.pick(values);
                    long before = outcome.win();
                    ended = reached(outcome, collectType(shown[c]), collect(shown[c], outcome), cap);
                    amount += outcome.win() - before;
                    paid.add(coin(c, shown[c]));
                }
            }
            collected = new Collect(paid, amount);
        }
        if (coins >= feature.trigger() && (collected == null || feature.alsoRespins())) {
            outcome.trigger(holdFeature);
            played = ended ? null : recordFeature(stream, outcome, held, coins, shown, cap);
        }
        return new Recorded(outcome, new Record(stake(), outcome.win(), spin, played, collected,
                capReached(outcome, cap) ? Boolean.TRUE : null, null));
    }

    private static String text(Record record) {
        try {
            return WRITER.writeValueAsString(record);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * {@link #playBonusBuy} recorded: the same draws (the bought coins' cells as {@code sample(cells, coins)}, then the
     * feature), the record with no base spin and {@code "bonusBuy": {"price", "coins"}}.
     *
     * @throws IllegalStateException when the model has no bonus buy
     */
    PlayedRound playBonusBuyRecorded(RandomStream stream) {
        HoldAndWin.Buy buy = feature.buy();
        if (buy == null) {
            throw new IllegalStateException(id() + ": the model has no bonus buy");
        }
        RoundOutcome outcome = RoundOutcome.forGame(this);
        long stake = Math.multiplyExact(buy.price(), stake());
        outcome.start(stake);
        outcome.trigger(holdFeature);
        boolean[] held = new boolean[feature.cells()];
        for (int cell : stream.sample(feature.cells(), buy.coins())) {
            held[cell] = true;
        }
        // Capped as the bet it buys at: maxWin x that bet's total, not x the price.
        Feature played = recordFeature(stream, outcome, held, buy.coins(), null, cap());
        return new PlayedRound(outcome, text(new Record(stake, outcome.win(), null, played, null,
                capReached(outcome, cap()) ? Boolean.TRUE : null, new Bought(buy.price(), buy.coins()))));
    }

    /**
     * The draws a logged round of this game made, read back from its logged outcome for its outcome check to play the
     * round again on: the base spin's and each free game's reel set (where the model chooses one) and stops; each
     * collected coin's value; a bought round's start cells; each start coin's value (unless the collect drew it); and
     * per respin, for each cell not yet held in cell order, whether a coin landed there and, if one did, its value. A
     * coin's value is read as the first entry of the model's value table with that value and jackpot.
     *
     * @param outcome the logged outcome
     * @return the logged draws, in the order the round makes them
     * @throws IllegalArgumentException naming the JSON path of a spin, stop, coin or value this game cannot draw, or of
     *     a coin landed on a cell already held
     */
    public io.fairspin.math.LoggedDraws loggedDraws(JsonNode outcome) {
        io.fairspin.math.LoggedDraws draws = new io.fairspin.math.LoggedDraws();
        JsonNode bought = outcome.get("bonusBuy");
        boolean isBought = bought != null && !bought.isNull();
        if (!isBought) {
            baseDraws(outcome.get("base"), draws);
        }
        return laterDraws(outcome.get("collect"), outcome.get("holdAndWin"), isBought, draws);
    }

    /**
     * The draws after the base spin's ({@link #loggedDraws}): each collected coin's value, then the feature's.
     *
     * @param collect the logged {@code collect} (null or a JSON null for none)
     * @param held the logged {@code holdAndWin} (null or a JSON null for none)
     * @param bought whether the round is bought (its start cells are draws)
     * @param draws the draws so far, added to
     * @return {@code draws}
     */
    io.fairspin.math.LoggedDraws laterDraws(JsonNode collect, JsonNode held, boolean bought,
            io.fairspin.math.LoggedDraws draws) {
        boolean collected = collect != null && !collect.isNull();
        if (collected) {
            int paid = 0;
            for (JsonNode coin : array(collect, "coins", "$.outcome.collect")) {
                draws.add(io.fairspin.math.LoggedDraws.Kind.NUMBER, valueIndex(coin, "$.outcome.collect.coins["
                        + paid++ + "]"));
            }
        }
        if (held != null && !held.isNull()) {
            featureDraws(held, bought, collected, draws);
        }
        return draws;
    }

    /** The base spin's and free games' reel sets (where the model chooses) and stops. */
    private void baseDraws(JsonNode spin, io.fairspin.math.LoggedDraws draws) {
        SlotModel model = base.model;
        JsonNode spins = spin == null ? null : spin.get("spins");
        if (spins == null || !spins.isArray() || spins.isEmpty()) {
            throw new IllegalArgumentException("$.outcome.base.spins: expected a non-empty array");
        }
        for (int i = 0; i < spins.size(); i++) {
            String path = "$.outcome.base.spins[" + i + "]";
            if (i > 0 && model.freeGames() == null) {
                throw new IllegalArgumentException(path + ": a free game, but the model has none");
            }
            SlotModel.Choice choice = choice(i);
            String name = spins.get(i).path("reelSet").asText();
            int chosen = chosen(choice, name);
            if (chosen < 0) {
                throw new IllegalArgumentException(path + ".reelSet: '" + name + "' is not a reel set this spin can use");
            }
            int[] stops = io.fairspin.math.json.OutcomeJson.stops(spins.get(i).get("stops"), lengths(choice, chosen),
                    path + ".stops");
            draws.addSpin(choice.sets().length, chosen, stops);
        }
    }

    /** The reel sets spin {@code i} of a round's base spins chooses from: the base spin's, then the free games'. */
    SlotModel.Choice choice(int i) {
        return i == 0 ? base.model.baseReels() : base.model.freeGames().reels();
    }

    /** The index in {@code choice} of the reel set named {@code name} (the first of that name), or -1 for none. */
    int chosen(SlotModel.Choice choice, String name) {
        for (int k = 0; k < choice.sets().length; k++) {
            if (base.reelSets[choice.sets()[k]].set.name().equals(name)) {
                return k;
            }
        }
        return -1;
    }

    /** Each reel's number of stops in the reel set chosen, a top reel's last (its stop follows the reels' stops); shared: not to be changed. */
    int[] lengths(SlotModel.Choice choice, int chosen) {
        return stripLengths[choice.sets()[chosen]];
    }

    private int[] stripLengths(CompiledReels reels) {
        int[] lengths = new int[base.model.reels() + (reels.hasTop() ? 1 : 0)];
        for (int r = 0; r < lengths.length; r++) {
            lengths[r] = r < base.model.reels() ? reels.set.strips()[r].length : reels.topLength();
        }
        return lengths;
    }

    /**
     * The feature's draws: a bought round's start cells, the start coins' values (drawn unless a collect drew them),
     * then per respin each cell not yet held, in cell order: a coin (0) and its value, or empty (1).
     */
    private void featureDraws(JsonNode held, boolean bought, boolean collected, io.fairspin.math.LoggedDraws draws) {
        String path = "$.outcome.holdAndWin";
        boolean[] taken = new boolean[feature.cells()];
        List<JsonNode> start = new ArrayList<>();
        array(held, "coins", path).forEach(start::add);
        for (int i = 0; i < start.size(); i++) {
            int cell = cell(start.get(i), path + ".coins[" + i + "]");
            if (taken[cell]) {
                throw new IllegalArgumentException(path + ".coins[" + i + "]: a second coin on its cell");
            }
            taken[cell] = true;
            if (bought) {
                draws.add(io.fairspin.math.LoggedDraws.Kind.ITEM, cell);
            }
        }
        for (int i = 0; i < start.size() && !collected; i++) {
            draws.add(io.fairspin.math.LoggedDraws.Kind.NUMBER, valueIndex(start.get(i), path + ".coins[" + i + "]"));
        }
        JsonNode respins = array(held, "respins", path);
        for (int k = 0; k < respins.size(); k++) {
            String at = path + ".respins[" + k + "].landed";
            JsonNode landed = array(respins.get(k), "landed", path + ".respins[" + k + "]");
            int[] valueAt = new int[feature.cells()];
            java.util.Arrays.fill(valueAt, -1);
            for (int i = 0; i < landed.size(); i++) {
                int cell = cell(landed.get(i), at + "[" + i + "]");
                if (taken[cell] || valueAt[cell] >= 0) {
                    throw new IllegalArgumentException(at + "[" + i + "]: a coin landed on a cell already held (reel "
                            + cell / base.model.rows() + ", row " + cell % base.model.rows() + ")");
                }
                valueAt[cell] = valueIndex(landed.get(i), at + "[" + i + "]");
            }
            for (int c = 0; c < feature.cells(); c++) {
                if (!taken[c]) {
                    draws.add(io.fairspin.math.LoggedDraws.Kind.NUMBER, valueAt[c] < 0 ? 1 : 0);
                    if (valueAt[c] >= 0) {
                        draws.add(io.fairspin.math.LoggedDraws.Kind.NUMBER, valueAt[c]);
                        taken[c] = true;
                    }
                }
            }
        }
    }

    /** The array {@code name} of {@code node}, or an error naming its path. */
    private static JsonNode array(JsonNode node, String name, String path) {
        JsonNode array = node.get(name);
        if (array == null || !array.isArray()) {
            throw new IllegalArgumentException(path + "." + name + ": expected an array");
        }
        return array;
    }

    /** The cell (reel x rows + row) of a logged coin, which must be on the window. */
    private int cell(JsonNode coin, String path) {
        int rows = base.model.rows();
        JsonNode reel = coin.path("reel");
        JsonNode row = coin.path("row");
        if (!reel.canConvertToInt() || !row.canConvertToInt() || reel.asInt() < 0 || row.asInt() < 0
                || reel.asInt() >= base.model.reels() || row.asInt() >= rows) {
            throw new IllegalArgumentException(path + ": expected a reel in [0, " + base.model.reels()
                    + ") and a row in [0, " + rows + ")");
        }
        return reel.asInt() * rows + row.asInt();
    }

    /** The first entry of the value table with a logged coin's value and jackpot (none, or its name). */
    private int valueIndex(JsonNode coin, String path) {
        JsonNode value = coin.path("value");
        JsonNode jackpot = coin.path("jackpot");
        String name = jackpot.isTextual() ? jackpot.asText() : null;
        for (int i = 0; i < feature.values().length; i++) {
            int j = feature.valueJackpot()[i];
            if (value.canConvertToLong() && value.asLong() == feature.values()[i]
                    && java.util.Objects.equals(name, j < 0 ? null : feature.jackpots().get(j).name())) {
                return i;
            }
        }
        throw new IllegalArgumentException(path + ": a coin of value " + value + (name == null ? "" : " (jackpot "
                + name + ")") + " is not one the model's value table gives");
    }

    // ---- Exact analysis ----

    /**
     * The exact analysis, computed once, when the respin chain fits {@link RespinChain#BUDGET} and a reachable cap's
     * distribution fits {@link HoldAndWinAnalysis#CAP_BUDGET}.
     */
    Optional<HoldAndWinAnalysis> exact() {
        Optional<HoldAndWinAnalysis> result = analysis;
        if (result == null) {
            synchronized (this) {
                result = analysis;
                if (result == null) {
                    String why = chainTooLarge();
                    result = Optional.empty();
                    if (why == null) {
                        try {
                            result = Optional.of(new HoldAndWinAnalysis(this));
                        } catch (Truncated.NotCounted e) {
                            why = e.getMessage();
                        }
                    }
                    notExact = why;
                    analysis = result;
                }
            }
        }
        return result;
    }

    /** Why the game has no exact figures, or null when it has. */
    String notExactBecause() {
        exact();
        return notExact;
    }

    /** Why the respin chain is past its budget, or null. */
    private String chainTooLarge() {
        int[] classOf = feature.landingClasses();
        int classes = java.util.Arrays.stream(classOf).max().orElse(0) + 1;
        long transitions = RespinChain.transitions(classOf, classes);
        if (transitions > RespinChain.BUDGET) {
            return "the respin chain over the coins held in each of the " + classes + " landing classes of cells has "
                    + transitions + " transitions, more than its budget of " + RespinChain.BUDGET;
        }
        return null;
    }

    @Override
    public Optional<ExactFigures> exactFigures() {
        return exact().map(HoldAndWinAnalysis::figures);
    }

    @Override
    public AnalysisReport analyze() {
        Optional<HoldAndWinAnalysis> exact = exact();
        if (exact.isPresent()) {
            AnalysisReport sheet = exact.get().report();
            return betLimits().standardOnly() ? sheet : sheet.withTable(1, rtpByBet(exact.get().figures().rtp()));
        }
        return exact.map(HoldAndWinAnalysis::report).orElseGet(() -> SimulatedSheet.report(this, name(),
                notExactBecause(), List.of(List.of(AnalysisReport.Cell.text("stake per round"),
                        AnalysisReport.Cell.text(HoldAndWinAnalysis.stakeText(base.model)))),
                max -> SimulatedSheet.capRows(maxWin, max, CAP_SCOPE + (playsOn
                        ? " (judged by the largest round win seen, progressive jackpots included)" : ""))));
    }
}
