package io.fairspin.audit.witness;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fairspin.audit.checkpoint.Checkpoint;
import io.fairspin.audit.checkpoint.NoteSigner;
import io.fairspin.audit.checkpoint.NoteVerifier;
import io.fairspin.audit.checkpoint.SignedNote;
import io.fairspin.audit.merkle.MerkleTree;
import io.fairspin.rng.keys.KeyFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two witness runs on one store with divergent extensions of its checkpoint (sizes 120 and 130 over a stored 100):
 * never both cosigned, which would witness a split view.
 */
class WitnessConcurrencyTest {
    private static final String ORIGIN = "casino.test/log";
    private final KeyPair operator = KeyFiles.generate("Ed25519");
    private final KeyPair witnessKey = KeyFiles.generate("Ed25519");
    private final NoteSigner signer = new NoteSigner(ORIGIN, operator);
    private final NoteVerifier log = signer.verifier();

    /** One of two views of the log: its leaves and its signed checkpoint. */
    private record View(List<byte[]> leaves, SignedNote note) {
        /** The consistency proof that this view's log would serve from {@code oldSize}. */
        List<byte[]> proof(long oldSize) {
            return MerkleTree.consistencyProof(oldSize, leaves.size(), MerkleTree.hashOfLeaves(leaves));
        }
    }

    /** The 100 shared leaves, then {@code extra} of their own tagged {@code tag}. */

    private static List<byte[]> leaves(int shared, int extra, byte tag) {
        List<byte[]> leaves = new ArrayList<>();
        for (int i = 0; i < shared + extra; i++) {
            leaves.add(MerkleTree.leafHash(new byte[] {i < shared ? 0 : tag, (byte) (i >> 8), (byte) i}));
        }
        return leaves;
    }

    private SignedNote note(List<byte[]> leaves) {
        return SignedNote.sign(new Checkpoint(ORIGIN, leaves.size(), MerkleTree.root(leaves)).text(), signer);
    }

    private View view(int extra, byte tag) {
        List<byte[]> leaves = leaves(100, extra, tag);
        return new View(leaves, note(leaves));
    }

    @Test
    void ofTwoDivergentExtensionsWitnessedAtOnceExactlyOneIsCosigned(@TempDir Path tmp) throws Exception {
        View a = view(20, (byte) 1);
        View b = view(30, (byte) 2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int run = 0; run < 30; run++) {
                Path dir = tmp.resolve("store" + run);
                new Witness(new WitnessStore(dir), "witness.test/w1", witnessKey)
                        .witness(note(leaves(100, 0, (byte) 0)), log, false, 0, List.of(), 1);
                CountDownLatch start = new CountDownLatch(1);
                // Two stores of one folder, as two 'audit witness' processes would have.
                Future<String> first = pool.submit(() -> witness(dir, a, start));
                Future<String> second = pool.submit(() -> witness(dir, b, start));
                start.countDown();
                // Whichever comes second is refused: 130 after 120 does not extend it, 120 after 130 rolls back.
                List<String> expected = first.get().equals("cosigned") ? List.of("cosigned", "SPLIT_VIEW")
                        : List.of("ROLLBACK", "cosigned");
                assertEquals(expected, List.of(first.get(), second.get()), "run " + run);
                long stored = Checkpoint.parse(new WitnessStore(dir).latest(ORIGIN).text()).size();
                assertEquals(first.get().equals("cosigned") ? 120 : 130, stored, "run " + run + ": the cosigned one");
                try (var files = Files.list(dir)) {
                    assertEquals(0, files.filter(f -> f.toString().endsWith(".tmp")).count());
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * What 'audit witness' does, from a stored size of 100: on a CONFLICT (the store moved on meanwhile) it asks again
     * with a proof from the stored size, as a client of the witness would.
     */
    private String witness(Path dir, View view, CountDownLatch start) throws Exception {
        Witness witness = new Witness(new WitnessStore(dir), "witness.test/w1", witnessKey);
        start.await();
        try {
            witness.witness(view.note(), log, false, 100, view.proof(100), 2);
            return "cosigned";
        } catch (WitnessException e) {
            if (e.kind() != WitnessException.Kind.CONFLICT) {
                return e.kind().name();
            }
        }
        long stored = witness.latestSize(ORIGIN);
        try {
            witness.witness(view.note(), log, false, stored, view.proof(stored), 3);
            return "cosigned";
        } catch (WitnessException e) {
            return e.kind().name();
        }
    }
}
