package io.fairspin.cli.audit;

import io.fairspin.audit.checkpoint.Checkpoint;
import io.fairspin.audit.checkpoint.Ed25519Keys;
import io.fairspin.audit.checkpoint.NoteVerifier;
import io.fairspin.audit.checkpoint.SignedNote;
import io.fairspin.audit.log.ConsistencyProof;
import io.fairspin.audit.log.KeyRotationProof;
import io.fairspin.audit.log.LogCorruptedException;
import io.fairspin.audit.log.LogFollower;
import io.fairspin.audit.log.LogProblem;
import io.fairspin.audit.merkle.ProofException;
import io.fairspin.audit.witness.Cosignature;
import io.fairspin.audit.witness.Witness;
import io.fairspin.audit.witness.WitnessException;
import io.fairspin.audit.witness.WitnessStore;
import io.fairspin.cli.ExitCode;
import io.fairspin.cli.FormatOption;
import io.fairspin.cli.LeafCommand;
import io.fairspin.rng.keys.KeyFiles;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code fairspin audit witness}: checks a log's latest checkpoint against the last one witnessed, and cosigns it. */
@Command(name = "witness", mixinStandardHelpOptions = true,
        description = {"Witness a log: take its latest signed checkpoint, check that it is of the log --origin names and"
            + " signed by its operator key, and check with an RFC 9162 consistency proof (built from the log's entries,"
            + " as 'audit prove --consistency' gives it) that its tree extends the last checkpoint this witness"
            + " cosigned for that log, kept in --store. Then cosign it (C2SP tlog-cosignature v1, Ed25519), record it"
            + " in the store, and write the cosigned checkpoint (to --out, or stdout); 'audit prove --checkpoint' puts"
            + " it into dispute packets and 'audit check-packet --origin --witness-key' requires it.",
            "The store witnesses the logs it was configured for: its first run records the log (--origin and"
                + " --operator-key); another origin is refused unless --add-log. For a log it witnesses, the key the"
                + " store holds is the anchor: a checkpoint signed by a new key is cosigned only when LOG proves the key"
                + " rotation (the new key announced in the log, covered by a checkpoint of the key before), and the"
                + " store then holds the new key; --operator-key must be the held key or a key LOG proves before or"
                + " after it.",
            "Refuses a rollback (a checkpoint smaller than one cosigned before), a split view (one of the same"
                + " size with another root, or one that does not extend the stored one), a wrong log and a key rotation"
                + " the log does not prove, with exit code 4.",
            "Instead of LOG, --checkpoint (and --proof, unless the store holds no smaller checkpoint of the log) take a"
                + " checkpoint and a consistency proof received from a log elsewhere."})
public final class AuditWitnessCommand extends LeafCommand {
    @Mixin
    private FormatOption.TextJson format;

    @Parameters(paramLabel = "LOG", arity = "0..1", description = "The log folder (or use --checkpoint and --proof).")
    private Path log;

    @Option(names = "--checkpoint", paramLabel = "FILE", description = "A signed checkpoint note received from the log.")
    private Path checkpointFile;

    @Option(names = "--proof", paramLabel = "FILE",
            description = "The consistency proof (from 'audit prove --consistency OLD NEW') from the witness's last"
                    + " size to the checkpoint's; not needed for a log's first checkpoint, taken on trust.")
    private Path proofFile;

    @Option(names = "--store", required = true, paramLabel = "DIR",
            description = "The witness's store: the logs it witnesses and the latest checkpoint cosigned for each"
                    + " (created if absent).")
    private Path store;

    @Option(names = "--signing-key", required = true, paramLabel = "FILE",
            description = "The witness's Ed25519 private key (PEM), e.g. witness.key from 'fairspin keys signing'.")
    private Path signingKey;

    @Option(names = "--origin", required = true, paramLabel = "NAME",
            description = "The origin of the log to witness (as 'play --origin' named it); the checkpoint must be of it.")
    private String origin;

    @Option(names = "--operator-key", required = true, paramLabel = "FILE",
            description = "The operator's public key (PEM) that signs the log's checkpoints: for a log the store"
                    + " witnesses, the key it holds or one the log proves before or after it.")
    private Path operatorKey;

    @Option(names = "--add-log",
            description = "Add the log (--origin, --operator-key) to a store that already witnesses other logs.")
    private boolean addLog;

