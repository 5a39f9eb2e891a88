package io.fairspin.cli.audit;

import io.fairspin.audit.log.LogReport;
import io.fairspin.audit.log.LogVerifier;
import io.fairspin.cli.LeafCommand;
import io.fairspin.rng.keys.KeyFiles;
import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code fairspin audit verify}: everything about a log, signatures included. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Verify an audit log: every frame's CRC32C, every entry's canonical encoding, index"
            + " continuity, the hash chain, every checkpoint's root against the Merkle tree recomputed from the"
            + " entries, and every checkpoint's Ed25519 signature by the key the log's announcements require,"
            + " anchored to the given key.",
            "Exits with 4 when tampering or corruption is found."})
public final class AuditVerifyCommand extends LeafCommand {

    @Parameters(paramLabel = "DIR", description = "The log folder.")
    private Path dir;

    @Option(names = "--key", required = true, paramLabel = "FILE",
            description = "The operator's public key (PEM), e.g. operator.pub; any key of the log's key chain.")
    private Path key;

    @Override
    public Integer call() throws IOException {
        var trusted = KeyFiles.readPublicKey(key, KeyFiles.SIGNING_ALGORITHM);
        long start = System.nanoTime();
        LogReport report = LogVerifier.verify(dir, trusted);
        return ReportOutput.print(io(), json(), dir, report, (System.nanoTime() - start) / 1e9);
    }
}
