package io.fairspin.rng.escrow;

import io.fairspin.rng.keys.KeyFiles;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fairspin.rng.CertifiedRandom;
import io.fairspin.rng.DrbgMechanism;
import io.fairspin.rng.DrbgStream;
import io.fairspin.rng.RandomStream;
import io.fairspin.rng.RoundSeed;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The auditor's replay reproduces what an escrowed generator handed out, byte for byte. */
class EscrowReplayTest {
    private static final KeyPair AUDITOR = KeyFiles.generate("X25519");

    @TempDir
    Path dir;

    @Test
    void aThousandRoundsAcrossReseedsAreReplayedByteForByte() throws Exception {
        Path file = dir.resolve("rng.escrow");
        EscrowedRun run = EscrowedRun.play(file, AUDITOR, DrbgMechanism.CTR_AES256, 16, false, 1000);

        try (EscrowReplay escrow = EscrowReplay.read(file, AUDITOR.getPrivate())) {
            EscrowReplay.Instance instance = escrow.instances().get(0);
            assertEquals(1, escrow.instances().size());
            assertEquals(run.instanceId, instance.id());
            assertEquals(1000, instance.generateCalls());
            assertTrue(instance.closed());
            int reseeds = instance.records() - 1000 - 2;
            // 1,000 round draws and 77 output requests at 16 requests per interval, and 3 on request.
            assertTrue(reseeds >= 60, "reseeds: " + reseeds);

            Map<String, EscrowReplay.Round> rounds = escrow.rounds(run.roundIds);
            for (int i = 0; i < run.roundIds.size(); i++) {
                EscrowReplay.Round round = rounds.get(run.roundIds.get(i));
                assertEquals(run.instanceId, round.instanceId());
                assertArrayEquals(run.seeds.get(i), round.seed().reveal(), run.roundIds.get(i));
                round.seed().verifyCommitment(run.commitments.get(i));
                assertArrayEquals(run.outcomes.get(i), outcome(round.seed(), run.clientSeeds.get(i)));
            }

            byte[] output = new byte[run.output.size()];
            escrow.output(run.instanceId).nextBytes(output);
            assertArrayEquals(run.output.toByteArray(), output);
        }
    }

    @Test
    void batchesOfRoundSeedsAcrossReseedsReplayLikeSingleDraws() throws Exception {
        Path file = dir.resolve("rng.escrow");
        List<String> ids = new ArrayList<>();
        List<RoundSeed> drawn = new ArrayList<>();
        String instanceId;
        try (SeedEscrow escrow = new SeedEscrow(AUDITOR.getPublic(), EscrowFile.open(file));
             CertifiedRandom rng = CertifiedRandom.builder().reseedInterval(16).escrow(escrow).build()) {
            instanceId = rng.instanceId();
            for (int batch = 0; batch < 30; batch++) {
                List<String> batchIds = new ArrayList<>();
                for (int i = 0; i < 1 + batch % 16; i++) {
                    batchIds.add("batch-" + batch + "/round-" + i);
                }
                drawn.addAll(rng.roundSeeds(batchIds));
                ids.addAll(batchIds);
                drawn.add(rng.roundSeed("single-" + batch));
                ids.add("single-" + batch);
                rng.nextBytes(new byte[100]);
            }
            assertThrows(IllegalArgumentException.class, () -> rng.roundSeeds(List.of("twice", "twice")));
            List<String> tooMany = new ArrayList<>();
            for (int i = 0; i < 17; i++) {
                tooMany.add("many-" + i);
            }
            assertThrows(IllegalArgumentException.class, () -> rng.roundSeeds(tooMany));
        }
        try (SeedEscrow escrow = new SeedEscrow(AUDITOR.getPublic(), EscrowFile.open(dir.resolve("big.escrow")));
             CertifiedRandom rng = CertifiedRandom.builder().escrow(escrow).build()) {
            List<String> largest = new ArrayList<>();
            for (int i = 0; i <= CertifiedRandom.MAX_ROUND_SEEDS; i++) {
                largest.add("big-" + i);
            }
            assertThrows(IllegalArgumentException.class, () -> rng.roundSeeds(largest));
            assertEquals(CertifiedRandom.MAX_ROUND_SEEDS, rng.roundSeeds(largest.subList(1, largest.size())).size());
        }
        try (EscrowReplay escrow = EscrowReplay.read(dir.resolve("big.escrow"), AUDITOR.getPrivate())) {
            assertEquals(CertifiedRandom.MAX_ROUND_SEEDS, escrow.instances().get(0).generateCalls(),
                    "the largest batch is one record a reader accepts");
        }
        try (EscrowReplay escrow = EscrowReplay.read(file, AUDITOR.getPrivate())) {
            EscrowReplay.Instance instance = escrow.instances().get(0);
            assertEquals(ids.size(), instance.generateCalls());
            assertTrue(instance.records() < ids.size(), "a batch is one record: " + instance.records());
            Map<String, EscrowReplay.Round> rounds = escrow.rounds(ids);
            for (int i = 0; i < ids.size(); i++) {
                EscrowReplay.Round round = rounds.get(ids.get(i));
                assertEquals(instanceId, round.instanceId());
                assertArrayEquals(drawn.get(i).reveal(), round.seed().reveal(), ids.get(i));
                round.seed().verifyCommitment(drawn.get(i).commitment());
            }
            assertEquals(4, escrow.round("batch-5/round-4").draw());
        }
    }

