package io.fairspin.cli.audit;

import picocli.CommandLine.Command;

/** The {@code fairspin audit} group: checking audit logs and proving rounds. */
@Command(name = "audit",
        description = "Verify and inspect audit logs, prove one round with a dispute packet, check a packet"
                + " offline, replay a round from escrow, witness and cosign a log's checkpoints; 'demo' writes a log of"
                + " synthetic rounds.",
        mixinStandardHelpOptions = true,
        synopsisSubcommandLabel = "COMMAND",
        subcommands = {AuditVerifyCommand.class, AuditInspectCommand.class, AuditProveCommand.class,
            AuditCheckPacketCommand.class, AuditReplayCommand.class, AuditDemoCommand.class, AuditWitnessCommand.class})
public final class AuditCommand {
}
