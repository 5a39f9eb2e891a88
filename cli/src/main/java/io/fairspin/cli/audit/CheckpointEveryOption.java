package io.fairspin.cli.audit;

import io.fairspin.audit.log.AuditLog;
import io.fairspin.cli.Counts;
import io.fairspin.cli.LeafCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code --checkpoint-every}, the checkpoint bound a command that writes an audit log declares in it. */
final class CheckpointEveryOption {
    @Option(names = "--checkpoint-every", paramLabel = "N", converter = Counts.class, defaultValue = "100000",
            description = "Sign a checkpoint whenever N entries follow the last one, before writing more (default:"
                    + " ${DEFAULT-VALUE}, at most 1G; the generator's rare health entries count as rounds). The log"
                    + " declares N as its bound, which 'audit verify' holds it to, even after a crash; opening a log"
                    + " that declares another bound declares this one from then on.")
    private long checkpointEvery;

    @Spec(Spec.Target.MIXEE)
    private CommandSpec command;

    /** The bound, a usage error outside [1, {@link AuditLog#MAX_CHECKPOINT_EVERY}]. */
    long checked() {
        LeafCommand.requireBetween(command, "--checkpoint-every", checkpointEvery, 1, AuditLog.MAX_CHECKPOINT_EVERY);
        return checkpointEvery;
    }
}
