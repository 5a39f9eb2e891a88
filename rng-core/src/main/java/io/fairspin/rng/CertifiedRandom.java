package io.fairspin.rng;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The certified generator: an SP 800-90A DRBG seeded and reseeded from a health-tested entropy source,
 * giving outcomes by derivation v1. Safe to share between threads.
 *
 * <p>It fails closed: once its entropy source fails a health test, or a reseed cannot be made, every
 * call throws {@link RngFailureException}; it never falls back to weaker randomness. Two instances never
 * give the same stream: each is instantiated with fresh entropy and a nonce that holds a process-wide
 * instance counter and the time, besides entropy of its own.
 *
 * <p>The byte sequence is the output of generate requests of {@link #REQUEST_BYTES} bytes. Before a
 * request it reseeds when the reseed interval is used up, and before every request when prediction
 * resistance is on.
 *
 * <p>With an {@link Builder#escrow escrow}, every input that seeds or reseeds the DRBG, and every
 * generate call that matters for replay, is recorded durably before any output that depends on it is
 * handed out; when a record cannot be written the generator stops as for an entropy failure.
 * {@link #roundSeed} draws the seed of a game round, bound to its round id.
 */
public final class CertifiedRandom extends RandomStream implements AutoCloseable {
    /** The size of each generate request: the largest SP 800-90A allows. */
    public static final int REQUEST_BYTES = DrbgMechanism.MAX_BYTES_PER_REQUEST;
    /**
     * The most round seeds one {@link #roundSeeds} call draws: its escrow record (40 bytes a draw) must stay
     * well within the largest record a reader accepts (2^20 bytes of ciphertext).
     */
    public static final int MAX_ROUND_SEEDS = 16_384;

    private static final AtomicLong INSTANCES = new AtomicLong();
    private static final SecureRandom IDS = new SecureRandom();

    private final DrbgMechanism mechanism;
    private final int securityStrength;
    private final boolean predictionResistance;
    private final long reseedInterval;
    private final HealthTestedEntropySource entropy;
    private final String instanceId;
    private final Drbg drbg;
    private static final System.Logger LOG = System.getLogger(CertifiedRandom.class.getName());

    private final java.util.function.Consumer<RngHealthEvent> healthListener;
    private RngFailureException failure;
    private boolean closed;
    // Read by health() without the generator's lock, so that a probe never waits behind a long request.
    private volatile long reseeds;
    private volatile long lastReseedMillis;
    private volatile String failureMessage;
    private volatile long failureMillis;
    private volatile boolean closedFlag;

    private CertifiedRandom(Builder b) {
        super(REQUEST_BYTES);
        this.mechanism = b.mechanism;
        this.securityStrength = b.securityStrength;
        this.predictionResistance = b.predictionResistance;
        this.reseedInterval = b.reseedInterval;
        this.healthListener = b.healthListener;
        this.entropy = b.entropySource != null ? b.entropySource : HealthTestedEntropySource.os();
        if (mechanism.requiresFullEntropy() && entropy.minEntropyPerSample() < 8) {
            throw new IllegalArgumentException("mechanism: " + mechanism + " has no derivation function and needs a"
                    + " full-entropy source (8 bits per sample), the source declares " + entropy.minEntropyPerSample());
        }
        byte[] entropyInput = entropyInput();
        byte[] nonce = mechanism.usesNonce() ? nonce() : null;
        this.instanceId = newInstanceId();
        try {
            this.drbg = b.escrow == null
                    ? mechanism.instantiate(entropyInput, nonce, b.personalization, b.reseedInterval)
                    : b.escrow.instantiate(instanceId, mechanism, entropyInput, nonce, b.personalization,
                            b.reseedInterval, REQUEST_BYTES);
        } finally {
            Arrays.fill(entropyInput, (byte) 0);
            if (nonce != null) {
                Arrays.fill(nonce, (byte) 0);
            }
        }
    }

    /**
     * A builder with the defaults: CTR_DRBG AES-256, 256-bit strength, OS entropy, no prediction resistance.
     *
     * @return a new builder; each call starts again from the defaults
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The mechanism in use.
     *
     * @return the DRBG mechanism this generator instantiated, fixed for its life
     */
    public DrbgMechanism mechanism() {
        return mechanism;
    }

    /**
     * The instantiated security strength in bits.
     *
     * @return the security strength in bits: 112, 128, 192 or 256
     */
    public int securityStrength() {
        return securityStrength;
    }

    /**
     * This instance's identifier, 16 lowercase hex digits; escrow records name their DRBG by it.
     *
     * @return the instance identifier, 16 lowercase hex digits, the same in every escrow record of this generator
     */
    public String instanceId() {
        return instanceId;
    }

    /**
     * Draws the seed of a game round from this generator, bound to {@code roundId}: one generate request
     * of {@link RoundSeed#seedLength} bytes whose additional input is {@link RoundSeed#drawInput}. With
     * an escrow, the request is recorded before the seed is returned, so an auditor can recompute it.
     *
     * @param roundId the round's identifier, as the audit log will record it; it is hashed into the draw's additional
     *     input
     * @return the round's seed, still secret: publish its commitment before the round, reveal it after
     * @throws IllegalArgumentException when the round id is empty, longer than 256 bytes or has control characters
     * @throws RngFailureException      when the generator has failed or the escrow record cannot be written
     */
    public synchronized RoundSeed roundSeed(String roundId) {
        checkUsable();
        RoundSeed[] drawn = new RoundSeed[1];
        guarded(() -> {
            reseedIfDue();
            drawn[0] = RoundSeed.draw(drbg, roundId);
        });
        return drawn[0];
    }

    /**
     * The most round ids one {@link #roundSeeds} call takes: {@link #MAX_ROUND_SEEDS}, or the reseed interval when it
     * is smaller (a batch is drawn between two reseeds).
     *
     * @return the largest batch of round seeds
     */
    public int maxRoundSeeds() {
        return (int) Math.min(MAX_ROUND_SEEDS, reseedInterval);
    }

    /**
     * Draws the seeds of several rounds, in order, each as {@link #roundSeed} draws one. With an escrow,
     * all the draws go into one record, sealed once and written durably once before any seed is returned:
     * a busy server pays one seal and one sync per batch instead of one per round.
     *
     * <p>When fewer generate requests remain before the next reseed than the batch needs, it reseeds
     * first (reseeding early is always allowed). With prediction resistance each seed is drawn after its
     * own reseed, so each is recorded on its own.
     *
     * <p>An empty list draws nothing and writes no escrow record.
     *
     * @param roundIds the rounds' identifiers, in the order their seeds are drawn; an empty list draws nothing
     * @return one seed per round id, in the order of {@code roundIds}
     * @throws IllegalArgumentException when a round id is not valid or appears twice, or when there are
     *                                  more round ids than {@link #MAX_ROUND_SEEDS} or the reseed interval
     * @throws RngFailureException      when the generator has failed or the escrow record cannot be written;
     *                                  then no seed of the batch is handed out
     */
    public synchronized List<RoundSeed> roundSeeds(List<String> roundIds) {
        checkUsable();
        if (roundIds.size() > maxRoundSeeds()) {
            throw new IllegalArgumentException("roundIds: at most " + maxRoundSeeds()
                    + " per call (" + MAX_ROUND_SEEDS + ", and the reseed interval), was " + roundIds.size());
        }
        if (roundIds.isEmpty()) {
            return List.of();
        }
        if (predictionResistance) {
            List<RoundSeed> seeds = new ArrayList<>(roundIds.size());
            RoundSeed.drawInputs(roundIds); // checks every id before the first draw
            roundIds.forEach(roundId -> seeds.add(roundSeed(roundId)));
            return seeds;
        }
        byte[][] drawInputs = RoundSeed.drawInputs(roundIds);
        List<List<RoundSeed>> drawn = new ArrayList<>(1);
        guarded(() -> {
            if (drbg.requestsBeforeReseed() < roundIds.size()) {
                reseedFromEntropy();
            }
            drawn.add(RoundSeed.drawAll(drbg, roundIds, drawInputs));
        });
        return drawn.get(0);
    }

    @Override
    protected synchronized int nextWord32() {
        return super.nextWord32();
    }

    @Override
    protected synchronized long nextWord64() {
        return super.nextWord64();
    }

    @Override
    public synchronized void nextBytes(byte[] bytes) {
        super.nextBytes(bytes);
    }

    /** Reseeds now from the entropy source (for example after a fork or on an operator's request). */
    public synchronized void reseed() {
        // Buffered output is kept: the escrow's replay of the output (EscrowReplay.output) reproduces the
        // requests as handed out, which a discard would break (EscrowReplayTest pins it).
        checkUsable();
        guarded(this::reseedFromEntropy);
    }

    /**
     * Reseeds now from the entropy source with {@code additionalInput} (SP 800-90A Reseed with additional input),
     * and drops output buffered before, so every later value depends on it. The additional input adds to the
     * entropy input and never replaces it: the generator stays as unpredictable as before whatever it is given.
     * With an escrow, the RESEED record says how many buffered bytes were dropped unread, so the auditor's
     * replay of the output skips them too.
     *
     * @param additionalInput the additional input; null or empty for none
     * @throws IllegalArgumentException when it is longer than the mechanism takes
     *                                  ({@link DrbgMechanism#maxAdditionalInputBytes}); nothing changes then
     */
    public synchronized void reseed(byte[] additionalInput) {
        checkUsable();
        if (additionalInput != null && additionalInput.length > mechanism.maxAdditionalInputBytes()) {
            throw new IllegalArgumentException("additionalInput: at most " + mechanism.maxAdditionalInputBytes()
                    + " bytes for " + mechanism + ", was " + additionalInput.length);
        }
        int unread = buffered();
        discardBuffered();
        guarded(() -> reseedFromEntropy(additionalInput, unread));
    }

    @Override
    protected void nextBlock(byte[] destination, int offset) {
        checkUsable();
        guarded(() -> {
            reseedIfDue();
            drbg.generate(destination, offset, REQUEST_BYTES, null);
        });
    }

    private void reseedIfDue() {
        if (predictionResistance || drbg.requestsBeforeReseed() == 0) {
            reseedFromEntropy();
        }
    }

    /** Runs an operation on the DRBG; a failure of the randomness stops the generator for good. */
    private void guarded(Runnable operation) {
        try {
            operation.run();
        } catch (RngFailureException e) {
            failure = e;
            discardBuffered();
            drbg.close();
            failureMessage = e.getMessage();
            failureMillis = System.currentTimeMillis();
            LOG.log(System.Logger.Level.ERROR, "certified generator {0} stopped: {1}", instanceId, e.getMessage());
            emit(RngHealthEvent.Kind.HEALTH_FAILURE, e.getMessage() == null ? "" : e.getMessage());
            throw e;
        }
    }

    private void emit(RngHealthEvent.Kind kind, String detail) {
        if (healthListener != null) {
            healthListener.accept(new RngHealthEvent(instanceId, kind, System.currentTimeMillis(), reseeds, detail));
        }
    }

    /**
     * The generator's health, for a readiness probe: never blocks on the generator's lock and never throws.
     *
     * @return a snapshot of the generator's and its entropy source's health, as of this call
     */
    public RngHealth health() {
        String failed = failureMessage;
        return new RngHealth(instanceId, failed == null && !closedFlag, entropy.healthy(), reseeds, lastReseedMillis,
                java.util.Optional.ofNullable(failed), failureMillis);
    }

    private void reseedFromEntropy() {
        reseedFromEntropy(null, 0);
    }

    /** Reseeds with {@code additionalInput}, {@code unreadBytes} of the latest request having been dropped. */
    private void reseedFromEntropy(byte[] additionalInput, int unreadBytes) {
        byte[] entropyInput = entropyInput();
        try {
            drbg.reseed(entropyInput, additionalInput == null || additionalInput.length == 0 ? null : additionalInput,
                    unreadBytes);
        } finally {
            Arrays.fill(entropyInput, (byte) 0);
        }
        reseeds++;
        lastReseedMillis = System.currentTimeMillis();
        LOG.log(System.Logger.Level.DEBUG, "certified generator {0} reseeded from the entropy source (reseed {1})",
                instanceId, reseeds);
        emit(RngHealthEvent.Kind.RESEED, "");
    }

    /** Entropy input: seedlen bytes of full entropy without df, else enough samples for the strength. */
    private byte[] entropyInput() {
        int bytes = mechanism.requiresFullEntropy()
                ? mechanism.seedLengthBytes()
                : Math.max(securityStrength / 8, entropy.samplesFor(securityStrength));
        byte[] input = new byte[bytes];
        entropy.read(input);
        return input;
    }

    /** Half the strength in entropy, then the instance counter and the time (SP 800-90A section 8.6.7). */
    private byte[] nonce() {
        byte[] random = new byte[entropy.samplesFor(securityStrength / 2)];
        try {
            entropy.read(random);
            return Bytes.concat(random, Bytes.bigEndian64(INSTANCES.incrementAndGet()),
                    Bytes.bigEndian64(System.currentTimeMillis()), Bytes.bigEndian64(System.nanoTime()));
        } finally {
            Arrays.fill(random, (byte) 0);
        }
    }

    private static String newInstanceId() {
        byte[] id = new byte[8];
        IDS.nextBytes(id);
        return HexFormat.of().formatHex(id);
    }

    private void checkUsable() {
        if (failure != null) {
            throw new RngFailureException("generator stopped after a failure: " + failure.getMessage(), failure);
        }
        if (closed) {
            throw new IllegalStateException("generator was closed");
        }
    }

    /**
     * Wipes the DRBG state and the buffered output; every later call throws. An escrowed DRBG records
     * its close first.
     *
     * @throws RngFailureException when the escrow cannot record the close (the state is wiped anyway)
     */
    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            closedFlag = true;
            discardBuffered();
            drbg.close();
        }
    }

    @Override
    public String toString() {
        return "CertifiedRandom[" + mechanism + ", " + securityStrength + "-bit"
                + (predictionResistance ? ", prediction resistance" : "") + "]";
    }

    /** Validating builder for {@link CertifiedRandom}. */
    public static final class Builder {
        private DrbgMechanism mechanism = DrbgMechanism.CTR_AES256;
        private int securityStrength;
        private byte[] personalization = "fairspin".getBytes(StandardCharsets.US_ASCII);
        private long reseedInterval = 1L << 16;
        private boolean predictionResistance;
        private HealthTestedEntropySource entropySource;
        private java.util.function.Consumer<RngHealthEvent> healthListener;
        private DrbgEscrow escrow;

        private Builder() {
        }

        /**
         * The DRBG mechanism; CTR_DRBG with AES-256 by default.
         *
         * @param value the mechanism, not null
         * @return this builder
         */
        public Builder mechanism(DrbgMechanism value) {
            if (value == null) {
                throw new IllegalArgumentException("mechanism: must not be null");
            }
            mechanism = value;
            return this;
        }

        /**
         * The security strength in bits: 112, 128, 192 or 256, at most the mechanism's; its maximum by default.
         *
         * @param bits 112, 128, 192 or 256, at most {@link DrbgMechanism#maxSecurityStrength()}
         * @return this builder
         */
        public Builder securityStrength(int bits) {
            if (bits != 112 && bits != 128 && bits != 192 && bits != 256) {
                throw new IllegalArgumentException("securityStrength: must be 112, 128, 192 or 256 bits, was " + bits);
            }
            securityStrength = bits;
            return this;
        }

        /**
         * The personalization string, unique to the application or server where possible; "fairspin" by default.
         *
         * @param value the personalization string's bytes (copied), or null for the default
         * @return this builder
         */
        public Builder personalization(byte[] value) {
            personalization = value == null ? null : value.clone();
            return this;
        }

        /**
         * Generate requests between reseeds, in [1, 2^48]; 65,536 (4 GiB of output) by default.
         *
         * @param requests the number of generate requests after which the DRBG reseeds, 1 to 2^48
         * @return this builder
         */
        public Builder reseedInterval(long requests) {
            if (requests < 1 || requests > DrbgMechanism.MAX_RESEED_INTERVAL) {
                throw new IllegalArgumentException("reseedInterval: must be in [1, 2^48], was " + requests);
            }
            reseedInterval = requests;
            return this;
        }

        /**
         * Whether every generate request is preceded by a reseed from the entropy source; off by default.
         *
         * @param value true to reseed before every generate request (slower: each request reads the entropy source)
         * @return this builder
         */
        public Builder predictionResistance(boolean value) {
            predictionResistance = value;
            return this;
        }

        /**
         * Receives every {@link RngHealthEvent} (reseeds and failures) in the generator's thread, besides the
         * {@code System.Logger} events; a game server can write them into its audit log. It must not call the
         * generator.
         *
         * @param value the listener, or null for none
         * @return this builder
         */
        public Builder healthListener(java.util.function.Consumer<RngHealthEvent> value) {
            healthListener = value;
            return this;
        }

        /**
         * The health-tested entropy source; the operating system's by default.
         *
         * @param value the source, with its own health tests and min-entropy claim
         * @return this builder
         */
        public Builder entropySource(HealthTestedEntropySource value) {
            if (value == null) {
                throw new IllegalArgumentException("entropySource: must not be null");
            }
            entropySource = value;
            return this;
        }

        /**
         * Seeds from the operating system's source with an assessed min-entropy per byte, in (0, 8],
         * instead of assuming full entropy (8 bits per byte): the generator then reads 8/H times as many
         * bytes for each input, and the health tests use the cutoffs for H (alpha 2^-30). H comes from an
         * SP 800-90B assessment of bytes collected from the source ({@code fairspin certify entropy}).
         *
         * @param minEntropyPerByte the assessed min-entropy of one OS byte, in bits, in (0, 8]
         * @return this builder
         */
        public Builder assessedOsEntropy(double minEntropyPerByte) {
            if (!(minEntropyPerByte > 0 && minEntropyPerByte <= 8)) {
                throw new IllegalArgumentException("assessedOsEntropy: must be in (0, 8] bits per byte, was "
                        + minEntropyPerByte);
            }
            entropySource = HealthTestedEntropySource.os(minEntropyPerByte, HealthTestedEntropySource.DEFAULT_ALPHA_EXPONENT);
            return this;
        }

        /**
         * Escrows the DRBG's inputs (for example with {@code io.fairspin.rng.escrow.SeedEscrow}); none by
         * default.
         *
         * @param value where the DRBG's inputs are recorded, or null for no escrow
         * @return this builder
         */
        public Builder escrow(DrbgEscrow value) {
            escrow = value;
            return this;
        }

        /**
         * Instantiates the generator, reading entropy.
         *
         * @return a new, instantiated generator; close it to wipe its state
         * @throws IllegalArgumentException when the settings do not fit together
         * @throws RngFailureException      when the entropy source fails or the escrow cannot record
         */
        public CertifiedRandom build() {
            if (securityStrength == 0) {
                securityStrength = mechanism.maxSecurityStrength();
            }
            if (securityStrength > mechanism.maxSecurityStrength()) {
                throw new IllegalArgumentException("securityStrength: " + mechanism + " supports at most "
                        + mechanism.maxSecurityStrength() + " bits, asked for " + securityStrength);
            }
            int maxPersonalization = mechanism.requiresFullEntropy() ? mechanism.seedLengthBytes() : 1 << 16;
            if (personalization != null && personalization.length > maxPersonalization) {
                throw new IllegalArgumentException("personalization: at most " + maxPersonalization + " bytes for "
                        + mechanism + ", was " + personalization.length);
            }
            return new CertifiedRandom(this);
        }
    }
}
