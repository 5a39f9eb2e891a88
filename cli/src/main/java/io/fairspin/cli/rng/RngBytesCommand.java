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
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code fairspin rng bytes}: raw generator output, before any scaling, for external test batteries. */
@Command(name = "bytes", mixinStandardHelpOptions = true,
        description = {"Write raw output of the certified generator (before any scaling) to a file or stdout.",
            "Example: fairspin rng bytes --count 10G | dieharder -g 200 -a"})
public final class RngBytesCommand extends LeafCommand {
    private static final int CHUNK = 1 << 20;

    @Mixin
    private GeneratorOptions generator;

    @Option(names = "--count", required = true, paramLabel = "N", converter = Counts.class,
            description = "Bytes to write: 1000, 64Ki, 4.9M, 10G (K/M/G/T decimal, Ki/Mi/Gi/Ti binary).")
    private long count;

    @Option(names = "--out", paramLabel = "FILE", description = "File to write (overwritten); '-' or absent: stdout.")
    private String out;

    @Option(names = "--progress", negatable = true,
            description = "Show progress on stderr (default: for 1G bytes or more).")
    private Boolean progress;

    @Override
    public Integer call() throws IOException {
        Progress meter = new Progress(io(), "bytes", count, progress != null ? progress : count >= 1_000_000_000L);
        try (CertifiedRandom random = generator.build(); OutputStream sink = Destination.open(out, io())) {
            byte[] buffer = new byte[(int) Math.min(CHUNK, count)];
            for (long left = count; left > 0; ) {
                int n = (int) Math.min(buffer.length, left);
                byte[] chunk = n == buffer.length ? buffer : new byte[n];
                random.nextBytes(chunk);
                sink.write(chunk, 0, n);
                left -= n;
                meter.advance(n);
            }
        } catch (IOException e) {
            if (!(Destination.isStdout(out) && Destination.isBrokenPipe(e))) {
                throw e;
            }
        }
        meter.finish();
        if (!Destination.isStdout(out)) {
            report(meter);
        }
        return 0;
    }

    private void report(Progress meter) throws IOException {
        if (json()) {
            Json.write(io().out(), new Result(count, generator.mechanism.cliName(), out, meter.elapsedSeconds(),
                    meter.rate()));
        } else {
            PrintStream text = new PrintStream(io().out(), true, StandardCharsets.UTF_8);
            text.printf(Locale.ROOT, "wrote %,d bytes of %s output to %s in %.2f s (%s bytes/s)%n", count,
                    generator.mechanism.cliName(), out, meter.elapsedSeconds(), Progress.human((long) meter.rate()));
        }
    }

    /** The JSON result of a run to a file. */
    record Result(long bytes, String mechanism, String file, double seconds, double bytesPerSecond) {
    }
}
