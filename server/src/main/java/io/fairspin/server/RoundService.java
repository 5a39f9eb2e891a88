package io.fairspin.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import io.fairspin.audit.log.AuditLog;
import io.fairspin.audit.round.DisputePacket;
import io.fairspin.audit.record.LogEntry;
import io.fairspin.audit.log.LogReader;
import io.fairspin.audit.log.Receipt;
import io.fairspin.audit.record.RoundRecord;
import io.fairspin.audit.checkpoint.SignedNote;
import io.fairspin.math.Bet;
import io.fairspin.math.PlayedRound;
import io.fairspin.rng.RoundSeed;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The game server's rounds, without HTTP: opening (seed drawn and escrowed, commitment returned before
 * anything is drawn from the round's stream), playing, decisions, settling (answered only once the
 * round is durable in the log) and shutting down (every unsettled round settled by default actions).
 *
 * <p>Every check of a request happens before anything is drawn, escrowed or logged, so a refused
 * request changes nothing. Retries are safe: opening with an idempotency key already used by the same
 * session returns that round, and settling a settled round returns its result without playing again.
 */
final class RoundService implements AutoCloseable {
    private static final int MAX_IDEMPOTENCY_KEY = 128;

    private final Map<String, ServedGame> games;
    private final AuditLog log;
    private final Path logDir;
    private final SeedBatcher seeds;
    private final int retainSettled;
    private final Map<String, OpenRound> rounds = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<OpenRound>> byIdempotencyKey = new ConcurrentHashMap<>();
    private final Queue<OpenRound> settledOrder = new ConcurrentLinkedQueue<>();
    /** The size of settledOrder (a ConcurrentLinkedQueue counts by walking). */
    private final AtomicInteger settledCount = new AtomicInteger();
    /** Where a request goes on after waiting for the log or the seed batcher (the HTTP server's pool). */
    private final Executor continuations;
    private volatile boolean accepting = true;

    /**
     * @param continuations where a request goes on once the log made its round durable, or the seed batcher escrowed
     *     its seed (never the thread that completed it: the log's writer or the batcher)
     */
    RoundService(Map<String, ServedGame> games, AuditLog log, Path logDir, SeedBatcher seeds, int retainSettled,
            Executor continuations) {
        this.continuations = continuations;
        this.games = Map.copyOf(games);
        this.log = log;
        this.logDir = logDir;
        this.seeds = seeds;
        this.retainSettled = retainSettled;
    }

    ArrayNode games() {
        ArrayNode list = JsonNodeFactory.instance.arrayNode();
        games.values().stream().sorted((a, b) -> a.id().compareTo(b.id())).forEach(g -> list.add(g.describe()));
        return list;
    }

    // ------------------------------------------------------------------ open

