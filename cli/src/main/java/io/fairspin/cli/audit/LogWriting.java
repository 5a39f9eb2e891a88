package io.fairspin.cli.audit;

import io.fairspin.audit.log.AuditLog;
import io.fairspin.audit.checkpoint.Checkpoint;
import io.fairspin.audit.checkpoint.Ed25519Keys;
import io.fairspin.audit.merkle.ProofException;
import io.fairspin.audit.checkpoint.SignedNote;
import io.fairspin.cli.Io;
import io.fairspin.cli.LeafCommand;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The options of the commands that append rounds to an audit log, and how they open it. */
final class LogWriting {

    @Option(names = "--signing-key", required = true, paramLabel = "FILE",
            description = "The operator's Ed25519 private key (PEM), e.g. operator.key from 'fairspin keys signing'.")
    Path signingKey;

    @Option(names = "--in-flight", paramLabel = "N", defaultValue = "8192",
            description = "Rounds submitted but not yet acknowledged, at most (default: ${DEFAULT-VALUE}); a server"
                    + " gets the same effect from many threads each waiting for its round.")
    int inFlight;

    @Spec(Spec.Target.MIXEE)
    private CommandSpec command;

    /** Rejects, as a usage error, an --in-flight below 1. */
    void requirePositive() {
        LeafCommand.requireAtLeast(command, "--in-flight", inFlight, 1);
    }

    /**
     * Opens the log in {@code dir}, or creates it with {@code origin} when there is none; reports on stderr
     * any torn tail the opening cut off; a checkpoint is signed whenever {@code checkpointEvery} entries follow the
     * last one.
     */
    AuditLog openOrCreate(Path dir, String origin, Io io, long checkpointEvery) throws IOException {
        return openOrCreate(dir, origin, io, signingKey(), checkpointEvery);
    }

    /** The --signing-key, read; read it before anything is created. */
    KeyPair signingKey() throws IOException {
        return Ed25519Keys.readPrivate(signingKey);
    }

    /**
     * {@link #openOrCreate(Path, String, Io, long)} with the signing key already read.
     */
    static AuditLog openOrCreate(Path dir, String origin, Io io, KeyPair key, long checkpointEvery) throws IOException {
        boolean exists = Files.isDirectory(dir) && Files.exists(dir.resolve("checkpoints"));
        AuditLog.Options options = AuditLog.Options.defaults().checkpointEvery(checkpointEvery);
        AuditLog log = exists ? AuditLog.open(dir, key, options) : AuditLog.create(dir, origin, key, options);
        log.recoveredCuts().forEach(cut -> io.err().println("fairspin: recovered from a crash: " + cut));
        return log;
    }

    /** The tree head of a checkpoint the log just signed. */
    static Checkpoint head(SignedNote signed) {
        try {
            return Checkpoint.parse(signed.text());
        } catch (ProofException e) {
            throw new IllegalStateException("the log signed a checkpoint it cannot parse", e);
        }
    }
}
