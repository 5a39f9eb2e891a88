package io.fairspin.audit.round;

import io.fairspin.audit.json.CanonicalJson;
import io.fairspin.audit.record.LogEntry;
import io.fairspin.audit.record.RoundRecord;
import io.fairspin.math.BetException;
import io.fairspin.math.IllegalDecisionException;
import io.fairspin.math.PlayedRound;
import io.fairspin.math.RoundChoices;
import io.fairspin.rng.DrbgStream;
import io.fairspin.rng.RoundSeed;
import io.fairspin.rng.escrow.EscrowReplay;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The auditor's replay of one logged round: recomputes its seed from the escrow, checks the seed against
 * the logged commitment, plays the model again from the round stream and compares bet, win and the
 * outcome bytes with the log.
 *
 * <pre>{@code
 * try (EscrowReplay escrow = EscrowReplay.read(Path.of("rng.escrow"), auditorKey)) {
 *     RoundReplay replay = RoundReplay.of(LogReader.round(logDir, "table-7/1041"), ModelFile.load(model), escrow);
 *     if (!replay.matches()) { ... replay.differences() ... }
 * }
 * }</pre>
 */
public final class RoundReplay {
    private final LogEntry entry;
    private final RoundRecord logged;
    private final EscrowReplay.Round escrowed;
    private final PlayedRound replayed;
    private final byte[] replayedOutcome;
    private final List<String> differences;

    private RoundReplay(LogEntry entry, EscrowReplay.Round escrowed, PlayedRound replayed) {
        this.entry = entry;
        this.logged = (RoundRecord) entry.event();
        this.escrowed = escrowed;
        this.replayed = replayed;
        this.replayedOutcome = CanonicalJson.encode(replayed.detail());
        this.differences = compare();
    }

    /** A round whose logged player choices the model refuses: nothing was replayed. */
    private RoundReplay(LogEntry entry, EscrowReplay.Round escrowed, IllegalArgumentException refused) {
        this.entry = entry;
        this.logged = (RoundRecord) entry.event();
        this.escrowed = escrowed;
        this.replayed = null;
        this.replayedOutcome = new byte[0];
        List<String> found = seedDifferences();
        found.add("player_choices: the model refuses the logged choices (" + refused.getMessage()
                + "), so this model cannot have played the round");
        this.differences = List.copyOf(found);
    }

    /**
     * Replays the round logged as {@code entry}.
     *
     * Logged player choices that the model refuses (malformed, a bet outside its limits, an illegal
     * decision) are a difference, not an error: that model cannot have played the round.
     *
     * @param entry the logged entry
     * @param model the model file the round was played with
     * @param escrow the escrow, opened with the auditor's key
     * @return the replay, with any differences
     * @throws IllegalArgumentException when the entry is not a round, {@code model} is not the model it was
     *                                  played with, or the escrow drew no seed (or several) for its round id
     */
    public static RoundReplay of(LogEntry entry, ModelFile model, EscrowReplay escrow) {
        if (!(entry.event() instanceof RoundRecord)) {
            throw new IllegalArgumentException("entry " + entry.index() + " is not a round");
        }
        RoundRecord round = (RoundRecord) entry.event();
        model.checkPlayed(round);
        return of(entry, model, escrow.round(round.roundId()));
    }

