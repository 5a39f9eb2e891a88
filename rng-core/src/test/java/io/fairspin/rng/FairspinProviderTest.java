package io.fairspin.rng;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fairspin.rng.jca.FairspinProvider;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.Security;
import java.util.Arrays;
import java.util.ServiceLoader;
import org.apache.commons.math3.distribution.BinomialDistribution;
import org.junit.jupiter.api.Test;

/** The certified generator through the JCA: SecureRandom.getInstance with the fairspin provider. */
class FairspinProviderTest {
    private static final Provider PROVIDER = new FairspinProvider();

    @Test
    void everyAlgorithmGivesTheCertifiedGenerator() throws Exception {
        for (String algorithm : new String[] {"FAIRSPIN-CTR-DRBG", "FAIRSPIN-HASH-DRBG", "FAIRSPIN-HMAC-DRBG",
            "FAIRSPIN-CTR-AES128", "FAIRSPIN-CTR-AES256-NODF", "FAIRSPIN-HASH-SHA256", "FAIRSPIN-HMAC-SHA256"}) {
            SecureRandom random = SecureRandom.getInstance(algorithm, PROVIDER);
            assertEquals(algorithm, random.getAlgorithm());
            assertEquals("FAIRSPIN", random.getProvider().getName());
            byte[] a = new byte[64];
            byte[] b = new byte[64];
            random.nextBytes(a);
            random.nextBytes(b);
            assertFalse(Arrays.equals(a, b), algorithm);
        }
        SecureRandom ctr = SecureRandom.getInstance("FAIRSPIN-CTR-DRBG", PROVIDER);
        assertTrue(ctr.toString().contains("CTR_DRBG") || ctr.toString().contains("ctr-aes256"), ctr.toString());
    }

    @Test
    void twoInstancesDrawIndependentStreams() throws Exception {
        byte[] a = new byte[32];
        byte[] b = new byte[32];
        SecureRandom.getInstance("FAIRSPIN-CTR-DRBG", PROVIDER).nextBytes(a);
        SecureRandom.getInstance("FAIRSPIN-CTR-DRBG", PROVIDER).nextBytes(b);
        assertFalse(Arrays.equals(a, b));
    }

    /**
     * setSeed adds to the entropy, it never replaces it: two generators given the same seed still differ, and
     * seeding with a constant does not make the output repeat (unlike SHA1PRNG seeded before first use).
     */
    @Test
    void setSeedIsAdditionalInputNotAReplacement() throws Exception {
        byte[] seed = "the same seed".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        SecureRandom first = SecureRandom.getInstance("FAIRSPIN-CTR-DRBG", PROVIDER);
        SecureRandom second = SecureRandom.getInstance("FAIRSPIN-CTR-DRBG", PROVIDER);
        first.setSeed(seed);
        second.setSeed(seed);
        byte[] a = new byte[32];
        byte[] b = new byte[32];
        first.nextBytes(a);
        second.nextBytes(b);
        assertFalse(Arrays.equals(a, b));
        first.setSeed(42L);
        first.nextBytes(b);
        assertFalse(Arrays.equals(a, b));
    }

    /**
     * The additional input reaches the DRBG: with a fixed entropy source, the same DRBG reseeded with two different
     * additional inputs gives different output, and with equal ones the same output. CTR_DRBG without derivation
     * function, the one mechanism without a nonce (whose nonce holds the time).
     */
    @Test
    void reseedWithAdditionalInputChangesTheStreamDeterministically() {
        byte[][] outputs = new byte[3][];
        String[] inputs = {"a", "a", "b"};
        for (int i = 0; i < 3; i++) {
            try (CertifiedRandom random = CertifiedRandom.builder().mechanism(DrbgMechanism.CTR_AES256_NO_DF)
                    .entropySource(fixedEntropy()).build()) {
                random.nextLong();
                random.reseed(inputs[i].getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                outputs[i] = new byte[32];
                random.nextBytes(outputs[i]);
            }
        }
        assertArrayEquals(outputs[0], outputs[1]);
        assertFalse(Arrays.equals(outputs[0], outputs[2]));
    }

    private static HealthTestedEntropySource fixedEntropy() {
        // A deterministic source that passes the health tests: a counter run through a simple mixer.
        long[] state = {0x9E3779B97F4A7C15L};
        EntropySource source = samples -> {
            for (int i = 0; i < samples.length; i++) {
                long z = (state[0] += 0x9E3779B97F4A7C15L);
                z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
                z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
                samples[i] = (byte) (z ^ (z >>> 31));
            }
        };
        return new HealthTestedEntropySource(source, 8.0, HealthTestedEntropySource.DEFAULT_ALPHA_EXPONENT);
    }

    /** Output through the JCA is uniform: the count of one bits in 2^20 bits, within a binomial 1e-6 bound. */
    @Test
    void outputBitsAreBalanced() throws Exception {
        SecureRandom random = SecureRandom.getInstance("FAIRSPIN-CTR-DRBG", PROVIDER);
        byte[] bytes = new byte[1 << 17];
        random.nextBytes(bytes);
        long ones = 0;
        for (byte b : bytes) {
            ones += Integer.bitCount(b & 0xFF);
        }
        int n = bytes.length * 8;
        BinomialDistribution binomial = new BinomialDistribution(n, 0.5);
        int low = binomial.inverseCumulativeProbability(1e-6);
        int high = binomial.inverseCumulativeProbability(1 - 1e-6);
        assertTrue(ones >= low && ones <= high, "ones: " + ones + " of " + n);
        // Negative control: a stream biased by 1% (a byte 0xFF in every 100 zero-one-balanced bytes ~ +0.5%) fails.
        long biased = n / 2 + n / 200;
        assertFalse(biased >= low && biased <= high, "the bound must reject a 1% bias");
    }

    @Test
    void isAServiceAndInstallsByName() throws Exception {
        boolean found = ServiceLoader.load(Provider.class).stream()
                .anyMatch(p -> p.type().equals(FairspinProvider.class));
        assertTrue(found, "META-INF/services/java.security.Provider");
        Security.addProvider(PROVIDER);
        try {
            SecureRandom byName = SecureRandom.getInstance("FAIRSPIN-CTR-DRBG", "FAIRSPIN");
            assertNotNull(byName);
            byName.nextInt();
            assertEquals(16, byName.generateSeed(16).length);
        } finally {
            Security.removeProvider("FAIRSPIN");
        }
    }
}
