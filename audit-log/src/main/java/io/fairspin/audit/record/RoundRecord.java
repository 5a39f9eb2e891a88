package io.fairspin.audit.record;

import java.util.Arrays;
import java.util.Objects;

/**
 * One played round as the audit log keeps it: which game and model, when, for whom, the bet and the win
 * in integer minor units, the player's choices, the round's seed commitment and escrow reference, and
 * the outcome. The log adds the index and the link to the previous entry ({@link LogEntry}).
 *
 * <p>The player choices and the outcome are opaque canonical bytes (typically canonical JSON) produced
 * by the game model; the seed commitment and the escrow reference are produced by the seed escrow.
 * Replay re-derives the round's seed from the escrow, runs the model identified by game id and model
 * hash on the bet and the choices, and compares the bytes of the outcome.
 *
 * <p>Body encoding, version 1 (after the entry header, see {@link LogEntry}), in this order:
 * {@code round_id str | game_id str | model_hash bytes | started_at i64 | settled_at i64 |
 * session_id str | trace_id str | currency str | bet i64 | win i64 | player_choices bytes |
 * seed_commitment bytes | escrow_reference str | outcome bytes}; {@code str} and {@code bytes} are a u32
 * length then the (UTF-8) bytes, timestamps are milliseconds since 1970-01-01T00:00:00Z.
 */
public final class RoundRecord implements LogEvent {
    /** The longest id or string field, in UTF-8 bytes. */
    public static final int MAX_ID_BYTES = 1024;
    static final int MAX_BLOB_BYTES = 1 << 20;

    // A record decoded from a log keeps its strings as UTF-8 where they stand in the entry's bytes (checked when
    // decoded, made into strings when first asked for): a reader of many rounds, such as the monitor, asks for few.
    private String roundId;
    private String gameId;
    private final byte[] modelHash;
    private final long startedAtMillis;
    private final long settledAtMillis;
    private String sessionId;
    private String traceId;
    private String currency;
    private final long bet;
    private final long win;
    private final byte[] playerChoices;
    private final byte[] seedCommitment;
    private String escrowReference;
    private final byte[] outcome;
    /** The bytes a decoded record's strings are read from; null for a record built from its fields. */
    private final byte[] source;
    /** Where each string field's u32 length stands in {@link #source}. */
    private final int roundIdAt;
    private final int gameIdAt;
    private final int sessionIdAt;
    private final int traceIdAt;
    private final int currencyAt;
    private final int escrowReferenceAt;

    private RoundRecord(Builder b) {
        this.source = null;
        this.roundIdAt = -1;
        this.gameIdAt = -1;
        this.sessionIdAt = -1;
        this.traceIdAt = -1;
        this.currencyAt = -1;
        this.escrowReferenceAt = -1;
        this.roundId = requireText("round_id", b.roundId);
        this.gameId = requireText("game_id", b.gameId);
        this.modelHash = requireBytes("model_hash", b.modelHash, MAX_ID_BYTES, false, true);
        this.startedAtMillis = b.startedAtMillis;
        this.settledAtMillis = b.settledAtMillis;
        this.sessionId = requireText("session_id", b.sessionId);
        this.traceId = Objects.requireNonNull(b.traceId, "trace_id");
        requireLength("trace_id", traceId);
        this.currency = Objects.requireNonNull(b.currency, "currency");
        this.bet = b.bet;
        this.win = b.win;
        this.playerChoices = requireBytes("player_choices", b.playerChoices, MAX_BLOB_BYTES, true, true);
        this.seedCommitment = requireBytes("seed_commitment", b.seedCommitment, MAX_ID_BYTES, false, true);
        this.escrowReference = requireText("escrow_reference", b.escrowReference);
        this.outcome = requireBytes("outcome", b.outcome, MAX_BLOB_BYTES, false, true);
        if (!isCurrencyCode(currency)) {
            throw new IllegalArgumentException("currency: '" + currency + "' is not 1 to 12 of A-Z and 0-9");
        }
        if (bet < 0 || win < 0) {
            throw new IllegalArgumentException("bet and win are minor units and cannot be negative: bet " + bet
                    + ", win " + win);
        }
        if (settledAtMillis < startedAtMillis) {
            throw new IllegalArgumentException("settled_at is before started_at");
        }
    }

