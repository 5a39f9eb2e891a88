package io.fairspin.math;

import io.fairspin.rng.RandomStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A {@link Round} for game implementations whose round is written straight through, asking a
 * {@link Player} at each decision: the round is re-run from its start on every decision, on a tape of the
 * bytes it has drawn so far (new bytes come from the round's stream and are added to the tape), so the
 * game code needs no explicit state machine, and a round is, by construction, a pure function of
 * (bet, decisions, stream bytes). The game draws the same bytes whatever the decisions were until a
 * decision changes what it does next.
 *
 * <p>The tape reads the stream one byte at a time, so the stream is left exactly where the game's draws
 * end, as if the game had drawn from it directly.
 */
public final class TapedRound implements Round {
    /** A game's round played straight through. */
    @FunctionalInterface
    public interface Script {
        /**
         * Plays the round from {@code stream}, asking {@code player} at each decision, and returns it
         * settled; its {@link PlayedRound#choices()} are replaced by the round's decisions.
         *
         * @param player answers each decision
         * @param stream where the round's random numbers come from
         * @return the settled round
         */
        PlayedRound play(Player player, RandomStream stream);
    }

    /** Answers a decision. */
    @FunctionalInterface
    public interface Player {
        /**
         * The decision to take at {@code pending}.
         *
         * @param pending the decision the round waits for
         * @return a legal decision
         */
        Decision decide(PendingDecision pending);
    }

    private final Bet bet;
    private final Script script;
    private final RandomStream source;
    private byte[] tape = new byte[64];
    private int taped;
    private final List<Decision> choices = new ArrayList<>();
    private PendingDecision pending;
    private PlayedRound result;

    /**
     * Opens the round: plays {@code script} on {@code stream} up to its first decision or its end.
     *
     * @param bet the round's bet
     * @param stream where the round's random numbers come from
     * @param script the game's round logic
     */
    public TapedRound(Bet bet, RandomStream stream, Script script) {
        this.bet = bet;
        this.script = script;
        this.source = stream;
        run();
    }

    /** Signals that the script reached a decision the round has no answer for yet. */
    private static final class Pause extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient PendingDecision pending;

        Pause(PendingDecision pending) {
            super(null, null, false, false);
            this.pending = pending;
        }
    }

    private void run() {
        int[] next = {0};
        Player player = asked -> {
            if (next[0] < choices.size()) {
                return choices.get(next[0]++);
            }
            throw new Pause(asked);
        };
        try {
            // A round checked against its logged draws (LoggedDraws) re-runs on them from the first.
            RandomStream draws = source instanceof LoggedDraws ? ((LoggedDraws) source).rewound() : new Tape();
            PlayedRound played = script.play(player, draws);
            result = new PlayedRound(played.outcome(), played.detail(), bet, choices);
            pending = null;
        } catch (Pause p) {
            pending = p.pending;
            result = null;
        }
    }

    @Override
    public Bet bet() {
        return bet;
    }

    @Override
    public Optional<PendingDecision> pending() {
        return Optional.ofNullable(pending);
    }

    @Override
    public void act(Decision decision) {
        if (pending == null) {
            throw new IllegalDecisionException("the round is settled: no decision is pending, '" + decision + "' refused");
        }
        pending.check(decision);
        PendingDecision before = pending;
        choices.add(decision);
        try {
            run();
        } catch (RuntimeException e) {
            choices.remove(choices.size() - 1);
            pending = before;
            result = null;
            throw e;
        }
    }

    @Override
    public PlayedRound settle() {
        while (pending != null) {
            act(pending.byDefault());
        }
        return result;
    }

    @Override
    public List<Decision> choices() {
        return List.copyOf(choices);
    }

    @Override
    public PlayedRound result() {
        if (result == null) {
            throw new IllegalStateException("the round waits for a '" + pending.step() + "' decision");
        }
        return result;
    }

    /** The round's bytes: the tape, then new bytes from the stream, one at a time, added to the tape. */
    private final class Tape extends RandomStream {
        private int position;

        Tape() {
            super(1);
        }

        @Override
        protected void nextBlock(byte[] destination, int offset) {
            if (position == taped) {
                if (taped == tape.length) {
                    tape = Arrays.copyOf(tape, taped * 2);
                }
                byte[] one = new byte[1];
                source.nextBytes(one);
                tape[taped++] = one[0];
            }
            destination[offset] = tape[position++];
        }
    }
}
