package io.fairspin.cli.audit;

import io.fairspin.audit.checkpoint.SignedNote;
import io.fairspin.audit.log.ConsistencyProof;
import io.fairspin.audit.merkle.ProofException;
import io.fairspin.audit.round.DisputePacket;
import io.fairspin.cli.Counts;
import io.fairspin.cli.LeafCommand;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
            "With --consistency OLD NEW: the consistency proof between two tree sizes instead, for a witness.",
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

        @Option(names = "--consistency", arity = "2", paramLabel = "SIZE", converter = Counts.class,
                description = "Instead of a packet: the RFC 9162 consistency proof from the tree of the first OLD"
                        + " entries to that of the first NEW (JSON, format fairspin-consistency-proof/1), for a witness.")
        long[] consistency;
    }

    @Option(names = "--checkpoint", paramLabel = "FILE",
            description = "Prove against this checkpoint of the log (a signed note, e.g. as 'audit witness' cosigned"
                    + " it) instead of the latest one; its cosignatures go into the packet.")
    private Path checkpoint;

    @Override
    public Integer call() throws IOException {
        String json;
        if (which.consistency != null) {
            json = ConsistencyProof.of(dir, which.consistency[0], which.consistency[1]).toJson();
        } else if (checkpoint != null) {
            SignedNote note;
            try {
                note = SignedNote.parse(Files.readString(checkpoint, StandardCharsets.UTF_8));
            } catch (ProofException e) {
                throw new IllegalArgumentException(checkpoint + ": not a signed checkpoint: " + e.getMessage());
            }
            json = (which.roundId != null ? DisputePacket.forRound(dir, which.roundId, note)
                    : DisputePacket.forIndex(dir, which.index, note)).toJson();
        } else {
            json = (which.roundId != null ? DisputePacket.forRound(dir, which.roundId)
                    : DisputePacket.forIndex(dir, which.index)).toJson();
        }
        io().out().write(json.getBytes(StandardCharsets.UTF_8));
        io().out().flush();
        return 0;
    }
}
