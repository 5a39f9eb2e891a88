package io.fairspin.cli.audit;

import io.fairspin.audit.log.LogReport;
import io.fairspin.audit.log.LogVerifier;
import io.fairspin.cli.Counts;
import io.fairspin.cli.FormatOption;
import io.fairspin.cli.LeafCommand;
import io.fairspin.rng.keys.KeyFiles;
import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code fairspin audit verify}: everything about a log, signatures included. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Verify an audit log: every frame's CRC32C, every entry's canonical encoding, index"
            + " continuity, the hash chain, every checkpoint's root against the Merkle tree recomputed from the"
            + " entries, and every checkpoint's Ed25519 signature by the key the log's announcements require,"
            + " anchored to the given key; and that no more entries follow the last checkpoint than the log's own"
            + " checkpoint interval allows (unless --allow-unsigned).",
            "Exits with 4 when tampering or corruption is found."})
public final class AuditVerifyCommand extends LeafCommand {
    @Mixin
    private FormatOption.TextJson format;


    @Parameters(paramLabel = "DIR", description = "The log folder.")
    private Path dir;

    @Option(names = "--operator-key", required = true, paramLabel = "FILE",
            description = "The operator's public key (PEM), e.g. operator.pub; any key of the log's key chain.")
    private Path key;

    @Option(names = "--allow-unsigned", paramLabel = "N", converter = Counts.class, defaultValue = "0",
            description = "Accept up to N entries past the last signed checkpoint even when that is more than the log's"
                    + " own checkpoint interval (the most entries between two of its checkpoints): for a log still being"
                    + " written. Without it, more unsigned entries than the interval fail (checkpoints deleted).")
    private long allowUnsigned;

    @Override
    public Integer call() throws IOException {
        requireAtLeast("--allow-unsigned", allowUnsigned, 0);
        var trusted = KeyFiles.readPublicKey(key, KeyFiles.SIGNING_ALGORITHM);
        long start = System.nanoTime();
        LogReport report = LogVerifier.verify(dir, trusted, allowUnsigned);
        io().inputs().folder(dir);
        return ReportOutput.print(io(), json(), root().reportHeader(), dir, report, (System.nanoTime() - start) / 1e9);
    }
}
