package io.fairspin.rng;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** Deterministic streams and entropy sources for tests, derived from a seed by SHA-256. */
final class TestStreams {
    private TestStreams() {
    }

    /** A DrbgStream (CTR_DRBG AES-256, 4 KiB requests) whose entropy is derived from {@code seed}. */
    static DrbgStream drbg(long seed) {
        byte[] entropy = sha256("entropy " + seed);
        byte[] nonce = sha256("nonce " + seed);
        return new DrbgStream(DrbgMechanism.CTR_AES256.instantiate(entropy, nonce, null), 4096);
    }

    /** An entropy source of SHA-256(label || counter) blocks: healthy, and the same for the same label. */
    static EntropySource hashCounter(String label) {
        return new EntropySource() {
            private long counter;
            private byte[] block = new byte[0];
            private int position;

            @Override
            public void read(byte[] samples) {
                for (int i = 0; i < samples.length; i++) {
                    if (position == block.length) {
                        block = sha256(label + " " + counter++);
                        position = 0;
                    }
                    samples[i] = block[position++];
                }
            }
        };
    }

    static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