    /**
     * A builder with every field empty.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The round's id, unique in the log.
     *
     * @return the round id
     */
    public String roundId() {
        String value = roundId;
        if (value == null) {
            value = text(roundIdAt);
            roundId = value;
        }
        return value;
    }

    /**
     * The round id's UTF-8 bytes, read-only, without making a string of them (for a reader of many rounds that only
     * compares or hashes ids).
     *
     * @return a read-only buffer of the id's UTF-8 bytes, from its position to its limit
     */
    public java.nio.ByteBuffer roundIdUtf8() {
        if (source == null) {
            byte[] utf8 = roundId.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            return java.nio.ByteBuffer.wrap(utf8).asReadOnlyBuffer();
        }
        return java.nio.ByteBuffer.wrap(source, roundIdAt + 4, length(source, roundIdAt)).asReadOnlyBuffer();
    }

    /**
     * Whether the game id is {@code id}, without making a string of the logged one.
     *
     * @param id a game id
     * @return true when the round's game id equals {@code id}
     */
    public boolean gameIdIs(String id) {
        String value = gameId;
        if (value != null) {
            return value.equals(id);
        }
        // equal strings of ASCII have as many bytes as chars; any other is decided on the string
        return sourceIs(gameIdAt, id) || !isAscii(id) && gameId().equals(id);
    }

