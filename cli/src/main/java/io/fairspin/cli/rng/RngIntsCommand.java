package io.fairspin.cli.rng;

import io.fairspin.cli.Progress;
import io.fairspin.rng.CertifiedRandom;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code fairspin rng ints}: scaled outcomes in [0, bound) by derivation v1, as a game would draw them. */
@Command(name = "ints", mixinStandardHelpOptions = true,
        description = {"Write uniform integers in [0, bound) drawn by derivation v1 (scaled output).",
            "Text: one decimal per line. Binary: 32-bit big-endian unsigned integers."})
public final class RngIntsCommand extends CollectCommand {
    private static final long MAX_BOUND = 1L << 32;

    @Spec
    private CommandSpec spec;

    @Option(names = "--bound", required = true, paramLabel = "N",
            description = "Exclusive upper bound, 1 to 2^32 (e.g. 37 for a roulette wheel).")
    private long bound;

    @Option(names = "--binary", description = "Write 32-bit big-endian integers instead of text lines.")
    private boolean binary;

    @Override
    String unit() {
        return "integers";
    }

    @Override
    void validate() {
        if (bound < 1 || bound > MAX_BOUND) {
            throw new ParameterException(spec.commandLine(),
                    "--bound: must be in [1, 2^32] = [1, 4294967296], was " + bound);
        }
    }

    @Override
    void write(CertifiedRandom random, OutputStream destination, Progress meter) throws IOException {
        OutputStream sink = new BufferedOutputStream(destination, 1 << 16);
        byte[] digits = new byte[11];
        for (long i = 0; i < count; i++) {
            long value = random.nextLong(bound);
            if (binary) {
                sink.write((int) (value >>> 24));
                sink.write((int) (value >>> 16));
                sink.write((int) (value >>> 8));
                sink.write((int) value);
            } else {
                writeLine(sink, value, digits);
            }
            if ((i & 0xFFFF) == 0xFFFF) {
                meter.advance(0x10000);
            }
        }
        sink.flush();
    }

    /** Writes a non-negative value in decimal and a newline, without allocating. */
    private static void writeLine(OutputStream sink, long value, byte[] digits) throws IOException {
        int position = digits.length;
        digits[--position] = '\n';
        do {
            digits[--position] = (byte) ('0' + value % 10);
            value /= 10;
        } while (value > 0);
        sink.write(digits, position, digits.length - position);
    }

    @Override
    String reportLine(Progress meter) {
        return String.format(Locale.ROOT, "wrote %,d integers in [0, %d) of %s output to %s in %.2f s", count, bound,
                generator.mechanism.cliName(), out, meter.elapsedSeconds());
    }

    @Override
    Object reportJson(Progress meter, Escrowed escrowed) {
        return new Result(count, bound, binary ? "binary" : "text", generator.mechanism.cliName(), out,
                meter.elapsedSeconds(), escrowed);
    }

    /** The JSON result of a run to a file; {@code escrow} is null without --escrow. */
    record Result(long integers, long bound, String encoding, String mechanism, String file, double seconds,
                  Escrowed escrow) {
    }
}
