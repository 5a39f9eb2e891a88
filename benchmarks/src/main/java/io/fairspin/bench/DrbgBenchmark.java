package io.fairspin.bench;

import io.fairspin.rng.Drbg;
import io.fairspin.rng.DrbgMechanism;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SHA512Digest;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.prng.EntropySource;
import org.bouncycastle.crypto.prng.drbg.CTRSP800DRBG;
import org.bouncycastle.crypto.prng.drbg.HMacSP800DRBG;
import org.bouncycastle.crypto.prng.drbg.HashSP800DRBG;
import org.bouncycastle.crypto.prng.drbg.SP80090DRBG;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Generate requests of 32 bytes and 64 KiB: each fairspin mechanism beside Bouncy Castle's same
 * mechanism, and the JDK's {@code SecureRandom.getInstance("DRBG")} and {@code SplittableRandom} for
 * scale. The score is requests per second; multiply by {@code bytes} for bytes per second.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class DrbgBenchmark {

    /** What generates: "fairspin:" or "bc:" (Bouncy Castle) and a mechanism, or a JDK generator. */
    @Param({"fairspin:ctr-aes256", "bc:ctr-aes256", "fairspin:ctr-aes128", "bc:ctr-aes128",
        "fairspin:hash-sha256", "bc:hash-sha256", "fairspin:hash-sha512", "bc:hash-sha512",
        "fairspin:hmac-sha256", "bc:hmac-sha256", "fairspin:hmac-sha512", "bc:hmac-sha512",
        "jdk:DRBG", "jdk:SplittableRandom"})
    public String source;

    @Param({"32", "65536"})
    public int bytes;

    private byte[] out;
    private Generator generator;

    /** One way of filling a buffer. */
    interface Generator {
        void fill(byte[] out);
    }

    @Setup
    public void setUp() throws NoSuchAlgorithmException {
        out = new byte[bytes];
        byte[] entropy = new byte[32];
        byte[] nonce = new byte[16];
        new SplittableRandom(42).nextBytes(entropy);
        String[] parts = source.split(":");
        if (source.equals("jdk:DRBG")) {
            SecureRandom jdk = SecureRandom.getInstance("DRBG");
            generator = jdk::nextBytes;
            return;
        }
        if (source.equals("jdk:SplittableRandom")) {
            SplittableRandom splittable = new SplittableRandom(42);
            generator = splittable::nextBytes;
            return;
        }
        DrbgMechanism m = DrbgMechanism.fromCliName(parts[1]);
        if (parts[0].equals("fairspin")) {
            Drbg drbg = m.instantiate(entropy, nonce, null);
            generator = b -> drbg.generate(b, 0, b.length, null);
        } else {
            SP80090DRBG drbg = bouncyCastle(m, entropy, nonce);
            // Bouncy Castle caps one request at 2^18 bits (32 KiB): larger requests take several.
            generator = b -> {
                if (b.length <= 32768) {
                    drbg.generate(b, null, false);
                } else {
                    byte[] half = new byte[32768];
                    for (int i = 0; i < b.length; i += half.length) {
                        drbg.generate(half, null, false);
                        System.arraycopy(half, 0, b, i, Math.min(half.length, b.length - i));
                    }
                }
            };
        }
    }

    private static SP80090DRBG bouncyCastle(DrbgMechanism m, byte[] entropy, byte[] nonce) {
        EntropySource source = new EntropySource() {
            @Override
            public boolean isPredictionResistant() {
                return false;
            }

            @Override
            public byte[] getEntropy() {
                return entropy.clone();
            }

            @Override
            public int entropySize() {
                return 256;
            }
        };
        switch (m) {
            case HMAC_SHA256: return new HMacSP800DRBG(new HMac(new SHA256Digest()), 256, source, null, nonce);
            case HMAC_SHA512: return new HMacSP800DRBG(new HMac(new SHA512Digest()), 256, source, null, nonce);
            case HASH_SHA256: return new HashSP800DRBG(new SHA256Digest(), 256, source, null, nonce);
            case HASH_SHA512: return new HashSP800DRBG(new SHA512Digest(), 256, source, null, nonce);
            case CTR_AES128: return new CTRSP800DRBG(AESEngine.newInstance(), 128, 128, source, null, nonce);
            case CTR_AES256: return new CTRSP800DRBG(AESEngine.newInstance(), 256, 256, source, null, nonce);
            default: throw new IllegalArgumentException(m.toString());
        }
    }

    @Benchmark
    public byte[] generate() {
        generator.fill(out);
        return out;
    }
}
