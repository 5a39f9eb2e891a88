package io.fairspin.rng.escrow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.fairspin.rng.CertifiedRandom;
import io.fairspin.rng.DrbgMechanism;
import io.fairspin.rng.RoundSeed;
import io.fairspin.rng.keys.KeyFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * The writer never writes a record that the reader rejects: over random request patterns (raw output of
 * any length, single round seeds, batches of any size including empty and over-long ones, reseeds on
 * request), random mechanisms, reseed intervals and prediction resistance, the escrow file reads back
 * whole, and every round seed and every output byte the generator handed out replays.
 */
class EscrowWriterProperties {
    private static final KeyPair AUDITOR = KeyFiles.generate(KeyFiles.ESCROW_ALGORITHM);

    /**
     * One call on the generator: 0 raw bytes of {@code size}, 1 one round seed, 2 a batch of {@code size}, 3 reseed,
     * 4 reseed with {@code size} bytes of additional input (the JCA's setSeed; it drops buffered output).
     */
    record Call(int kind, int size) {
    }

    @Provide
    Arbitrary<Call> calls() {
        Arbitrary<Integer> batch = Arbitraries.frequencyOf(Tuple.of(2, Arbitraries.just(0)),
                Tuple.of(6, Arbitraries.integers().between(1, 12)), Tuple.of(1, Arbitraries.integers().between(13, 400)));
        return Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.integers().between(0, 5000).map(n -> new Call(0, n))),
                Tuple.of(3, Arbitraries.just(new Call(1, 1))),
                Tuple.of(4, batch.map(n -> new Call(2, n))),
                Tuple.of(1, Arbitraries.just(new Call(3, 0))),
                Tuple.of(1, Arbitraries.integers().between(0, 40).map(n -> new Call(4, n))));
    }

    @Provide
    Arbitrary<DrbgMechanism> mechanisms() {
        return Arbitraries.of(DrbgMechanism.values());
    }

    @Property(tries = 40)
    void everyRecordWrittenIsReadAndReplays(@ForAll @Size(max = 30) List<@From("calls") Call> calls,
                                            @ForAll("mechanisms") DrbgMechanism mechanism,
                                            @ForAll @IntRange(min = 1, max = 40) int reseedInterval,
                                            @ForAll boolean predictionResistance) throws IOException {
        Path dir = Files.createTempDirectory("escrow-property");
        Path file = dir.resolve("rng.escrow");
        Map<String, byte[]> seeds = new LinkedHashMap<>();
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        String instanceId;
        int round = 0;
        try (SeedEscrow escrow = new SeedEscrow(AUDITOR.getPublic(), EscrowFile.open(file));
             CertifiedRandom rng = CertifiedRandom.builder().mechanism(mechanism).reseedInterval(reseedInterval)
                     .predictionResistance(predictionResistance).escrow(escrow).build()) {
            instanceId = rng.instanceId();
            for (Call call : calls) {
                switch (call.kind()) {
                    case 0 -> {
                        byte[] raw = new byte[call.size()];
                        rng.nextBytes(raw);
                        output.write(raw);
                    }
                    case 1 -> {
                        RoundSeed seed = rng.roundSeed("r-" + round++);
                        seeds.put(seed.roundId(), seed.reveal());
                    }
                    case 2 -> {
                        List<String> ids = new ArrayList<>();
                        for (int i = 0; i < call.size(); i++) {
                            ids.add("r-" + round++);
                        }
                        if (call.size() > Math.min(CertifiedRandom.MAX_ROUND_SEEDS, reseedInterval)) {
                            long size = Files.size(file);
                            assertThrows(IllegalArgumentException.class, () -> rng.roundSeeds(ids));
                            assertEquals(size, Files.size(file), "a refused batch writes nothing");
                        } else {
                            rng.roundSeeds(ids).forEach(s -> seeds.put(s.roundId(), s.reveal()));
                        }
                    }
                    case 3 -> rng.reseed();
                    default -> {
                        if (call.size() > mechanism.maxAdditionalInputBytes()) {
                            long size = Files.size(file);
                            assertThrows(IllegalArgumentException.class, () -> rng.reseed(new byte[call.size()]));
                            assertEquals(size, Files.size(file), "a refused reseed writes nothing");
                        } else {
                            rng.reseed(new byte[call.size()]);
                        }
                    }
                }
            }
        }
        try (EscrowReplay replay = EscrowReplay.read(file, AUDITOR.getPrivate())) {
            assertEquals(Optional.empty(), replay.tornTail());
            assertEquals(1, replay.instances().size());
            seeds.forEach((id, seed) -> assertArrayEquals(seed, replay.round(id).seed().reveal(), id));
            byte[] replayed = new byte[output.size()];
            replay.output(instanceId).nextBytes(replayed);
            assertArrayEquals(output.toByteArray(), replayed);
        } finally {
            Files.deleteIfExists(file);
            Files.delete(dir);
        }
    }
}