    /**
     * Opens a round: checks the game and the bet, draws the round's seed (escrowed durably with the
     * other seeds of its batch) and answers with the round id and the seed commitment. The answer
     * completes at once when the seed reserve holds a seed, else once the seed batcher escrowed one.
     *
     * @throws ApiException when the request is refused (nothing drawn); the future fails with one too
     */
    CompletableFuture<ObjectNode> open(String sessionId, JsonNode body, String idempotencyKey) throws ApiException {
        requireObject(body);
        JsonNode gameField = body.get("game");
        if (gameField == null || !gameField.isTextual()) {
            throw ApiException.badRequest("game", "required: the id of a game from GET /api/games");
        }
        ServedGame game = games.get(gameField.textValue());
        if (game == null) {
            throw ApiException.unprocessable("game", "no game '" + printable(gameField.textValue()) + "' on this server;"
                    + " games: " + String.join(", ", games.keySet().stream().sorted().toList()));
        }
        Bet bet = game.bet(body.get("bet"));
        if (idempotencyKey != null && (idempotencyKey.isEmpty() || idempotencyKey.length() > MAX_IDEMPOTENCY_KEY
                || idempotencyKey.chars().anyMatch(c -> c < 0x21 || c > 0x7e))) {
            throw ApiException.badRequest("Idempotency-Key", "must be 1 to " + MAX_IDEMPOTENCY_KEY
                    + " printable ASCII characters without spaces");
        }
        requireAccepting();
        if (idempotencyKey == null) {
            return openNew(sessionId, game, bet, null).thenApply(this::view);
        }
        String key = sessionId + "\n" + idempotencyKey;
        CompletableFuture<OpenRound> mine = new CompletableFuture<>();
        CompletableFuture<OpenRound> earlier = byIdempotencyKey.putIfAbsent(key, mine);
        if (earlier != null) {
            return onOurThreads(earlier).handle((round, failure) -> {
                if (failure != null) {
                    throw new CompletionException(unwrap(failure) instanceof ApiException e ? e
                            : new ApiException(503, null, "the round could not be opened"));
                }
                if (round.game != game || !round.bet.equals(bet)) {
                    throw new CompletionException(new ApiException(409, "Idempotency-Key", "already used for round "
                            + round.id + " with another game or bet"));
                }
                return view(round);
            });
        }
        return openNew(sessionId, game, bet, key).whenComplete((round, failure) -> {
            if (failure != null) {
                byIdempotencyKey.remove(key, mine);
                mine.completeExceptionally(failure);
            } else {
                mine.complete(round);
            }
        }).thenApply(this::view);
    }

    /** A new round with the next escrowed seed, once the seed batcher has one (at once from its reserve). */
    private CompletableFuture<OpenRound> openNew(String sessionId, ServedGame game, Bet bet, String key) {
        long opened = System.currentTimeMillis();
        return onOurThreads(seeds.next()).handle((seed, failure) -> {
            if (failure != null) {
                accepting = false;
                throw new CompletionException(new ApiException(503, null,
                        "the certified generator failed closed; the server takes no more rounds"));
            }
            OpenRound round = new OpenRound(seed.roundId(), sessionId, game, bet, game.stake(bet), opened, seed, key);
            rounds.put(round.id, round);
            return round;
        });
    }

    // ------------------------------------------------------------------ play, act, settle

    /** Starts an open round: plays it up to its first decision, or settles it when it has none. */
    CompletableFuture<ObjectNode> play(String sessionId, String roundId) throws ApiException {
        OpenRound round = owned(sessionId, roundId);
        CompletableFuture<Receipt> settling;
        synchronized (round) {
            if (round.state == OpenRound.State.OPEN) {
                start(round);
                if (round.inPlay.pending() != null) {
                    round.state = OpenRound.State.DECISION;
                    return CompletableFuture.completedFuture(view(round));
                }
            }
            if (round.state == OpenRound.State.DECISION) {
                return CompletableFuture.completedFuture(view(round));
            }
            settling = settleLocked(round);
        }
        return settled(round, settling);
    }

    /** Applies the player's decision to a round that waits for one; settles it when that finishes it. */
    CompletableFuture<ObjectNode> act(String sessionId, String roundId, JsonNode body) throws ApiException {
        requireObject(body);
        JsonNode decision = body.get("decision");
        if (decision == null || decision.isNull()) {
            throw ApiException.badRequest("decision", "required: the decision the round waits for");
        }
        OpenRound round = owned(sessionId, roundId);
        CompletableFuture<Receipt> settling;
        synchronized (round) {
            if (round.state != OpenRound.State.DECISION) {
                throw new ApiException(409, "decision", "round " + roundId + " does not wait for a decision (it is "
                        + round.state.name().toLowerCase(java.util.Locale.ROOT) + ")");
            }
            round.inPlay.act(decision);
            if (round.inPlay.pending() != null) {
                return CompletableFuture.completedFuture(view(round));
            }
            settling = settleLocked(round);
        }
        return settled(round, settling);
    }

    /**
     * Settles a round: plays what is left with the model's default actions, logs it, and answers once it
     * is durable (the future completes then). Settling a settled round answers with its result again.
     */
    CompletableFuture<ObjectNode> settle(String sessionId, String roundId) throws ApiException {
        OpenRound round = owned(sessionId, roundId);
        CompletableFuture<Receipt> settling;
        synchronized (round) {
            settling = settleLocked(round);
        }
        return settled(round, settling);
    }

