package io.fairspin.rng.escrow;

import io.fairspin.rng.CertifiedRandom;
import io.fairspin.rng.RoundSeed;
import io.fairspin.rng.keys.KeyFiles;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

/**
 * The child of {@link EscrowCrashTest}: escrows round seeds into a file, single and batched, until it is
 * killed, and prints "seed ROUND HEX" for every seed once its record is durable (when a server would hand
 * the seed to a round). Arguments: escrow file, auditor public key file, a tag for round ids.
 */
public final class CrashingEscrower {
    private CrashingEscrower() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        PrintStream out = new PrintStream(System.out, true, "UTF-8");
        Random random = new Random();
        try (SeedEscrow escrow = new SeedEscrow(KeyFiles.readPublicKey(Path.of(args[1]), KeyFiles.ESCROW_ALGORITHM),
                EscrowFile.open(file));
             CertifiedRandom rng = CertifiedRandom.builder().reseedInterval(50).escrow(escrow).build()) {
            for (int round = 0; ; ) {
                List<String> ids = new ArrayList<>();
                int count = random.nextInt(4) == 0 ? 1 + random.nextInt(40) : 1;
                for (int i = 0; i < count; i++) {
                    ids.add(args[2] + "-" + round++);
                }
                List<RoundSeed> seeds = count == 1 ? List.of(rng.roundSeed(ids.get(0))) : rng.roundSeeds(ids);
                for (RoundSeed seed : seeds) {
                    out.println("seed " + seed.roundId() + " " + HexFormat.of().formatHex(seed.reveal()));
                }
            }
        }
    }
}
