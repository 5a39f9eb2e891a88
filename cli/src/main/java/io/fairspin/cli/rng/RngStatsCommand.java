package io.fairspin.cli.rng;

import io.fairspin.cli.FormatOption;
import io.fairspin.cert.ByteStatistics;
import io.fairspin.cli.LeafCommand;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code fairspin rng stats}: a quick statistical summary of raw bytes. */
@Command(name = "stats", mixinStandardHelpOptions = true,
        description = {"Summarize raw bytes: entropy per byte, chi-square of byte frequencies, mean, bit balance"
            + " (SP 800-22 monobit P-value) and serial correlation.",
            "A quick check for gross failures, not a certification battery."})
public final class RngStatsCommand extends LeafCommand {
    @Mixin
    private FormatOption.TextJson format;


    @Parameters(paramLabel = "FILE", description = "The bytes to summarize; '-' for stdin.")
    private String file;

    @Override
    public Integer call() throws IOException {
        ByteStatistics statistics = new ByteStatistics();
        try (InputStream in = io().open(file)) {
            byte[] buffer = new byte[1 << 20];
            for (int n; (n = in.readNBytes(buffer, 0, buffer.length)) > 0; ) {
                statistics.update(buffer, 0, n);
            }
        }
        ByteStatistics.Summary s = statistics.summary();
        if (s.bytes() == 0) {
            throw new IllegalArgumentException(file + ": empty, nothing to summarize");
        }
        if (json()) {
            writeJsonReport(s);
            return 0;
        }
        PrintStream out = new PrintStream(io().out(), true, StandardCharsets.UTF_8);
        out.printf(Locale.ROOT, "file                %s%n", file);
        out.printf(Locale.ROOT, "bytes               %,d%n", s.bytes());
        out.printf(Locale.ROOT, "entropy             %.6f bits per byte (8 at most)%n", s.entropyBitsPerByte());
        out.printf(Locale.ROOT, "chi-square          %.2f with 255 degrees of freedom, P = %.4f%n", s.chiSquare(),
                s.chiSquareP());
        out.printf(Locale.ROOT, "mean                %.4f (127.5 expected)%n", s.mean());
        out.printf(Locale.ROOT, "ones                %.6f of all bits, monobit P = %.4f%n", s.onesFraction(),
                s.monobitP());
        out.printf(Locale.ROOT, "serial correlation  %.6f (0 expected)%n", s.serialCorrelation());
        printReportFooter(out);
        return 0;
    }
}
