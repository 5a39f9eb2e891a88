package io.fairspin.cert.game;

import java.util.List;

/**
 * A game's scaled outcomes, round by round, exactly as the game draws them: the source a lab's
 * game-level tests read. A slot game reports each reel's stop index with the reel's length; a card game
 * reports its deck's order after the shuffle. An adapter over a game model implements this.
 */
public interface RoundOutcomeSource {

    /**
     * One integer a round draws, for example "reel 1" with range 32.
     *
     * @param name  what is drawn, for reports
     * @param range the number of possible values, 2 to 2^32; the value is in [0, range)
     */
    record Draw(String name, long range) {
    }

    /**
     * One shuffle a round makes.
     *
     * @param name     what is shuffled, for reports
     * @param deckSize the number of cards
     */
    record Shuffle(String name, int deckSize) {
    }

    /**
     * The draws of every round, in order.
     *
     * @return the draws, each with its range
     */
    List<Draw> draws();

    /**
     * The shuffles of every round, in order (empty for games without cards).
     *
     * @return the shuffles, each with its deck size
     */
    List<Shuffle> shuffles();

    /**
     * Plays the next round and reports its outcomes: {@code draws[i]} for {@code draws().get(i)}, and
     * {@code orders[j]} (length deckSize, card at each position) for {@code shuffles().get(j)}.
     *
     * @param draws filled with the round's draws, one per {@link #draws()} entry
     * @param orders filled with the round's shuffles, one per {@link #shuffles()} entry
     */
    void nextRound(long[] draws, int[][] orders);
}
