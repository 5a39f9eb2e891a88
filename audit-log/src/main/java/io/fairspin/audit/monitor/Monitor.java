package io.fairspin.audit.monitor;

import io.fairspin.audit.checkpoint.Checkpoint;
import io.fairspin.audit.checkpoint.SignedNote;
import io.fairspin.audit.log.LogFollower;
import io.fairspin.audit.log.LogProblem;
import io.fairspin.audit.record.LogEntry;
import io.fairspin.audit.record.RngHealthRecord;
import io.fairspin.audit.record.RoundRecord;
import io.fairspin.audit.round.ModelFile;
import io.fairspin.math.ExactFigures;
import io.fairspin.math.Game;
import io.fairspin.math.OutcomeCheck;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Watches an audit log's rounds against the exact figures of their models: per game, model and currency a
 * {@link GameTally} with its control limits (none for a model without exact figures, such as blackjack), each round
 * judged against the figures of its bet configuration (read from its logged player choices: {@link BetClasses}), and
 * alerts for unknown model hashes, rounds whose win the model cannot produce for the logged outcome (evaluated
 * again by the game's {@link OutcomeCheck}, without escrow),
 * duplicate round ids, generator health failures, and every integrity problem the {@link LogFollower} finds
 * (gaps, rollbacks, split views, checkpoints that fail).
 *
 * <p>Bought rounds (a bet with {@code "bonusBuy": true} in the logged player choices) are kept apart: their own
 * tally per model, named {@code GAME}{@value #BOUGHT}, against the buy's exact figures at the standard lines
 * ({@link Game#exactFigures(io.fairspin.math.Bet)}: RTP, variance and hit frequency per unit of the bought stake),
 * with no award test (a bought round has no base spin). Mixed into the base game's tally they would be judged
 * against the base game's RTP and hit frequency, which a buy does not have.
 *
 * <p>Feed it from a {@link LogFollower}; it is thread-safe, so a metrics endpoint may {@link #read} it while
 * the follower thread writes.
 */
public final class Monitor implements LogFollower.Listener {
    /** What a bought rounds' tally adds to its game's id. */
    public static final String BOUGHT = " (bonus buy)";
    /** Alerts of one type and game after which further ones are only counted. */
    static final int ALERTS_PER_KIND = 20;
    /**
     * The most entries deferred while an analysis runs (about 100 bytes each, a round that may alert keeps its entry);
     * past it the reading thread waits for the analysis.
     */
    static final int MAX_DEFERRED = 1 << 19;

    /** A tally's key: its model's hash and its rounds' currency. */
    private record TallyKey(ByteBuffer hash, String currency) {
    }

    /** Work deferred in log order, and the analysis it waits for (null: it waits only for the work before it). */
    private record Deferred(CompletableFuture<?> awaits, Runnable work) {
    }

    private final Models models;
    private final ControlLimits limits;
    private final Consumer<Alert> sink;
    private final Analyses analyses;
    private final ExecutorService analysisThreads = newAnalysisPool();
    private final Map<TallyKey, GameTally> tallies = new HashMap<>();
    /** The bought rounds' tallies, by model hash and currency. */
    private final Map<TallyKey, GameTally> boughtTallies = new HashMap<>();
    private final Map<String, GameTally> byKey = new LinkedHashMap<>();
    private final Map<ByteBuffer, Long> unknownModels = new LinkedHashMap<>();
    private final RoundIds roundIds = new RoundIds();
    private final Map<String, Integer> alertsOf = new HashMap<>();
    private final Map<Alert.Type, Long> alertCounts = new EnumMap<>(Alert.Type.class);
    private final Map<String, Long> reseeds = new LinkedHashMap<>();
    private final List<RngHealthRecord> rngFailures = new ArrayList<>();
    private final List<Alert> firstAlerts = new ArrayList<>();
    private long entries;
    private long rounds;
    private long checkpoints;
    private Checkpoint lastCheckpoint;
    private long duplicates;
    /** What waits, in log order, for a model's exact analysis (or for work before it that waits for one). */
    private final java.util.ArrayDeque<Deferred> deferred = new java.util.ArrayDeque<>();
    /**
     * The tallies being made by their models' exact analyses, by model hash; bought rounds' apart. Each is the template
     * of its model's tallies, one per currency ({@link GameTally#inCurrency}).
     */
    private final Map<ByteBuffer, CompletableFuture<GameTally>> tallyMaking = new HashMap<>();
    private final Map<ByteBuffer, CompletableFuture<GameTally>> boughtTallyMaking = new HashMap<>();
    /** The exact figures of each bet configuration other than the standard wager, by configuration (one per model). */
    private final Map<BetClasses.BetClass, CompletableFuture<BetFigures>> betFiguresMaking =
            new java.util.IdentityHashMap<>();
    /** Each configuration's figures, or those of a configuration judged alike before it ({@link #AS_STANDARD}). */
    private final Map<BetFigures, BetFigures> sharedFigures = new java.util.IdentityHashMap<>();
    /** The distinct figures of the configurations of each model's tally, by what judges them, by its standard figures. */
    private final Map<BetFigures, Map<Object, BetFigures>> distinctFigures = new java.util.IdentityHashMap<>();
    /** What {@link #sharedFigures} holds for figures judged alike to the standard wager's. */
    private static final BetFigures AS_STANDARD = BetFigures.of("{}", null, List.of(), null);
    /** The tally of the last round's model (read in log order, under the lock). */
    private GameTally lastTally;
    private Model lastTallyModel;
    /** The currencies seen, one string each, so that a round's currency is compared without making a string. */
    private final Map<String, String> currencies = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile String lastCurrency = "";

    /**
     * A monitor of rounds against {@code models}.
     *
     * @param models the models the log's rounds may name
     * @param limits the control limits of every game
     * @param sink receives every alert, in the reading thread
     */
    public Monitor(Models models, ControlLimits limits, Consumer<Alert> sink) {
        this(models, limits, sink, Analyses.UNBOUNDED);
    }

    /**
     * A monitor of rounds against {@code models} whose exact analyses run through {@code analyses}: once per
     * model, when a round of the log first names it, and never again (the games keep what they computed). Each runs
     * on an analysis thread (as many as there are processors) while the log is read and checked on; the rounds of its model, and everything after the
     * first of them, are tallied and alerted in log order once it is done (at the latest when the follower's poll
     * ends, {@link #polled()}).
     *
     * @param models the models the log's rounds may name
     * @param limits the control limits of every game
     * @param sink receives every alert, in the reading thread
     * @param analyses runs each model's exact analysis (fairspin's {@code monitor}: under {@code --max-cycle})
     */
    public Monitor(Models models, ControlLimits limits, Consumer<Alert> sink, Analyses analyses) {
        this.models = models;
        this.limits = limits;
        this.sink = sink;
        this.analyses = analyses;
    }

    /**
     * How the exact analysis of a model that the log names is run: a caller bounds it, shows its progress or
     * stops it. It runs on an analysis thread; what {@link #run} throws is thrown on the reading thread when the
     * round that needs the analysis is tallied, and ends the monitor's reading with that exception.
     */
    public interface Analyses {
        /** Runs every analysis as it is, without a bound. */
        Analyses UNBOUNDED = new Analyses() {
            @Override
            public <T> T run(ModelFile model, Supplier<T> analysis) {
                return analysis.get();
            }
        };

        /**
         * Runs {@code analysis}, the exact analysis of {@code model} (or what needs it: its figures, its
         * outcome check), and returns what it returned.
         *
         * @param <T> what the analysis returns
         * @param model the model file whose game is analysed, for messages
         * @param analysis the analysis
         * @return what {@code analysis} returned
         */
        <T> T run(ModelFile model, Supplier<T> analysis);
    }

    /**
     * What {@link #prepare} works out for a round on any thread, so that the reading thread, which tallies rounds in
     * log order, reads one small object per round: the 64-bit hash of its id, its model (the same object for every
     * round of one model hash), whether it is bought, whether its game id is its model's, its bet and win and, when
     * its model has an {@link OutcomeCheck}, what the check found ({@code checked}, {@code problem} or null) and the
     * base game's award counts (null when none); its currency is one string per currency.
     */
    record Prepared(long idHash, Model model, boolean bought, boolean sameGame, String currency, long bet, long win,
            boolean checked, String problem, long[] awards, BetClasses.LoggedBet logged) {
    }

    /** The outcome checks of one model, one per thread (a check keeps state between calls). */
    private static final class Checks {
        final ThreadLocal<OutcomeCheck> check;
        final ThreadLocal<long[]> scratch;

        Checks(Game game) {
            check = ThreadLocal.withInitial(() -> OutcomeCheck.of(game).orElseThrow());
            scratch = ThreadLocal.withInitial(() -> new long[check.get().awards().size()]);
        }
    }

    private static final Checks NO_CHECK = new Checks(null);

    /**
     * A model hash the log names, one object per hash: the hash, its game's id (null when no model of {@link Models}
     * has the hash), its outcome checks ({@link #NO_CHECK} when none) and its rounds' bet configurations (null when
     * unknown).
     */
    record Model(ByteBuffer hash, String gameId, Checks checks, BetClasses bets) {
    }

    /** The models by hash, filled as rounds name them, from any thread. */
    private final Map<ByteBuffer, Model> modelsByHash = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * Thread-safe, for the {@link LogFollower}'s decoding threads: hashes a round's id, reads its bet, model and game
     * id, and checks its logged outcome against its model (which depends on no other round).
     */
    @Override
    public Object prepare(LogEntry entry) {
        if (!(entry.event() instanceof RoundRecord)) {
            return null;
        }
        RoundRecord round = (RoundRecord) entry.event();
        long id = RoundIds.hash(round.roundIdUtf8());
        Model model = modelOf(round.modelHashUnsafe());
        BetClasses.LoggedBet logged = model.bets() == null ? null : model.bets().of(round.playerChoicesUnsafe());
        // Whether the round is bought, read as its configuration is (the same bytes), so that both always agree.
        boolean bought = logged != null && logged.refused() == null ? logged.bought()
                : io.fairspin.math.RoundChoices.bonusBuy(round.playerChoicesUnsafe());
        // A bought round's tally is named GAME + BOUGHT: the logged game id is compared with the model's all the same.
        boolean sameGame = model.gameId() == null || round.gameIdIs(model.gameId());
        Checks of = model.checks();
        String currency = currencyOf(round);

        if (of == NO_CHECK) {
            return new Prepared(id, model, bought, sameGame, currency, round.bet(), round.win(), false, null, null,
                    logged);
        }
        long[] scratch = of.scratch.get();
        String problem = check(of.check.get(), round, scratch);
        long[] awards = null;
        for (int i = 0; i < scratch.length; i++) {
            if (scratch[i] != 0) {
                awards = scratch.clone();
                break;
            }
        }
        java.util.Arrays.fill(scratch, 0);
        return new Prepared(id, model, bought, sameGame, currency, round.bet(), round.win(), true, problem,
                problem == null ? awards : null, logged);
    }

    /** The round's currency, the one string kept for it; a log's rounds mostly have the currency of the one before. */
    private String currencyOf(RoundRecord round) {
        String last = lastCurrency;
        if (round.currencyIs(last)) {
            return last;
        }
        String code = currencies.computeIfAbsent(round.currency(), c -> c);
        lastCurrency = code;
        return code;
    }

    /** The model last looked up: a log's rounds mostly name the model of the round before. */
    private record LastModel(byte[] hash, Model model) {
    }

    private volatile LastModel lastModel;

    private Model modelOf(byte[] hash) {
        LastModel last = lastModel;
        if (last != null && java.util.Arrays.equals(last.hash(), hash)) {
            return last.model();
        }
        Model of = modelsByHash.get(ByteBuffer.wrap(hash));
        if (of == null) {
            of = modelsByHash.computeIfAbsent(ByteBuffer.wrap(hash.clone()), this::modelOf);
        }
        lastModel = new LastModel(hash.clone(), of);
        return of;
    }

    private Model modelOf(ByteBuffer hash) {
        ModelFile model = models.byHash(HexFormat.of().formatHex(hash.array()));
        if (model == null) {
            return new Model(hash, null, NO_CHECK, null);
        }
        // Making the checks counts nothing (the tally's exact figures do, under the caller's bound). A model without
        // exact figures (blackjack) is checked round by round all the same.
        Game game = model.game();
        return new Model(hash, game.id(), OutcomeCheck.of(game).isEmpty() ? NO_CHECK : new Checks(game),
                new BetClasses(game));
    }

    /** Checks a round's outcome; null when it agrees with the model, else what differs. */
    private static String check(OutcomeCheck check, RoundRecord round, long[] awards) {
        return check.check(round.outcomeUnsafe(), round.playerChoicesUnsafe(), round.bet(), round.win(), awards);
    }

    @Override
    public void entry(LogEntry entry) {
        entry(entry, prepare(entry));
    }

    @Override
    public synchronized void entry(LogEntry entry, Object prepared) {
        if (prepared instanceof Prepared) {
            round(entry, (Prepared) prepared);
        } else if (entry.event() instanceof RoundRecord) {
            round(entry, (Prepared) prepare(entry));
        } else {
            inOrder(null, () -> other(entry));
        }
    }

    /** An entry that is not a round: a generator's reseed or failure, a key announcement. */
    private void other(LogEntry entry) {
        entries++;
        if (entry.event() instanceof RngHealthRecord) {
            RngHealthRecord h = (RngHealthRecord) entry.event();
            reseeds.merge(h.drbgId(), 0L, Long::sum);
            if (h.kind().equals(RngHealthRecord.RESEED)) {
                reseeds.put(h.drbgId(), Math.max(reseeds.get(h.drbgId()), h.reseeds()));
            } else {
                rngFailures.add(h);
                alert(Alert.of(Alert.Type.RNG_HEALTH, "the certified generator " + h.drbgId()
                        + " stopped after a health-test failure: " + h.detail(), null, null, entry.index(), null, 0,
                        Map.of("drbgId", h.drbgId(), "at", java.time.Instant.ofEpochMilli(h.atMillis()).toString())));
            }
        }
    }

    /**
     * A round as it arrives, in log order: tallied now, or, while its model's exact analysis runs (or earlier work
     * waits for one), deferred with what its tally needs; it keeps its entry only when it may alert. The id table is
     * kept as rounds arrive, so a deferred round keeps whether its id was seen before.
     */
    private void round(LogEntry entry, Prepared prepared) {
        boolean duplicate = !roundIds.add(prepared.idHash(), entry.index());
        CompletableFuture<GameTally> making = tallyMaking(prepared);
        BetClasses.BetClass betClass = admitted(prepared);
        CompletableFuture<BetFigures> atBet = betFiguresMaking(prepared, betClass);
        if (deferred.isEmpty() && (making == null || making.isDone()) && (atBet == null || atBet.isDone())) {
            tally(entry.index(), entry, prepared, duplicate, betClass);
            return;
        }
        long index = entry.index();
        boolean mayAlert = duplicate || !prepared.sameGame() || prepared.problem() != null
                || prepared.model().gameId() == null || prepared.logged() != null && prepared.logged().refused() != null;
        LogEntry kept = mayAlert ? entry : null;
        CompletableFuture<?> awaits = atBet == null ? making : making == null ? atBet
                : CompletableFuture.allOf(making, atBet);
        inOrder(awaits, () -> tally(index, kept, prepared, duplicate, betClass));
    }

    /**
     * The bet configuration a round is judged in, admitted in log order ({@link BetClasses#admit}); null for the
     * standard wager, a bet the game refuses and an unknown model.
     */
    private static BetClasses.BetClass admitted(Prepared prepared) {
        BetClasses.LoggedBet logged = prepared.logged();
        if (logged == null || logged.betClass() == null) {
            return null;
        }
        return prepared.model().bets().admit(logged.betClass());
    }

    /**
     * The exact figures of a round's bet configuration, made on an analysis thread the first time a round of the
     * model is played at it; null for the standard wager and an unknown model.
     */
    private CompletableFuture<BetFigures> betFiguresMaking(Prepared prepared, BetClasses.BetClass betClass) {
        if (betClass == null) {
            return null;
        }
        if (betClass == BetClasses.OTHER) {
            return PAST_KEPT;
        }
        return betFiguresMaking.computeIfAbsent(betClass, c -> {
            ByteBuffer hash = prepared.model().hash();
            ModelFile file = models.byHash(HexFormat.of().formatHex(hash.array()));
            CompletableFuture<GameTally> template = (prepared.bought() ? boughtTallyMaking : tallyMaking).get(hash);
            return template.thenApplyAsync(t -> betFigures(t, file, c), analysisThreads);
        });
    }

    private static final CompletableFuture<BetFigures> PAST_KEPT =
            CompletableFuture.completedFuture(BetFigures.PAST_KEPT);

    /**
     * The exact figures of the model's game at a bet configuration that it accepts (run through {@link Analyses}), for
     * rounds of {@code template}'s tally; without figures (its rounds not judged) when the game states none there. A
     * bought configuration has no award test, as its tally has none. On the analysis's thread.
     */
    private BetFigures betFigures(GameTally template, ModelFile model, BetClasses.BetClass betClass) {
        if (!template.hasExactFigures()) {
            return template.figuresAt(betClass.label(), null, null);
        }
        Game game = model.game();
        io.fairspin.math.Bet bet = betClass.bet();
        try {
            return analyses.run(model, () -> template.figuresAt(betClass.label(), game.exactFigures(bet).orElse(null),
                    bet.isBonusBuy() ? null : OutcomeCheck.of(game.at(bet)).orElse(null)));
        } catch (IllegalArgumentException | ArithmeticException cannot) {
            // The model cannot be read at a bet its limits allow, or its analysis there passes --max-cycle: its rounds
            // are not judged (an unjudged-rounds alert says why) rather than the monitor stopped.
            return template.notJudgedAt(betClass.label(), cannot.getMessage());
        }
    }

    /**
     * The tally of the round's model while it is being made (its exact analysis running on an analysis thread, started
     * by the model's first round), or null when it is made or the model is unknown.
     */
    private CompletableFuture<GameTally> tallyMaking(Prepared prepared) {
        Model model = prepared.model();
        boolean bought = prepared.bought();
        if (model.gameId() == null || !bought && model == lastTallyModel) {
            return null;
        }
        return (bought ? boughtTallyMaking : tallyMaking).computeIfAbsent(model.hash(), hash -> {
            ModelFile file = models.byHash(HexFormat.of().formatHex(hash.array()));
            return CompletableFuture.supplyAsync(() -> bought ? newBoughtTally(file) : newTally(file),
                    analysisThreads);
        });
    }

    /**
     * The threads the exact analyses run on, as many as there are processors: a table whose players spread their chips
     * many ways makes thousands of bet configurations, each analysed once. Daemon threads, ended when idle, so that a
     * monitor needs no closing.
     */
    private static ExecutorService newAnalysisPool() {
        int threads = Math.max(2, Runtime.getRuntime().availableProcessors());
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 5, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), task -> {
                    Thread thread = new Thread(task, "fairspin-analysis");
                    thread.setDaemon(true);
                    return thread;
                });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    /**
     * Runs {@code work} now when nothing waits and {@code awaits} (an analysis, or null) is done, else after the work
     * deferred before it and after {@code awaits}; then runs what deferred work it can.
     */
    private void inOrder(CompletableFuture<?> awaits, Runnable work) {
        if (deferred.isEmpty() && (awaits == null || awaits.isDone())) {
            work.run();
            return;
        }
        deferred.add(new Deferred(awaits, work));
        runDeferred(deferred.size() > MAX_DEFERRED);
    }

    /** Runs the deferred work, in order, up to the first whose analysis is not done; with {@code wait}, all of it. */
    private void runDeferred(boolean wait) {
        Deferred next;
        while ((next = deferred.peek()) != null && (wait || next.awaits() == null || next.awaits().isDone())) {
            deferred.poll();
            next.work().run();
        }
    }

    /**
     * Waits for the exact analyses that deferred work waits for, and runs that work: everything the follower delivered
     * is then tallied and alerted. What an analysis threw (through {@link Analyses#run}) is thrown here.
     */
    @Override
    public synchronized void polled() {
        runDeferred(true);
    }

    /**
     * Tallies a round from what {@link #prepare} found; {@code entry} (null when the round cannot alert) is read only
     * for an alert.
     */
    private void tally(long index, LogEntry entry, Prepared prepared, boolean duplicate,
                       BetClasses.BetClass betClass) {
        entries++;
        rounds++;
        if (duplicate) {
            duplicate(index, entry, prepared);
        }
        GameTally tally;
        boolean bought = prepared.bought();
        if (!bought && lastTally != null && prepared.model() == lastTallyModel
                && prepared.currency() == lastTally.currency()) {
            tally = lastTally;
        } else {
            tally = tallyOf(index, entry, prepared);
            if (tally == null) {
                return;
            }
            if (!bought) {
                lastTally = tally;
                lastTallyModel = prepared.model();
            }
        }
        if (!prepared.sameGame()) {
            RoundRecord round = (RoundRecord) entry.event();
            alert(Alert.of(Alert.Type.UNKNOWN_MODEL, "round '" + round.roundId() + "' names game '" + round.gameId()
                    + "' but its model hash is game '" + tally.gameId() + "'s", round.gameId(), tally.modelHash(),
                    tally.currency(), index, round.roundId(), tally.rounds(), Map.of()));
        }
        if (prepared.checked()) {
            String problem = prepared.problem();
            long[] awards = prepared.awards();
            if (awards != null && awards.length == tally.roundAwards().length) {
                System.arraycopy(awards, 0, tally.roundAwards(), 0, awards.length);
            }
            if (problem != null) {
                java.util.Arrays.fill(tally.roundAwards(), 0);
                impossible(index, entry, tally, problem);
            }
        }
        BetClasses.LoggedBet logged = prepared.logged();
        if (logged != null && logged.refused() != null && prepared.problem() == null) {
            // A bet the game cannot have played; the round is judged against the standard wager's figures, as the
            // statistics cannot know its bet's.
            impossible(index, entry, tally, logged.refused());
        }
        long startStake = logged == null || logged.refused() != null ? tally.standardStake() : logged.stake();
        tally.add(index, prepared.bet(), prepared.win(), betFigures(tally, betClass), startStake);
    }

    /**
     * Counts and alerts a round the model cannot have produced: its outcome disagrees with the model, or its logged bet
     * is one the game refuses (or its choices cannot be read).
     */
    private void impossible(long index, LogEntry entry, GameTally tally, String why) {
        RoundRecord round = (RoundRecord) entry.event();
        tally.countImpossible();
        alert(Alert.of(Alert.Type.IMPOSSIBLE_WIN, "round '" + round.roundId() + "' at entry " + index + ": " + why,
                tally.gameId(), tally.modelHash(), tally.currency(), index, round.roundId(), tally.rounds(),
                Map.of("bet", round.bet(), "win", round.win())));
    }

    /**
     * The exact figures a round at {@code betClass} is judged against in {@code tally}, made by now: null for the
     * standard wager, and for a configuration judged alike to it; a configuration judged alike to one before it
     * shares that one's figures (one entry in the tally's bets).
     */
    private BetFigures betFigures(GameTally tally, BetClasses.BetClass betClass) {
        if (betClass == null) {
            return null;
        }
        if (betClass == BetClasses.OTHER) {
            return BetFigures.PAST_KEPT;
        }
        BetFigures made = made(betFiguresMaking.get(betClass));
        if (made.figures() == null) {
            return made;
        }
        BetFigures shared = sharedFigures.get(made);
        if (shared == null) {
            shared = alike(tally.standardFigures(), made);
            sharedFigures.put(made, shared);
        }
        return shared == AS_STANDARD ? null : shared;
    }

    /**
     * The figures rounds judged like {@code made}'s are judged against, among those of one model's tally (its
     * currencies' tallies share {@code standard}): {@link #AS_STANDARD}, one seen before, or {@code made}, now seen.
     */
    private BetFigures alike(BetFigures standard, BetFigures made) {
        Object key = made.judgedKey();
        if (key.equals(standard.judgedKey())) {
            return AS_STANDARD;
        }
        return distinctFigures.computeIfAbsent(standard, s -> new HashMap<>()).computeIfAbsent(key, k -> made);
    }

    /** Alerts a round whose id was logged before, naming the entry that logged it first. */
    private void duplicate(long index, LogEntry entry, Prepared prepared) {
        RoundRecord round = (RoundRecord) entry.event();
        duplicates++;
        long first = roundIds.firstIndex(prepared.idHash());
        String where = first >= 0 ? "first logged at entry " + first : "logged before";
        Map<String, Object> details = first >= 0 ? Map.of("firstIndex", first) : Map.of();
        alert(Alert.of(Alert.Type.DUPLICATE_ROUND, "round id '" + round.roundId() + "' at entry " + index + " was "
                + where, round.gameId(), HexFormat.of().formatHex(prepared.model().hash().array()), prepared.currency(),
                index, round.roundId(), 0, details));
    }

    /**
     * The tally of a round's model (of its bought rounds for a bought round), the first time registered from its
     * analysis; null for a model that no model of {@link Models} has, counted and alerted at its first round.
     */
    private GameTally tallyOf(long index, LogEntry entry, Prepared prepared) {
        Model model = prepared.model();
        boolean bought = prepared.bought();
        Map<TallyKey, GameTally> made = bought ? boughtTallies : tallies;
        TallyKey key = new TallyKey(model.hash(), prepared.currency());
        GameTally tally = made.get(key);
        if (tally != null) {
            return tally;
        }
        if (model.gameId() == null) {
            RoundRecord round = (RoundRecord) entry.event();
            String hex = HexFormat.of().formatHex(model.hash().array());
            if (unknownModels.merge(model.hash(), 1L, Long::sum) == 1L) {
                alert(Alert.of(Alert.Type.UNKNOWN_MODEL, "round '" + round.roundId() + "' of game '" + round.gameId()
                        + "' at entry " + index + " was played with model " + hex + ", which no model of --models has",
                        round.gameId(), hex, index, round.roundId(), 0, Map.of()));
            }
            return null;
        }
        tally = made(bought ? boughtTallyMaking.get(model.hash()) : tallyMaking.get(model.hash()))
                .inCurrency(prepared.currency());
        made.put(key, tally);
        byKey.put(tally.gameId() + "/" + tally.modelHash() + "/" + tally.currency(), tally);
        return tally;
    }

    /** The tally a finished analysis made; what the analysis threw is thrown as it was. */
    private static <T> T made(CompletableFuture<T> making) {
        try {
            return making.join();
        } catch (CompletionException failed) {
            Throwable cause = failed.getCause();
            if (cause instanceof RuntimeException) {
                throw (RuntimeException) cause;
            }
            if (cause instanceof Error) {
                throw (Error) cause;
            }
            throw failed;
        }
    }

    /**
     * The template of a model's tallies against its exact figures (run through {@link Analyses}), one per currency by
     * {@link GameTally#inCurrency}; on the analysis's thread.
     */
    private GameTally newTally(ModelFile model) {
        Game game = model.game();
        // Null for a model without exact figures (blackjack): its rounds are tallied and checked one by one, with no
        // control limits.
        ExactFigures figures = analyses.run(model, game::exactFigures).orElse(null);
        return new GameTally(game.id(), hex(model), null, game.stake(), figures, OutcomeCheck.of(game).orElse(null),
                limits, this::alert);
    }

    private static String hex(ModelFile model) {
        return HexFormat.of().formatHex(model.hash());
    }

    /**
     * The tally of a model's bought rounds, against the buy's figures at the standard lines; without control limits
     * when the model sells no buy (each such round is an impossible win of its outcome check, where the game has one).
     * On the analysis's thread.
     */
    private GameTally newBoughtTally(ModelFile model) {
        Game game = model.game();
        ExactFigures figures;
        long stake;
        try {
            io.fairspin.math.Bet buy = game.standardBet().withBonusBuy();
            figures = analyses.run(model, () -> game.exactFigures(buy)).orElse(null);
            stake = game.stake(buy);
        } catch (io.fairspin.math.BetException noBuy) {
            figures = null;
            stake = game.stake();
        }
        return new GameTally(game.id() + BOUGHT, hex(model), null, stake, figures, null, limits, this::alert);
    }

    @Override
    public synchronized void checkpoint(Checkpoint checkpoint, SignedNote note) {
        inOrder(null, () -> {
            checkpoints++;
            lastCheckpoint = checkpoint;
        });
    }

    @Override
    public synchronized void problem(LogFollower.Problem kind, long index, LogProblem problem) {
        Alert.Type type = Alert.Type.valueOf(kind.name());
        inOrder(null, () -> alert(Alert.of(type, problem.toString(), null, null, index, null, 0,
                Map.of("file", problem.file(), "offset", problem.offset()))));
    }

    private void alert(Alert alert) {
        Alert.Type type = Alert.Type.valueOf(alert.type().toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
        alertCounts.merge(type, 1L, Long::sum);
        int shown = alertsOf.merge(alert.type() + "/" + alert.gameId(), 1, Integer::sum);
        if (firstAlerts.size() < 1000) {
            firstAlerts.add(alert);
        }
        if (shown <= ALERTS_PER_KIND) {
            sink.accept(alert);
        }
    }

    /**
     * Reads the monitor's state under its lock.
     *
     * @param <T> what the reader returns
     * @param reader reads the monitor
     * @return what {@code reader} returned
     */
    public synchronized <T> T read(Function<Monitor, T> reader) {
        return reader.apply(this);
    }

    /**
     * The tallies, one per game, model and currency, in order of their first round. Read under {@link #read}.
     *
     * @return the games' tallies
     */
    public List<GameTally> games() {
        return new ArrayList<>(byKey.values());
    }

    /**
     * Rounds whose model hash is unknown, by hash in hex.
     *
     * @return the unknown hashes and their rounds
     */
    public Map<String, Long> unknownModels() {
        Map<String, Long> out = new LinkedHashMap<>();
        unknownModels.forEach((k, v) -> out.put(HexFormat.of().formatHex(k.array()), v));
        return out;
    }

    /**
     * Alerts fired, per type (including those only counted).
     *
     * @return the count of each type that fired
     */
    public Map<Alert.Type, Long> alertCounts() {
        Map<Alert.Type, Long> copy = new EnumMap<>(Alert.Type.class);
        copy.putAll(alertCounts);
        return copy;
    }

    /**
     * The first alerts (at most 1,000), including those not written.
     *
     * @return the alerts kept, in order
     */
    public List<Alert> alerts() {
        return List.copyOf(firstAlerts);
    }

    /**
     * The number of alerts fired.
     *
     * @return every alert, kept or only counted
     */
    public long totalAlerts() {
        return alertCounts.values().stream().mapToLong(Long::longValue).sum();
    }

    /**
     * Whether any integrity alert fired.
     *
     * @return true after an integrity alert
     */
    public boolean integrityAlert() {
        return alertCounts.keySet().stream().anyMatch(Alert.Type::integrity);
    }

    /**
     * Whether any statistics alert fired.
     *
     * @return true after a statistics alert
     */
    public boolean statisticsAlert() {
        return alertCounts.keySet().stream().anyMatch(Alert.Type::statistics);
    }

    /**
     * The entries read.
     *
     * @return the number of entries
     */
    public long entries() {
        return entries;
    }

    /**
     * The rounds read.
     *
     * @return the number of round entries
     */
    public long rounds() {
        return rounds;
    }

    /**
     * The checkpoints that checked out.
     *
     * @return the number of checkpoints
     */
    public long checkpoints() {
        return checkpoints;
    }

    /**
     * The last checkpoint that checked out, or null.
     *
     * @return the checkpoint, or null
     */
    public Checkpoint lastCheckpoint() {
        return lastCheckpoint;
    }

    /**
     * Reseeds seen per generator instance.
     *
     * @return the reseeds, by instance id
     */
    public Map<String, Long> reseeds() {
        return new LinkedHashMap<>(reseeds);
    }

    /**
     * The generator failures logged.
     *
     * @return the failure records, in log order
     */
    public List<RngHealthRecord> rngFailures() {
        return List.copyOf(rngFailures);
    }

    /**
     * Rounds whose id was logged before.
     *
     * @return the number of duplicate round ids
     */
    public long duplicates() {
        return duplicates;
    }
}
