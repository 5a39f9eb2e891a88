package io.fairspin.audit.round;

import io.fairspin.audit.json.CanonicalJson;
import io.fairspin.audit.log.AuditLog;
import io.fairspin.audit.log.Receipt;
import io.fairspin.audit.record.RoundRecord;
import io.fairspin.math.Bet;
import io.fairspin.math.Game;
import io.fairspin.math.PlayedRound;
import io.fairspin.rng.CertifiedRandom;
import io.fairspin.rng.DrbgStream;
import io.fairspin.rng.RoundSeed;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Plays rounds of one game as a game server does and logs each one: the round seeds come from an
 * escrowed certified generator, each round is played from its own round stream, and its record (bet,
 * win, seed commitment, escrow reference, canonical outcome) goes into the audit log.
 *
 * <pre>{@code
 * RoundPlayer player = new RoundPlayer(log, rng, escrow.keyId(), ModelFile.load(model), "session-1", "EUR");
 * for (CompletableFuture<Receipt> ack : player.play(List.of("table-7/1041", "table-7/1042"))) {
 *     ack.join();                                    // the round is durable in the log
 * }
 * }</pre>
 *
 * <p>The outcome logged is {@link CanonicalJson} of {@link PlayedRound#detail()}; the player choices are
 * {@link #playerChoices(Game, PlayedRound)}: empty for a round at the standard wager without decisions
 * (the model's built-in player, whose choices the detail shows), else the bet and the decisions as
 * {@link io.fairspin.math.RoundChoices} JSON, from which {@link RoundReplay} replays the round. Not
 * thread-safe; a server with several threads gives each its own player (they may share the log and the
 * generator).
 */
public final class RoundPlayer {
    private final AuditLog log;
    private final CertifiedRandom rng;
    private final String escrowKeyId;
    private final ModelFile model;
    private final String sessionId;
    private final String currency;

    /**
     * A player for {@code model} that logs into {@code log}.
     *
     * @param rng         the certified generator, escrowed to the auditor key {@code escrowKeyId}
     * @param escrowKeyId the auditor key's ID, for the escrow references
     * @param sessionId   the session id of the rounds
     * @param currency    the currency code of bet and win (minor units)
     * @param log the open audit log
     * @param model the game's model file
     */
    public RoundPlayer(AuditLog log, CertifiedRandom rng, String escrowKeyId, ModelFile model, String sessionId,
                       String currency) {
        this.log = log;
        this.rng = rng;
        this.escrowKeyId = escrowKeyId;
        this.model = model;
        this.sessionId = sessionId;
        this.currency = currency;
    }

    /**
     * Plays one round per id, in order, and submits their records to the log. All the seeds are drawn
     * in one batch ({@link CertifiedRandom#roundSeeds}): escrowed durably before any round is played.
     *
     * @return the log's acknowledgements, in the order of the ids; each completes when its round is durable
     * @param roundIds the rounds' ids, unique in the log
     * @throws io.fairspin.rng.RngFailureException when the generator failed or the escrow could not record
     */
    public List<CompletableFuture<Receipt>> play(List<String> roundIds) {
        return play(roundIds, Bet.standard());
    }

    /**
     * {@link #play(List)} at {@code bet}, the model's built-in player taking any decisions (its advice, else
     * the model's default), which are logged as the round's player choices.
     *
     * @param roundIds the rounds' ids, unique in the log
     * @param bet the bet of every round
     * @return the log's acknowledgements, one per round, in order
     * @throws io.fairspin.math.BetException when the model does not accept {@code bet}; nothing was drawn
     */
    public List<CompletableFuture<Receipt>> play(List<String> roundIds, Bet bet) {
        Game game = model.game();
        game.checkBet(bet);
        List<RoundSeed> seeds = rng.roundSeeds(roundIds);
        List<CompletableFuture<Receipt>> receipts = new ArrayList<>(seeds.size());
        for (RoundSeed seed : seeds) {
            receipts.add(log.submit(play(seed, bet)));
        }
        return receipts;
    }

    private RoundRecord play(RoundSeed seed, Bet bet) {
        long started = System.currentTimeMillis();
        byte[] commitment = seed.commitment();
        PlayedRound played;
        try (DrbgStream stream = seed.stream()) {
            played = bet.isStandard() ? model.game().playRecorded(stream) : model.game().playRecorded(bet, stream);
        } finally {
            seed.wipe();
        }
        return record(seed.roundId(), commitment, started, played);
    }

    /**
     * The record of a round of this player's model: for a server that plays rounds itself
     * ({@link Game#open}, decisions, settlement) and logs them through {@link AuditLog#submit}.
     *
     * @param roundId         the round's id, whose seed this player's generator drew
     * @param seedCommitment  the seed's commitment, published before the round
     * @param startedAtMillis when the round was opened
     * @param played the settled round
     * @return the record, ready to submit
     */
    public RoundRecord record(String roundId, byte[] seedCommitment, long startedAtMillis, PlayedRound played) {
        return record(roundId, seedCommitment, startedAtMillis, sessionId, played);
    }

    /**
     * As {@link #record(String, byte[], long, PlayedRound)}, for a round of the player session {@code sessionId}.
     *
     * @param roundId the round's id
     * @param seedCommitment the seed's commitment, published before the round
     * @param startedAtMillis when the round was opened
     * @param sessionId the player's session
     * @param played the settled round
     * @return the record, ready to submit
     */
    public RoundRecord record(String roundId, byte[] seedCommitment, long startedAtMillis, String sessionId,
                              PlayedRound played) {
        return RoundRecord.builder()
                .roundId(roundId)
                .gameId(model.game().id())
                .modelHash(model.hash())
                .startedAtMillis(startedAtMillis)
                .settledAtMillis(Math.max(startedAtMillis, System.currentTimeMillis()))
                .sessionId(sessionId)
                .currency(currency)
                .bet(played.outcome().stake())
                .win(played.outcome().win())
                .playerChoices(playerChoices(model.game(), played))
                .seedCommitment(seedCommitment)
                .escrowReference(new EscrowReference(escrowKeyId, rng.instanceId(), roundId).encode())
                .outcome(CanonicalJson.encode(played.detail()))
                .build();
    }

    /**
     * A round's player choices as its record holds them: empty for a round at {@code game}'s standard wager
     * without decisions, else the UTF-8 bytes of {@link io.fairspin.math.RoundChoices#toJson()}.
     *
     * @param game the round's game
     * @param played the settled round
     * @return the bytes, possibly empty
     */
    public static byte[] playerChoices(Game game, PlayedRound played) {
        boolean standard = played.bet().isStandard() || played.bet().equals(game.standardBet());
        if (standard && played.choices().isEmpty()) {
            return new byte[0];
        }
        return played.roundChoices().toJson().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