    /**
     * As {@link #of(LogEntry, ModelFile, EscrowReplay)}, with the round's seed already recomputed: an audit
     * of many rounds gets them all from one {@link EscrowReplay#rounds} call, which re-runs each generator
     * once instead of once per round.
     *
     * @param entry the logged entry
     * @param model the model file the round was played with
     * @param escrowed the round's recomputed seed
     * @return the replay, with any differences
     */
    public static RoundReplay of(LogEntry entry, ModelFile model, EscrowReplay.Round escrowed) {
        if (!(entry.event() instanceof RoundRecord)) {
            throw new IllegalArgumentException("entry " + entry.index() + " is not a round");
        }
        RoundRecord round = (RoundRecord) entry.event();
        model.checkPlayed(round);
        if (!escrowed.seed().roundId().equals(round.roundId())) {
            throw new IllegalArgumentException("entry " + entry.index() + ": the seed given is round "
                    + escrowed.seed().roundId() + "'s, not " + round.roundId() + "'s");
        }
        byte[] choices = round.playerChoices();
        try (DrbgStream stream = escrowed.seed().stream()) {
            if (choices.length == 0) {
                return new RoundReplay(entry, escrowed, model.game().playRecorded(stream));
            }
            RoundChoices chosen;
            try {
                chosen = RoundChoices.fromJson(new String(choices, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException malformed) {
                return new RoundReplay(entry, escrowed, malformed);
            }
            PlayedRound replayed;
            try {
                replayed = model.game().replay(chosen.bet(), chosen.decisions(), stream);
            } catch (BetException | IllegalDecisionException refused) {
                return new RoundReplay(entry, escrowed, refused);
            }
            return new RoundReplay(entry, escrowed, replayed);
        }
    }

    private List<String> compare() {
        List<String> found = seedDifferences();
        if (replayed.outcome().stake() != logged.bet()) {
            found.add("bet: logged " + logged.bet() + ", replayed " + replayed.outcome().stake());
        }
        if (replayed.outcome().win() != logged.win()) {
            found.add("win: logged " + logged.win() + ", replayed " + replayed.outcome().win());
        }
        if (!Arrays.equals(replayedOutcome, logged.outcome())) {
            found.add("outcome: the logged bytes differ from the replayed ones");
        }
        return List.copyOf(found);
    }

    /** The logged commitment and escrow reference against the seed the escrow drew. */
    private List<String> seedDifferences() {
        List<String> found = new ArrayList<>();
        if (!MessageDigest.isEqual(seed().commitment(), logged.seedCommitment())) {
            found.add("seed_commitment: the seed recomputed from the escrow does not match the logged commitment");
        }
        referenceDifference().ifPresent(found::add);
        return found;
    }

    /** The logged reference must name the DRBG instance that drew the seed, and the round. */
    private Optional<String> referenceDifference() {
        EscrowReference reference;
        try {
            reference = EscrowReference.parse(logged.escrowReference());
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
        if (reference.instanceId().equals(escrowed.instanceId()) && reference.roundId().equals(logged.roundId())) {
            return Optional.empty();
        }
        return Optional.of("escrow_reference: logged '" + logged.escrowReference() + "', but the escrow drew the"
                + " seed of round '" + logged.roundId() + "' in DRBG " + escrowed.instanceId());
    }

    /**
     * Whether the log, the escrow and the model agree on everything: commitment, reference, bet, win, outcome.
     *
     * @return true when nothing differs
     */
    public boolean matches() {
        return differences.isEmpty();
    }

    /**
     * What disagrees, one line per field, naming the record field; empty when the round matches.
     *
     * @return the differences
     */
    public List<String> differences() {
        return differences;
    }

    /**
     * The logged entry.
     *
     * @return the entry
     */
    public LogEntry entry() {
        return entry;
    }

    /**
     * The logged round.
     *
     * @return the round record
     */
    public RoundRecord logged() {
        return logged;
    }

    /**
     * Where the escrow drew the seed: instance, record and draw.
     *
     * @return where the seed was drawn
     */
    public EscrowReplay.Round escrowed() {
        return escrowed;
    }

    /**
     * The seed recomputed from the escrow (secret until the round may be revealed).
     *
     * @return the seed
     */
    public RoundSeed seed() {
        return escrowed.seed();
    }

    /**
     * The replayed round's bet; 0 when the model refused the logged choices (see {@link #differences()}).
     *
     * @return the bet, in minor units
     */
    public long replayedBet() {
        return replayed == null ? 0 : replayed.outcome().stake();
    }

    /**
     * The replayed round's win; 0 when the model refused the logged choices (see {@link #differences()}).
     *
     * @return the win, in minor units
     */
    public long replayedWin() {
        return replayed == null ? 0 : replayed.outcome().win();
    }

    /**
     * The replayed round's canonical outcome bytes; empty when the model refused the logged choices.
     *
     * @return a copy of the bytes
     */
    public byte[] replayedOutcome() {
        return replayedOutcome.clone();
    }
}
