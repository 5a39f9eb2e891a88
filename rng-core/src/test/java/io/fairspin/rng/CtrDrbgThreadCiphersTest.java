package io.fairspin.rng;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * CTR_DRBGs share their thread's AES ciphers: instances interleaved on one thread, and one instance used
 * from several threads in turn, give exactly the output each gives alone (the CAVP vectors check the
 * output itself).
 */
class CtrDrbgThreadCiphersTest {
    private static final int REQUESTS = 20;

    private static byte[] seed(DrbgMechanism mechanism, int tag) {
        byte[] seed = new byte[mechanism.requiresFullEntropy() ? mechanism.seedLengthBytes() : 32];
        for (int i = 0; i < seed.length; i++) {
            seed[i] = (byte) (tag * 31 + i);
        }
        return seed;
    }

    private static Drbg drbg(DrbgMechanism mechanism, int tag) {
        byte[] nonce = mechanism.requiresFullEntropy() ? null : new byte[] {(byte) tag, 1, 2, 3, 4, 5, 6, 7};
        return mechanism.instantiate(seed(mechanism, tag), nonce, new byte[] {(byte) tag});
    }

    /** The outputs of REQUESTS requests of growing length (with additional input every third), alone. */
    private static List<byte[]> alone(DrbgMechanism mechanism, int tag) {
        Drbg drbg = drbg(mechanism, tag);
        List<byte[]> out = new ArrayList<>();
        for (int r = 0; r < REQUESTS; r++) {
            out.add(request(drbg, r));
        }
        return out;
    }

    private static byte[] request(Drbg drbg, int r) {
        byte[] out = new byte[1 + 37 * r];
        drbg.generate(out, 0, out.length, r % 3 == 0 ? new byte[] {(byte) r, 9} : null);
        return out;
    }

    @ParameterizedTest
    @EnumSource(value = DrbgMechanism.class, names = "CTR_.*", mode = EnumSource.Mode.MATCH_ALL)
    void interleavedInstancesOnOneThreadGiveTheirOwnOutput(DrbgMechanism mechanism) {
        List<byte[]> a = alone(mechanism, 1);
        List<byte[]> b = alone(mechanism, 2);
        Drbg da = drbg(mechanism, 1);
        Drbg db = drbg(mechanism, 2);
        for (int r = 0; r < REQUESTS; r++) {
            assertArrayEquals(a.get(r), request(da, r), "instance a, request " + r);
            // A third instance created in between (its instantiation uses the block cipher too).
            drbg(mechanism, 3);
            assertArrayEquals(b.get(r), request(db, r), "instance b, request " + r);
        }
    }

    @ParameterizedTest
    @EnumSource(value = DrbgMechanism.class, names = "CTR_.*", mode = EnumSource.Mode.MATCH_ALL)
    void oneInstanceUsedFromThreadsInTurnGivesItsOutput(DrbgMechanism mechanism) throws Exception {
        List<byte[]> a = alone(mechanism, 4);
        Drbg shared = drbg(mechanism, 4);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            for (int r = 0; r < REQUESTS; r++) {
                int request = r;
                Future<byte[]> out = pool.submit(() -> request(shared, request));
                assertArrayEquals(a.get(r), out.get(), "request " + r);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