    ObjectNode get(String sessionId, String roundId) throws ApiException {
        OpenRound round = owned(sessionId, roundId);
        synchronized (round) {
            return view(round);
        }
    }

    private void start(OpenRound round) {
        round.stream = round.seed.stream();
        round.inPlay = round.game.start(round.stream, round.bet);
    }

    /**
     * Under the round's lock: finishes the round by default and submits its record; the future completes
     * when the record is durable. Nothing else runs on the log's writer thread.
     */
    private CompletableFuture<Receipt> settleLocked(OpenRound round) {
        if (round.durable != null) {
            return round.durable;
        }
        if (round.state == OpenRound.State.OPEN) {
            start(round);
        }
        round.inPlay.finishByDefault();
        PlayedRound played = round.inPlay.result();
        RoundRecord record = round.game.player().record(round.id, round.commitment, round.openedMillis,
                round.sessionId, played);
        round.wipeSecrets();
        round.state = OpenRound.State.SETTLING;
        round.durable = log.submit(record);
        return round.durable;
    }

    /** The round's settled view, once it is durable; fails with a 503 when the log failed. */
    private CompletableFuture<ObjectNode> settled(OpenRound round, CompletableFuture<Receipt> durable) {
        return onOurThreads(durable).handle((receipt, failure) -> {
            if (failure != null) {
                synchronized (round) {
                    round.state = OpenRound.State.FAILED;
                }
                accepting = false;
                throw new CompletionException(new ApiException(503, null, "the audit log failed; round " + round.id
                        + " is not settled and the server takes no more rounds"));
            }
            boolean first;
            ObjectNode view;
            synchronized (round) {
                first = round.receipt == null;
                if (first) {
                    round.receipt = receipt;
                    round.state = OpenRound.State.SETTLED;
                }
                view = view(round);
            }
            if (first) {
                settledOrder.add(round);
                settledCount.incrementAndGet();
                evictOld();
            }
            return view;
        });
    }

    /**
     * {@code future}, continued on the server's own threads: at once when it is done, else on {@link #continuations}
     * once it completes, so that nothing of a request runs on the log's writer thread or the seed batcher's.
     */
    private <T> CompletableFuture<T> onOurThreads(CompletableFuture<T> future) {
        return future.isDone() ? future : future.whenCompleteAsync((value, failure) -> { }, continuations);
    }

    /** The cause of a future's failure. */
    static Throwable unwrap(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }

    /** Forgets the oldest settled rounds beyond the retention (their records stay in the log). */
    private void evictOld() {
        while (settledCount.get() > retainSettled) {
            OpenRound old = settledOrder.poll();
            if (old == null) {
                return;
            }
            settledCount.decrementAndGet();
            rounds.remove(old.id, old);
            if (old.idempotencyKey != null) {
                byIdempotencyKey.remove(old.idempotencyKey);
            }
        }
    }

    /**
     * The round with this id, if it belongs to the session.
     *
     * @throws ApiException 404 when the server has no such round (anymore), 403 when it is another session's
     */
    private OpenRound owned(String sessionId, String roundId) throws ApiException {
        OpenRound round = rounds.get(roundId);
        if (round == null) {
            throw new ApiException(404, "roundId", "no open or recently settled round '" + printable(roundId)
                    + "' (settled rounds stay in the audit log: GET /api/rounds/{id}/packet)");
        }
        if (!round.sessionId.equals(sessionId)) {
            throw new ApiException(403, "Authorization", "round " + round.id + " belongs to another session");
        }
        return round;
    }

    // ------------------------------------------------------------------ views

