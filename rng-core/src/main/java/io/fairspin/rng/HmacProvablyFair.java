package io.fairspin.rng;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A verifier for the widely used "provably fair" scheme of online casinos, so that an operator can check
 * rounds of a system they migrate from. Not fairspin's own scheme (see {@link RoundSeed}), and biased:
 * see {@code docs/escrow-and-replay.md}.
 *
 * <p>Bytes: HMAC-SHA256(key = ASCII server seed, message = ASCII "clientSeed:nonce:round") for round =
 * 0, 1, ...; each 32-byte block gives 8 floats, float = b0/256 + b1/256^2 + b2/256^3 + b3/256^4.
 */
public final class HmacProvablyFair {
    private static final int FLOATS_PER_BLOCK = 8;

    private HmacProvablyFair() {
    }

    /**
     * The first {@code count} floats of a bet, each in [0, 1) with 32 bits of resolution.
     *
     * @param serverSeed the operator's secret seed, revealed after the bets
     * @param clientSeed the player's seed
     * @param nonce the bet's number under this pair of seeds, from 0
     * @param count how many floats, at least 0
     * @return {@code count} floats in [0, 1), each a multiple of 2^-32
     */
    public static double[] floats(String serverSeed, String clientSeed, long nonce, int count) {
        if (count < 0) {
            throw new IllegalArgumentException("count: must not be negative, was " + count);
        }
        double[] floats = new double[count];
        Mac mac = hmac(serverSeed);
        byte[] block = new byte[0];
        for (int i = 0; i < count; i++) {
            if (i % FLOATS_PER_BLOCK == 0) {
                block = mac.doFinal((clientSeed + ":" + nonce + ":" + i / FLOATS_PER_BLOCK)
                        .getBytes(StandardCharsets.US_ASCII));
            }
            int k = 4 * (i % FLOATS_PER_BLOCK);
            floats[i] = (block[k] & 0xFF) / 256.0 + (block[k + 1] & 0xFF) / 65_536.0
                    + (block[k + 2] & 0xFF) / 16_777_216.0 + (block[k + 3] & 0xFF) / 4_294_967_296.0;
        }
        return floats;
    }

    /**
     * A roulette result: floor(float_0 * pockets).
     *
     * @param serverSeed the operator's secret seed, revealed after the bets
     * @param clientSeed the player's seed
     * @param nonce the bet's number under this pair of seeds, from 0
     * @param pockets the wheel's pockets, 37 for European roulette
     * @return the winning pocket, in [0, pockets)
     */
    public static int roulette(String serverSeed, String clientSeed, long nonce, int pockets) {
        if (pockets < 1) {
            throw new IllegalArgumentException("pockets: must be positive, was " + pockets);
        }
        return (int) (floats(serverSeed, clientSeed, nonce, 1)[0] * pockets);
    }

    /**
     * The mine positions of a mines game, sorted: tiles 0..tiles-1 are drawn without replacement, each
     * float picking index floor(float * remaining) of the tiles left; the first {@code mines} drawn are
     * mines.
     *
     * @param serverSeed the operator's secret seed, revealed after the bets
     * @param clientSeed the player's seed
     * @param nonce the bet's number under this pair of seeds, from 0
     * @param tiles the board's tiles, 25 for a 5 x 5 board
     * @param mines how many of them are mines, in [0, tiles]
     * @return the mines' tile indices, ascending, each in [0, tiles)
     */
    public static int[] mines(String serverSeed, String clientSeed, long nonce, int tiles, int mines) {
        if (tiles < 1 || mines < 0 || mines > tiles) {
            throw new IllegalArgumentException("tiles, mines: need 1 <= tiles and 0 <= mines <= tiles, were "
                    + tiles + ", " + mines);
        }
        List<Integer> remaining = new ArrayList<>();
        for (int t = 0; t < tiles; t++) {
            remaining.add(t);
        }
        double[] floats = floats(serverSeed, clientSeed, nonce, mines);
        int[] drawn = new int[mines];
        for (int i = 0; i < mines; i++) {
            drawn[i] = remaining.remove((int) (floats[i] * remaining.size()));
        }
        Arrays.sort(drawn);
        return drawn;
    }

    private static Mac hmac(String serverSeed) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(serverSeed.getBytes(StandardCharsets.US_ASCII), "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this Java runtime", e);
        }
    }
}
