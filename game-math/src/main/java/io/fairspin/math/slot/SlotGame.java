package io.fairspin.math.slot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fairspin.math.AnalysisReport;
import io.fairspin.math.Analyzable;
import io.fairspin.math.AwardOccurrences;
import io.fairspin.math.BetException;
import io.fairspin.math.BetLimits;
import io.fairspin.math.Decision;
import io.fairspin.math.ExactFigures;
import io.fairspin.math.Fraction;
import io.fairspin.math.Game;
import io.fairspin.math.ModelException;
import io.fairspin.math.PendingDecision;
import io.fairspin.math.PlayedRound;
import io.fairspin.math.Round;
import io.fairspin.math.RoundOutcome;
import io.fairspin.math.TapedRound;
import io.fairspin.math.WinDistribution;
import io.fairspin.math.json.ModelBets;
import io.fairspin.math.json.StrictJson;
import io.fairspin.math.slot.analysis.Analysis;
import io.fairspin.math.slot.analysis.ParSheet;
import io.fairspin.math.slot.analysis.RoundWins;
import io.fairspin.math.slot.evaluation.CompiledReels;
import io.fairspin.math.slot.evaluation.LineTable;
import io.fairspin.math.slot.evaluation.SpinRecorder;
import io.fairspin.math.slot.evaluation.SpinTable;
import io.fairspin.math.slot.freegames.FreeGamesCheck;
import io.fairspin.math.slot.model.ModelWarnings;
import io.fairspin.math.slot.model.SlotModel.Bonus;
import io.fairspin.math.slot.model.SlotModel.Choice;
import io.fairspin.math.slot.model.SlotModel.FreeGames;
import io.fairspin.math.slot.model.SlotModel.Scatter;
import io.fairspin.math.slot.model.SlotModel;
import io.fairspin.math.slot.reading.SlotModelReader;
import io.fairspin.rng.RandomStream;
import io.fairspin.rng.WeightedTable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A slot game loaded from a model file: plays rounds from a round stream (derivation v1, draw order in
 * {@code docs/model-format.md}) and computes its exact PAR sheet. Immutable and thread-safe.
 *
 * <p>{@link #play(RandomStream, RoundOutcome)} is the simulation path: every per-stop quantity is
 * precomputed, and a spin allocates nothing. {@link #play(Bet, RandomStream)} describes the same round
 * completely.
 */
public final class SlotGame implements Game, Analyzable, WinDistribution, AwardOccurrences,
        io.fairspin.math.ProgressiveJackpots {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    // The compiled game, read by the slot sub-packages (evaluation, analysis, features); not a stable API.
    /** The model as read from its file. */
    public final SlotModel model;
    /** The paylines' lookup table: a line's symbols to its win. */
    public final LineTable table;
    /** Every reel set of the model, compiled, by index. */
    public final CompiledReels[] reelSets;
    private final WeightedTable baseChoice;
    private final WeightedTable freeChoice;
    private final WeightedTable prizeCounts;
    private final WeightedTable prizes;
    private final WeightedTable pickCounts;
    /** Ways games: the symbols with pays, and per symbol i and run length k the pay, index i * (reels + 1) + k. */
    public final int[] waysSymbols;
    private final long[] waysPays;
    /** Ways games: per symbol i and run length k the award's index in {@link #awards()}, or -1; as {@link #waysPays}. */
    private final int[] waysAwards;
    /** The awards of the pay table, in the order of the pays that first name them. */
    private final List<String> awards;
    /** Per pay of the model, the index of its award in {@link #awards()} (pays naming one award share it). */
    private final int[] awardOfPay;
    /** Row of each played line on each reel: index line * reels + reel. */
    public final int[] lineRows;
    private final List<String> winTypes = new ArrayList<>();
    private final List<String> features = new ArrayList<>();
    /** The index of the "line" win type ("ways" in a ways game) in {@link #winTypes()}. */
    public final int lineType;
    /** The index of the "scatter" win type in {@link #winTypes()}, or -1 when the model has no scatter pays. */
    public final int scatterType;
    /** The index of the "free-games" win type in {@link #winTypes()}, or -1 when the model has no free games. */
    public final int freeType;
    /** The index of the "bonus" win type in {@link #winTypes()}, or -1 when the model has no pick bonus. */
    public final int bonusType;
    /** Per jackpot of the model, the index of its win type {@code "jackpot NAME"} in {@link #winTypes()}. */
    public final int[] jackpotTypes;
    /**
     * Whether a line or scatter pay names a jackpot: such a spin is evaluated line by line (a spin table gives the
     * total, not which part of it is a jackpot).
     */
    private final boolean payJackpots;
    /** The index of the "free-games" feature in {@link #features()}, or -1 when the model has no free games. */
    public final int freeFeature;
    /** The index of the "bonus" feature in {@link #features()}, or -1 when the model has no pick bonus. */
    public final int bonusFeature;
    private final List<String> warnings;
    /** The exact analysis once made; empty when the game has none (a capped reel-heights count past its budget). */
    private volatile Optional<Analysis> analysis;
    /** Why the game has no exact analysis, once {@link #exact()} found none. */
    private volatile String notExact;
    private volatile SpinTable[] spinTables;
    /** No spin table for any reel set: the line-by-line evaluation. */
    private final SpinTable[] lineByLine;
    /**
     * Per reel set, the number of its stop combinations when the fast-mode draws take them as one draw: the
     * product of the reel lengths when no reel is virtual (weighted), the model has no random reel heights and
     * the product is below 2^63; otherwise 0 (each stop drawn as derivation v1 draws it).
     */
    private final long[] jointStops;
    /** Per count of the first scatter below 64 (what a spin table counts), its pay in line bets on the played lines. */
    private final long[] firstScatterPays;
    /** The round win distribution once computed ({@link Optional#empty()} when the game has none). */
    private volatile Optional<RoundWins> roundWins;
    private final String file;
    private final JsonNode root;
    private final BetLimits limits;
    /** The most double-ups after a winning round ({@code gamble.maxRounds}); 0 without a gamble. */
    private final int gambleRounds;
    /**
     * This game at other wagers, by {@code [lines, bet per line, coins]}: the same model read once per wager, so each
     * analysis is made once ({@link #variant} and {@link #at} share it).
     */
    private final Map<List<Long>, SlotGame> wagers = new ConcurrentHashMap<>();

    SlotGame(String file, SlotModel model, JsonNode root) {
        this.model = model;
        this.file = file;
        this.root = root;
        this.limits = ModelBets.limits(file, root, standardBet(), ModelBets.LINE_LIMITS);
        if (!limits.standardOnly() && !model.ways()) {
            BetLimits.Limit lines = limits.limit("lines");
            if (lines != null && lines.max() > model.paylines().length) {
                throw new ModelException(file, "$.betLimits.lines", "allows " + lines.max() + " lines, but the model has "
                        + model.paylines().length + " paylines");
            }
        }
        ModelBets.checkAbandon(file, root, Map.of("pick", List.of("first"), "gamble", List.of("collect")));
        this.gambleRounds = gambleRounds(file, root);
        this.table = model.ways() ? null : new LineTable(file, model);
        this.reelSets = model.reelSets().stream().map(set -> new CompiledReels(model, set, table))
                .toArray(CompiledReels[]::new);
        this.lineByLine = new SpinTable[reelSets.length];
        this.firstScatterPays = new long[64];
        for (int count = 0; count < firstScatterPays.length && !model.scatters().isEmpty(); count++) {
            firstScatterPays[count] = model.scatters().get(0).pay(count) * model.lines();
        }
        this.jointStops = new long[reelSets.length];
        for (int i = 0; i < reelSets.length; i++) {
            jointStops[i] = jointStops(reelSets[i]);
        }
        this.baseChoice = choiceTable(model.baseReels());
        FreeGames free = model.freeGames();
        this.freeChoice = free == null ? null : choiceTable(free.reels());
        Bonus bonus = model.bonus();
        this.prizeCounts = bonus == null ? null : WeightedTable.of(bonus.countWeights());
        this.prizes = bonus == null ? null : WeightedTable.of(bonus.prizeWeights());
        this.pickCounts = bonus == null || bonus.pickValues() == null ? null : WeightedTable.of(bonus.pickWeights());
        int reels = model.reels();
        lineRows = new int[model.ways() ? 0 : model.lines() * reels];
        for (int l = 0; l < lineRows.length / Math.max(1, reels); l++) {
            System.arraycopy(model.paylines()[l], 0, lineRows, l * reels, reels);
        }
        waysSymbols = model.ways() ? model.pays().stream().mapToInt(SlotGame::firstSymbol).distinct().toArray()
                : new int[0];
        List<String> awardNames = new ArrayList<>();
        awardOfPay = new int[model.pays().size()];
        for (int p = 0; p < awardOfPay.length; p++) {
            String award = model.pays().get(p).award();
            if (!awardNames.contains(award)) {
                awardNames.add(award);
            }
            awardOfPay[p] = awardNames.indexOf(award);
        }
        awards = List.copyOf(awardNames);
        waysPays = new long[waysSymbols.length * (reels + 1)];
        waysAwards = new int[waysPays.length];
        Arrays.fill(waysAwards, -1);
        for (int p = 0; p < (model.ways() ? model.pays().size() : 0); p++) {
            SlotModel.Pay pay = model.pays().get(p);
            int i = Arrays.stream(waysSymbols).boxed().toList().indexOf(firstSymbol(pay));
            waysPays[i * (reels + 1) + pay.length()] = pay.credits();
            waysAwards[i * (reels + 1) + pay.length()] = awardOfPay[p];
        }
        lineType = addType(winTypes, model.ways() ? "ways" : "line");
        scatterType = model.scatters().stream().anyMatch(s -> s.credits().length > 0) ? addType(winTypes, "scatter") : -1;
        freeType = free == null ? -1 : addType(winTypes, "free-games");
        bonusType = bonus == null ? -1 : addType(winTypes, "bonus");
        jackpotTypes = new int[model.jackpots().list().size()];
        for (int j = 0; j < jackpotTypes.length; j++) {
            jackpotTypes[j] = addType(winTypes, "jackpot " + model.jackpots().list().get(j).name());
        }
        payJackpots = model.jackpots().inPayTable();
        freeFeature = free == null ? -1 : addType(features, "free-games");
        bonusFeature = bonus == null ? -1 : addType(features, "bonus");
        this.warnings = ModelWarnings.of(model);
        if (free != null && free.retrigger()) {
            FreeGamesCheck.requireEnding(file, this);
        }
    }

    /**
     * The slot game that a model document describes (a slot without cascades or hold-and-win, its variant already
     * applied); {@link io.fairspin.math.GameModels#load}, which applies variants, reads slot models through it.
     *
     * @param fileName the model file's name as the user gave it, for messages
     * @param json the model document, UTF-8 JSON
     * @return the slot game
     * @throws io.fairspin.math.ModelException naming {@code fileName} and the JSON path of what is wrong
     */
    public static SlotGame fromModel(String fileName, byte[] json) {
        ObjectNode root = StrictJson.model(fileName, json);
        return new SlotGame(fileName, SlotModelReader.read(fileName, root), root);
    }

    /** The product of the reel lengths when the fast-mode draws take the stops as one draw, else 0. */
    private static long jointStops(CompiledReels reels) {
        if (!reels.uniformStops() || reels.randomHeights()) {
            return 0;
        }
        long product = 1;
        for (int r = 0; r < reels.reels; r++) {
            if (product > Long.MAX_VALUE / reels.length(r)) {
                return 0;
            }
            product *= reels.length(r);
        }
        return product;
    }

    private static int addType(List<String> names, String name) {
        names.add(name);
        return names.size() - 1;
    }

    private static WeightedTable choiceTable(Choice choice) {
        return choice.sets().length == 1 ? null : WeightedTable.of(choice.weights());
    }

    /**
     * Warnings about the model: pays that can never occur, symbols that never appear.
     *
     * @return the warnings, each naming its JSON path; empty when none
     */
    public List<String> warnings() {
        return warnings;
    }

    /**
     * The model's display name.
     *
     * @return the model's {@code name}
     */
    public String name() {
        return model.name();
    }

    /** The standard wager: the model's bet per line and lines played, one coin. */
    @Override
    public io.fairspin.math.Bet standardBet() {
        return io.fairspin.math.Bet.lines(model.lines(), model.lineBet(), model.coins());
    }

    @Override
    public BetLimits betLimits() {
        return limits;
    }

    @Override
    public void checkBet(io.fairspin.math.Bet bet) {
        // A buy is refused by the limits (naming $.bonusBuy) unless the model sells one.
        limits.check(bet.isBonusBuy() && model.bonusBuy() != null ? bet.withoutBonusBuy() : bet);
        if (bet.isLineBet() && !model.ways() && bet.lines() > model.paylines().length) {
            throw new BetException("$.lines", bet.lines() + " lines: this game has " + model.paylines().length
                    + " paylines");
        }
    }

    /** The bet in explicit form: the standard wager's lines for {@link io.fairspin.math.Bet#standard()} (bought or not). */
    private io.fairspin.math.Bet explicit(io.fairspin.math.Bet bet) {
        return bet.explicit(standardBet());
    }

    /**
     * The refusal of {@link #at} for a bought bet: a bought round is played through {@link #open},
     * {@link #play(io.fairspin.math.Bet, RandomStream, RoundOutcome)} and {@link #playRecorded(io.fairspin.math.Bet,
     * RandomStream)}, and its figures are {@link #exactFigures(io.fairspin.math.Bet)}; it is not a game of its own.
     *
     * @return the exception, naming {@code $.bonusBuy}
     */
    public static BetException boughtIsNoGame() {
        return new BetException("$.bonusBuy", "a bought round is played with open, play or playRecorded at the bet, not"
                + " as a game of its own (at)");
    }

    /**
     * This game read for {@code bet}'s lines and coins (the model with its {@code bet} replaced, so coin pays
     * and lines apply everywhere: play, recording and analysis); the bet per line is applied when playing.
     */
    private SlotGame variant(io.fairspin.math.Bet bet) {
        if (bet.lines() == model.lines() && bet.coins() == model.coins()) {
            return this;
        }
        try {
            return readAt(bet.lines(), model.lineBet(), bet.coins());
        } catch (ModelException e) {
            throw new BetException("$", "the model cannot be played at this bet: " + e.getMessage());
        }
    }

    /** The model read with its {@code "bet"} replaced by this wager (and no bet limits), once per wager. */
    private SlotGame readAt(int lines, long lineBet, int coins) {
        return wagers.computeIfAbsent(List.of((long) lines, lineBet, (long) coins), key -> {
            ObjectNode copy = root.deepCopy();
            copy.remove("betLimits");
            copy.putObject("bet").put("lineBet", lineBet).put("lines", lines).put("coins", coins);
            return new SlotGame(file, SlotModelReader.read(file, copy), copy);
        });
    }

    /** This game with {@code bet} as its standard wager (the model read with {@code bet} as its {@code "bet"}, once per bet). */
    @Override
    public SlotGame at(io.fairspin.math.Bet bet) {
        checkBet(bet);
        if (bet.isBonusBuy()) {
            throw boughtIsNoGame();
        }
        io.fairspin.math.Bet b = explicit(bet);
        if (b.equals(standardBet())) {
            return this;
        }
        return readAt(b.lines(), b.lineBet(), b.coins());
    }

    @Override
    public long stake(io.fairspin.math.Bet bet) {
        checkBet(bet);
        long total = explicit(bet).total();
        return bet.isBonusBuy() ? Math.multiplyExact(total, model.bonusBuy().price()) : total;
    }

    /** A bought bet plays the feature the model sells ({@link #playBonusBuy}) at the bet's lines, coins and bet per line. */
    @Override
    public void play(io.fairspin.math.Bet bet, RandomStream stream, RoundOutcome outcome) {
        checkBet(bet);
        io.fairspin.math.Bet b = explicit(bet);
        if (b.isBonusBuy()) {
            variant(b).playBonusBuy(stream, outcome, b.lineBet());
        } else {
            variant(b).play(stream, outcome, b.lineBet());
        }
    }

    /** For a bought bet, the bought round's figures per unit of its stake (the PAR sheet's "Bonus buy" table). */
    @Override
    public Optional<ExactFigures> exactFigures(io.fairspin.math.Bet bet) {
        checkBet(bet);
        SlotGame game = variant(explicit(bet));
        return bet.isBonusBuy() ? Optional.of(game.analysis().bonusBuyFigures()) : game.exactFigures();
    }

    /**
     * Opens a round at {@code bet}. A pick bonus whose player picks fewer items than it offers pauses for
     * each pick ({@code "pick"} with the item's index; the items are filled before the first pick, so a
     * pick never changes what is drawn); an abandoned round picks the first unpicked item. A bought bet plays the
     * free games the model's {@code "bonusBuy"} sells (no base spin, no gamble after them), at a stake of the
     * price x the bet; its detail says what was bought ({@code "bonusBuy": {"price", "freeGames"}}).
     */
    @Override
    public Round open(io.fairspin.math.Bet bet, RandomStream stream) {
        checkBet(bet);
        io.fairspin.math.Bet b = explicit(bet);
        SlotGame game = variant(b);
        Bet lineBet = new Bet(b.lineBet(), b.lines());
        TapedRound.Script script = (player, s) -> {
            SpinRecorder recorder = new SpinRecorder(game, lineBet, picker(player));
            if (b.isBonusBuy()) {
                return new PlayedRound(recorder.outcome(), text(recorder.playBonusBuy(s)), b, List.of());
            }
            SpinResult result = recorder.play(s);
            if (gambleRounds > 0 && recorder.outcome().win() > 0) {
                ObjectNode detail = MAPPER.valueToTree(result);
                gamble(player, s, recorder.outcome(), detail);
                return new PlayedRound(recorder.outcome(), detail.toString(), b, List.of());
            }
            return new PlayedRound(recorder.outcome(), text(result), b, List.of());
        };
        Bonus bonus = model.bonus();
        if ((gambleRounds == 0 || b.isBonusBuy()) && (bonus == null || bonus.picks() == bonus.items())) {
            return Round.settled(script.play(pending -> pending.byDefault(), stream));
        }
        return new TapedRound(b, stream, script);
    }

    /**
     * The double-up after a winning round: up to {@code gamble.maxRounds} times the player collects or guesses
     * the colour of a card (0 red, 1 black), drawn as uniform(2); a right guess doubles every win of the
     * round, a wrong one loses it and ends the gamble. Adds {@code "gamble": [{"guess", "card", "win"}]} to the
     * detail when the player gambled.
     */
    private void gamble(TapedRound.Player player, RandomStream stream, RoundOutcome outcome, ObjectNode detail) {
        com.fasterxml.jackson.databind.node.ArrayNode steps = null;
        for (int round = 0; round < gambleRounds && outcome.win() > 0; round++) {
            ObjectNode view = MAPPER.createObjectNode().put("win", outcome.win()).put("gamble", round + 1)
                    .put("of", gambleRounds);
            Decision d = player.decide(new PendingDecision("gamble", List.of("collect", "gamble"), List.of(0, 1),
                    Decision.of("collect"), Optional.of(Decision.of("collect")), view.toString()));
            if (d.action().equals("collect")) {
                break;
            }
            int guess = d.values().get(0);
            int card = stream.nextInt(2);
            for (int t = 0; t < outcome.winTypeCount(); t++) {
                long won = outcome.win(t);
                outcome.addWin(t, guess == card ? won : -won);
            }
            if (steps == null) {
                steps = detail.putArray("gamble");
            }
            steps.addObject().put("guess", guess).put("card", card).put("win", outcome.win());
        }
    }

    private SpinRecorder.Picker picker(TapedRound.Player player) {
        return (line, items, picked, revealed) -> {
            List<Integer> open = new ArrayList<>();
            for (int i = 0; i < items; i++) {
                if (!picked.contains(i)) {
                    open.add(i);
                }
            }
            ObjectNode view = MAPPER.createObjectNode().put("bonus", model.bonus().name()).put("line", line)
                    .put("items", items).put("picks", model.bonus().picks());
            picked.forEach(view.putArray("picked")::add);
            var shown = view.putArray("revealed");
            for (List<Long> prizes : revealed) {
                prizes.forEach(shown.addArray()::add);
            }
            PendingDecision pending = new PendingDecision("pick", List.of("pick"), open,
                    Decision.of("pick", open.get(0)), Optional.empty(), view.toString());
            return player.decide(pending).values().get(0);
        };
    }

    @Override
    public String id() {
        return model.id();
    }

    @Override
    public long stake() {
        return model.lineBet() * model.stakeUnits();
    }

    @Override
    public List<String> winTypes() {
        return List.copyOf(winTypes);
    }

    @Override
    public List<String> features() {
        return List.copyOf(features);
    }

    // ---- The simulation path: no allocation. ----

    @Override
    public void play(RandomStream stream, RoundOutcome outcome) {
        play(stream, outcome, model.lineBet());
    }

    /**
     * {@link #play(RandomStream, RoundOutcome)} with the fast-mode draws: a spin on a reel set without virtual
     * reels or random heights draws its stops as one {@code uniform(L0 x L1 x ... )} over the product of the
     * reel lengths, split in mixed radix (reel 0 most significant), instead of one {@code uniform(Lr)} per reel
     * (see {@link #jointStops}); every other draw is derivation v1's. Each stop combination keeps probability
     * 1 / product, so the outcome's distribution is that of {@code play}.
     */
    @Override
    public void playFast(RandomStream stream, RoundOutcome outcome) {
        play(stream, outcome, model.lineBet(), tables(), true);
    }

    /** The simulation path at a bet per line (of one coin) of {@code lineBet}, this game's lines and coins. */
    private void play(RandomStream stream, RoundOutcome outcome, long lineBet) {
        play(stream, outcome, lineBet, tables(), false);
    }

    /** The spin tables play uses: none (line by line) when a line or scatter pay names a jackpot. */
    private SpinTable[] tables() {
        return payJackpots ? lineByLine : spinTables();
    }

    /**
     * {@link #play(RandomStream, RoundOutcome)} evaluated line by line, without the {@link SpinTable}s: the
     * same draws and the same outcome, for tests that check the tables against it.
     */
    void playLineByLine(RandomStream stream, RoundOutcome outcome) {
        play(stream, outcome, model.lineBet(), lineByLine, false);
    }

    /** {@link #playFast} evaluated line by line, for tests that check the tables against it. */
    void playFastLineByLine(RandomStream stream, RoundOutcome outcome) {
        play(stream, outcome, model.lineBet(), lineByLine, true);
    }

    private void play(RandomStream stream, RoundOutcome outcome, long lineBet, SpinTable[] tables, boolean fast) {
        outcome.start(lineBet * model.stakeUnits());
        // A spin table gives a spin's total, not its awards: an outcome that counts them is played line by line.
        long remaining = spin(stream, false, outcome, lineBet, outcome.countsAwards() ? lineByLine : tables, fast);
        if (remaining > 0) {
            outcome.trigger(freeFeature);
        }
        for (; remaining > 0; remaining--) {
            remaining += spin(stream, true, outcome, lineBet, tables, fast);
        }
    }

    /**
     * Per reel set, its spin table, or null where the set is evaluated line by line; built once on first use
     * (a table takes up to a second: simulation threads starting together wait for one build).
     */
    private SpinTable[] spinTables() {
        SpinTable[] tables = spinTables;
        if (tables == null) {
            synchronized (this) {
                if (spinTables == null) {
                    SpinTable[] built = new SpinTable[reelSets.length];
                    for (int i = 0; i < built.length; i++) {
                        built[i] = SpinTable.of(model, reelSets[i], table, lineRows, model.lines());
                    }
                    spinTables = built;
                }
                tables = spinTables;
            }
        }
        return tables;
    }

    /**
     * What a base spin shows beyond its wins, for a game that adds its own feature to this slot's base spin
     * (hold-and-win): filled by {@link #playBaseSpin(RandomStream, RoundOutcome, BaseSpin)}. Created once with the
     * scatters to look at and reused round after round (one per thread); not thread-safe.
     */
    public static final class BaseSpin {
        private final int coinScatter;
        private final int collectScatter;
        private long freeGames;
        private long coinCells;
        private int collectCount;

        /**
         * What to look at on the window.
         *
         * @param coinScatter    the index among the model's scatters whose symbol's cells {@link #coinCells} gives
         * @param collectScatter the index among the model's scatters whose count {@link #collectCount} gives, or -1
         */
        public BaseSpin(int coinScatter, int collectScatter) {
            this.coinScatter = coinScatter;
            this.collectScatter = collectScatter;
        }

        /** The free games the spin awards (to be played with {@link SlotGame#playFreeGames}). */
        public long freeGames() {
            return freeGames;
        }

        /** The cells showing the coin scatter's symbol: bit {@code reel * rows + row} for each. */
        public long coinCells() {
            return coinCells;
        }

        /** How many symbols of the collect scatter the window shows, as that scatter counts them (0 without one). */
        public int collectCount() {
            return collectCount;
        }
    }

    /**
     * Plays one base spin at the standard wager into {@code outcome} (already started; its first win types are this
     * game's), without the free games it awards, and fills {@code shows} with what its window shows: the free games
     * awarded, the cells of its coin scatter's symbol and its collect scatter's count. The base spin of a game that
     * adds its own feature (hold-and-win respins); the same draws as a round's base spin.
     *
     * @param stream where the spin's random numbers come from
     * @param outcome receives the spin's wins
     * @param shows receives what the window shows
     * @return {@code shows}
     */
    public BaseSpin playBaseSpin(RandomStream stream, RoundOutcome outcome, BaseSpin shows) {
        spin(stream, false, outcome, model.lineBet(), lineByLine, false, shows);
        return shows;
    }

    /**
     * Plays {@code awarded} free games (more when they retrigger) into {@code outcome}, as a round of this game
     * plays those its base spin awards, and marks the free-games feature triggered; nothing when 0. With a cap on
     * the round's whole win (a hold-and-win round's {@code maxWin}), no further free game is played once the round's
     * win ({@code outcome.win()}) has reached {@code cap}; the excess of the one that reaches it is left for the
     * caller to cut.
     *
     * @param stream where the free games' random numbers come from
     * @param outcome the round's outcome, already started
     * @param awarded the free games awarded
     * @param cap the round's cap in minor units, 0 for none
     */
    public void playFreeGames(RandomStream stream, RoundOutcome outcome, long awarded, long cap) {
        if (awarded <= 0) {
            return;
        }
        outcome.trigger(freeFeature);
        SpinTable[] tables = spinTables();
        for (long remaining = awarded; remaining > 0 && (cap <= 0 || outcome.win() < cap); remaining--) {
            remaining += spin(stream, true, outcome, model.lineBet(), tables, false);
        }
    }

    /**
     * Plays one base or free spin, bonuses included, and adds its wins to {@code outcome}: a base spin's
     * by win type (the cap cut from the line win first), a free spin's, multiplied, as free-games win.
     * Returns the free games it awards (none for a free spin without retriggers). With {@code fast}, the stops are
     * drawn with the fast-mode draws ({@link #playFast}).
     */
    private long spin(RandomStream stream, boolean free, RoundOutcome outcome, long lineBet, SpinTable[] tables,
            boolean fast) {
        return spin(stream, free, outcome, lineBet, tables, fast, null);
    }

    /**
     * {@link #spin(RandomStream, boolean, RoundOutcome, long, SpinTable[], boolean)}, also filling {@code shows}
     * when it is not null (which needs the line-by-line evaluation: {@code tables} all null).
     */
    private long spin(RandomStream stream, boolean free, RoundOutcome outcome, long lineBet, SpinTable[] tables,
            boolean fast, BaseSpin shows) {
        FreeGames freeGames = model.freeGames();
        int set = free ? choose(stream, freeGames.reels(), freeChoice) : choose(stream, model.baseReels(), baseChoice);
        CompiledReels reels = reelSets[set];
        SpinTable compiled = tables[set];
        long joint = fast ? jointStops[set] : 0;
        int lines = model.lines();
        long lineResult;
        long scatter;
        long awarded;
        if (compiled != null) {
            // Two reads instead of one per line and reel: the prefix's stops index the prefix table, which
            // names the state of the lines still running; the suffix's stops index that state's row.
            int[] lengths = compiled.lengths;
            int prefixIndex = 0;
            int suffixIndex = 0;
            if (joint != 0) {
                // The stops in mixed radix, reel 0 most significant: the prefix's index, then the suffix's.
                if (joint <= Integer.MAX_VALUE) {
                    int stops = stream.nextInt((int) joint);
                    prefixIndex = stops / compiled.suffixSize;
                    suffixIndex = stops - prefixIndex * compiled.suffixSize;
                } else {
                    long stops = stream.nextLong(joint);
                    prefixIndex = (int) (stops / compiled.suffixSize);
                    suffixIndex = (int) (stops - (long) prefixIndex * compiled.suffixSize);
                }
            } else if (compiled.uniformStops) {
                // drawStop's draw for reels without weights or heights, without its per-reel checks.
                for (int r = 0; r < compiled.prefixReels; r++) {
                    prefixIndex = prefixIndex * lengths[r] + stream.nextInt(lengths[r]);
                }
                for (int r = compiled.prefixReels; r < lengths.length; r++) {
                    suffixIndex = suffixIndex * lengths[r] + stream.nextInt(lengths[r]);
                }
            } else {
                for (int r = 0; r < compiled.prefixReels; r++) {
                    prefixIndex = prefixIndex * lengths[r] + reels.drawStop(stream, r);
                }
                for (int r = compiled.prefixReels; r < lengths.length; r++) {
                    suffixIndex = suffixIndex * lengths[r] + reels.drawStop(stream, r);
                }
            }
            long head = compiled.prefix[prefixIndex];
            int tail = compiled.suffix[SpinTable.prefixState(head) * compiled.suffixSize + suffixIndex];
            lineResult = SpinTable.prefixResult(head) + SpinTable.suffixResult(tail);
            int count = SpinTable.prefixScatters(head) + SpinTable.suffixScatters(tail);
            scatter = compiled.scatterCounted ? firstScatterPays[count] : 0;
            awarded = freeGames == null || free && !freeGames.retrigger() ? 0 : freeGames.spins(count);
        } else {
            long p0 = 0;
            long p1 = 0;
            long p2 = 0;
            // With the fast-mode draws, the reels' stops are the digits of one draw, the last reel least significant
            // (decoded from the last reel; derivation v1 draws from the first).
            long stops = joint != 0 ? stream.nextLong(joint) : 0;
            for (int i = 0; i < reels.reels; i++) {
                int r = joint != 0 ? reels.reels - 1 - i : i;
                int stop;
                if (joint != 0) {
                    int length = reels.length(r);
                    stop = (int) (stops % length);
                    stops /= length;
                } else {
                    stop = reels.drawStop(stream, r);
                }
                int g = reels.stopBase[r] + stop;
                if (r < 3) {
                    p0 = CompiledReels.pack(p0, r, g);
                } else if (r < 6) {
                    p1 = CompiledReels.pack(p1, r, g);
                } else {
                    p2 = CompiledReels.pack(p2, r, g);
                }
            }
            if (reels.hasTop()) {
                reels = reels.topped(reels.drawTop(stream)); // the top reel's stop, after the reels'
            }
            RoundOutcome counting = !free && outcome.countsAwards() ? outcome : null;
            RoundOutcome jackpots = payJackpots ? outcome : null;
            lineResult = model.ways() ? waysCredits(reels, p0, p1, p2, counting) << 8
                    : lineCredits(reels, p0, p1, p2, lines, counting, jackpots, lineBet);
            scatter = scatterCredits(reels, p0, p1, p2, lines, jackpots, lineBet);
            awarded = free && !freeGames.retrigger() ? 0 : freeSpinsAwarded(reels, p0, p1, p2);
            if (shows != null) {
                shows.coinCells = cells(reels, model.scatters().get(shows.coinScatter).symbol(), p0, p1, p2);
                shows.collectCount = shows.collectScatter < 0 ? 0 : scatterCount(reels, shows.collectScatter, p0, p1, p2);
            }
        }
        long line = lineResult >>> 8;
        if (free) {
            long won = freeGames.multiplier() * (line + scatter);
            outcome.addWin(freeType, (won - excess(won, lines)) * lineBet);
        } else {
            long excess = excess(line + scatter, lines);
            long lineCut = Math.min(excess, line);
            outcome.addWin(lineType, (line - lineCut) * lineBet);
            if (scatter > 0) {
                outcome.addWin(scatterType, (scatter - (excess - lineCut)) * lineBet);
            }
        }
        int bonuses = (int) (lineResult & 0xFF);
        if (bonuses > 0) {
            outcome.trigger(bonusFeature);
            outcome.addWin(free ? freeType : bonusType, playBonuses(stream, bonuses, outcome, lineBet) * lineBet);
        }
        if (shows != null) {
            shows.freeGames = awarded;
        }
        return awarded;
    }

    /** The cells (bit reel * rows + row) of the window that show {@code symbol}. */
    private long cells(CompiledReels reels, int symbol, long p0, long p1, long p2) {
        int rows = reels.rows;
        long cells = 0;
        for (int r = 0; r < reels.reels; r++) {
            int g = CompiledReels.unpack(p0, p1, p2, r);
            for (int j = 0; j < rows; j++) {
                if (reels.symbolAt[g * rows + j] == symbol) {
                    cells |= 1L << (r * rows + j);
                }
            }
        }
        return cells;
    }

    /**
     * Plays one bought feature ({@code "bonusBuy"}): the stake is the price, the round is the free games
     * the model's scatter count awards, drawn as free games are (no base spin). Its figures are in the PAR
     * sheet's "Bonus buy" table.
     *
     * @param stream where the round's random numbers come from
     * @param outcome receives the price as the stake, and the free games' wins
     * @throws IllegalStateException when the model has no bonus buy
     */
    public void playBonusBuy(RandomStream stream, RoundOutcome outcome) {
        playBonusBuy(stream, outcome, model.lineBet());
    }

    /** {@link #playBonusBuy(RandomStream, RoundOutcome)} at a bet per line (of one coin) of {@code lineBet}. */
    private void playBonusBuy(RandomStream stream, RoundOutcome outcome, long lineBet) {
        SlotModel.BonusBuy buy = model.bonusBuy();
        if (buy == null) {
            throw new IllegalStateException(model.id() + ": the model has no bonus buy");
        }
        outcome.start(Math.multiplyExact(buy.price(), lineBet * model.stakeUnits()));
        long remaining = model.freeGames().spins(buy.scatters());
        outcome.trigger(freeFeature);
        SpinTable[] tables = tables();
        for (; remaining > 0; remaining--) {
            remaining += spin(stream, true, outcome, lineBet, tables, false);
        }
    }

    /**
     * How much the cap takes off a spin's line-plus-scatter win of {@code credits}.
     *
     * @param credits the spin's line and scatter win, in line bets
     * @param lines the lines played
     * @return the amount above the cap, in line bets; 0 when under it or without a cap
     */
    public long excess(long credits, int lines) {
        long cap = model.maxWin() * lines;
        return cap > 0 && credits > cap ? credits - cap : 0;
    }

    /**
     * Draws which reel set of {@code choice} a spin plays: the only one, or a weighted pick.
     *
     * @param stream where the random numbers come from
     * @param choice the reel sets to choose from
     * @param weights the reel sets' weights, or null when there is one
     * @return the index of the reel set in {@link #reelSets}
     */
    public int choose(RandomStream stream, Choice choice, WeightedTable weights) {
        return weights == null ? choice.sets()[0] : choice.sets()[stream.pick(weights)];
    }

    /**
     * The played lines' win in line bets, shifted left 8 bits, plus the number of lines starting the bonus; each
     * paying line's awards counted into {@code counting} when it is not null.
     */
    private long lineCredits(CompiledReels reels, long p0, long p1, long p2, int lines, RoundOutcome counting,
            RoundOutcome jackpots, long lineBet) {
        if (reels.reels == 5 && jackpots == null) {
            return lineCreditsFiveReels(reels, CompiledReels.unpack(p0, p1, p2, 0), CompiledReels.unpack(p0, p1, p2, 1),
                    CompiledReels.unpack(p0, p1, p2, 2), CompiledReels.unpack(p0, p1, p2, 3),
                    CompiledReels.unpack(p0, p1, p2, 4), lines, counting);
        }
        int n = reels.reels;
        int rows = reels.rows;
        int[] codes = reels.lineCode;
        long result = 0;
        for (int l = 0; l < lines; l++) {
            int code = 0;
            int base = l * n;
            for (int r = 0; r < n; r++) {
                code += codes[CompiledReels.unpack(p0, p1, p2, r) * rows + lineRows[base + r]];
            }
            int entry = table.entry(code);
            result += ((long) (entry >>> 1) << 8) + (entry & 1);
            if (counting != null && LineTable.credits(entry) != 0) {
                countLineAwards(code, counting);
            }
            if (jackpots != null && LineTable.credits(entry) != 0) {
                result -= payLineJackpots(code, jackpots, lineBet) << 8;
            }
        }
        return result;
    }

    /**
     * Pays the jackpots a line with code {@code code} wins into their win types; returns their credits, which the
     * line's win no longer counts.
     */
    private long payLineJackpots(int code, RoundOutcome outcome, long lineBet) {
        long credits = 0;
        for (int packed = table.pays(code); packed != 0; packed >>>= 16) {
            int pay = (packed & 0xFFFF) - 1;
            int jackpot = model.jackpots().ofPay(pay);
            if (jackpot >= 0) {
                long won = model.pays().get(pay).credits();
                outcome.addWin(jackpotTypes[jackpot], won * lineBet);
                credits += won;
            }
        }
        return credits;
    }

    /** {@link #lineCredits} for the common five reels, with the stops in locals: the hot loop of most games. */
    private long lineCreditsFiveReels(CompiledReels reels, int g0, int g1, int g2, int g3, int g4, int lines,
            RoundOutcome counting) {
        int rows = reels.rows;
        int[] codes = reels.lineCode;
        int[] rowsOf = lineRows;
        int o0 = g0 * rows;
        int o1 = g1 * rows;
        int o2 = g2 * rows;
        int o3 = g3 * rows;
        int o4 = g4 * rows;
        long result = 0;
        for (int l = 0, b = 0; l < lines; l++, b += 5) {
            int code = codes[o0 + rowsOf[b]] + codes[o1 + rowsOf[b + 1]] + codes[o2 + rowsOf[b + 2]]
                    + codes[o3 + rowsOf[b + 3]] + codes[o4 + rowsOf[b + 4]];
            int entry = table.entry(code);
            result += ((long) (entry >>> 1) << 8) + (entry & 1);
            if (counting != null && entry > 1) {
                countLineAwards(code, counting);
            }
        }
        return result;
    }

    /** Counts the awards of a line with code {@code code}, as {@link LineTable#pays} packs its pays. */
    private void countLineAwards(int code, RoundOutcome counting) {
        int packed = table.pays(code);
        for (; packed != 0; packed >>>= 16) {
            counting.addAward(awardOfPay[(packed & 0xFFFF) - 1]);
        }
    }

    @Override
    public List<String> awards() {
        return awards;
    }

    /** Per award, the base spin's expected occurrences from the PAR sheet's count
     * ({@link io.fairspin.math.slot.analysis.Awards}); always stated. */
    @Override
    public Optional<List<Fraction>> occurrencesPerRound() {
        // Awards are counted apart from the cap, so a game without exact figures states them too.
        Fraction[] perPay = exact().map(a -> a.awards)
                .orElseGet(() -> io.fairspin.math.slot.analysis.Awards.of(this, model.baseReels())).occurrences;
        Fraction[] perAward = new Fraction[awards.size()];
        Arrays.fill(perAward, Fraction.ZERO);
        for (int p = 0; p < perPay.length; p++) {
            perAward[awardOfPay[p]] = perAward[awardOfPay[p]].add(perPay[p]);
        }
        return Optional.of(List.of(perAward));
    }

    /** The ways win in line bets; each paying run's award counted into {@code counting} when it is not null. */
    private long waysCredits(CompiledReels reels, long p0, long p1, long p2, RoundOutcome counting) {
        int symbols = model.symbolCount();
        int n = reels.reels;
        long total = 0;
        for (int i = 0; i < waysSymbols.length; i++) {
            int s = waysSymbols[i];
            int k = 0;
            long ways = 1;
            while (k < n) {
                int count = reels.waysCount[CompiledReels.unpack(p0, p1, p2, k) * symbols + s];
                if (count == 0) {
                    break;
                }
                ways *= count;
                k++;
            }
            total += ways * waysPay(i, k);
            if (counting != null && waysAwards[i * (n + 1) + k] >= 0) {
                counting.addAward(waysAwards[i * (n + 1) + k]);
            }
        }
        return total;
    }

    /**
     * A ways game's pay in line bets for a run of {@code length} reels of its i-th paying symbol.
     *
     * @param i the symbol's index among the ways game's paying symbols
     * @param length the run's length in reels
     * @return the pay in line bets, 0 when that run does not pay
     */
    public long waysPay(int i, int length) {
        return waysPays[i * (model.reels() + 1) + length];
    }

    /**
     * The first symbol a pay's pattern accepts on reel 1.
     *
     * @param pay a pay of the model
     * @return the symbol's index
     */
    public static int firstSymbol(SlotModel.Pay pay) {
        boolean[] set = pay.pattern()[0];
        for (int s = 0; s < set.length; s++) {
            if (set[s]) {
                return s;
            }
        }
        throw new IllegalStateException("a pay without symbols");
    }

    private int scatterCount(CompiledReels reels, int scatter, long p0, long p1, long p2) {
        byte[] counts = reels.scatterCount[scatter];
        int count = 0;
        for (int r = 0; r < reels.reels; r++) {
            count += counts[CompiledReels.unpack(p0, p1, p2, r)];
        }
        return count;
    }

    /**
     * The scatter win in line bets; with {@code jackpots} not null, a scatter pay that is a jackpot is paid into
     * its win type there, and left out.
     */
    private long scatterCredits(CompiledReels reels, long p0, long p1, long p2, int lines, RoundOutcome jackpots,
            long lineBet) {
        long total = 0;
        List<Scatter> scatters = model.scatters();
        for (int i = 0; i < scatters.size(); i++) {
            int count = scatterCount(reels, i, p0, p1, p2);
            int jackpot = jackpots == null ? -1 : model.jackpots().ofScatter(i, count);
            if (jackpot >= 0) {
                jackpots.addWin(jackpotTypes[jackpot], scatters.get(i).pay(count) * lines * lineBet);
            } else {
                total += scatters.get(i).pay(count);
            }
        }
        return total * lines;
    }

    private long freeSpinsAwarded(CompiledReels reels, long p0, long p1, long p2) {
        FreeGames free = model.freeGames();
        return free == null ? 0 : free.spins(scatterCount(reels, free.scatter(), p0, p1, p2));
    }

    /**
     * Plays {@code count} bonus rounds with the player picking the first items; their win in line bets, except the
     * prizes that are jackpots, which are paid into their win types in {@code outcome} at {@code lineBet}.
     */
    private long playBonuses(RandomStream stream, int count, RoundOutcome outcome, long lineBet) {
        Bonus bonus = model.bonus();
        long total = 0;
        for (int b = 0; b < count; b++) {
            int picks = drawPicks(stream);
            for (int item = 0; item < bonus.items(); item++) {
                long prizesHidden = bonus.countValues()[stream.pick(prizeCounts)];
                for (long p = 0; p < prizesHidden; p++) {
                    int prize = stream.pick(prizes);
                    if (item >= picks) {
                        continue;
                    }
                    int jackpot = model.jackpots().ofPrize(prize);
                    if (jackpot >= 0) {
                        outcome.addWin(jackpotTypes[jackpot], bonus.prizeValues()[prize] * lineBet);
                    } else {
                        total += bonus.prizeValues()[prize];
                    }
                }
            }
        }
        return total;
    }

    /**
     * The number of items the player picks in a bonus round: fixed, or drawn first when the model says so.
     *
     * @param stream where the random numbers come from
     * @return the number of picks
     */
    public int drawPicks(RandomStream stream) {
        Bonus bonus = model.bonus();
        return pickCounts == null ? bonus.picks() : (int) bonus.pickValues()[stream.pick(pickCounts)];
    }

    /**
     * The number of prizes an item hides, then each prize: the draws of one item.
     *
     * @param stream where the random numbers come from
     * @return the prizes the item hides, in line bets
     */
    public long[] drawItem(RandomStream stream) {
        int[] drawn = drawItemPrizes(stream);
        long[] hidden = new long[drawn.length];
        for (int p = 0; p < hidden.length; p++) {
            hidden[p] = model.bonus().prizeValues()[drawn[p]];
        }
        return hidden;
    }

    /**
     * {@link #drawItem} as indices into the bonus's prize table (which tell a jackpot from a number of the same value).
     *
     * @param stream where the random numbers come from
     * @return the prizes the item hides, as indices into {@code bonus.prizes}
     */
    public int[] drawItemPrizes(RandomStream stream) {
        Bonus bonus = model.bonus();
        int[] hidden = new int[(int) bonus.countValues()[stream.pick(prizeCounts)]];
        for (int p = 0; p < hidden.length; p++) {
            hidden[p] = stream.pick(prizes);
        }
        return hidden;
    }

    /**
     * The model's jackpots, in file order; each is the win type {@code "jackpot NAME"}.
     *
     * @return the jackpots, empty when the model names none
     */
    public List<io.fairspin.math.slot.jackpots.Jackpot> jackpots() {
        return model.jackpots().list();
    }

    @Override
    public Fraction progressiveContribution() {
        return io.fairspin.math.slot.jackpots.Jackpots.contribution(jackpots());
    }

    /**
     * Fresh meters for this game's progressive jackpots, for one stream of rounds.
     *
     * @return the meters ({@link io.fairspin.math.slot.jackpots.ProgressiveMeters})
     */
    public io.fairspin.math.slot.jackpots.ProgressiveMeters meters() {
        return new io.fairspin.math.slot.jackpots.ProgressiveMeters(jackpots(), jackpotTypes);
    }

    // ---- The recording path. ----

    /**
     * Plays one round at {@code bet} and describes it completely. The player picks the first items of
     * any bonus; {@link #play(Bet, RandomStream, int[])} takes other picks.
     *
     * @param bet the bet
     * @param stream where the round's random numbers come from
     * @return the round's spins, wins and bonus rounds
     */
    public SpinResult play(Bet bet, RandomStream stream) {
        return new SpinRecorder(this, bet, (int[]) null).play(stream);
    }

    /**
     * Plays one round at {@code bet}, the player picking the items {@code picks} (indices, in order, for
     * every bonus round); the items are filled before the player picks, so picks never change the odds.
     *
     * @param bet the bet
     * @param stream where the round's random numbers come from
     * @param picks the items the player picks, in order over all bonus rounds
     * @return the round's spins, wins and bonus rounds
     */
    public SpinResult play(Bet bet, RandomStream stream, int[] picks) {
        return new SpinRecorder(this, bet, picks.clone()).play(stream);
    }

    @Override
    public PlayedRound playRecorded(RandomStream stream) {
        SpinRecorder recorder = new SpinRecorder(this, new Bet(model.lineBet(), model.lines()), (int[]) null);
        return new PlayedRound(recorder.outcome(), text(recorder.play(stream)));
    }

    /** A round's detail, written straight from its records: the text valueToTree(result).toString() gives. */
    private static String text(SpinResult result) {
        return DetailText.of(result);
    }

    // ---- Exact analysis. ----

    /**
     * The exact distribution of the win of a round that triggers no feature, counted as the PAR sheet
     * counts ({@link RoundWins}); empty for random reel heights whose count is past
     * {@link RoundWins#HEIGHTS_BUDGET}.
     */
    @Override
    public Optional<SortedMap<Long, Fraction>> winDistribution() {
        return roundWins().map(RoundWins::wins);
    }

    /** The probability that a round triggers free games or a bonus: one category of the win distribution. */
    @Override
    public Fraction featureRounds() {
        return roundWins().map(RoundWins::featureRounds).orElse(Fraction.ZERO);
    }

    private Optional<RoundWins> roundWins() {
        Optional<RoundWins> result = roundWins;
        if (result == null) {
            result = Optional.ofNullable(RoundWins.of(this));
            roundWins = result;
        }
        return result;
    }

    @Override
    public Optional<ExactFigures> exactFigures() {
        return exact().map(Analysis::figures);
    }

    @Override
    public AnalysisReport analyze() {
        if (exact().isEmpty()) {
            return simulatedSheet();
        }
        AnalysisReport sheet = ParSheet.report(this, analysis());
        if (limits.standardOnly()) {
            return sheet;
        }
        AnalysisReport withBets = sheet.withTable(1, rtpByBet());
        return coinCounts().size() > 1 ? withBets.withTable(2, maxWinByCoins()) : withBets;
    }

    /**
     * The PAR sheet of a game without exact figures: {@link io.fairspin.math.slot.analysis.SimulatedSheet}'s seeded
     * simulation, every line marked, with the stake, and the maximum win and the cap's reachability exact from the
     * search for the largest spin wins, or, past its budget, the cap reached or not in the simulation.
     */
    private AnalysisReport simulatedSheet() {
        long cap = model.maxWin() / model.coins();
        List<List<AnalysisReport.Cell>> before = List.of(List.of(AnalysisReport.Cell.text("stake per round"),
                AnalysisReport.Cell.text(model.lines() + " lines x " + model.lineBet() + " = " + stake()
                        + " (minor units)")));
        List<List<AnalysisReport.Cell>> searched = io.fairspin.math.slot.analysis.ParSheet.searchedMaxWin(this);
        if (!searched.isEmpty()) {
            return io.fairspin.math.slot.analysis.SimulatedSheet.report(this, name(), notExact, before, searched,
                    max -> List.of());
        }
        String scope = "the cap applies to each spin's ways and scatter win (base or free game)";
        return io.fairspin.math.slot.analysis.SimulatedSheet.report(this, name(), notExact, before,
                max -> max < cap ? io.fairspin.math.slot.analysis.SimulatedSheet.capRows(cap, max, scope)
                        : List.of(List.of(AnalysisReport.Cell.text(io.fairspin.math.slot.analysis.MaxWin.CAP),
                                AnalysisReport.Cell.count(cap)), List.of(AnalysisReport.Cell.text(
                                io.fairspin.math.slot.analysis.MaxWin.CAP_REACHABLE), AnalysisReport.Cell.text(
                                "not computed (simulated sheet): " + scope + "; a simulated round won at least as much"))));
    }

    /** At most this many line counts are analysed for the RTP-by-bet table (each is an exact analysis). */
    private static final int MAX_LINE_COUNTS = 64;

    /**
     * The RTP at each bet configuration the limits allow that changes it: every number of coins (coin pays),
     * every number of lines (a line's rows or a cap can change the return per line bet); the bet per line never
     * changes it. Lists the standard wager first, then each configuration whose RTP differs from it.
     */
    private AnalysisReport.Table rtpByBet() {
        List<Long> lineCounts = limits.sample("lines", model.lines(), MAX_LINE_COUNTS);
        java.util.Map<String, Fraction> others = new java.util.LinkedHashMap<>();
        for (long coins : coinCounts()) {
            for (long lines : lineCounts) {
                if (lines == model.lines() && coins == model.coins()) {
                    continue;
                }
                io.fairspin.math.Bet bet = io.fairspin.math.Bet.lines((int) lines, model.lineBet(), (int) coins);
                others.put(describe(lines, coins), variant(bet).analysis().figures().rtp());
            }
        }
        return AnalysisReport.rtpByBet("lines and coins within the limits; the bet per line never changes the RTP",
                describe(model.lines(), model.coins()), analysis().figures().rtp(), others);
    }

    /** The numbers of coins the limits allow, at most about {@link #MAX_LINE_COUNTS} of them. */
    private List<Long> coinCounts() {
        return limits.sample("coins", model.coins(), MAX_LINE_COUNTS);
    }

    /**
     * The table "Maximum win by coins": at the standard lines, the maximum win of each number of coins the limits allow,
     * in total bets, each the summary's maximum win of the game at that bet (with coin pays, the top award for more
     * coins is not the coins times the one-coin award).
     */
    private AnalysisReport.Table maxWinByCoins() {
        List<List<AnalysisReport.Cell>> rows = new ArrayList<>();
        for (long coins : coinCounts()) {
            boolean standard = coins == model.coins();
            SlotGame at = standard ? this
                    : variant(io.fairspin.math.Bet.lines(model.lines(), model.lineBet(), (int) coins));
            rows.add(List.of(AnalysisReport.Cell.text(describe(model.lines(), coins) + (standard ? " (standard)" : "")),
                    ParSheet.maxWin(at)));
        }
        return new AnalysisReport.Table("Maximum win by coins", List.of("bet",
                io.fairspin.math.slot.analysis.MaxWin.LABEL), rows);
    }

    private static String describe(long lines, long coins) {
        return lines + (lines == 1 ? " line, " : " lines, ") + coins + (coins == 1 ? " coin" : " coins");
    }

    private static int gambleRounds(String file, JsonNode root) {
        JsonNode gamble = root.get("gamble");
        if (gamble == null) {
            return 0;
        }
        if (!gamble.isObject() || gamble.size() != 1 || !gamble.has("maxRounds")) {
            throw new ModelException(file, "$.gamble", "expected {\"maxRounds\": n}, the most double-ups after a win");
        }
        JsonNode rounds = gamble.get("maxRounds");
        if (!rounds.isIntegralNumber() || rounds.asLong() < 1 || rounds.asLong() > 10) {
            throw new ModelException(file, "$.gamble.maxRounds", "expected an integer from 1 to 10, was " + rounds);
        }
        return rounds.intValue();
    }

    /**
     * The game's exact analysis, computed once on first use.
     *
     * @return the analysis
     */
    public Analysis analysis() {
        return exact().orElseThrow(() -> new IllegalStateException(model.id() + ": no exact analysis: " + notExact));
    }

    /**
     * The exact analysis, computed once on first use; empty when the game has none: random reel heights with a
     * maximum-win cap whose count, outcome by outcome, passes its budget
     * ({@link io.fairspin.math.slot.analysis.SpinMoments#HEIGHTS_BUDGET}).
     */
    private Optional<Analysis> exact() {
        Optional<Analysis> result = analysis;
        if (result == null) {
            try {
                result = Optional.of(Analysis.of(this));
            } catch (io.fairspin.math.slot.analysis.SpinMoments.NotCounted e) {
                notExact = "random reel heights with a maximum-win cap ($.maxWin) are counted outcome by outcome, and "
                        + e.getMessage();
                result = Optional.empty();
            }
            analysis = result;
        }
        return result;
    }

    /**
     * The player's wager: bet per line in minor units and lines played (for a ways game, line bets staked).
     *
     * @param lineBet the bet per line in minor units, at least 1
     * @param lines   the lines played, at least 1
     */
    public record Bet(long lineBet, int lines) {
        /**
         * Checks that both are positive.
         *
         * @param lineBet the bet per line in minor units, at least 1
         * @param lines the lines played, at least 1
         */
        public Bet {
            if (lineBet < 1) {
                throw new IllegalArgumentException("lineBet: must be positive, was " + lineBet);
            }
            if (lines < 1) {
                throw new IllegalArgumentException("lines: must be positive, was " + lines);
            }
        }

        /**
         * The stake of one round.
         *
         * @return line bet times lines, in minor units
         */
        public long stake() {
            return lineBet * lines;
        }
    }
}
