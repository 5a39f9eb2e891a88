package io.fairspin.cli.rng;

import io.fairspin.rng.Drbg;
import io.fairspin.rng.DrbgMechanism;
import io.fairspin.rng.DrbgStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * A repeatable run of a certified mechanism ({@code --seed S}): the DRBG is instantiated with
 * entropy input SHA-512("fairspin seed " || purpose || S as 8 big-endian bytes), cut to the
 * mechanism's seed length (its full length for the mechanisms with a derivation function), an empty
 * nonce for CTR_DRBG without df and otherwise the next 16 bytes of SHA-512 over the same input with
 * a trailing 1, and personalization "fairspin". The same seed, purpose and mechanism give the same
 * stream; it is the certified algorithm, fed with a known seed instead of health-tested OS entropy.
 */
public final class SeededGenerator {
    private SeededGenerator() {
    }

    /**
     * A repeatable stream for {@code --seed}: the DRBG's entropy input is SHA-512("fairspin seed " || purpose || seed).
     *
     * @param mechanism the DRBG mechanism
     * @param seed the seed given with {@code --seed}
     * @param purpose the command, such as "certify outcomes", so that commands draw different streams
     * @return the stream
     */
    public static DrbgStream stream(DrbgMechanism mechanism, long seed, String purpose) {
        byte[] input = sha512(purpose, seed, 0);
        byte[] entropy = Arrays.copyOf(input, mechanism.requiresFullEntropy() ? mechanism.seedLengthBytes() : 48);
        byte[] nonce = mechanism.usesNonce() ? Arrays.copyOf(sha512(purpose, seed, 1), 16) : null;
        Drbg drbg = mechanism.instantiate(entropy, nonce, "fairspin".getBytes(StandardCharsets.US_ASCII));
        Arrays.fill(entropy, (byte) 0);
        Arrays.fill(input, (byte) 0);
        return new DrbgStream(drbg, 4096);
    }

    private static byte[] sha512(String purpose, long seed, int suffix) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-512");
            md.update(("fairspin seed " + purpose).getBytes(StandardCharsets.UTF_8));
            for (int i = 7; i >= 0; i--) {
                md.update((byte) (seed >>> (8 * i)));
            }
            if (suffix != 0) {
                md.update((byte) suffix);
            }
            return md.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
