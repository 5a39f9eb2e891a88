package io.fairspin.math.slot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fairspin.math.AnalysisReport;
import io.fairspin.math.Analyzable;
import io.fairspin.math.ExactFigures;
import io.fairspin.math.Game;
import io.fairspin.math.PlayedRound;
import io.fairspin.math.RoundOutcome;
import io.fairspin.math.slot.analysis.Analysis;
import io.fairspin.math.slot.analysis.ParSheet;
import io.fairspin.math.slot.evaluation.CompiledReels;
import io.fairspin.math.slot.evaluation.LineTable;
import io.fairspin.math.slot.evaluation.SpinRecorder;
import io.fairspin.math.slot.freegames.FreeGamesCheck;
import io.fairspin.math.slot.model.ModelWarnings;
import io.fairspin.math.slot.model.SlotModel.Bonus;
import io.fairspin.math.slot.model.SlotModel.Choice;
import io.fairspin.math.slot.model.SlotModel.FreeGames;
import io.fairspin.math.slot.model.SlotModel.Scatter;
import io.fairspin.math.slot.model.SlotModel;
import io.fairspin.math.slot.model.SlotModelReader;
import io.fairspin.rng.RandomStream;
import io.fairspin.rng.WeightedTable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A slot game loaded from a model file: plays rounds from a round stream (derivation v1, draw order in
 * {@code docs/model-format.md}) and computes its exact PAR sheet. Immutable and thread-safe.
 *
 * <p>{@link #play(RandomStream, RoundOutcome)} is the simulation path: every per-stop quantity is
 * precomputed, and a spin allocates nothing. {@link #play(Bet, RandomStream)} describes the same round
 * completely.
 */
public final class SlotGame implements Game, Analyzable {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    // The compiled game, read by the slot sub-packages (evaluation, analysis, features); not a stable API.
    public final SlotModel model;
    public final LineTable table;
    public final CompiledReels[] reelSets;
    private final WeightedTable baseChoice;
    private final WeightedTable freeChoice;
    private final WeightedTable prizeCounts;
    private final WeightedTable prizes;
    private final WeightedTable pickCounts;
    /** Ways games: the symbols with pays, and per symbol i and run length k the pay, index i * (reels + 1) + k. */
    public final int[] waysSymbols;
    private final long[] waysPays;
    /** Row of each played line on each reel: index line * reels + reel. */
    public final int[] lineRows;
    private final List<String> winTypes = new ArrayList<>();
    private final List<String> features = new ArrayList<>();
    public final int lineType;
    public final int scatterType;
    public final int freeType;
    public final int bonusType;
    public final int freeFeature;
    public final int bonusFeature;
    private final List<String> warnings;
    private volatile Analysis analysis;

    SlotGame(String file, SlotModel model) {
        this.model = model;
        this.table = model.ways() ? null : new LineTable(file, model);
        this.reelSets = model.reelSets().stream().map(set -> new CompiledReels(model, set, table))
                .toArray(CompiledReels[]::new);
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
        waysPays = new long[waysSymbols.length * (reels + 1)];
        for (SlotModel.Pay pay : model.ways() ? model.pays() : List.<SlotModel.Pay>of()) {
            int i = Arrays.stream(waysSymbols).boxed().toList().indexOf(firstSymbol(pay));
            waysPays[i * (reels + 1) + pay.length()] = pay.credits();
        }
        lineType = addType(winTypes, model.ways() ? "ways" : "line");
        scatterType = model.scatters().stream().anyMatch(s -> s.credits().length > 0) ? addType(winTypes, "scatter") : -1;
        freeType = free == null ? -1 : addType(winTypes, "free-games");
        bonusType = bonus == null ? -1 : addType(winTypes, "bonus");
        freeFeature = free == null ? -1 : addType(features, "free-games");
        bonusFeature = bonus == null ? -1 : addType(features, "bonus");
        this.warnings = ModelWarnings.of(model);
        if (free != null && free.retrigger()) {
            FreeGamesCheck.requireEnding(file, this);
        }
    }

    /**
     * The slot game that a parsed model document describes; {@link io.fairspin.math.GameModels#load} calls
     * it for documents of type {@code "slot"}.
     *
     * @throws io.fairspin.math.ModelException naming {@code fileName} and the JSON path of what is wrong
     */
    public static SlotGame fromModel(String fileName, JsonNode root) {
        return new SlotGame(fileName, SlotModelReader.read(fileName, root));
    }

    private static int addType(List<String> names, String name) {
        names.add(name);
        return names.size() - 1;
    }

    private static WeightedTable choiceTable(Choice choice) {
        return choice.sets().length == 1 ? null : WeightedTable.of(choice.weights());
    }

    /** Warnings about the model: pays that can never occur, symbols that never appear. */
    public List<String> warnings() {
        return warnings;
    }

    /** The model's display name. */
    public String name() {
        return model.name();
    }

    /** The standard wager: the model's bet per line and lines played, one coin. */
    @Override
    public io.fairspin.math.Bet standardBet() {
        return io.fairspin.math.Bet.lines(model.lines(), model.lineBet(), 1);
    }

    @Override
    public String id() {
        return model.id();
    }

    @Override
    public long stake() {
        return model.lineBet() * model.lines();
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
        outcome.start(stake());
        long remaining = spin(stream, false, outcome);
        if (remaining > 0) {
            outcome.trigger(freeFeature);
        }
        for (; remaining > 0; remaining--) {
            remaining += spin(stream, true, outcome);
        }
    }

    /**
     * Plays one base or free spin, bonuses included, and adds its wins to {@code outcome}: a base spin's
     * by win type (the cap cut from the line win first), a free spin's, multiplied, as free-games win.
     * Returns the free games it awards (none for a free spin without retriggers).
     */
    private long spin(RandomStream stream, boolean free, RoundOutcome outcome) {
        FreeGames freeGames = model.freeGames();
        CompiledReels reels = free ? reelSets[choose(stream, freeGames.reels(), freeChoice)]
                : reelSets[choose(stream, model.baseReels(), baseChoice)];
        long p0 = 0;
        long p1 = 0;
        long p2 = 0;
        for (int r = 0; r < reels.reels; r++) {
            int g = reels.stopBase[r] + reels.drawStop(stream, r);
            if (r < 3) {
                p0 = CompiledReels.pack(p0, r, g);
            } else if (r < 6) {
                p1 = CompiledReels.pack(p1, r, g);
            } else {
                p2 = CompiledReels.pack(p2, r, g);
            }
        }
        int lines = model.lines();
        long lineBet = model.lineBet();
        long lineResult = model.ways() ? waysCredits(reels, p0, p1, p2) << 8 : lineCredits(reels, p0, p1, p2, lines);
        long line = lineResult >>> 8;
        long scatter = scatterCredits(reels, p0, p1, p2, lines);
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
            outcome.addWin(free ? freeType : bonusType, playBonuses(stream, bonuses) * lineBet);
        }
        return free && !freeGames.retrigger() ? 0 : freeSpinsAwarded(reels, p0, p1, p2);
    }

    /**
     * Plays one bought feature ({@code "bonusBuy"}): the stake is the price, the round is the free games
     * the model's scatter count awards, drawn as free games are (no base spin). Its figures are in the PAR
     * sheet's "Bonus buy" table.
     *
     * @throws IllegalStateException when the model has no bonus buy
     */
    public void playBonusBuy(RandomStream stream, RoundOutcome outcome) {
        SlotModel.BonusBuy buy = model.bonusBuy();
        if (buy == null) {
            throw new IllegalStateException(model.id() + ": the model has no bonus buy");
        }
        outcome.start(buy.price() * stake());
        long remaining = model.freeGames().spins(buy.scatters());
        outcome.trigger(freeFeature);
        for (; remaining > 0; remaining--) {
            remaining += spin(stream, true, outcome);
        }
    }

    /** How much the cap takes off a spin's line-plus-scatter win of {@code credits}. */
    public long excess(long credits, int lines) {
        long cap = model.maxWin() * lines;
        return cap > 0 && credits > cap ? credits - cap : 0;
    }

    public int choose(RandomStream stream, Choice choice, WeightedTable weights) {
        return weights == null ? choice.sets()[0] : choice.sets()[stream.pick(weights)];
    }

    /** The played lines' win in line bets, shifted left 8 bits, plus the number of lines starting the bonus. */
    private long lineCredits(CompiledReels reels, long p0, long p1, long p2, int lines) {
        if (reels.reels == 5) {
            return lineCreditsFiveReels(reels, CompiledReels.unpack(p0, p1, p2, 0), CompiledReels.unpack(p0, p1, p2, 1),
                    CompiledReels.unpack(p0, p1, p2, 2), CompiledReels.unpack(p0, p1, p2, 3),
                    CompiledReels.unpack(p0, p1, p2, 4), lines);
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
        }
        return result;
    }

    /** {@link #lineCredits} for the common five reels, with the stops in locals: the hot loop of most games. */
    private long lineCreditsFiveReels(CompiledReels reels, int g0, int g1, int g2, int g3, int g4, int lines) {
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
        }
        return result;
    }

    /** The ways win in line bets. */
    private long waysCredits(CompiledReels reels, long p0, long p1, long p2) {
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
        }
        return total;
    }

    /** A ways game's pay in line bets for a run of {@code length} reels of its i-th paying symbol. */
    public long waysPay(int i, int length) {
        return waysPays[i * (model.reels() + 1) + length];
    }

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

    private long scatterCredits(CompiledReels reels, long p0, long p1, long p2, int lines) {
        long total = 0;
        List<Scatter> scatters = model.scatters();
        for (int i = 0; i < scatters.size(); i++) {
            total += scatters.get(i).pay(scatterCount(reels, i, p0, p1, p2));
        }
        return total * lines;
    }

    private long freeSpinsAwarded(CompiledReels reels, long p0, long p1, long p2) {
        FreeGames free = model.freeGames();
        return free == null ? 0 : free.spins(scatterCount(reels, free.scatter(), p0, p1, p2));
    }

    /** Plays {@code count} bonus rounds with the player picking the first items; their win in line bets. */
    private long playBonuses(RandomStream stream, int count) {
        Bonus bonus = model.bonus();
        long total = 0;
        for (int b = 0; b < count; b++) {
            int picks = drawPicks(stream);
            for (int item = 0; item < bonus.items(); item++) {
                long hidden = 0;
                long prizesHidden = bonus.countValues()[stream.pick(prizeCounts)];
                for (long p = 0; p < prizesHidden; p++) {
                    hidden += bonus.prizeValues()[stream.pick(prizes)];
                }
                if (item < picks) {
                    total += hidden;
                }
            }
        }
        return total;
    }

    /** The number of items the player picks in a bonus round: fixed, or drawn first when the model says so. */
    public int drawPicks(RandomStream stream) {
        Bonus bonus = model.bonus();
        return pickCounts == null ? bonus.picks() : (int) bonus.pickValues()[stream.pick(pickCounts)];
    }

    /** The number of prizes an item hides, then each prize: the draws of one item. */
    public long[] drawItem(RandomStream stream) {
        Bonus bonus = model.bonus();
        long[] hidden = new long[(int) bonus.countValues()[stream.pick(prizeCounts)]];
        for (int p = 0; p < hidden.length; p++) {
            hidden[p] = bonus.prizeValues()[stream.pick(prizes)];
        }
        return hidden;
    }

    // ---- The recording path. ----

    /**
     * Plays one round at {@code bet} and describes it completely. The player picks the first items of
     * any bonus; {@link #play(Bet, RandomStream, int[])} takes other picks.
     */
    public SpinResult play(Bet bet, RandomStream stream) {
        return new SpinRecorder(this, bet, null).play(stream);
    }

    /**
     * Plays one round at {@code bet}, the player picking the items {@code picks} (indices, in order, for
     * every bonus round); the items are filled before the player picks, so picks never change the odds.
     */
    public SpinResult play(Bet bet, RandomStream stream, int[] picks) {
        return new SpinRecorder(this, bet, picks.clone()).play(stream);
    }

    @Override
    public PlayedRound playRecorded(RandomStream stream) {
        SpinRecorder recorder = new SpinRecorder(this, new Bet(model.lineBet(), model.lines()), null);
        SpinResult result = recorder.play(stream);
        JsonNode detail = MAPPER.valueToTree(result);
        return new PlayedRound(recorder.outcome(), detail.toString());
    }

    // ---- Exact analysis. ----

    @Override
    public Optional<ExactFigures> exactFigures() {
        return Optional.of(analysis().figures());
    }

    @Override
    public AnalysisReport analyze() {
        return ParSheet.report(this, analysis());
    }

    public Analysis analysis() {
        Analysis result = analysis;
        if (result == null) {
            result = Analysis.of(this);
            analysis = result;
        }
        return result;
    }

    /** The player's wager: bet per line in minor units and lines played (for a ways game, line bets staked). */
    public record Bet(long lineBet, int lines) {
        public Bet {
            if (lineBet < 1) {
                throw new IllegalArgumentException("lineBet: must be positive, was " + lineBet);
            }
            if (lines < 1) {
                throw new IllegalArgumentException("lines: must be positive, was " + lines);
            }
        }

        public long stake() {
            return lineBet * lines;
        }
    }
}
