package io.fairspin.cert.entropy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fairspin.cert.TestGenerators;
import io.fairspin.rng.DrbgMechanism;
import io.fairspin.rng.HealthTestedEntropySource;
import io.fairspin.rng.RandomStream;
import org.apache.commons.math3.distribution.BinomialDistribution;
import org.junit.jupiter.api.Test;

/**
 * The IID track and the restart tests on seeded generator output (deterministic for the seeds), each
 * with a negative control.
 */
class IidAndRestartTest {
    private static byte[] drbgBytes(long seed, int n, int bits) {
        RandomStream r = TestGenerators.drbg(DrbgMechanism.CTR_AES256, seed);
        byte[] b = new byte[n];
        r.nextBytes(b);
        for (int i = 0; i < n; i++) {
            b[i] &= (byte) ((1 << bits) - 1);
        }
        return b;
    }

    @Test
    void drbgBytesPassTheIidTestsAndGetNearlyEightBits() {
        EntropySamples s = EntropySamples.of(drbgBytes(1, 50_000, 8), 8);
        IidAssessment a = IidAssessment.run(s, TestGenerators.drbg(DrbgMechanism.HMAC_SHA256, 2));
        assertTrue(a.passed(), a.toString());
        assertEquals(19, a.permutations().size());
        assertTrue(a.minEntropy() > 7.3 && a.minEntropy() <= 8, "h " + a.minEntropy());
    }

    @Test
    void drbgBitsPassTheIidTests() {
        EntropySamples s = EntropySamples.of(drbgBytes(3, 50_000, 1), 1);
        IidAssessment a = IidAssessment.run(s, TestGenerators.drbg(DrbgMechanism.HMAC_SHA256, 4));
        assertTrue(a.passed(), a.toString());
        assertTrue(a.minEntropy() > 0.97, "h " + a.minEntropy());
    }

    @Test
    void aSlowlyDriftingSourceIsRejected() {
        // each sample a small random step from the last: strongly dependent, nearly uniform values
        byte[] b = drbgBytes(5, 2_000, 8);
        int x = 0;
        for (int i = 0; i < b.length; i++) {
            x = (x + (b[i] & 3) - 1) & 0xFF;
            b[i] = (byte) x;
        }
        IidAssessment a = IidAssessment.run(EntropySamples.of(b, 8), TestGenerators.drbg(DrbgMechanism.HMAC_SHA256, 6));
        assertFalse(a.passed());
        assertTrue(a.permutations().stream().anyMatch(p -> !p.passed()));
    }

    @Test
    void restartTestsValidateAGoodSourceAndRejectOneThatRepeatsAfterEachRestart() {
        byte[] good = drbgBytes(7, 1_000_000, 8);
        RestartAssessment ok = RestartAssessment.run(good, 8, 7.0, false, 2);
        assertTrue(ok.sanityPassed() && ok.passed(), ok.toString());
        byte[] row = drbgBytes(8, 1000, 8);
        byte[] repeating = new byte[1_000_000];
        for (int i = 0; i < 1000; i++) {
            System.arraycopy(row, 0, repeating, i * 1000, 1000);
        }
        RestartAssessment bad = RestartAssessment.run(repeating, 8, 7.0, false, 2);
        assertFalse(bad.sanityPassed());
        assertFalse(bad.passed());
    }

    @Test
    void theSanityCutoffIsTheBinomialCriticalValue() {
        for (double h : new double[] {0.5, 1, 4, 7.9}) {
            double alpha = 1 - Math.exp(Math.log(0.99) / 2000);
            int expected = new BinomialDistribution(1000, Math.pow(2, -h)).inverseCumulativeProbability(1 - alpha);
            assertEquals(expected, RestartAssessment.criticalValue(1000, Math.pow(2, -h), alpha), "h " + h);
        }
    }

    @Test
    void healthTestCutoffsAreTheOnesTheEntropySourceUses() {
        HealthTestCutoffs c = HealthTestCutoffs.of(7.233861455178495, 30);
        assertEquals(HealthTestedEntropySource.repetitionCutoff(7.233861455178495, 30), c.repetitionCount());
        assertEquals(1 + (int) Math.ceil(30 / 7.233861455178495), c.repetitionCount());
        assertEquals(HealthTestedEntropySource.proportionCutoff(7.233861455178495, 30), c.adaptiveProportion());
        assertEquals(null, HealthTestCutoffs.of(0, 30));
    }
}