    /** Whether the string field at {@code at} of {@link #source} has one byte per char of {@code text}, equal to it. */
    private boolean sourceIs(int at, String text) {
        int length = length(source, at);
        if (length != text.length()) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (source[at + 4 + i] != text.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /**
     * The game's id.
     *
     * @return the game id, from its model
     */
    public String gameId() {
        String value = gameId;
        if (value == null) {
            value = text(gameIdAt);
            gameId = value;
        }
        return value;
    }

    /**
     * The hash of the game model file the round was played with.
     *
     * @return the SHA-256 of the model file, 32 bytes
     */
    public byte[] modelHash() {
        return modelHash.clone();
    }

    /**
     * The model hash itself, not a copy, for a reader of many rounds that only looks it up.
     *
     * @return the model hash; the caller must not change it
     */
    public byte[] modelHashUnsafe() {
        return modelHash;
    }

    /**
     * When the round started.
     *
     * @return milliseconds since the epoch
     */
    public long startedAtMillis() {
        return startedAtMillis;
    }

    /**
     * When the round settled.
     *
     * @return milliseconds since the epoch
     */
    public long settledAtMillis() {
        return settledAtMillis;
    }

    /**
     * The player's session.
     *
     * @return the session id
     */
    public String sessionId() {
        String value = sessionId;
        if (value == null) {
            value = text(sessionIdAt);
            sessionId = value;
        }
        return value;
    }

    /**
     * A trace id for the server's own logs; may be empty.
     *
     * @return the trace id
     */
    public String traceId() {
        String value = traceId;
        if (value == null) {
            value = text(traceIdAt);
            traceId = value;
        }
        return value;
    }

    /**
     * The currency of the bet and the win.
     *
     * @return the currency code, such as EUR
     */
    public String currency() {
        String value = currency;
        if (value == null) {
            value = text(currencyAt);
            currency = value;
        }
        return value;
    }

    /**
     * Whether the currency is {@code code}, without making a string of the logged one (for a reader of many rounds
     * that keeps one string per currency).
     *
     * @param code a currency code
     * @return true when the round's currency equals {@code code}
     */
    public boolean currencyIs(String code) {
        String value = currency;
        // a logged currency is 1 to 12 of A-Z and 0-9: one byte per char
        return value != null ? value.equals(code) : sourceIs(currencyAt, code);
    }

    /**
     * The bet in minor units of the currency.
     *
     * @return the bet, at least 0
     */
    public long bet() {
        return bet;
    }

    /**
     * The win in minor units of the currency.
     *
     * @return the win, at least 0
     */
    public long win() {
        return win;
    }

    /**
     * The player's choices as canonical bytes from the game model; may be empty.
     *
     * @return a copy of the bytes
     */
    public byte[] playerChoices() {
        return playerChoices.clone();
    }

    /**
     * The commitment to the round's seed, published before the round was played.
     *
     * @return a copy of the 32-byte commitment
     */
    public byte[] seedCommitment() {
        return seedCommitment.clone();
    }

    /**
     * Where the escrowed seed material of this round is kept.
     *
     * @return the reference, as the operator's escrow names the round's seed material
     */
    public String escrowReference() {
        String value = escrowReference;
        if (value == null) {
            value = text(escrowReferenceAt);
            escrowReference = value;
        }
        return value;
    }

    /**
     * The outcome as canonical bytes from the game model.
     *
     * @return a copy of the bytes
     */
    public byte[] outcome() {
        return outcome.clone();
    }

    /**
     * The player choices themselves, not a copy: the caller must not change them.
     *
     * @return the record's own bytes of the player's choices; may be empty
     */
    public byte[] playerChoicesUnsafe() {
        return playerChoices;
    }

    /**
     * The outcome bytes themselves, not a copy: the caller must not change them.
     *
     * @return the record's own bytes of the outcome
     */
    public byte[] outcomeUnsafe() {
        return outcome;
    }

    void encode(CanonicalWriter out) {
        out.string(roundId()).string(gameId()).bytes(modelHash).i64(startedAtMillis).i64(settledAtMillis)
                .string(sessionId()).string(traceId()).string(currency()).i64(bet).i64(win).bytes(playerChoices)
                .bytes(seedCommitment).string(escrowReference()).bytes(outcome);
    }

    static RoundRecord decode(CanonicalReader in) throws MalformedRecordException {
        // Each field read and checked in order as the builder's would be, the strings checked (length, UTF-8) where
        // they stand and made into strings only when asked for.
        int roundIdAt = in.text("round_id", MAX_ID_BYTES);
        int gameIdAt = in.text("game_id", MAX_ID_BYTES);
        byte[] modelHash = in.bytes("model_hash", MAX_ID_BYTES);
        long startedAtMillis = in.i64("started_at");
        long settledAtMillis = in.i64("settled_at");
        int sessionIdAt = in.text("session_id", MAX_ID_BYTES);
        int traceIdAt = in.text("trace_id", MAX_ID_BYTES);
        int currencyAt = in.text("currency", MAX_ID_BYTES);
        long bet = in.i64("bet");
        long win = in.i64("win");
        byte[] playerChoices = in.bytes("player_choices", MAX_BLOB_BYTES);
        byte[] seedCommitment = in.bytes("seed_commitment", MAX_ID_BYTES);
        int escrowReferenceAt = in.text("escrow_reference", MAX_ID_BYTES);
        byte[] outcome = in.bytes("outcome", MAX_BLOB_BYTES);
        try {
            return new RoundRecord(in.array(), roundIdAt, gameIdAt, modelHash, startedAtMillis, settledAtMillis,
                    sessionIdAt, traceIdAt, currencyAt, bet, win, playerChoices, seedCommitment, escrowReferenceAt,
                    outcome);
        } catch (IllegalArgumentException e) {
            throw new MalformedRecordException(e.getMessage());
        }
    }

    /**
     * A record decoded from {@code source}, whose string fields stand at the given offsets (each a u32 length, then
     * that many bytes of valid UTF-8, at most {@link #MAX_ID_BYTES}: checked by the reader); the arrays are fresh ones
     * the decoder made, kept without a copy. Checks the fields as the builder's constructor does, in its order and with
     * its messages.
     */
    private RoundRecord(byte[] source, int roundIdAt, int gameIdAt, byte[] modelHash, long startedAtMillis,
            long settledAtMillis, int sessionIdAt, int traceIdAt, int currencyAt, long bet, long win,
            byte[] playerChoices, byte[] seedCommitment, int escrowReferenceAt, byte[] outcome) {
        this.source = source;
        this.roundIdAt = requireText("round_id", source, roundIdAt);
        this.gameIdAt = requireText("game_id", source, gameIdAt);
        this.modelHash = requireBytes("model_hash", modelHash, MAX_ID_BYTES, false, false);
        this.startedAtMillis = startedAtMillis;
        this.settledAtMillis = settledAtMillis;
        this.sessionIdAt = requireText("session_id", source, sessionIdAt);
        this.traceIdAt = traceIdAt;
        this.currencyAt = currencyAt;
        this.bet = bet;
        this.win = win;
        this.playerChoices = requireBytes("player_choices", playerChoices, MAX_BLOB_BYTES, true, false);
        this.seedCommitment = requireBytes("seed_commitment", seedCommitment, MAX_ID_BYTES, false, false);
        this.escrowReferenceAt = requireText("escrow_reference", source, escrowReferenceAt);
        this.outcome = requireBytes("outcome", outcome, MAX_BLOB_BYTES, false, false);
        if (!isCurrencyCode(source, currencyAt)) {
            throw new IllegalArgumentException("currency: '" + text(currencyAt) + "' is not 1 to 12 of A-Z and 0-9");
        }
        if (bet < 0 || win < 0) {
            throw new IllegalArgumentException("bet and win are minor units and cannot be negative: bet " + bet
                    + ", win " + win);
        }
        if (settledAtMillis < startedAtMillis) {
            throw new IllegalArgumentException("settled_at is before started_at");
        }
    }

    /** The string whose u32 length stands at {@code at} in {@link #source} (valid UTF-8: checked when decoded). */
    private String text(int at) {
        return new String(source, at + 4, length(source, at), java.nio.charset.StandardCharsets.UTF_8);
    }

    private static int length(byte[] bytes, int at) {
        return (bytes[at] & 0xff) << 24 | (bytes[at + 1] & 0xff) << 16 | (bytes[at + 2] & 0xff) << 8
                | bytes[at + 3] & 0xff;
    }

    /** A required string field of a decoded record: not empty (its length, a u32 at {@code at}, above 0). */
    private static int requireText(String field, byte[] source, int at) {
        if (length(source, at) == 0) {
            throw new IllegalArgumentException(field + ": required");
        }
        return at;
    }

    /** The currency field's bytes, at {@code at}: 1 to 12 of A-Z and 0-9 (so its string is the same). */
    private static boolean isCurrencyCode(byte[] source, int at) {
        int length = length(source, at);
        if (length == 0 || length > 12) {
            return false;
        }
        for (int i = at + 4; i < at + 4 + length; i++) {
            byte c = source[i];
            if (!(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9')) {
                return false;
            }
        }
        return true;
    }

    /** 1 to 12 of A-Z and 0-9 (a loop, not a regex: it runs for every record read). */
    private static boolean isCurrencyCode(String code) {
        if (code.isEmpty() || code.length() > 12) {
            return false;
        }
        for (int i = 0; i < code.length(); i++) {
            char c = code.charAt(i);
            if (!(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9')) {
                return false;
            }
        }
        return true;
    }

    private static String requireText(String field, String value) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException(field + ": required");
        }
        return requireLength(field, value);
    }

    private static String requireLength(String field, String value) {
        // A char takes at most 3 UTF-8 bytes: encode only when the string could be too long.
        if (value.length() > MAX_ID_BYTES || value.length() * 3 > MAX_ID_BYTES
                && value.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_ID_BYTES) {
            throw new IllegalArgumentException(field + ": longer than " + MAX_ID_BYTES + " bytes");
        }
        return value;
    }

    private static byte[] requireBytes(String field, byte[] value, int max, boolean mayBeEmpty, boolean copy) {
        if (value == null || (!mayBeEmpty && value.length == 0)) {
            throw new IllegalArgumentException(field + ": required");
        }
        if (value.length > max) {
            throw new IllegalArgumentException(field + ": " + value.length + " bytes, at most " + max + " allowed");
        }
        return copy ? value.clone() : value;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof RoundRecord)) {
            return false;
        }
        RoundRecord r = (RoundRecord) o;
        return roundId().equals(r.roundId()) && gameId().equals(r.gameId()) && Arrays.equals(modelHash, r.modelHash)
                && startedAtMillis == r.startedAtMillis && settledAtMillis == r.settledAtMillis
                && sessionId().equals(r.sessionId()) && traceId().equals(r.traceId())
                && currency().equals(r.currency()) && bet == r.bet && win == r.win
                && Arrays.equals(playerChoices, r.playerChoices) && Arrays.equals(seedCommitment, r.seedCommitment)
                && escrowReference().equals(r.escrowReference()) && Arrays.equals(outcome, r.outcome);
    }

