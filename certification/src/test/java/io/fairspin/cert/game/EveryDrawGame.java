package io.fairspin.cert.game;

import io.fairspin.math.ExactFigures;
import io.fairspin.math.Game;
import io.fairspin.math.PlayedRound;
import io.fairspin.math.RoundOutcome;
import io.fairspin.rng.RandomStream;
import io.fairspin.rng.WeightedTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A test game that draws through every recorded method of derivation v1: a weighted pick, shuffles of an
 * array and of a list, a sample, an origin-bound integer, a boolean, a long bound, a double, and (on a
 * six) extra draws that only some rounds make. Its win folds in every value drawn, so two plays that
 * drew differently almost surely win differently.
 */
final class EveryDrawGame implements Game {
    static final WeightedTable TABLE = WeightedTable.of(1, 2, 3, 10, 0, 4);

    @Override
    public String id() {
        return "every-draw";
    }

    @Override
    public long stake() {
        return 1;
    }

    @Override
    public List<String> winTypes() {
        return List.of("all");
    }

    @Override
    public List<String> features() {
        return List.of();
    }

    @Override
    public void play(RandomStream stream, RoundOutcome outcome) {
        outcome.start(1);
        long h = stream.pick(TABLE);
        int[] deck = {0, 1, 2, 3, 4, 5, 6, 7};
        stream.shuffle(deck);
        for (int card : deck) {
            h = h * 31 + card;
        }
        for (int ball : stream.sample(10, 3)) {
            h = h * 31 + ball;
        }
        int die = stream.nextInt(1, 7);
        h = h * 31 + die;
        h = h * 31 + (stream.nextBoolean() ? 1 : 0);
        h = h * 31 + stream.nextLong(1000);
        h = h * 31 + (long) (stream.nextDouble() * 1e6);
        List<String> hand = new ArrayList<>(List.of("a", "b", "c", "a"));
        stream.shuffle(hand);
        h = h * 31 + hand.hashCode();
        if (die == 6) {
            h = h * 31 + stream.nextInt(6);
            h = h * 31 + stream.pick(5, 5, 1);
        }
        outcome.addWin(0, h & 0xFFFF_FFFFL);
    }

    @Override
    public PlayedRound playRecorded(RandomStream stream) {
        throw new UnsupportedOperationException("a test game: only play");
    }

    @Override
    public Optional<ExactFigures> exactFigures() {
        return Optional.empty();
    }
}
