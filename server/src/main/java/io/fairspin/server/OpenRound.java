package io.fairspin.server;

import io.fairspin.audit.log.Receipt;
import io.fairspin.math.Bet;
import io.fairspin.rng.DrbgStream;
import io.fairspin.rng.RoundSeed;
import java.util.concurrent.CompletableFuture;

/** One round on the server, guarded by its own lock: open, waiting for a decision, settling, settled. */
final class OpenRound {
    enum State { OPEN, DECISION, SETTLING, SETTLED, FAILED }

    final String id;
    final String sessionId;
    final ServedGame game;
    final Bet bet;
    final long stake;
    final long openedMillis;
    final byte[] commitment;
    final String idempotencyKey;

    // Guarded by this.
    State state = State.OPEN;
    RoundSeed seed;
    DrbgStream stream;
    ServedGame.InPlay inPlay;
    /** Completes once the round's record is durable in the log. */
    CompletableFuture<Receipt> durable;
    Receipt receipt;

    OpenRound(String id, String sessionId, ServedGame game, Bet bet, long stake, long openedMillis, RoundSeed seed,
          String idempotencyKey) {
        this.id = id;
        this.sessionId = sessionId;
        this.game = game;
        this.bet = bet;
        this.stake = stake;
        this.openedMillis = openedMillis;
        this.seed = seed;
        this.commitment = seed.commitment();
        this.idempotencyKey = idempotencyKey;
    }

    /** Drops the seed and the stream: the round has been played to its end. */
    void wipeSecrets() {
        if (stream != null) {
            stream.close();
            stream = null;
        }
        if (seed != null) {
            seed.wipe();
            seed = null;
        }
    }
}
