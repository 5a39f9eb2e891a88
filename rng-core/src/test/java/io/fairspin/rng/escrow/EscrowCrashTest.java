package io.fairspin.rng.escrow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fairspin.rng.keys.KeyFiles;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A child JVM escrowing round seeds is killed with SIGKILL at random moments, again and again on the
 * same escrow file. After each kill the file reopens (a torn last record is cut off, nothing else is
 * ever found), new rounds are escrowed after it, and every round seed that any child released replays
 * from the file.
 */
class EscrowCrashTest {

    @Test
    void twentyKillsLoseNoReleasedSeed(@TempDir Path tmp) throws Exception {
        killRepeatedly(tmp, 20, 21);
    }

    @Test
    @Tag("long")
    void twoHundredKillsLoseNoReleasedSeed(@TempDir Path tmp) throws Exception {
        killRepeatedly(tmp, 200, 22);
    }

    private static void killRepeatedly(Path tmp, int kills, long seed) throws Exception {
        Path file = tmp.resolve("rng.escrow");
        KeyPair auditor = KeyFiles.generate(KeyFiles.ESCROW_ALGORITHM);
        KeyFiles.Written keys = KeyFiles.write(auditor, tmp.resolve("auditor"));
        Random random = new Random(seed);
        Map<String, byte[]> released = new HashMap<>();
        int cuts = 0;
        for (int k = 0; k < kills; k++) {
            Map<String, byte[]> seeds = runAndKill(file, keys.publicKey(), "run" + k, random);
            assertFalse(seeds.isEmpty(), "run " + k + " released nothing before the kill");
            released.putAll(seeds);
            try (EscrowFile reopened = EscrowFile.open(file)) {
                cuts += reopened.cut().isPresent() ? 1 : 0;
            }
            released.putAll(EscrowFileTest.escrowRounds(file, auditor, "after" + k + "-", 1 + random.nextInt(5)));
            try (EscrowReplay replay = EscrowReplay.read(file, auditor.getPrivate())) {
                assertEquals(Optional.empty(), replay.tornTail());
                // Every seed released so far, in one pass over each instance (a replay per round made the
                // 200-kill run quadratic: over 50 minutes).
                Map<String, EscrowReplay.Round> replayed = replay.rounds(released.keySet());
                released.forEach((id, s) -> assertArrayEquals(s, replayed.get(id).seed().reveal(), id));
            }
        }
        assertTrue(released.size() > kills, released.size() + " seeds");
        System.out.println("EscrowCrashTest: " + kills + " kills, " + cuts + " torn records cut, " + released.size()
                + " released seeds replayed");
    }

    /** Starts the writer, waits for its first released seeds, kills it at a random moment. */
    private static Map<String, byte[]> runAndKill(Path file, Path publicKey, String tag, Random random)
            throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                CrashingEscrower.class.getName(), file.toString(), publicKey.toString(), tag)
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        Map<String, byte[]> seeds = new HashMap<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    String[] parts = line.split(" ");
                    if (parts.length == 3 && parts[0].equals("seed") && parts[2].length() == 64) {
                        synchronized (seeds) {
                            seeds.put(parts[1], HexFormat.of().parseHex(parts[2]));
                            seeds.notifyAll();
                        }
                    }
                }
            } catch (IOException e) {
                // the pipe closes when the child is killed
            }
        });
        reader.start();
        synchronized (seeds) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (seeds.isEmpty() && System.nanoTime() < deadline && child.isAlive()) {
                seeds.wait(100);
            }
        }
        Thread.sleep(random.nextInt(300));
        child.destroyForcibly();
        child.waitFor();
        reader.join();
        synchronized (seeds) {
            return new HashMap<>(seeds);
        }
    }
}