    private ObjectNode view(OpenRound round) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("roundId", round.id);
        json.put("game", round.game.id());
        json.put("state", round.state.name().toLowerCase(java.util.Locale.ROOT));
        // The bet's and the outcome's JSON texts go into the response as they are (Jackson wrote them; reading
        // them into trees to write them again gave the same bytes at twice the cost).
        json.putRawValue("bet", new RawValue(round.bet.toJson()));
        json.put("stake", round.stake);
        json.put("commitment", HexFormat.of().formatHex(round.commitment));
        if (round.state == OpenRound.State.DECISION) {
            json.set("pending", round.inPlay.pending());
        }
        if (round.state == OpenRound.State.SETTLED) {
            PlayedRound played = round.inPlay.result();
            json.put("stake", played.outcome().stake());
            json.put("win", played.outcome().win());
            json.putRawValue("outcome", new RawValue(played.detail()));
            json.put("logIndex", round.receipt.index());
        }
        return json;
    }

    // ------------------------------------------------------------------ disputes

    /**
     * The dispute packet of a settled round of this session, against a signed checkpoint that covers it
     * (signing one when the latest does not). Rounds the server no longer holds in memory, or played
     * before a restart, are found in the log by id.
     */
    String packet(String sessionId, String roundId, Checkpointer checkpoints) throws ApiException {
        OpenRound round = rounds.get(roundId);
        long index;
        if (round != null) {
            if (!round.sessionId.equals(sessionId)) {
                throw new ApiException(403, "Authorization", "round " + round.id + " belongs to another session");
            }
            synchronized (round) {
                if (round.state != OpenRound.State.SETTLED) {
                    throw new ApiException(409, "roundId", "round " + round.id + " is not settled yet");
                }
                index = round.receipt.index();
            }
        } else {
            LogEntry entry;
            try {
                entry = LogReader.round(logDir, roundId);
            } catch (IllegalArgumentException e) {
                throw new ApiException(404, "roundId", "no settled round '" + printable(roundId) + "' in the log");
            } catch (IOException e) {
                throw new ApiException(503, null, "the audit log could not be read");
            }
            RoundRecord record = (RoundRecord) entry.event();
            if (!record.sessionId().equals(sessionId)) {
                throw new ApiException(403, "Authorization", "round " + roundId + " belongs to another session");
            }
            index = entry.index();
        }
        try {
            checkpoints.covering(index);
            return DisputePacket.forIndex(logDir, index).toJson();
        } catch (IOException e) {
            throw new ApiException(503, null, "the dispute packet could not be built: the audit log failed");
        }
    }

    /** Signs checkpoints: on request for a packet, and now and then. */
    interface Checkpointer {
        /** A signed checkpoint whose tree holds entry {@code index}. */
        SignedNote covering(long index) throws IOException;
    }

    // ------------------------------------------------------------------ shutdown

    /** Stops opening rounds. */
    void stopAccepting() {
        accepting = false;
    }

    /**
     * Settles every round that is not settled yet, by the model's default actions, and waits until they
     * are durable.
     */
    @Override
    public void close() {
        accepting = false;
        List<CompletableFuture<Receipt>> pending = new ArrayList<>();
        for (OpenRound round : rounds.values()) {
            synchronized (round) {
                if (round.state != OpenRound.State.SETTLED && round.state != OpenRound.State.FAILED) {
                    pending.add(settleLocked(round));
                }
            }
        }
        for (CompletableFuture<Receipt> p : pending) {
            try {
                p.join();
            } catch (CompletionException | CancellationException e) {
                // the log failed: those rounds are not settled; the log says why on close
            }
        }
    }

    private void requireAccepting() throws ApiException {
        if (!accepting) {
            throw new ApiException(503, null, "the server is stopping and opens no more rounds");
        }
    }

    private static void requireObject(JsonNode body) throws ApiException {
        if (body == null || !body.isObject()) {
            throw ApiException.badRequest("$", "the body must be a JSON object");
        }
    }

    /** A client-supplied string for a message: at most 64 characters, controls replaced. */
    static String printable(String text) {
        String cut = text.length() > 64 ? text.substring(0, 64) + "..." : text;
        return cut.codePoints().map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }
}
