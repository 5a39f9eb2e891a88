package io.fairspin.cli.audit;

import io.fairspin.audit.round.DisputePacket;
import io.fairspin.cli.LeafCommand;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code fairspin audit prove}: the dispute packet of one round. */
@Command(name = "prove", mixinStandardHelpOptions = true,
        description = {"Write the dispute packet of one round to stdout: the round's entry, its Merkle inclusion"
            + " proof and the latest signed checkpoint covering it. Anyone with the operator's public key can check"
            + " it offline with 'audit check-packet'. The packet is JSON whatever --format says.",
            "Exits with 4 when the log is damaged or was tampered with."})
public final class AuditProveCommand extends LeafCommand {

    @Parameters(paramLabel = "DIR", description = "The log folder.")
    private Path dir;

    @ArgGroup(exclusive = true, multiplicity = "1")
    private Which which;

    /** The round by id, or any entry by index. */
    static final class Which {
        @Option(names = "--round", paramLabel = "ID", description = "The round id.")
        String roundId;

        @Option(names = "--index", paramLabel = "N", description = "The entry's index in the log.")
        Long index;
    }

    @Override
    public Integer call() throws IOException {
        DisputePacket packet = which.roundId != null ? DisputePacket.forRound(dir, which.roundId)
                : DisputePacket.forIndex(dir, which.index);
        io().out().write(packet.toJson().getBytes(StandardCharsets.UTF_8));
        io().out().flush();
        return 0;
    }
}
