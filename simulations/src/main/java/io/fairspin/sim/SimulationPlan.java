package io.fairspin.sim;

import io.fairspin.math.Bet;

/**
 * What fixes a simulation's result: how many rounds, the seed, where the random bytes come from, the
 * confidence level of its intervals and verdict, and the bet every round is played at. The same plan gives
 * the same report on any number of threads.
 *
 * @param rounds     the number of rounds, at least 1
 * @param seed       the seed every chunk's stream is derived from; not a secret, it is printed in reports
 * @param mode       the random mode
 * @param confidence the confidence level of intervals and of the verdict, strictly between 0 and 1
 * @param bet        the bet of every round ({@link Bet#standard()} for the model's standard wager; a bought bet
 *                   plays bought rounds), as {@link Simulation#gameAt} plays it
 */
public record SimulationPlan(long rounds, long seed, RandomMode mode, double confidence, Bet bet) {
    /** The confidence level used when none is chosen. */
    public static final double DEFAULT_CONFIDENCE = 0.99;

    /** The most chunk ranges (and so convergence points) a plan has. */
    public static final int MAX_RANGES = 1000;

    /**
     * Checks the plan: at least one round, a random mode, a confidence strictly between 0 and 1, a bet.
     *
     * @param rounds the number of rounds, at least 1
     * @param seed the seed every chunk's stream is derived from; not a secret, it is printed in reports
     * @param mode the random mode
     * @param confidence the confidence level of intervals and of the verdict, strictly between 0 and 1
     * @param bet the bet of every round
     */
    public SimulationPlan {
        if (rounds < 1) {
            throw new IllegalArgumentException("rounds: must be at least 1, was " + rounds);
        }
        if (mode == null) {
            throw new IllegalArgumentException("mode: must not be null");
        }
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence: must be strictly between 0 and 1, was " + confidence);
        }
        if (bet == null) {
            throw new IllegalArgumentException("bet: must not be null");
        }
    }

    /**
     * A plan at the model's standard wager.
     *
     * @param rounds the number of rounds, at least 1
     * @param seed the seed every chunk's stream is derived from
     * @param mode the random mode
     * @param confidence the confidence level of intervals and of the verdict, strictly between 0 and 1
     */
    public SimulationPlan(long rounds, long seed, RandomMode mode, double confidence) {
        this(rounds, seed, mode, confidence, Bet.standard());
    }

    /**
     * The number of chunks: rounds divided by {@link Simulation#CHUNK_ROUNDS}, rounded up.
     *
     * @return ceil(rounds / CHUNK_ROUNDS), at least 1
     */
    public long chunks() {
        return (rounds - 1) / Simulation.CHUNK_ROUNDS + 1;
    }

    /**
     * The number of chunk ranges: consecutive chunks grouped into at most {@value #MAX_RANGES} ranges of
     * {@link #chunksPerRange()} chunks (the last may be shorter). A range is the unit of a convergence
     * point, of a saved partial tally ({@code --resume}) and of a Spark task.
     *
     * @return the number of ranges, in [1, MAX_RANGES]
     */
    public int ranges() {
        return (int) ((chunks() - 1) / chunksPerRange() + 1);
    }

    /**
     * The chunks in one range (the last range may have fewer).
     *
     * @return ceil(chunks / MAX_RANGES), at least 1
     */
    public long chunksPerRange() {
        return (chunks() - 1) / MAX_RANGES + 1;
    }

    /**
     * The first chunk of range {@code range}.
     *
     * @param range the range's index, in [0, ranges())
     * @return the range's first chunk index
     */
    public long firstChunk(int range) {
        return range * chunksPerRange();
    }

    /**
     * The chunk after the last one of range {@code range}.
     *
     * @param range the range's index, in [0, ranges())
     * @return the index after the range's last chunk, at most chunks()
     */
    public long endChunk(int range) {
        return Math.min(chunks(), (range + 1) * chunksPerRange());
    }

    /**
     * The range chunk {@code chunk} belongs to.
     *
     * @param chunk a chunk index, in [0, chunks())
     * @return its range's index
     */
    public int rangeOf(long chunk) {
        return (int) (chunk / chunksPerRange());
    }

    /**
     * The number of rounds in range {@code range}: its chunks' rounds (the last range may have fewer).
     *
     * @param range the range's index, in [0, ranges())
     * @return the rounds the range plays
     */
    public long roundsInRange(int range) {
        return Math.min(rounds, endChunk(range) * Simulation.CHUNK_ROUNDS) - firstChunk(range) * Simulation.CHUNK_ROUNDS;
    }

    /** The number of rounds in chunk {@code chunk}: a full chunk, except perhaps the last. */
    int roundsInChunk(long chunk) {
        return (int) Math.min(Simulation.CHUNK_ROUNDS, rounds - chunk * Simulation.CHUNK_ROUNDS);
    }
}
