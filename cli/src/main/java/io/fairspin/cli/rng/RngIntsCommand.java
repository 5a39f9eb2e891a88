package io.fairspin.cli.rng;

import io.fairspin.cli.Progress;
import io.fairspin.rng.CertifiedRandom;
import io.fairspin.rng.RandomStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code fairspin rng ints}: scaled outcomes in [0, bound) by derivation v1, as a game would draw them. */
@Command(name = "ints", mixinStandardHelpOptions = true,
        description = {"Write uniform integers in [0, bound) drawn by derivation v1 (scaled output).",
            "Text: one decimal per line. Binary: 32-bit big-endian unsigned integers.",
            "--raw-out FILE also writes the raw generator bytes the integers were derived from, from the same"
            + " generator, byte for byte: a lab can re-derive every integer from them (paired collection)."})
public final class RngIntsCommand extends CollectCommand {
    private static final long MAX_BOUND = 1L << 32;

    @Spec
    private CommandSpec spec;

    @Option(names = "--bound", required = true, paramLabel = "N",
            description = "Exclusive upper bound, 1 to 2^32 (e.g. 37 for a roulette wheel).")
    private long bound;

    @Option(names = "--binary", description = "Write 32-bit big-endian integers instead of text lines.")
    private boolean binary;

    @Option(names = "--raw-out", paramLabel = "FILE",
            description = "Also write the raw generator bytes the integers were derived from (every byte consumed,"
                + " in order: 4 bytes per draw, more when derivation v1 rejects a word).")
    private Path rawOut;

    private long rawBytes;

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
        if (rawOut == null) {
            write((RandomStream) random, destination, meter);
            return;
        }
        try (OutputStream raw = new BufferedOutputStream(Files.newOutputStream(rawOut), 1 << 16)) {
            RawTee tee = new RawTee(random, raw);
            write(tee, destination, meter);
            tee.finish();
            rawBytes = tee.written;
        }
    }

    /**
     * The generator's byte sequence handed out 4 bytes at a time, each handed-out word also written to the
     * raw file. Derivation v1 draws integers below 2^32 from whole 32-bit words, so every byte written is
     * a byte the integers consumed, and the integers are exactly those the generator itself would give.
     */
    private static final class RawTee extends RandomStream {
        private final RandomStream source;
        private final OutputStream raw;
        private final byte[] block = new byte[1 << 16];
        private int position = block.length;
        private IOException failure;
        long written;

        RawTee(RandomStream source, OutputStream raw) {
            super(4);
            this.source = source;
            this.raw = raw;
        }

        @Override
        protected void nextBlock(byte[] destination, int offset) {
            if (position == block.length) {
                source.nextBytes(block);
                position = 0;
            }
            System.arraycopy(block, position, destination, offset, 4);
            try {
                raw.write(block, position, 4);
            } catch (IOException e) {
                if (failure == null) {
                    failure = e;
                }
            }
            position += 4;
            written += 4;
        }

        void finish() throws IOException {
            if (failure != null) {
                throw failure;
            }
        }
    }

    private void write(RandomStream random, OutputStream destination, Progress meter) throws IOException {
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
                generator.mechanism.cliName(), out, meter.elapsedSeconds())
                + (rawOut == null ? "" : String.format(Locale.ROOT, "%nwrote the %,d raw bytes they were derived from"
                + " to %s", rawBytes, rawOut));
    }

    @Override
    Object reportJson(Progress meter, Escrowed escrowed) {
        return new Result(count, bound, binary ? "binary" : "text", generator.mechanism.cliName(), out,
                meter.elapsedSeconds(), escrowed, rawOut == null ? null : rawOut.toString(),
                rawOut == null ? null : rawBytes);
    }

    /** The JSON result of a run to a file; {@code escrow} is null without --escrow. */
    record Result(long integers, long bound, String encoding, String mechanism, String file, double seconds,
                  Escrowed escrow, String rawFile, Long rawBytes) {
    }
}