    @Override
    public int hashCode() {
        return Objects.hash(roundId(), gameId(), bet, win, Arrays.hashCode(outcome));
    }

    @Override
    public String toString() {
        return "RoundRecord[" + roundId() + ", game " + gameId() + ", bet " + bet + ", win " + win + " " + currency()
                + "]";
    }

    /** Collects the fields of a round; {@link #build()} checks them. */
    public static final class Builder {
        private String roundId;
        private String gameId;
        private byte[] modelHash;
        private long startedAtMillis;
        private long settledAtMillis;
        private String sessionId;
        private String traceId = "";
        private String currency;
        private long bet;
        private long win;
        private byte[] playerChoices = new byte[0];
        private byte[] seedCommitment;
        private String escrowReference;
        private byte[] outcome;

        private Builder() {
        }

        /**
         * The round's id.
         *
         * @param value unique in the log, at most {@link #MAX_ID_BYTES} bytes
         * @return this builder
         */
        public Builder roundId(String value) {
            roundId = value;
            return this;
        }

        /**
         * The game's id.
         *
         * @param value the model's id
         * @return this builder
         */
        public Builder gameId(String value) {
            gameId = value;
            return this;
        }

        /**
         * The model file's hash.
         *
         * @param value the SHA-256 of the model file, 32 bytes
         * @return this builder
         */
        public Builder modelHash(byte[] value) {
            modelHash = value;
            return this;
        }

