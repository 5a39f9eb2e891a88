package io.fairspin.cert.nist;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fairspin.cert.TestGenerators;
import io.fairspin.rng.DrbgMechanism;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The full certification run, as a lab makes it: 100 sequences of 10^6 bits of every DRBG mechanism
 * through all fifteen tests and NIST's assessment. Each mechanism's verdict fails with probability
 * about 0.01 at most for a good generator, so at most one of the eight may fail (P(X >= 2) < 0.003).
 */
@Tag("long")
class NistLongTest {

    @Test
    void everyMechanismPassesAHundredSequences() throws IOException {
        List<String> failures = new ArrayList<>();
        for (DrbgMechanism mechanism : DrbgMechanism.values()) {
            TestGenerators.Source source = TestGenerators.good(mechanism, 7000 + mechanism.ordinal());
            byte[] bytes = new byte[125_000];
            NistBattery battery = NistBattery.defaults();
            List<Map<NistTest, TestResult>> results = NistRun.run(battery, () -> {
                source.nextBytes(bytes);
                return BitSequence.fromBytes(bytes, 0, 1_000_000);
            }, 100, Runtime.getRuntime().availableProcessors(), done -> { });
            Assessment assessment = Assessment.of(battery, results, 0.01, 0.01);
            if (!assessment.passed()) {
                failures.add(FinalAnalysisReport.format(assessment, mechanism.cliName()));
            }
        }
        assertTrue(failures.size() <= 1, String.join("\n", failures));
    }
}
