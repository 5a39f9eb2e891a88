package io.fairspin.sim;

import io.fairspin.rng.Drbg;
import io.fairspin.rng.DrbgMechanism;
import io.fairspin.rng.DrbgStream;
import io.fairspin.rng.RandomStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Locale;

/**
 * Where a simulation's random bytes come from. Each chunk of rounds draws from its own stream, addressed
 * by the simulation's seed and the chunk's index, so a chunk's rounds do not depend on which thread
 * plays them or when; {@code docs/simulation.md} specifies both derivations.
 */
public enum RandomMode {
    /** The JDK's {@code L64X128MixRandom} per chunk: the fastest, for design work. */
    FAST("fast") {
        @Override
        ChunkStreams streams(long seed) {
            return chunk -> FastStream.forChunk(seed, chunk);
        }
    },
    /**
     * CTR_DRBG with AES-256 (SP 800-90A) per chunk, the generator a certified server uses, for lab runs:
     * entropy input SHA-256("fairspin simulate certified v1" || seed), nonce the chunk index, personalization
     * "fairspin simulate".
     */
    CERTIFIED("certified") {
        @Override
        ChunkStreams streams(long seed) {
            byte[] entropy = sha256(ByteBuffer.allocate(CERTIFIED_LABEL.length + Long.BYTES)
                    .put(CERTIFIED_LABEL).putLong(seed).array());
            return new ChunkStreams() {
                @Override
                public RandomStream open(long chunk) {
                    byte[] nonce = ByteBuffer.allocate(16).putLong(8, chunk).array();
                    Drbg drbg = DrbgMechanism.CTR_AES256.instantiate(entropy, nonce, PERSONALIZATION);
                    return new DrbgStream(drbg, DrbgMechanism.MAX_BYTES_PER_REQUEST);
                }

                @Override
                public void release(RandomStream stream) {
                    ((DrbgStream) stream).close();
                }

                @Override
                public void close() {
                    Arrays.fill(entropy, (byte) 0);
                }
            };
        }
    };

    private static final byte[] CERTIFIED_LABEL = "fairspin simulate certified v1".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PERSONALIZATION = "fairspin simulate".getBytes(StandardCharsets.US_ASCII);

    private final String cliName;

    RandomMode(String cliName) {
        this.cliName = cliName;
    }

    /**
     * The name on the command line and in reports: {@code fast} or {@code certified}.
     *
     * @return {@code fast} or {@code certified}
     */
    public String cliName() {
        return cliName;
    }

    /**
     * Whether rounds are played with {@link io.fairspin.math.Game#playFast} (the fast-mode draws), rather than
     * {@link io.fairspin.math.Game#play} (derivation v1, as a server draws).
     */
    boolean fastDraws() {
        return this == FAST;
    }

    /** The chunk streams of a simulation seeded with {@code seed}. */
    abstract ChunkStreams streams(long seed);

    /**
     * The mode named {@code name} on the command line.
     *
     * @param name {@code fast} or {@code certified}, case-sensitive
     * @return the mode of that name
     * @throws IllegalArgumentException naming the accepted names
     */
    public static RandomMode fromCliName(String name) {
        for (RandomMode mode : values()) {
            if (mode.cliName.equals(name.toLowerCase(Locale.ROOT))) {
                return mode;
            }
        }
        throw new IllegalArgumentException("rng: unknown mode '" + name + "', expected fast or certified");
    }

    @Override
    public String toString() {
        return cliName;
    }

    private static byte[] sha256(byte[] input) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(input);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    /** The streams of one simulation's chunks. */
    interface ChunkStreams extends AutoCloseable {
        /** The stream of chunk {@code chunk}. */
        RandomStream open(long chunk);

        /** Ends the use of a stream from {@link #open}. */
        default void release(RandomStream stream) {
        }

        /** Wipes what the streams were derived from. */
        @Override
        default void close() {
        }
    }
}
