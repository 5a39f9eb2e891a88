package io.fairspin.rng.escrow;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fairspin.rng.CertifiedRandom;
import io.fairspin.rng.RandomStream;
import io.fairspin.rng.keys.KeyFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Replay from escrow reproduces every value an escrowed generator handed out, whatever reseeds came in
 * between: reseeds from the entropy source with and without additional input (the JCA's {@code setSeed}
 * path, which drops the output buffered before it), reseeds by interval, round-seed draws. The values are
 * compared as the caller saw them (ints in a range, longs, raw bytes), so a byte out of place anywhere
 * in the stream shows.
 */
class ReseedReplayProperties {
    private static final KeyPair AUDITOR = KeyFiles.generate(KeyFiles.ESCROW_ALGORITHM);

    /**
     * One call: 0 nextInt(size), 1 nextLong(), 2 nextBytes(size), 3 reseed(), 4 reseed(additional input of
     * size bytes; 0 is an empty array, -1 null), 5 roundSeed.
     */
    record Call(int kind, int size) {
    }

    @Provide
    Arbitrary<Call> calls() {
        return Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.integers().between(1, 1000).map(n -> new Call(0, n))),
                Tuple.of(2, Arbitraries.just(new Call(1, 0))),
                Tuple.of(3, Arbitraries.integers().between(0, 70_000).map(n -> new Call(2, n))),
                Tuple.of(1, Arbitraries.just(new Call(3, 0))),
                Tuple.of(4, Arbitraries.integers().between(-1, 48).map(n -> new Call(4, n))),
                Tuple.of(1, Arbitraries.just(new Call(5, 0))));
    }

    @Property(tries = 60)
    void everyValueHandedOutReplaysAfterAnyReseed(@ForAll @Size(max = 25) List<@From("calls") Call> calls,
                                                  @ForAll @IntRange(min = 1, max = 6) int reseedInterval)
            throws IOException {
        Path dir = Files.createTempDirectory("reseed-replay");
        Path file = dir.resolve("rng.escrow");
        List<String> handedOut = new ArrayList<>();
        String instanceId;
        try {
            try (SeedEscrow escrow = new SeedEscrow(AUDITOR.getPublic(), EscrowFile.open(file));
                 CertifiedRandom rng = CertifiedRandom.builder().reseedInterval(reseedInterval).escrow(escrow).build()) {
                instanceId = rng.instanceId();
                int round = 0;
                for (Call call : calls) {
                    switch (call.kind()) {
                        case 3 -> rng.reseed();
                        case 4 -> rng.reseed(call.size() < 0 ? null : new byte[call.size()]);
                        case 5 -> rng.roundSeed("round-" + round++);
                        default -> handedOut.add(value(rng, call));
                    }
                }
            }
            try (EscrowReplay replay = EscrowReplay.read(file, AUDITOR.getPrivate())) {
                RandomStream output = replay.output(instanceId);
                List<String> replayed = new ArrayList<>();
                for (Call call : calls) {
                    if (call.kind() <= 2) {
                        replayed.add(value(output, call));
                    }
                }
                assertEquals(handedOut, replayed);
            }
        } finally {
            Files.deleteIfExists(file);
            Files.delete(dir);
        }
    }

    /** The simplest case that the JCA's setSeed makes: a value, setSeed, a value. */
    @Example
    void aValueAfterSetSeedReplays() throws IOException {
        everyValueHandedOutReplaysAfterAnyReseed(List.of(new Call(0, 37), new Call(4, 16), new Call(0, 37)), 100);
    }

    private static String value(RandomStream stream, Call call) {
        return switch (call.kind()) {
            case 0 -> "int " + stream.nextInt(call.size());
            case 1 -> "long " + stream.nextLong();
            default -> {
                byte[] bytes = new byte[call.size()];
                stream.nextBytes(bytes);
                yield "bytes " + HexFormat.of().formatHex(bytes);
            }
        };
    }
}
