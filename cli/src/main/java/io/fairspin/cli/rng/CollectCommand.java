package io.fairspin.cli.rng;

import io.fairspin.cli.Counts;
import io.fairspin.cli.Json;
import io.fairspin.cli.LeafCommand;
import io.fairspin.cli.Progress;
import io.fairspin.rng.CertifiedRandom;
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
    GeneratorOptions generator;

    @Option(names = "--count", required = true, paramLabel = "N", converter = Counts.class,
            description = "How many to write: 1000, 64Ki, 4.9M, 10G (K/M/G/T decimal, Ki/Mi/Gi/Ti binary).")
    long count;

    @Option(names = "--out", paramLabel = "FILE", description = "File to write (overwritten); '-' or absent: stdout.")
    String out;

    @Option(names = "--progress", negatable = true,
            description = "Show progress on stderr (default: for long runs).")
    Boolean progress;

    /** What is counted, for progress lines: "bytes", "integers". */
    abstract String unit();

    /** The count from which progress is shown by default. */
    abstract long progressThreshold();

    /** Checks the command's own options before anything is opened. */
    void validate() {
    }

    /** Writes {@link #count} items from {@code random} to {@code sink}, advancing {@code meter}. */
    abstract void write(CertifiedRandom random, OutputStream sink, Progress meter) throws IOException;

    /** The text line and the JSON object reporting a run to a file. */
    abstract String reportLine(Progress meter);

    abstract Object reportJson(Progress meter);

    @Override
    public final Integer call() throws IOException {
        validate();
        Progress meter = new Progress(io(), unit(), count, progress != null ? progress : count >= progressThreshold());
        try (CertifiedRandom random = generator.build(); OutputStream sink = Destination.open(out, io())) {
            write(random, sink, meter);
        } catch (IOException e) {
            if (!(Destination.isStdout(out) && Destination.isBrokenPipe(e))) {
                throw e;
            }
        }
        meter.finish();
        if (!Destination.isStdout(out)) {
            if (json()) {
                Json.write(io().out(), reportJson(meter));
            } else {
                new PrintStream(io().out(), true, StandardCharsets.UTF_8).println(reportLine(meter));
            }
        }
        return 0;
    }
}
