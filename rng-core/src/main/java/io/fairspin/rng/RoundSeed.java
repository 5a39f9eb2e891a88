package io.fairspin.rng;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * The seed of one game round ("round streams v1", specified in {@code docs/escrow-and-replay.md}): bytes
 * drawn from the certified generator for a round id, from which the round's own {@link RandomStream} is
 * expanded by a deterministic DRBG of the same mechanism.
 *
 * <p>{@link #commitment()} can be published before the round is played; after it, {@link #reveal()}
 * gives the seed, and {@link #of} re-creates the same stream from it alone (O(1) replay). A client seed
 * chosen by the player after the commitment was published may be mixed into the stream
 * (provably-fair mode). {@code toString()} shows the round id and the commitment, never the seed.
 */
public final class RoundSeed {
    /** The request size of the round stream's DRBG; part of what fixes a round's byte sequence. */
    public static final int STREAM_REQUEST_BYTES = 256;

    private static final int MAX_ROUND_ID_BYTES = 256;
    private static final byte[] DRAW_TAG = ascii("fairspin/round-seed/v1");
    private static final byte[] NONCE_TAG = ascii("fairspin/round-nonce/v1");
    private static final byte[] PERSONALIZATION_TAG = ascii("fairspin/round/v1");
    private static final byte[] COMMITMENT_TAG = ascii("fairspin/round-commitment/v1");

    private final DrbgMechanism mechanism;
    private final String roundId;
    private final byte[] seed;

    private RoundSeed(DrbgMechanism mechanism, String roundId, byte[] seed) {
        this.mechanism = mechanism;
        this.roundId = roundId;
        this.seed = seed;
    }

    /**
     * A round's seed, for replay or verification once it was revealed.
     *
     * @param mechanism the mechanism of the generator the seed came from
     * @param roundId the round's identifier
     * @param seed the revealed seed (copied), {@link #seedLength(DrbgMechanism)} bytes
     * @return the seed, ready to replay or check a commitment
     * @throws IllegalArgumentException when the round id is not valid or the seed's length is not
     *                                  {@link #seedLength(DrbgMechanism)}
     */
    public static RoundSeed of(DrbgMechanism mechanism, String roundId, byte[] seed) {
        if (mechanism == null) {
            throw new IllegalArgumentException("mechanism: must not be null");
        }
        checkRoundId(roundId);
        int expected = seedLength(mechanism);
        if (seed == null || seed.length != expected) {
            throw new IllegalArgumentException("seed: a " + mechanism + " round seed has " + expected + " bytes, was "
                    + (seed == null ? 0 : seed.length));
        }
        return new RoundSeed(mechanism, roundId, seed.clone());
    }

    /** Draws a round's seed from {@code drbg} (the caller holds the generator's lock and reseeds as due). */
    static RoundSeed draw(Drbg drbg, String roundId) {
        checkRoundId(roundId);
        byte[] seed = new byte[seedLength(drbg.mechanism())];
        drbg.generate(seed, 0, seed.length, drawInput(roundId));
        return new RoundSeed(drbg.mechanism(), roundId, seed);
    }

    /**
     * Draws the seeds of several rounds from {@code drbg} with one {@link Drbg#generateEach} call, in the
     * order of {@code drawInputs}, which are {@link #drawInputs}{@code (roundIds)}.
     */
    static List<RoundSeed> drawAll(Drbg drbg, List<String> roundIds, byte[][] drawInputs) {
        byte[][] seeds = new byte[roundIds.size()][seedLength(drbg.mechanism())];
        drbg.generateEach(seeds, drawInputs);
        List<RoundSeed> drawn = new ArrayList<>(seeds.length);
        for (int i = 0; i < seeds.length; i++) {
            drawn.add(new RoundSeed(drbg.mechanism(), roundIds.get(i), seeds[i]));
        }
        return drawn;
    }

    /**
     * The draw inputs of several rounds, in order.
     *
     * @throws IllegalArgumentException when a round id is not valid or appears twice
     */
    static byte[][] drawInputs(List<String> roundIds) {
        Set<String> seen = new HashSet<>();
        byte[][] inputs = new byte[roundIds.size()][];
        for (int i = 0; i < inputs.length; i++) {
            String roundId = roundIds.get(i);
            inputs[i] = drawInput(roundId);
            if (!seen.add(roundId)) {
                throw new IllegalArgumentException("roundIds: '" + roundId + "' appears more than once");
            }
        }
        return inputs;
    }

    /**
     * The seed length for a mechanism: the seed length of CTR_DRBG without derivation function (its
     * entropy input must be exactly that), otherwise the mechanism's highest security strength in bytes.
     *
     * @param mechanism the generator's mechanism
     * @return the seed length in bytes: 48 (AES-256) or 32 (AES-128) for CTR_DRBG without derivation function, else the
     *     highest security strength in bytes (32, or 16 for {@code ctr-aes128})
     */
    public static int seedLength(DrbgMechanism mechanism) {
        return mechanism.requiresFullEntropy() ? mechanism.seedLengthBytes() : mechanism.maxSecurityStrength() / 8;
    }

    /**
     * The additional input of the generate request that draws a round's seed:
     * SHA-256(lp("fairspin/round-seed/v1") || lp(UTF-8 round id)). Escrow replay finds a round by it.
     *
     * @param roundId the round's identifier
     * @return the 32-byte additional input
     */
    public static byte[] drawInput(String roundId) {
        checkRoundId(roundId);
        return sha256(DRAW_TAG, utf8(roundId));
    }

    /**
     * The round id this seed belongs to.
     *
     * @return the round id
     */
    public String roundId() {
        return roundId;
    }

    /**
     * The mechanism of the generator the seed came from, which also expands it.
     *
     * @return the mechanism
     */
    public DrbgMechanism mechanism() {
        return mechanism;
    }

    /**
     * The commitment to publish before the round is played:
     * SHA-256(lp("fairspin/round-commitment/v1") || lp(mechanism name) || lp(round id) || lp(seed)).
     *
     * @return the 32-byte commitment
     */
    public byte[] commitment() {
        return sha256(COMMITMENT_TAG, ascii(mechanism.cliName()), utf8(roundId), seed);
    }

    /**
     * Checks that {@code commitment} is this seed's commitment.
     *
     * @param commitment the commitment published before the round, 32 bytes
     * @throws IllegalArgumentException when it is not
     */
    public void verifyCommitment(byte[] commitment) {
        if (commitment == null || !MessageDigest.isEqual(commitment(), commitment)) {
            throw new IllegalArgumentException("round " + roundId + ": the seed does not match the published commitment");
        }
    }

    /**
     * A copy of the seed, to reveal once the round is settled (never before).
     *
     * @return a copy of the secret seed; the caller should wipe it after use
     */
    public byte[] reveal() {
        return seed.clone();
    }

    /**
     * The round's stream without a client seed.
     *
     * @return a new stream over the round's DRBG; close it when done
     */
    public DrbgStream stream() {
        return stream(null);
    }

    /**
     * The round's stream: {@code mechanism} instantiated with the seed as entropy input, the nonce
     * SHA-256(lp("fairspin/round-nonce/v1") || lp(round id)) truncated to 16 bytes (none for CTR_DRBG
     * without df) and the personalization string SHA-256(lp("fairspin/round/v1") || lp(round id) ||
     * lp(client seed)), read in requests of {@link #STREAM_REQUEST_BYTES} bytes.
     *
     * @param clientSeed the player's seed in provably-fair mode; null or empty for none
     * @return a new stream over the round's DRBG; close it when done
     */
    public DrbgStream stream(byte[] clientSeed) {
        byte[] nonce = mechanism.usesNonce() ? Arrays.copyOf(sha256(NONCE_TAG, utf8(roundId)), 16) : null;
        byte[] personalization = sha256(PERSONALIZATION_TAG, utf8(roundId), clientSeed == null ? new byte[0] : clientSeed);
        return DrbgStream.owning(mechanism.instantiate(seed, nonce, personalization), STREAM_REQUEST_BYTES);
    }

    /** Overwrites the seed with zeros; the object is useless afterwards. */
    public void wipe() {
        Arrays.fill(seed, (byte) 0);
    }

    @Override
    public String toString() {
        return "RoundSeed[" + roundId + ", " + mechanism + ", commitment " + HexFormat.of().formatHex(commitment()) + "]";
    }

    private static void checkRoundId(String roundId) {
        if (roundId == null || roundId.isEmpty()) {
            throw new IllegalArgumentException("roundId: must not be empty");
        }
        int bytes = utf8(roundId).length;
        if (bytes > MAX_ROUND_ID_BYTES) {
            throw new IllegalArgumentException("roundId: at most " + MAX_ROUND_ID_BYTES + " bytes of UTF-8, was " + bytes);
        }
        for (int i = 0; i < roundId.length(); i++) {
            if (Character.isISOControl(roundId.charAt(i))) {
                throw new IllegalArgumentException("roundId: must not contain control characters");
            }
        }
    }

    /** SHA-256 over each part preceded by its length as a 4-byte big-endian integer. */
    private static byte[] sha256(byte[]... parts) {
        MessageDigest digest = SHA256.get();
        for (byte[] part : parts) {
            int n = part.length;
            digest.update((byte) (n >>> 24));
            digest.update((byte) (n >>> 16));
            digest.update((byte) (n >>> 8));
            digest.update((byte) n);
            digest.update(part);
        }
        return digest.digest();
    }

    /** One SHA-256 per thread: a round takes four of these hashes, and {@code getInstance} costs more than one. */
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    });

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
