package io.fairspin.bench;

import io.fairspin.rng.CertifiedRandom;
import io.fairspin.rng.DrbgMechanism;
import io.fairspin.rng.DrbgStream;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
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
 * {@code nextInt(37)}, a roulette spin: a buffered CTR_DRBG stream (what a round draws from), the shared
 * thread-safe certified generator, the JDK's DRBG and {@code SplittableRandom}. Score: nanoseconds per call.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class NextIntBenchmark {

    @Param({"drbg-stream-ctr-aes256", "certified-ctr-aes256", "jdk-drbg", "splittable"})
    public String generator;

    private RandomGenerator random;

    @Setup
    public void setUp() throws NoSuchAlgorithmException {
        switch (generator) {
            case "drbg-stream-ctr-aes256": {
                byte[] entropy = new byte[32];
                new SplittableRandom(7).nextBytes(entropy);
                random = new DrbgStream(DrbgMechanism.CTR_AES256.instantiate(entropy, new byte[16], null),
                        DrbgMechanism.MAX_BYTES_PER_REQUEST);
                break;
            }
            case "certified-ctr-aes256":
                random = CertifiedRandom.builder().build();
                break;
            case "jdk-drbg":
                random = SecureRandom.getInstance("DRBG");
                break;
            default:
                random = new SplittableRandom(7);
        }
    }

    @Benchmark
    public int nextInt37() {
        return random.nextInt(37);
    }
}
