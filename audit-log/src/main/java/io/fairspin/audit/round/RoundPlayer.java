package io.fairspin.audit.round;

import io.fairspin.audit.log.AuditLog;
import io.fairspin.audit.log.Receipt;
import io.fairspin.audit.record.CanonicalJson;
import io.fairspin.audit.record.RoundRecord;
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
 * empty, since the model plays its standard wager with the choices it makes itself, which the detail
 * shows. Not thread-safe; a server with several threads gives each its own player (they may share the
 * log and the generator).
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
     * @throws io.fairspin.rng.RngFailureException when the generator failed or the escrow could not record
     */
    public List<CompletableFuture<Receipt>> play(List<String> roundIds) {
        List<RoundSeed> seeds = rng.roundSeeds(roundIds);
        List<CompletableFuture<Receipt>> receipts = new ArrayList<>(seeds.size());
        for (RoundSeed seed : seeds) {
            receipts.add(log.submit(play(seed)));
        }
        return receipts;
    }

    private RoundRecord play(RoundSeed seed) {
        long started = System.currentTimeMillis();
        byte[] commitment = seed.commitment();
        PlayedRound played;
        try (DrbgStream stream = seed.stream()) {
            played = model.game().playRecorded(stream);
        } finally {
            seed.wipe();
        }
        return RoundRecord.builder()
                .roundId(seed.roundId())
                .gameId(model.game().id())
                .modelHash(model.hash())
                .startedAtMillis(started)
                .settledAtMillis(Math.max(started, System.currentTimeMillis()))
                .sessionId(sessionId)
                .currency(currency)
                .bet(played.outcome().stake())
                .win(played.outcome().win())
                .playerChoices(new byte[0])
                .seedCommitment(commitment)
                .escrowReference(new EscrowReference(escrowKeyId, rng.instanceId(), seed.roundId()).encode())
                .outcome(CanonicalJson.encode(played.detail()))
                .build();
    }
}