    @ParameterizedTest
    @EnumSource(DrbgMechanism.class)
    void everyMechanismReplaysWithPredictionResistanceAndAfterReopeningTheFile(DrbgMechanism mechanism)
            throws Exception {
        Path file = dir.resolve("rng.escrow");
        EscrowedRun first = EscrowedRun.play(file, AUDITOR, mechanism, 3, true, 12);
        EscrowedRun second = EscrowedRun.play(file, AUDITOR, mechanism, 5, false, 12);

        try (EscrowReplay escrow = EscrowReplay.read(file, AUDITOR.getPrivate())) {
            assertEquals(List.of(first.instanceId, second.instanceId),
                    escrow.instances().stream().map(EscrowReplay.Instance::id).toList());
            for (EscrowedRun run : List.of(first, second)) {
                byte[] output = new byte[run.output.size()];
                escrow.output(run.instanceId).nextBytes(output);
                assertArrayEquals(run.output.toByteArray(), output);
            }
            // Both runs used the same round ids: the escrow finds each twice and refuses to guess.
            IllegalArgumentException twice = assertThrows(IllegalArgumentException.class,
                    () -> escrow.round("table-7/round-3"));
            assertTrue(twice.getMessage().contains("was drawn 2 times"), twice.getMessage());
        }
    }

    @Test
    void anInstanceThatWasClosedHasNoOutputBeyondItsLastRequest() throws Exception {
        Path file = dir.resolve("rng.escrow");
        EscrowedRun run = EscrowedRun.play(file, AUDITOR, DrbgMechanism.HMAC_SHA256, 1000, false, 1);
        try (EscrowReplay escrow = EscrowReplay.read(file, AUDITOR.getPrivate())) {
            RandomStream output = escrow.output(run.instanceId);
            output.nextBytes(new byte[run.output.size()]);
            // 50,000 bytes came from one request of 64 KiB: the rest of it is there, nothing after.
            output.nextBytes(new byte[65_536 - run.output.size()]);
            IllegalStateException e = assertThrows(IllegalStateException.class, output::nextInt);
            assertEquals("DRBG " + run.instanceId + " was closed after 1 requests of 65536 bytes; its output ends there",
                    e.getMessage());
            IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                    () -> escrow.output("0123456789abcdef"));
            assertTrue(unknown.getMessage().contains("no DRBG instance '0123456789abcdef'"), unknown.getMessage());
            IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                    () -> escrow.round("table-9/round-1"));
            assertEquals(file + ": no seed was drawn for round 'table-9/round-1'", missing.getMessage());
        }
    }

    private static byte[] outcome(RoundSeed seed, byte[] clientSeed) {
        byte[] outcome = new byte[EscrowedRun.OUTCOME_BYTES];
        try (DrbgStream stream = seed.stream(clientSeed)) {
            stream.nextBytes(outcome);
        }
        return outcome;
    }
}