        /**
         * When the round started.
         *
         * @param value milliseconds since the epoch
         * @return this builder
         */
        public Builder startedAtMillis(long value) {
            startedAtMillis = value;
            return this;
        }

        /**
         * When the round settled.
         *
         * @param value milliseconds since the epoch
         * @return this builder
         */
        public Builder settledAtMillis(long value) {
            settledAtMillis = value;
            return this;
        }

        /**
         * The player's session.
         *
         * @param value the session id
         * @return this builder
         */
        public Builder sessionId(String value) {
            sessionId = value;
            return this;
        }

        /**
         * A trace id for the server's logs.
         *
         * @param value the trace id, may be empty
         * @return this builder
         */
        public Builder traceId(String value) {
            traceId = value;
            return this;
        }

        /**
         * The currency.
         *
         * @param value the currency code, such as EUR
         * @return this builder
         */
        public Builder currency(String value) {
            currency = value;
            return this;
        }

        /**
         * The bet.
         *
         * @param value in minor units, at least 0
         * @return this builder
         */
        public Builder bet(long value) {
            bet = value;
            return this;
        }

        /**
         * The win.
         *
         * @param value in minor units, at least 0
         * @return this builder
         */
        public Builder win(long value) {
            win = value;
            return this;
        }

        /**
         * The player's choices.
         *
         * @param value canonical bytes from the game model; may be empty
         * @return this builder
         */
        public Builder playerChoices(byte[] value) {
            playerChoices = value;
            return this;
        }

        /**
         * The seed commitment.
         *
         * @param value 32 bytes
         * @return this builder
         */
        public Builder seedCommitment(byte[] value) {
            seedCommitment = value;
            return this;
        }

        /**
         * Where the round's escrowed seed material is kept.
         *
         * @param value the escrow reference
         * @return this builder
         */
        public Builder escrowReference(String value) {
            escrowReference = value;
            return this;
        }

        /**
         * The outcome.
         *
         * @param value canonical bytes from the game model
         * @return this builder
         */
        public Builder outcome(byte[] value) {
            outcome = value;
            return this;
        }

        /**
         * The record.
         *
         * @return the record, its fields checked
         */
        public RoundRecord build() {
            return new RoundRecord(this);
        }
    }
}
