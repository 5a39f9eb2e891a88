package io.fairspin.cli.rng;

import io.fairspin.cli.Progress;
import io.fairspin.rng.CertifiedRandom;
import io.fairspin.rng.RandomStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Locale;
import picocli.CommandLine.Command;

/** {@code fairspin rng bytes}: raw generator output, before any scaling, for external test batteries. */
@Command(name = "bytes", mixinStandardHelpOptions = true,
        description = {"Write raw output of the certified generator (before any scaling) to a file or stdout.",
            "Example: fairspin rng bytes --count 10G | dieharder -g 200 -a"})
public final class RngBytesCommand extends CollectCommand {
    private static final int CHUNK = 1 << 20;

    @Override
    String unit() {
        return "bytes";
    }

    @Override
    void write(CertifiedRandom random, OutputStream sink, Progress meter) throws IOException {
        writeBytes(random, count, sink, meter);
    }

    /** Writes the next {@code count} bytes of {@code source} to {@code sink} in chunks of 1 MiB. */
    static void writeBytes(RandomStream source, long count, OutputStream sink, Progress meter) throws IOException {
        byte[] buffer = new byte[(int) Math.min(CHUNK, count)];
        for (long left = count; left > 0; ) {
            int n = (int) Math.min(buffer.length, left);
            byte[] chunk = n == buffer.length ? buffer : new byte[n];
            source.nextBytes(chunk);
            sink.write(chunk, 0, n);
            left -= n;
            meter.advance(n);
        }
    }

    @Override
    String reportLine(Progress meter) {
        return String.format(Locale.ROOT, "wrote %,d bytes of %s output to %s in %.2f s (%s bytes/s)", count,
                generator.mechanism.cliName(), out, meter.elapsedSeconds(), Progress.human((long) meter.rate()));
    }

    @Override
    Object reportJson(Progress meter, Escrowed escrowed) {
        return new Result(count, generator.mechanism.cliName(), out, meter.elapsedSeconds(), meter.rate(), escrowed);
    }

    /** The JSON result of a run to a file; {@code escrow} is null without --escrow. */
    record Result(long bytes, String mechanism, String file, double seconds, double bytesPerSecond,
                  Escrowed escrow) {
    }
}
