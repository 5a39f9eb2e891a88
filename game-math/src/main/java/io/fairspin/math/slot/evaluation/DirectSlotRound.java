package io.fairspin.math.slot.evaluation;

import io.fairspin.math.slot.SlotGame;
import io.fairspin.math.slot.SlotGame.Bet;
import io.fairspin.math.slot.SpinResult;
import io.fairspin.math.slot.model.SlotModel;
import io.fairspin.math.slot.model.SlotModel.Choice;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The direct path of a line game's logged round, the outcome checks' fastest way: the round's inputs (bet, each spin's
 * reel set and stops) scanned where the round stands in the logged bytes, each spin evaluated into integer arrays
 * ({@link SpinRecorder#evaluateInto}) and its canonical form compared, straight from its integer window, with the
 * logged bytes of that spin where they stand ({@link CanonicalSpins}), with no {@link SpinResult} built and nothing
 * written. A round
 * is accepted only when its logged bytes are exactly the canonical bytes of the round its own inputs give, so that its
 * verdict is the one the check on the parsed tree gives; anything else (a ways game, a bonus round, random heights, an
 * input out of range, other bytes) is not accepted here. A line slot's check reads the whole outcome so
 * ({@link LoggedSpinCheck}); a hold-and-win round's check reads its base round so, inside its record.
 *
 * <p>Not thread-safe (it keeps its buffers and the evaluator of the last bet): one per check.
 */
public final class DirectSlotRound {
    private final SlotGame game;
    private final SlotModel model;
    private final CanonicalSpins canonical = new CanonicalSpins();
    private final SpinRecorder.Evaluated evaluated = new SpinRecorder.Evaluated();
    /** Per pay of the model, its index in the game's awards, or -1. */
    private final int[] payAward;
    private final int[] stops;
    /** The award indices of the base spin's line wins, of the round accepted last. */
    private int[] baseAwards = new int[8];
    private int baseAwardCount;
    /** Per scatter of the model, its count in the base spin's window, of the round accepted last. */
    private int[] baseScatters = new int[0];
    private long win;
    private Bet lastBet;
    private SpinRecorder lastRecorder;

    /**
     * The direct path of {@code game}'s logged rounds.
     *
     * @param game the line game
     */
    public DirectSlotRound(SlotGame game) {
        this.game = game;
        this.model = game.model;
        Map<String, Integer> awardIndex = new HashMap<>();
        for (String award : game.awards()) {
            awardIndex.put(award, awardIndex.size());
        }
        payAward = new int[model.pays().size()];
        for (int p = 0; p < payAward.length; p++) {
            payAward[p] = awardIndex.getOrDefault(model.pays().get(p).award(), -1);
        }
        stops = new int[model.reels()];
    }

    /**
     * Whether the slot round that starts at {@code from} in {@code logged} is exactly the canonical bytes of the round
     * its own inputs give (and, when {@code last}, ends the bytes); then {@link #bet()}, {@link #win()},
     * {@link #end()}, {@link #baseScatters} and {@link #countAwards} describe it.
     *
     * @param logged the logged bytes
     * @param from where the round starts in them
     * @param last whether the round is the whole rest of the bytes
     * @return true when the round is accepted
     */
    public boolean accepts(byte[] logged, int from, boolean last) {
        if (model.ways() || !canonical.beginDirect(logged, from)) {
            return false;
        }
        long lineBet = canonical.lineBet();
        long lines = canonical.lines();
        if (lineBet < 1 || lines < 1 || lines > model.paylines().length) {
            return false;
        }
        SpinRecorder recorder = recorder(new Bet(lineBet, (int) lines));
        long freeGamesOwed = 0;
        long total = 0;
        baseAwardCount = 0;
        for (int i = 0; i == 0 || canonical.moreSpins(); i++) {
            boolean free = i > 0;
            if (free && freeGamesOwed == 0) {
                return false;
            }
            String name = canonical.nextSpin(stops);
            CompiledReels reels = name == null ? null
                    : reelSetOrNull(free ? model.freeGames().reels() : model.baseReels(), name);
            if (reels == null || reels.randomHeights()) {
                return false;
            }
            for (int r = 0; r < stops.length; r++) {
                if (stops[r] >= reels.set.strips()[r].length) {
                    return false;
                }
            }
            long multiplier = free ? model.freeGames().multiplier() : 1;
            SpinRecorder.Evaluated e = evaluated;
            if (!recorder.evaluateInto(reels, stops, multiplier, e)
                    || !canonical.sameSpin(model, free ? "free" : "base", reels, stops, e)) {
                return false;
            }
            total += e.win;
            if (free) {
                freeGamesOwed--;
                if (model.freeGames().retrigger()) {
                    freeGamesOwed += e.freeGames;
                }
            } else {
                freeGamesOwed = e.freeGames;
                base(e);
            }
        }
        if (freeGamesOwed > 0 || !canonical.sameEnd(stake(), total, last)) {
            return false;
        }
        win = total;
        return true;
    }

    /** Keeps the base spin's scatter counts and the awards of its line wins. */
    private void base(SpinRecorder.Evaluated e) {
        if (baseScatters.length != e.scatterCounts.length) {
            baseScatters = new int[e.scatterCounts.length];
        }
        System.arraycopy(e.scatterCounts, 0, baseScatters, 0, baseScatters.length);
        for (int w = 0; w < e.wins; w++) {
            if (!e.scatter(w) && payAward[e.pay[w]] >= 0) {
                if (baseAwardCount == baseAwards.length) {
                    baseAwards = Arrays.copyOf(baseAwards, baseAwardCount * 2);
                }
                baseAwards[baseAwardCount++] = payAward[e.pay[w]];
            }
        }
    }

    /**
     * The bet of the round accepted last.
     *
     * @return its logged line bet and lines
     */
    public Bet bet() {
        return lastBet;
    }

    /**
     * The stake of the round accepted last: its bet per line x lines x the game's coins, as {@link SpinRecorder#play}
     * stakes it.
     *
     * @return its stake in minor units
     */
    public long stake() {
        return lastBet.stake() * model.coins();
    }

    /**
     * The win of the round accepted last.
     *
     * @return the sum of its spins' wins, minor units
     */
    public long win() {
        return win;
    }

    /**
     * Where the round accepted last ends in the logged bytes.
     *
     * @return the offset just after it
     */
    public int end() {
        return canonical.position();
    }

    /**
     * How many times scatter {@code scatter} stands in the base spin's window of the round accepted last (counted as
     * the model counts it: per reel or per symbol).
     *
     * @param scatter the scatter's index in the model
     * @return its count
     */
    public int baseScatters(int scatter) {
        return baseScatters[scatter];
    }

    /**
     * Adds the base spin's line awards (not its scatter wins) of the round accepted last to {@code awardCounts}.
     *
     * @param awardCounts the running counts, indexed as the game's awards
     */
    public void countAwards(long[] awardCounts) {
        for (int i = 0; i < baseAwardCount; i++) {
            awardCounts[baseAwards[i]]++;
        }
    }

    /** The reel set of {@code choice} named {@code name}, or null. */
    private CompiledReels reelSetOrNull(Choice choice, String name) {
        for (int set : choice.sets()) {
            if (game.reelSets[set].set.name().equals(name)) {
                return game.reelSets[set];
            }
        }
        return null;
    }

    /** The evaluator of spins at {@code bet}, kept for the next round at the same bet (also the slot check's). */
    SpinRecorder recorder(Bet bet) {
        if (!bet.equals(lastBet)) {
            lastRecorder = new SpinRecorder(game, bet, (int[]) null);
            lastBet = bet;
        }
        return lastRecorder;
    }
}
