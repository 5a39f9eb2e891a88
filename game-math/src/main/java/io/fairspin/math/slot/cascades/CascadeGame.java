package io.fairspin.math.slot.cascades;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.fairspin.math.AnalysisReport;
import io.fairspin.math.Analyzable;
import io.fairspin.math.Bet;
import io.fairspin.math.BetLimits;
import io.fairspin.math.ExactFigures;
import io.fairspin.math.Fraction;
import io.fairspin.math.Game;
import io.fairspin.math.ModelException;
import io.fairspin.math.PlayedRound;
import io.fairspin.math.Round;
import io.fairspin.math.RoundOutcome;
import io.fairspin.math.WinDistribution;
import io.fairspin.math.json.ModelBets;
import io.fairspin.math.slot.SlotGame;
import io.fairspin.math.slot.SpinResult;
import io.fairspin.math.slot.cascades.CascadeEngine.Window;
import io.fairspin.rng.RandomStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A cascading (tumbling) slot: clusters on a grid or ways from reel 1, winning symbols removed and
 * replaced from the strip, a multiplier that grows with each cascade in the base game and in free games,
 * a round win cap. Plays through the {@link Game} contract; exact figures by counting every stop
 * combination when the reel sets are small enough (the model's {@code analysisBudget}), otherwise
 * {@link #analyze()} reports simulated figures and says so. Plays at any bet the model's {@code betLimits}
 * allow (lines, bet per line, coins), as other slots do: {@link #at(Bet)} is the same model at that bet,
 * sharing its counted stop combinations. Immutable and thread-safe.
 */
public final class CascadeGame implements Game, Analyzable, WinDistribution {
    private static final ObjectWriter WRITER = new ObjectMapper().writer();

    final CascadeModel model;
    final CascadeEngine engine;
    private final ThreadLocal<Window> windows;
    /** The win types and features, immutable (read for every round played, by {@code RoundOutcome.forGame}). */
    private final List<String> winTypes;
    private final List<String> features;
    final int cascadeType;
    final int scatterType;
    final int freeType;
    final int freeFeature;
    private final BetLimits limits;
    /** The stop combinations counted once for every bet (they do not depend on it). */
    private final CascadeAnalysis.Counted counted;
    /** This game at other bets, by bet, when this is the game at the model's standard wager. */
    private final Map<Bet, CascadeGame> atBets;
    private volatile Optional<CascadeAnalysis> analysis;
    /** Each reel set's reels' numbers of stops, by reel set index (read by the checks of logged draws). */
    private final int[][] stripLengths;

    private CascadeGame(CascadeModel model, BetLimits limits, CascadeEngine engine, CascadeAnalysis.Counted counted,
            Map<Bet, CascadeGame> atBets) {
        this.model = model;
        this.limits = limits;
        this.engine = engine;
        this.counted = counted;
        this.atBets = atBets;
        this.windows = ThreadLocal.withInitial(() -> new Window(engine));
        this.stripLengths = model.strips().stream()
                .map(set -> java.util.Arrays.stream(set).mapToInt(strip -> strip.length).toArray()).toArray(int[][]::new);
        List<String> types = new ArrayList<>();
        List<String> featureNames = new ArrayList<>();
        cascadeType = add(types, "cascade");
        boolean scatterPays = java.util.Arrays.stream(model.scatterPays()).anyMatch(p -> p > 0);
        scatterType = scatterPays ? add(types, "scatter") : -1;
        freeType = model.free() == null ? -1 : add(types, "free-games");
        freeFeature = model.free() == null ? -1 : add(featureNames, "free-games");
        winTypes = List.copyOf(types);
        features = List.copyOf(featureNames);
    }

    /** The cascading game a model document with a {@code "cascade"} object describes. */
    public static CascadeGame fromModel(String fileName, JsonNode root) {
        CascadeModel model = CascadeModelReader.read(fileName, root);
        Bet standard = Bet.lines(model.lines(), model.lineBet(), model.coins());
        BetLimits limits = ModelBets.limits(fileName, root, standard, ModelBets.LINE_LIMITS);
        checkLimit(fileName, limits, "lines", CascadeModelReader.MAX_LINES);
        checkLimit(fileName, limits, "lineBet", 1L << 24);
        checkLimit(fileName, limits, "coins", CascadeModelReader.MAX_COINS);
        BetLimits.Limit lines = limits.limit("lines");
        if (lines != null && model.maxWin() > CascadeModelReader.MAX_CREDITS / lines.max()) {
            throw new ModelException(fileName, "$.maxWin", "expected at most " + CascadeModelReader.MAX_CREDITS
                    / lines.max() + " at the " + lines.max() + " lines that $.betLimits.lines allows, was "
                    + model.maxWin());
        }
        return new CascadeGame(model, limits, new CascadeEngine(model), new CascadeAnalysis.Counted(),
                new ConcurrentHashMap<>());
    }

    /** A limit above what the model's {@code bet} may say is refused, naming its path. */
    private static void checkLimit(String fileName, BetLimits limits, String name, long most) {
        BetLimits.Limit limit = limits.limit(name);
        if (limit != null && limit.max() > most) {
            throw new ModelException(fileName, "$.betLimits." + name, "allows " + limit.max() + ": a cascading game takes"
                    + " at most " + most);
        }
    }

    private static int add(List<String> names, String name) {
        names.add(name);
        return names.size() - 1;
    }

    /** The model's display name. */
    public String name() {
        return model.name();
    }

    @Override
    public String id() {
        return model.id();
    }

    /** The standard wager: the model's lines, bet per line and coins. */
    @Override
    public Bet standardBet() {
        return Bet.lines(model.lines(), model.lineBet(), model.coins());
    }

    @Override
    public BetLimits betLimits() {
        return limits;
    }

    /**
     * This game with {@code bet} as its standard wager: the same reels and pays, with the bet's lines (line bets
     * staked; scatter pays and the cap are in total bets), bet per line and coins (every pay and the cap times the
     * coins). Checks the bet before anything else; a bought bet is refused ({@link SlotGame#boughtIsNoGame()}).
     */
    @Override
    public CascadeGame at(Bet bet) {
        checkBet(bet);
        if (bet.isBonusBuy()) {
            throw SlotGame.boughtIsNoGame();
        }
        return atChecked(bet);
    }

    /** {@link #at} for a bet already checked, bought or not (the game at its lines, bet per line and coins). */
    private CascadeGame atChecked(Bet bet) {
        Bet explicit = bet.explicit(standardBet()).withoutBonusBuy();
        if (explicit.equals(standardBet())) {
            return this;
        }
        return atBets.computeIfAbsent(explicit, b -> new CascadeGame(model.withBet(b.lineBet(), b.lines(), b.coins()),
                limits, engine, counted, atBets));
    }

    @Override
    public void checkBet(Bet bet) {
        // A buy is refused by the limits (naming $.bonusBuy) unless the model sells one.
        limits.check(bet.isBonusBuy() && model.bonusBuy() != null ? bet.withoutBonusBuy() : bet);
    }

    @Override
    public long stake(Bet bet) {
        checkBet(bet);
        CascadeGame game = atChecked(bet);
        return bet.isBonusBuy() ? game.boughtStake() : game.stake();
    }

    /** A bought bet plays the free games the model's {@code "bonusBuy"} sells, at the bet's lines, bet per line and coins. */
    @Override
    public void play(Bet bet, RandomStream stream, RoundOutcome outcome) {
        checkBet(bet);
        CascadeGame game = atChecked(bet);
        if (bet.isBonusBuy()) {
            game.playBought(stream, outcome, game.windows.get(), null);
        } else {
            game.play(stream, outcome);
        }
    }

    /**
     * Opens a round at {@code bet}, settled at once (a cascading round asks the player nothing). A bought bet plays
     * the free games the model's {@code "bonusBuy"} sells, at a stake of the price x the bet; its detail says what was
     * bought ({@code "bonusBuy": {"price", "freeGames"}}).
     */
    @Override
    public Round open(Bet bet, RandomStream stream) {
        if (!bet.isBonusBuy()) {
            return Game.super.open(bet, stream);
        }
        checkBet(bet);
        CascadeGame game = atChecked(bet);
        RoundOutcome outcome = RoundOutcome.forGame(game);
        Records spins = game.new Records();
        game.playBought(stream, outcome, new Window(engine), spins);
        CascadeRecord record = new CascadeRecord(game.model.lineBet(), game.model.lines(), outcome.stake(),
                outcome.win(), spins.spins, new SpinResult.Bought(model.bonusBuy().price(), model.boughtFreeGames()));
        return Round.settled(new PlayedRound(outcome, text(record), bet.explicit(standardBet()), List.of()));
    }

    /** For a bought bet, the bought round's figures per unit of its stake (the PAR sheet's "Bonus buy" table). */
    @Override
    public Optional<ExactFigures> exactFigures(Bet bet) {
        checkBet(bet);
        CascadeGame game = atChecked(bet);
        return bet.isBonusBuy() ? game.exact().map(CascadeAnalysis::bonusBuyFigures) : game.exactFigures();
    }

    @Override
    public long stake() {
        return model.stake();
    }

    @Override
    public List<String> winTypes() {
        return winTypes;
    }

    @Override
    public List<String> features() {
        return features;
    }

    @Override
    public void play(RandomStream stream, RoundOutcome outcome) {
        playRound(stream, outcome, windows.get(), null);
    }

    @Override
    public PlayedRound playRecorded(RandomStream stream) {
        RoundOutcome outcome = RoundOutcome.forGame(this);
        Records spins = new Records();
        playRound(stream, outcome, new Window(engine), spins);
        return new PlayedRound(outcome, text(new CascadeRecord(model.lineBet(), model.lines(), stake(), outcome.win(),
                spins.spins, null)));
    }

    /**
     * Plays a round at the standard wager on {@code stream}, its spins described into {@code log} as they are played
     * (for {@link CanonicalCascades}, which compares them with the logged bytes).
     *
     * @return the round's outcome
     */
    RoundOutcome playLogged(RandomStream stream, Window w, SpinLog log) {
        RoundOutcome outcome = RoundOutcome.forGame(this);
        playRound(stream, outcome, w, log);
        return outcome;
    }

    private static String text(CascadeRecord record) {
        try {
            return WRITER.writeValueAsString(record);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One round; {@code spins} null on the simulation path, else each spin is described into it. */
    private void playRound(RandomStream stream, RoundOutcome outcome, Window w, SpinLog spins) {
        outcome.start(stake());
        long[] paid = {0};
        engine.draw(stream, false, w);
        long win = spin(w, model.multipliers(), spins);
        int scatters = engine.scatters(w);
        long scatterPay = CascadeModel.byCount(model.scatterPays(), scatters) * model.lines();
        pay(outcome, cascadeType, win, paid);
        if (scatterType >= 0) {
            pay(outcome, scatterType, scatterPay, paid);
        }
        long remaining = model.free() == null ? 0 : model.free().spins(scatters);
        record(spins, w, false, scatters, remaining, win + scatterPay);
        playFreeGames(stream, outcome, w, spins, remaining, paid);
    }

    /**
     * A bought round ({@code "bonusBuy"}): the stake is the price times the bet, the round is the free games the
     * model's bonus buy sells, drawn as the free games a base spin awards are (no base spin); the cap is the same
     * multiple of the bet as in other rounds.
     */
    private void playBought(RandomStream stream, RoundOutcome outcome, Window w, SpinLog spins) {
        outcome.start(boughtStake());
        playFreeGames(stream, outcome, w, spins, model.boughtFreeGames(), new long[] {0});
    }

    /** Plays {@code awarded} free games and what they retrigger, until the cap is reached. */
    private void playFreeGames(RandomStream stream, RoundOutcome outcome, Window w, SpinLog spins, long awarded,
            long[] paid) {
        if (awarded > 0) {
            outcome.trigger(freeFeature);
        }
        for (long remaining = awarded; remaining > 0 && paid[0] < cap(); remaining--) {
            engine.draw(stream, true, w);
            long free = spin(w, model.free().multipliers(), spins);
            int count = engine.scatters(w);
            free += CascadeModel.byCount(model.scatterPays(), count) * model.lines();
            pay(outcome, freeType, free, paid);
            long more = model.free().retrigger() ? model.free().spins(count) : 0;
            remaining += more;
            record(spins, w, true, count, more, free);
        }
    }

    /** The most a round pays, in line bets of one coin: the model's cap in total bets, or no limit. */
    private long cap() {
        return model.maxWin() == 0 ? Long.MAX_VALUE : model.maxWin() * model.lines();
    }

    /** What a bought round costs at this game's bet: the price times the stake. */
    private long boughtStake() {
        return Math.multiplyExact(model.bonusBuy().price(), stake());
    }

    private void pay(RoundOutcome outcome, int type, long credits, long[] paid) {
        long amount = Math.min(credits, cap() - paid[0]);
        paid[0] += amount;
        if (amount > 0) {
            outcome.addWin(type, amount * model.unit());
        }
    }

    /**
     * Plays the drawn window to its end (as {@link CascadeEngine#cascade} does), each evaluation described into
     * {@code spins} when it is not null; returns the total win in line bets, multipliers applied.
     */
    private long spin(Window w, long[] multipliers, SpinLog spins) {
        if (spins == null) {
            return engine.cascade(w, multipliers);
        }
        long total = 0;
        while (true) {
            long win = engine.evaluate(w);
            long multiplier = CascadeEngine.multiplier(multipliers, w.evaluations);
            spins.step(w, win, multiplier, win * multiplier * model.unit());
            total += win * multiplier;
            if (win == 0 || w.evaluations >= CascadeEngine.MAX_EVALUATIONS) {
                return total;
            }
            engine.tumble(w);
        }
    }

    /** Ends the spin described into {@code spins} (when it is not null): scatters, free games, win in credits. */
    private void record(SpinLog spins, Window w, boolean free, int scatters, long freeGames, long credits) {
        if (spins != null) {
            spins.spin(w, free, scatters, freeGames, credits * model.unit());
        }
    }

    /**
     * Where a round's spins are described as they are played: each evaluation of the window ({@link #step}, the window
     * unchanged since it was evaluated), then the end of the spin ({@link #spin}).
     */
    interface SpinLog {
        /**
         * One evaluation of the window, just made ({@code w.removed} its winning positions).
         *
         * @param w the window evaluated
         * @param credits its win in line bets of one coin, before the multiplier
         * @param multiplier the evaluation's multiplier
         * @param amount its win in minor units
         */
        void step(Window w, long credits, long multiplier, long amount);

        /**
         * The end of the spin whose evaluations were described.
         *
         * @param w the window, its reel set and stops those drawn
         * @param free whether the spin is a free game
         * @param scatters scatters on the final window
         * @param freeGames free games awarded
         * @param win the spin's win with scatter pays, before any round cap, in minor units
         */
        void spin(Window w, boolean free, int scatters, long freeGames, long win);
    }

    /** The spins of a round as {@link CascadeRecord.Spin}s, for its detail. */
    private final class Records implements SpinLog {
        final List<CascadeRecord.Spin> spins = new ArrayList<>();
        private List<CascadeRecord.Step> steps = new ArrayList<>();

        @Override
        public void step(Window w, long credits, long multiplier, long amount) {
            List<CascadeRecord.Position> positions = new ArrayList<>();
            for (int c = 0; c < engine.cells; c++) {
                if ((w.removed >>> c & 1) != 0 && credits > 0) {
                    positions.add(new CascadeRecord.Position(c / engine.rows, c % engine.rows));
                }
            }
            steps.add(new CascadeRecord.Step(window(w), positions, credits, multiplier, amount));
        }

        @Override
        public void spin(Window w, boolean free, int scatters, long freeGames, long win) {
            List<Integer> stops = new ArrayList<>();
            for (int stop : w.stops) {
                stops.add(stop);
            }
            String kind = free ? "free" : "base";
            spins.add(new CascadeRecord.Spin(kind, model.setNames().get(w.set), stops, steps, scatters, freeGames, win));
            steps = new ArrayList<>();
        }
    }

    private List<List<String>> window(Window w) {
        List<List<String>> rows = new ArrayList<>();
        for (int j = 0; j < engine.rows; j++) {
            List<String> row = new ArrayList<>();
            for (int r = 0; r < engine.reels; r++) {
                row.add(model.symbols().get(w.grid[r * engine.rows + j]));
            }
            rows.add(row);
        }
        return rows;
    }

    /**
     * The draws a logged round of this game made, read back from its logged outcome for its outcome check to play the
     * round again on: per spin (the base spin, then each free game) the reel set where the model chooses one, and each
     * reel's stop (on a weighted strip, the index of the stop picked).
     *
     * @param outcome the logged outcome (a {@link CascadeRecord}'s JSON)
     * @return the logged draws, in the order the round makes them
     * @throws IllegalArgumentException naming the JSON path of a spin, reel set or stop this game cannot draw
     */
    public io.fairspin.math.LoggedDraws loggedDraws(JsonNode outcome) {
        JsonNode spins = outcome.get("spins");
        if (spins == null || !spins.isArray() || spins.isEmpty()) {
            throw new IllegalArgumentException("$.outcome.spins: expected a non-empty array");
        }
        io.fairspin.math.LoggedDraws draws = new io.fairspin.math.LoggedDraws();
        // A bought round has no base spin: its first spin is a free game.
        int firstFree = outcome.hasNonNull("bonusBuy") ? 0 : 1;
        for (int i = 0; i < spins.size(); i++) {
            String path = "$.outcome.spins[" + i + "]";
            if (i >= firstFree && model.free() == null) {
                throw new IllegalArgumentException(path + ": a free game, but the model has none");
            }
            CascadeModel.Sets sets = i < firstFree ? model.baseSets() : model.free().sets();
            String name = spins.get(i).path("reelSet").asText();
            int chosen = chosen(sets, name);
            if (chosen < 0) {
                throw new IllegalArgumentException(path + ".reelSet: '" + name + "' is not a reel set this spin can use");
            }
            int[] stops = io.fairspin.math.json.OutcomeJson.stops(spins.get(i).get("stops"), lengths(sets, chosen),
                    path + ".stops");
            draws.addSpin(sets.sets().length, chosen, stops);
        }
        return draws;
    }

    /** The index in {@code sets} of the reel set named {@code name} (the first of that name), or -1 for none. */
    int chosen(CascadeModel.Sets sets, String name) {
        for (int k = 0; k < sets.sets().length; k++) {
            if (model.setNames().get(sets.sets()[k]).equals(name)) {
                return k;
            }
        }
        return -1;
    }

    /** Each reel's number of stops in reel set {@code chosen} of {@code sets} (shared: not to be changed). */
    int[] lengths(CascadeModel.Sets sets, int chosen) {
        return stripLengths[sets.sets()[chosen]];
    }

    // ---- Analysis ----

    /** The exact analysis, when the model is small enough and has no round cap. */
    Optional<CascadeAnalysis> exact() {
        Optional<CascadeAnalysis> result = analysis;
        if (result == null) {
            result = CascadeAnalysis.of(this, counted);
            analysis = result;
        }
        return result;
    }

    @Override
    public Optional<ExactFigures> exactFigures() {
        return exact().map(CascadeAnalysis::figures);
    }

    /** From the exact count of every base stop combination, when the game has exact figures. */
    @Override
    public Optional<SortedMap<Long, Fraction>> winDistribution() {
        return exact().map(CascadeAnalysis::roundWins);
    }

    /** The rounds whose base spin awards free games. */
    @Override
    public Fraction featureRounds() {
        return exact().map(CascadeAnalysis::freeTrigger).orElse(Fraction.ZERO);
    }

    @Override
    public AnalysisReport analyze() {
        Optional<CascadeAnalysis> exact = exact();
        if (exact.isEmpty()) {
            return CascadeSimulatedSheet.report(this);
        }
        AnalysisReport sheet = exact.get().report();
        if (limits.standardOnly()) {
            return sheet;
        }
        return sheet.withTable(1, rtpByBet());
    }

    /** At most this many line counts are listed in the RTP-by-bet table. */
    private static final int MAX_LINE_COUNTS = 64;

    /**
     * The exact RTP at each number of lines (line bets staked) the limits allow: the pays are in line bets and the
     * scatter pays in total bets, so the lines change the RTP; the bet per line and the coins multiply every pay,
     * the cap and the stake alike and never change it. Each figure comes from the same counted spins.
     */
    private AnalysisReport.Table rtpByBet() {
        Map<String, Fraction> others = new java.util.LinkedHashMap<>();
        for (long lines : limits.sample("lines", model.lines(), MAX_LINE_COUNTS)) {
            if (lines != model.lines()) {
                others.put(describe(lines), withLines((int) lines).exactFigures().orElseThrow().rtp());
            }
        }
        return AnalysisReport.rtpByBet("lines within the limits; the bet per line and the coins never change the RTP",
                describe(model.lines()), exactFigures().orElseThrow().rtp(), others);
    }

    /** This game with {@code lines} line bets staked, the standard bet per line and coins (not checked against the limits). */
    CascadeGame withLines(int lines) {
        Bet bet = Bet.lines(lines, model.lineBet(), model.coins());
        return bet.equals(standardBet()) ? this : atBets.computeIfAbsent(bet, b -> new CascadeGame(
                model.withBet(b.lineBet(), b.lines(), b.coins()), limits, engine, counted, atBets));
    }

    private static String describe(long lines) {
        return lines + (lines == 1 ? " line" : " lines");
    }

    /** Why the figures are not exact, or null when they are. */
    String notExactBecause() {
        return CascadeAnalysis.notExactBecause(this);
    }
}