    @Option(names = "--name", paramLabel = "NAME", defaultValue = "witness.fairspin.local",
            description = "The witness's key name in its cosignature lines (default: ${DEFAULT-VALUE}).")
    private String name;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the cosigned checkpoint here (default: stdout).")
    private Path out;

    @Override
    public Integer call() throws IOException {
        if ((log == null) == (checkpointFile == null) || log != null && proofFile != null) {
            throw usageError("give either LOG, or --checkpoint FILE (with --proof FILE)");
        }
        KeyPair key = Ed25519Keys.readPrivate(signingKey);
        NoteVerifier logKey = logKey();
        WitnessStore witnessStore = new WitnessStore(store);
        Witness witness = new Witness(witnessStore, name, key);
        long stored = storedSize(witness);
        Received received = log != null ? fromLog(log, stored, witnessStore.log(origin), logKey) : received(stored);
        Checkpoint head = received.head();
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("origin", head.origin());
        result.put("treeSize", head.size());
        result.put("rootHash", HexFormat.of().formatHex(head.rootHash()));
        int exit;
        try {
            Witness.Result done = witness.witness(received.note(), logKey, received.rotations(), addLog,
                    received.oldSize(), received.proof(), System.currentTimeMillis() / 1000);
            result.put("ok", true);
            result.put("previousSize", done.previous() == null ? null : done.previous().size());
            result.put("operatorKey", done.operatorKey().encode());
            result.put("rotatedFrom", done.retiredKey() == null ? null : done.retiredKey().encode());
            result.put("witness", Cosignature.verifierKey(name, key.getPublic()));
            result.put("cosigned", done.cosigned().encode());
            if (out != null) {
                Files.writeString(out, done.cosigned().encode(), StandardCharsets.UTF_8);
            }
            exit = ExitCode.OK;
        } catch (WitnessException e) {
            result.put("ok", false);
            result.put("refused", e.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
            result.put("problem", e.getMessage());
            exit = ExitCode.TAMPERED;
        }
        print(result);
        return exit;
    }

    /** The size of the checkpoint the store holds for --origin, 0 when none. */
    private long storedSize(Witness witness) throws IOException {
        try {
            return witness.latestSize(origin);
        } catch (ProofException e) {
            throw new IOException(store + ": the checkpoint of " + origin + " is damaged: " + e.getMessage());
        }
    }

    /** The log's verifier key: --origin and --operator-key. */
    private NoteVerifier logKey() throws IOException {
        PublicKey operator = KeyFiles.readPublicKey(operatorKey, KeyFiles.SIGNING_ALGORITHM);
        try {
            return NoteVerifier.of(origin, operator);
        } catch (IllegalArgumentException e) {
            throw usageError("--origin: " + e.getMessage());
        }
    }

    /**
     * A checkpoint to witness, with the consistency proof from {@code oldSize} to its size and the log's proof of its
     * key rotations up to it.
     */
    private record Received(SignedNote note, Checkpoint head, long oldSize, List<byte[]> proof,
                            KeyRotationProof rotations) {
    }

    /**
     * The log's latest checkpoint, proven consistent from the stored size by the log's own entries; with the log's key
     * rotations when the store holds a key for the log ({@code pinned}) that did not sign it or that is not
     * {@code logKey}.
     */
    private Received fromLog(Path dir, long stored, NoteVerifier pinned, NoteVerifier logKey) throws IOException {
        SignedNote note = latestCheckpoint(dir);
        Checkpoint head = parseHead(note, dir.resolve("checkpoints").toString());
        long oldSize = Math.min(stored, head.size());
        KeyRotationProof rotations = pinned != null && (!pinned.equals(logKey) || !signedBy(note, pinned))
                ? KeyRotationProof.of(dir, head.size()) : KeyRotationProof.NONE;
        return new Received(note, head, oldSize, ConsistencyProof.of(dir, oldSize, head.size()).proof(), rotations);
    }

    private static boolean signedBy(SignedNote note, NoteVerifier key) {
        try {
            note.verify(key);
            return true;
        } catch (ProofException e) {
            return false;
        }
    }

    /**
     * --checkpoint FILE and --proof FILE, each error naming its file (and JSON path); without --proof, the empty proof
     * from the stored size, which is all a first checkpoint, one of the stored size or a smaller one needs.
     */
    private Received received(long stored) throws IOException {
        SignedNote note;
        try {
            note = SignedNote.parse(Files.readString(checkpointFile, StandardCharsets.UTF_8));
        } catch (ProofException e) {
            throw new IllegalArgumentException(checkpointFile + ": not a signed checkpoint note: " + e.getMessage());
        }
        io().inputs().file(checkpointFile);
        Checkpoint head = parseHead(note, checkpointFile.toString());
        if (proofFile == null) {
            if (stored > 0 && stored < head.size()) {
                throw usageError("--proof FILE: this witness last cosigned size " + stored + " of " + origin
                        + "; give the proof 'audit prove --consistency " + stored + " " + head.size() + "' prints");
            }
            return new Received(note, head, stored, List.of(), KeyRotationProof.NONE);
        }
        io().inputs().file(proofFile);
        ConsistencyProof given;
        try {
            given = ConsistencyProof.parse(Files.readString(proofFile, StandardCharsets.UTF_8));
        } catch (ProofException e) {
            throw new IllegalArgumentException(proofFile + ": " + e.getMessage());
        }
        if (given.newSize() != head.size()) {
            throw new IllegalArgumentException(proofFile + ": $.newSize: " + given.newSize() + ", but the checkpoint"
                    + " in " + checkpointFile + " has size " + head.size());
        }
        if (!given.origin().isEmpty() && !given.origin().equals(head.origin())) {
            throw new IllegalArgumentException(proofFile + ": $.origin: '" + given.origin() + "', but the checkpoint"
                    + " in " + checkpointFile + " is of '" + head.origin() + "'");
        }
        return new Received(note, head, given.oldSize(), given.proof(), KeyRotationProof.NONE);
    }

    /** The tree head of {@code note}, read from {@code file}. */
    private static Checkpoint parseHead(SignedNote note, String file) {
        try {
            return Checkpoint.parse(note.text());
        } catch (ProofException e) {
            throw new IllegalArgumentException(file + ": not a checkpoint: " + e.getMessage());
        }
    }

    /** The log's latest checkpoint, after checking the log's entries against its checkpoints (read-only). */
    private SignedNote latestCheckpoint(Path dir) throws IOException {
        List<LogProblem> problems = new ArrayList<>();
        SignedNote[] last = new SignedNote[1];
        try (LogFollower follower = new LogFollower(dir, new LogFollower.Listener() {
            @Override
            public void entry(io.fairspin.audit.record.LogEntry entry) {
            }

            @Override
            public void checkpoint(Checkpoint checkpoint, SignedNote note) {
                last[0] = note;
            }

            @Override
            public void problem(LogFollower.Problem kind, long index, LogProblem problem) {
                if (kind != LogFollower.Problem.TORN_TAIL) {
                    problems.add(problem);
                }
            }
        })) {
            follower.poll();
            follower.finish();
            if (!problems.isEmpty()) {
                throw new LogCorruptedException(problems);
            }
            io().inputs().log(dir, follower.segmentBytes(), follower.entries(), follower.rootHash(),
                    follower.checkpointsFile());
        }
        if (last[0] == null) {
            throw new IllegalArgumentException(dir + ": the log has no signed checkpoint to witness");
        }
        return last[0];
    }
    private void print(Map<String, Object> result) throws IOException {
        if (json()) {
            writeJsonReport(result);
            return;
        }
        PrintStream text = new PrintStream(io().out(), true, StandardCharsets.UTF_8);
        if (!(Boolean) result.get("ok")) {
            io().err().println("fairspin: witness REFUSED: " + result.get("problem"));
            text.println("refused     " + result.get("refused"));
            return;
        }
        if (result.get("rotatedFrom") != null) {
            io().err().println("fairspin: the operator key of " + result.get("origin") + " is now "
                    + result.get("operatorKey") + " (was " + result.get("rotatedFrom") + "): the log proves the"
                    + " rotation; the store's key was replaced");
        }
        if (out == null) {
            text.print(result.get("cosigned"));
        } else {
            io().err().println("fairspin: cosigned " + result.get("origin") + " at size " + result.get("treeSize")
                    + (result.get("previousSize") == null ? " (first checkpoint seen)"
                    : ", consistent with size " + result.get("previousSize")) + "; written to " + out);
        }
    }
}
