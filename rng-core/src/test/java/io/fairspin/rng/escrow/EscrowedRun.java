package io.fairspin.rng.escrow;

import io.fairspin.rng.CertifiedRandom;
import io.fairspin.rng.DrbgMechanism;
import io.fairspin.rng.DrbgStream;
import io.fairspin.rng.EntropySource;
import io.fairspin.rng.HealthTestedEntropySource;
import io.fairspin.rng.OsEntropySource;
import io.fairspin.rng.RoundSeed;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;

/**
 * An escrowed generator's run, as a game server would make it: rounds drawn and played, raw output read
 * in between, reseeds by interval and on request. Keeps what was handed out (and every entropy byte the
 * generator read) to compare with the replay.
 */
final class EscrowedRun {
    final String instanceId;
    final List<String> roundIds = new ArrayList<>();
    final List<byte[]> commitments = new ArrayList<>();
    final List<byte[]> clientSeeds = new ArrayList<>();
    final List<byte[]> outcomes = new ArrayList<>();
    final List<byte[]> seeds = new ArrayList<>();
    final ByteArrayOutputStream output = new ByteArrayOutputStream();
    final ByteArrayOutputStream entropy;

    /** Outcome bytes drawn per round: more than one request of the round stream. */
    static final int OUTCOME_BYTES = 300;

    private EscrowedRun(String instanceId, ByteArrayOutputStream entropy) {
        this.instanceId = instanceId;
        this.entropy = entropy;
    }

    /** Runs {@code rounds} rounds on a generator escrowed to {@code auditor} in {@code file}. */
    static EscrowedRun play(Path file, KeyPair auditor, DrbgMechanism mechanism, int reseedInterval,
                            boolean predictionResistance, int rounds) throws IOException {
        ByteArrayOutputStream entropy = new ByteArrayOutputStream();
        OsEntropySource os = OsEntropySource.open();
        EntropySource recording = samples -> {
            os.read(samples);
            synchronized (entropy) {
                entropy.write(samples, 0, samples.length);
            }
        };
        try (SeedEscrow escrow = new SeedEscrow(auditor.getPublic(), EscrowFile.open(file));
             CertifiedRandom rng = CertifiedRandom.builder().mechanism(mechanism).reseedInterval(reseedInterval)
                     .predictionResistance(predictionResistance)
                     .entropySource(new HealthTestedEntropySource(recording, 8, 30)).escrow(escrow).build()) {
            EscrowedRun run = new EscrowedRun(rng.instanceId(), entropy);
            for (int i = 0; i < rounds; i++) {
                if (i % 250 == 249) {
                    rng.reseed();
                }
                if (i % 10 == 0) {
                    byte[] raw = new byte[50_000];
                    rng.nextBytes(raw);
                    run.output.write(raw);
                }
                run.playRound(rng, "table-7/round-" + i, i % 2 == 1);
            }
            return run;
        }
    }

    private void playRound(CertifiedRandom rng, String roundId, boolean withClientSeed) {
        RoundSeed seed = rng.roundSeed(roundId);
        byte[] clientSeed = withClientSeed ? ("player " + roundId).getBytes(StandardCharsets.UTF_8) : null;
        byte[] outcome = new byte[OUTCOME_BYTES];
        try (DrbgStream stream = seed.stream(clientSeed)) {
            stream.nextBytes(outcome);
        }
        roundIds.add(roundId);
        commitments.add(seed.commitment());
        clientSeeds.add(clientSeed);
        outcomes.add(outcome);
        seeds.add(seed.reveal());
    }
}
