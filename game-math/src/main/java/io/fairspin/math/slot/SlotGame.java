package io.fairspin.math.slot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fairspin.math.AnalysisReport;
import io.fairspin.math.Analyzable;
import io.fairspin.math.AwardOccurrences;
import io.fairspin.math.BetException;
import io.fairspin.math.BetLimits;
import io.fairspin.math.ExactFigures;
import io.fairspin.math.Fraction;
import io.fairspin.math.Game;
import io.fairspin.math.ModelException;
import io.fairspin.math.PlayedRound;
import io.fairspin.math.Round;
import io.fairspin.math.RoundOutcome;
import io.fairspin.math.TapedRound;
import io.fairspin.math.WinDistribution;
import io.fairspin.math.json.ModelBets;
import io.fairspin.math.json.StrictJson;
import io.fairspin.math.slot.analysis.Analysis;
import io.fairspin.math.slot.analysis.AnalysisCache;
import io.fairspin.math.slot.analysis.RoundWins;
import io.fairspin.math.slot.analysis.SlotSheet;
import io.fairspin.math.slot.evaluation.BaseSpin;
import io.fairspin.math.slot.evaluation.CompiledReels;
import io.fairspin.math.slot.evaluation.LineTable;
import io.fairspin.math.slot.evaluation.PayAwards;
import io.fairspin.math.slot.evaluation.SpinPlayer;
import io.fairspin.math.slot.evaluation.SpinRecorder;
import io.fairspin.math.slot.evaluation.SpinTable;
import io.fairspin.math.slot.evaluation.WaysPays;
import io.fairspin.math.slot.freegames.FreeGamesCheck;
import io.fairspin.math.slot.freegames.FreeGamesPlay;
import io.fairspin.math.slot.gamble.Gamble;
import io.fairspin.math.slot.model.ModelWarnings;
import io.fairspin.math.slot.model.SlotModel.Bonus;
import io.fairspin.math.slot.model.SlotModel.FreeGames;
import io.fairspin.math.slot.model.SlotModel;
import io.fairspin.math.slot.picks.PickBonusPlay;
import io.fairspin.math.slot.picks.PlayerPicks;
import io.fairspin.math.slot.reading.SlotModelReader;
import io.fairspin.rng.RandomStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;

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
    // The compiled game, read by the slot sub-packages (evaluation, analysis, features); not a stable API.
    /** The model as read from its file. */
    public final SlotModel model;
    /** The paylines' lookup table: a line's symbols to its win. */
    public final LineTable table;
    /** Every reel set of the model, compiled, by index. */
    public final CompiledReels[] reelSets;
    /** The ways game's pays (empty for a line game). */
    public final WaysPays ways;
    /** The model's pick bonus, drawn as derivation v1 draws it; null when the model has none. */
    public final PickBonusPlay picks;
    /** The awards of the pay table. */
    private final PayAwards awards;
    /** Row of each played line on each reel: index line * reels + reel. */
    public final int[] lineRows;
    /** The win types and features, immutable (read for every round played, by {@code RoundOutcome.forGame}). */
    private final List<String> winTypes;
    private final List<String> features;
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
    /** The index of the "free-games" feature in {@link #features()}, or -1 when the model has no free games. */
    public final int freeFeature;
    /** The index of the "bonus" feature in {@link #features()}, or -1 when the model has no pick bonus. */
    public final int bonusFeature;
    private final List<String> warnings;
    /** The exact analysis and round win distribution, each made once. */
    private final AnalysisCache exact = new AnalysisCache(this);
    private final BetLimits limits;
    /** The double-up after a winning round ({@code "gamble"}). */
    private final Gamble gamble;
    /** The model's free games, or null when it has none. */
    private final FreeGamesPlay freeGames;
    /** Plays the base and free spins of the simulation path. */
    private final SpinPlayer spins;
    /** This game at other wagers ({@link #variant} and {@link #at} share them). */
    private final Wagers wagers;

    SlotGame(String file, SlotModel model, JsonNode root) {
        this.model = model;
        this.wagers = new Wagers(file, root);
        this.limits = ModelBets.limits(file, root, standardBet(), ModelBets.LINE_LIMITS);
        if (!limits.standardOnly() && !model.ways()) {
            BetLimits.Limit lines = limits.limit("lines");
            if (lines != null && lines.max() > model.paylines().length) {
                throw new ModelException(file, "$.betLimits.lines", "allows " + lines.max() + " lines, but the model has "
                        + model.paylines().length + " paylines");
            }
        }
        if (!limits.standardOnly()) {
            wagers.checkReadable(limits, standardBet());
        }
        ModelBets.checkAbandon(file, root, Map.of("pick", List.of("first"), "gamble", List.of("collect")));
        this.gamble = Gamble.read(file, root);
        this.table = model.ways() ? null : new LineTable(file, model);
        this.reelSets = model.reelSets().stream().map(set -> new CompiledReels(model, set, table))
                .toArray(CompiledReels[]::new);
        FreeGames free = model.freeGames();
        Bonus bonus = model.bonus();
        int reels = model.reels();
        lineRows = new int[model.ways() ? 0 : model.lines() * reels];
        for (int l = 0; l < lineRows.length / Math.max(1, reels); l++) {
            System.arraycopy(model.paylines()[l], 0, lineRows, l * reels, reels);
        }
        awards = new PayAwards(model);
        ways = new WaysPays(model, awards);
        List<String> types = new ArrayList<>();
        List<String> featureNames = new ArrayList<>();
        lineType = addType(types, model.ways() ? "ways" : "line");
        scatterType = model.scatters().stream().anyMatch(s -> s.credits().length > 0) ? addType(types, "scatter") : -1;
        freeType = free == null ? -1 : addType(types, "free-games");
        bonusType = bonus == null ? -1 : addType(types, "bonus");
        jackpotTypes = new int[model.jackpots().list().size()];
        for (int j = 0; j < jackpotTypes.length; j++) {
            jackpotTypes[j] = addType(types, "jackpot " + model.jackpots().list().get(j).name());
        }
        freeFeature = free == null ? -1 : addType(featureNames, "free-games");
        bonusFeature = bonus == null ? -1 : addType(featureNames, "bonus");
        winTypes = List.copyOf(types);
        features = List.copyOf(featureNames);
        this.warnings = ModelWarnings.of(model);
        this.picks = bonus == null ? null : new PickBonusPlay(model, jackpotTypes);
        this.freeGames = free == null ? null : new FreeGamesPlay(free, freeFeature);
        this.spins = new SpinPlayer(this, awards, freeGames, picks);
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

    private static int addType(List<String> names, String name) {
        names.add(name);
        return names.size() - 1;
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
            return wagers.at(bet.lines(), model.lineBet(), bet.coins());
        } catch (ModelException e) {
            throw new BetException("$", "the model cannot be played at this bet: " + e.getMessage());
        }
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
        return wagers.at(b.lines(), b.lineBet(), b.coins());
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
            SpinRecorder recorder = new SpinRecorder(game, lineBet, new PlayerPicks(model.bonus(), player));
            if (b.isBonusBuy()) {
                return new PlayedRound(recorder.outcome(), DetailText.of(recorder.playBonusBuy(s)), b, List.of());
            }
            SpinResult result = recorder.play(s);
            boolean gambled = gamble.offered() && recorder.outcome().win() > 0;
            return new PlayedRound(recorder.outcome(), gambled ? gamble.play(player, s, recorder.outcome(), result)
                    : DetailText.of(result), b, List.of());
        };
        Bonus bonus = model.bonus();
        if ((!gamble.offered() || b.isBonusBuy()) && (bonus == null || bonus.picks() == bonus.items())) {
            return Round.settled(script.play(pending -> pending.byDefault(), stream));
        }
        return new TapedRound(b, stream, script);
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
        return winTypes;
    }

    @Override
    public List<String> features() {
        return features;
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
     * (see {@link SpinPlayer}); every other draw is derivation v1's. Each stop combination keeps probability
     * 1 / product, so the outcome's distribution is that of {@code play}.
     */
    @Override
    public void playFast(RandomStream stream, RoundOutcome outcome) {
        play(stream, outcome, model.lineBet(), spins.tables(), true);
    }

    /** The simulation path at a bet per line (of one coin) of {@code lineBet}, this game's lines and coins. */
    private void play(RandomStream stream, RoundOutcome outcome, long lineBet) {
        play(stream, outcome, lineBet, spins.tables(), false);
    }

    /**
     * {@link #play(RandomStream, RoundOutcome)} evaluated line by line, without the {@link SpinTable}s: the
     * same draws and the same outcome, for tests that check the tables against it.
     */
    void playLineByLine(RandomStream stream, RoundOutcome outcome) {
        play(stream, outcome, model.lineBet(), spins.lineByLine(), false);
    }

    /** {@link #playFast} evaluated line by line, for tests that check the tables against it. */
    void playFastLineByLine(RandomStream stream, RoundOutcome outcome) {
        play(stream, outcome, model.lineBet(), spins.lineByLine(), true);
    }

    private void play(RandomStream stream, RoundOutcome outcome, long lineBet, SpinTable[] tables, boolean fast) {
        outcome.start(lineBet * model.stakeUnits());
        // A spin table gives a spin's total, not its awards: an outcome that counts them is played line by line.
        long awarded = spins.spin(stream, false, outcome, lineBet, outcome.countsAwards() ? spins.lineByLine() : tables,
                fast);
        if (awarded > 0) {
            freeGames.play(spins, stream, outcome, awarded, lineBet, tables, fast, 0);
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
        spins.spin(stream, false, outcome, model.lineBet(), spins.lineByLine(), false, shows);
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
        if (awarded > 0) {
            freeGames.play(spins, stream, outcome, awarded, model.lineBet(), spins.spinTables(), false, cap);
        }
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
        freeGames.play(spins, stream, outcome, freeGames.awarded(buy.scatters()), lineBet, spins.tables(), false, 0);
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

    @Override
    public List<String> awards() {
        return awards.names;
    }

    /** Per award, the base spin's expected occurrences from the PAR sheet's count
     * ({@link io.fairspin.math.slot.analysis.Awards}); always stated. */
    @Override
    public Optional<List<Fraction>> occurrencesPerRound() {
        // Awards are counted apart from the cap, so a game without exact figures states them too.
        Fraction[] perPay = exact.analysis().map(a -> a.awards)
                .orElseGet(() -> io.fairspin.math.slot.analysis.Awards.of(this, model.baseReels())).occurrences;
        return Optional.of(awards.perAward(perPay));
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
        return new PlayedRound(recorder.outcome(), DetailText.of(recorder.play(stream)));
    }

    // ---- Exact analysis. ----

    /**
     * The exact distribution of the win of a round that triggers no feature, counted as the PAR sheet
     * counts ({@link RoundWins}); empty for random reel heights whose count is past
     * {@link RoundWins#HEIGHTS_BUDGET}.
     */
    @Override
    public Optional<SortedMap<Long, Fraction>> winDistribution() {
        return exact.roundWins().map(RoundWins::wins);
    }

    /** The probability that a round triggers free games or a bonus: one category of the win distribution. */
    @Override
    public Fraction featureRounds() {
        return exact.roundWins().map(RoundWins::featureRounds).orElse(Fraction.ZERO);
    }

    @Override
    public Optional<ExactFigures> exactFigures() {
        return exact.analysis().map(Analysis::figures);
    }

    @Override
    public AnalysisReport analyze() {
        Optional<Analysis> analysis = exact.analysis();
        return SlotSheet.of(this, analysis.orElse(null), exact.notExact(), limits,
                this::variant);
    }

    /**
     * The game's exact analysis, computed once on first use.
     *
     * @return the analysis
     */
    public Analysis analysis() {
        return exact.analysis().orElseThrow(() -> new IllegalStateException(model.id() + ": no exact analysis: "
                + exact.notExact()));
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
