package io.fairspin.cli.rng;

import io.fairspin.cli.ProgressOption;
import io.fairspin.cli.FormatOption;
import io.fairspin.cli.Counts;
import io.fairspin.cli.LeafCommand;
import io.fairspin.cli.Progress;
import io.fairspin.rng.CertifiedRandom;
import io.fairspin.rng.escrow.SeedEscrow;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * What the collection commands share: the generator options, {@code --count}, {@code --out} and
 * {@code --progress}; writing to a file or stdout; stopping quietly when the reader of a pipe goes away;
 * and the closing report (on stdout when the data went to a file).
 */
abstract class CollectCommand extends LeafCommand {
    @Mixin
    private FormatOption.TextJson format;


    @Mixin
    GeneratorOptions generator;

    @Option(names = "--count", required = true, paramLabel = "N", converter = Counts.class,
            description = "How many to write: 1000, 64Ki, 4.9M, 10G (K/M/G/T decimal, Ki/Mi/Gi/Ti binary).")
    long count;

    @Option(names = "--out", paramLabel = "FILE", description = "File to write (overwritten); '-' or absent: stdout.")
    String out;

    @Mixin
    private ProgressOption progress;

    /** What is counted, for progress lines: "bytes", "integers". */
    abstract String unit();

    /** Checks the command's own options before anything is opened. */
    void validate() {
    }

    /** Writes {@link #count} items from {@code random} to {@code sink}, advancing {@code meter}. */
    abstract void write(CertifiedRandom random, OutputStream sink, Progress meter) throws IOException;

    /** The text line and the JSON object reporting a run to a file. */
    abstract String reportLine(Progress meter);

    abstract Object reportJson(Progress meter, Escrowed escrowed);

    /** Where the run was escrowed, for the report: the file, the DRBG instance and the auditor key's ID. */
    record Escrowed(String file, String drbg, String keyId) {
        String line() {
            return "escrowed to " + file + " as DRBG " + drbg + " (key " + keyId + ")";
        }
    }

    @Override
    public final Integer call() throws IOException {
        validate();
        Progress meter = progress.meter(io(), unit(), count);
        Escrowed escrowed = null;
        try (SeedEscrow escrow = generator.openEscrow(io()); CertifiedRandom random = generator.build(escrow)) {
            if (escrow != null) {
                escrowed = new Escrowed(generator.escrowFile.toString(), random.instanceId(), escrow.keyId());
            }
            Destination.write(out, io(), sink -> write(random, sink, meter));
        }
        meter.finish();
        if (!Destination.isStdout(out)) {
            if (json()) {
                writeJsonReport(reportJson(meter, escrowed));
            } else {
                PrintStream stdout = new PrintStream(io().out(), true, StandardCharsets.UTF_8);
                stdout.println(reportLine(meter));
                if (escrowed != null) {
                    stdout.println(escrowed.line());
                }
            }
        } else if (escrowed != null) {
            io().err().println(escrowed.line());
        }
        return 0;
    }
}
