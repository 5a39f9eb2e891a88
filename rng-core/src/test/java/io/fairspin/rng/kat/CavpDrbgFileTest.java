package io.fairspin.rng.kat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fairspin.rng.DrbgMechanism;
import io.fairspin.rng.Reference;
import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every case of NIST's CAVP DRBG vectors for fairspin's mechanisms passes, and each file runs some. */
class CavpDrbgFileTest {

    static Stream<Arguments> files() {
        Set<DrbgMechanism> hmac = EnumSet.of(DrbgMechanism.HMAC_SHA256, DrbgMechanism.HMAC_SHA512);
        Set<DrbgMechanism> hash = EnumSet.of(DrbgMechanism.HASH_SHA256, DrbgMechanism.HASH_SHA512);
        Set<DrbgMechanism> ctr = EnumSet.of(DrbgMechanism.CTR_AES128, DrbgMechanism.CTR_AES256,
                DrbgMechanism.CTR_AES128_NO_DF, DrbgMechanism.CTR_AES256_NO_DF);
        return Stream.of("drbgvectors_no_reseed", "drbgvectors_pr_false", "drbgvectors_pr_true")
                .flatMap(dir -> Stream.of(
                        Arguments.of(dir + "/HMAC_DRBG.rsp", hmac),
                        Arguments.of(dir + "/Hash_DRBG.rsp", hash),
                        Arguments.of(dir + "/CTR_DRBG.rsp", ctr)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void everyCaseOfEverySupportedMechanismPasses(String name, Set<DrbgMechanism> expected) throws IOException {
        Path file = Reference.path("cavp", name);
        KatResult result = CavpDrbgFile.run(file);

        assertEquals(expected, result.byMechanism().keySet(), "mechanisms found in " + name);
        result.byMechanism().forEach((mechanism, counts) -> {
            assertTrue(counts.passed() > 0, name + ": no case ran for " + mechanism);
            assertEquals(0, counts.failedCount(), name + ": failed cases " + counts.failedCases());
        });
        // CAVS 14.3 files hold 15 cases per parameter set and 4 or 8 parameter sets per algorithm.
        assertEquals(0, result.casesRun() % 15, name + ": cases run " + result.casesRun());
        assertTrue(result.unsupportedCases() > 0, "the files also hold algorithms fairspin skips");
    }
}
