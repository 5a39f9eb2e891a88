package io.fairspin.cli.audit;

import io.fairspin.audit.log.LogReport;
import io.fairspin.audit.log.LogVerifier;
import io.fairspin.cli.FormatOption;
import io.fairspin.cli.LeafCommand;
import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code fairspin audit inspect}: a read-only look at a log, damaged or not. */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = {"Show an audit log's segments, entries, keys, checkpoints and tail cuts, and every damaged"
            + " spot with file and offset. Read-only: it never repairs, so it is safe on a damaged log. Checks"
            + " everything but signatures ('audit verify' checks those).",
            "Exits with 4 when damage is found."})
public final class AuditInspectCommand extends LeafCommand {
    @Mixin
    private FormatOption.TextJson format;


    @Parameters(paramLabel = "DIR", description = "The log folder.")
    private Path dir;

    @Override
    public Integer call() throws IOException {
        long start = System.nanoTime();
        LogReport report = LogVerifier.inspect(dir);
        io().inputs().folder(dir);
        return ReportOutput.print(io(), json(), root().reportHeader(), dir, report, (System.nanoTime() - start) / 1e9);
    }
}
