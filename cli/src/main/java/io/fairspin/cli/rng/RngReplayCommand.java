package io.fairspin.cli.rng;

import io.fairspin.cli.FormatOption;
import io.fairspin.cli.Counts;
import io.fairspin.cli.LeafCommand;
import io.fairspin.cli.Progress;
import io.fairspin.rng.RandomStream;
import io.fairspin.rng.escrow.EscrowReplay;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code fairspin rng replay}: the auditor's reproduction of a generator's output and of any round, from escrow. */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = {"Reproduce escrowed generator output with the auditor's private key. Every record is"
            + " checked first; a truncated, altered, moved or reordered record, or a wrong key, is an error.",
            "Without --round or --drbg: list the DRBG instances in the escrow.",
            "--round ID: the round's DRBG, record and seed commitment (--reveal-seed adds the seed); with --count,"
                + " the round stream's first N bytes instead.",
            "--drbg ID --count N: the first N bytes the DRBG instance handed out (what 'rng bytes' wrote)."})
public final class RngReplayCommand extends LeafCommand {
    @Mixin
    private FormatOption.TextJson format;

    private static final HexFormat HEX = HexFormat.of();

    @Spec
    private CommandSpec spec;

    @Option(names = "--escrow", required = true, paramLabel = "FILE", description = "The escrow file.")
    private Path escrowFile;

    @Option(names = "--auditor-key", required = true, paramLabel = "FILE",
            description = "The auditor's X25519 private key (PEM, from 'fairspin keys escrow').")
    private Path keyFile;

    @Option(names = "--round", paramLabel = "ID", description = "The round to replay.")
    private String round;

    @Option(names = "--client-seed", paramLabel = "TEXT",
            description = "With --round --count: the player's client seed (UTF-8), in provably-fair mode.")
    private String clientSeed;

    @Option(names = "--reveal-seed",
            description = "With --round: print the round seed (secret until the round is settled).")
    private boolean revealSeed;

    @Option(names = "--drbg", paramLabel = "ID", description = "The DRBG instance whose output to reproduce.")
    private String drbg;

    @Option(names = "--count", paramLabel = "N", converter = Counts.class,
            description = "How many bytes to write (with --drbg, or with --round for the round stream).")
    private Long count;

    @Option(names = "--out", paramLabel = "FILE", description = "File to write bytes to (overwritten); '-' or absent: stdout.")
    private String out;

    @Override
    public Integer call() throws IOException {
        validate();
        io().inputs().file(escrowFile);
        try (EscrowReplay escrow = io.fairspin.cli.EscrowReplays.open(escrowFile, keyFile)) {
            escrow.tornTail().ifPresent(torn -> io().err().println("fairspin: " + escrowFile + ": " + torn
                    + " not read: a writer was stopped while appending it, before any output depended on it"));
            if (round != null) {
                EscrowReplay.Round replayed = escrow.round(round);
                if (count != null) {
                    byte[] client = clientSeed == null ? null : clientSeed.getBytes(StandardCharsets.UTF_8);
                    writeBytes(replayed.seed().stream(client), "round " + round);
                } else {
                    reportRound(replayed);
                }
            } else if (drbg != null) {
                checkAvailable(escrow.instances());
                try (EscrowReplay.Output output = escrow.output(drbg)) {
                    writeBytes(output, "DRBG " + drbg);
                }
            } else {
                list(escrow.instances());
            }
        }
        return 0;
    }

    private void validate() {
        if (round != null && drbg != null) {
            throw new ParameterException(spec.commandLine(), "--round and --drbg exclude each other");
        }
        if (drbg != null && count == null) {
            throw new ParameterException(spec.commandLine(), "--drbg needs --count");
        }
        if (round == null && drbg == null && (count != null || out != null)) {
            throw new ParameterException(spec.commandLine(), "--count and --out need --drbg or --round");
        }
        if ((revealSeed || clientSeed != null) && round == null) {
            throw new ParameterException(spec.commandLine(), "--reveal-seed and --client-seed need --round");
        }
    }

    /** A closed instance's output ends with its last request: asking for more is an error before writing. */
    private void checkAvailable(List<EscrowReplay.Instance> instances) {
        for (EscrowReplay.Instance i : instances) {
            long available = i.outputBytes();
            if (i.id().equals(drbg) && i.closed() && count > available) {
                throw new IllegalArgumentException(escrowFile + ": DRBG " + drbg + " generated " + available
                        + " bytes before it was closed; --count asks for " + count);
            }
        }
    }

    private void writeBytes(RandomStream source, String what) throws IOException {
        Progress meter = new Progress(io(), "bytes", count, count >= 1_000_000_000L);
        Destination.write(out, io(), sink -> RngBytesCommand.writeBytes(source, count, sink, meter));
        meter.finish();
        if (!Destination.isStdout(out)) {
            if (json()) {
                writeJsonReport(new BytesResult(count, what, out));
            } else {
                stdout().printf(Locale.ROOT, "wrote %,d bytes of %s from %s to %s%n", count, what, escrowFile, out);
            }
        }
    }

    private void reportRound(EscrowReplay.Round replayed) throws IOException {
        RoundResult result = new RoundResult(round, replayed.instanceId(), replayed.record(), replayed.draw(),
                replayed.seed().mechanism().cliName(), HEX.formatHex(replayed.seed().commitment()),
                revealSeed ? HEX.formatHex(replayed.seed().reveal()) : null);
        if (json()) {
            writeJsonReport(result);
            return;
        }
        PrintStream o = stdout();
        o.println("round       " + result.round());
        o.println("drbg        " + result.drbg() + ", record " + result.record() + ", draw " + result.draw());
        o.println("mechanism   " + result.mechanism());
        o.println("commitment  " + result.commitment());
        if (revealSeed) {
            o.println("seed        " + result.seed());
        }
    }

    private void list(List<EscrowReplay.Instance> instances) throws IOException {
        if (json()) {
            writeJsonReport(new ListResult(escrowFile.toString(), instances.stream().map(i -> new InstanceRow(
                    i.id(), i.mechanism().cliName(), i.requestBytes(), i.records(), i.requests(), i.generateCalls(),
                    i.closed())).toList()));
            return;
        }
        PrintStream o = stdout();
        o.printf(Locale.ROOT, "%-16s  %-16s  %8s  %12s  %13s  %s%n", "drbg", "mechanism", "records", "requests",
                "round seeds", "closed");
        for (EscrowReplay.Instance i : instances) {
            o.printf(Locale.ROOT, "%-16s  %-16s  %8d  %12d  %13d  %s%n", i.id(), i.mechanism(), i.records(),
                    i.requests(), i.generateCalls(), i.closed() ? "yes" : "no");
        }
    }

    private PrintStream stdout() {
        return new PrintStream(io().out(), true, StandardCharsets.UTF_8);
    }

    /** The JSON result of bytes written to a file. */
    record BytesResult(long bytes, String source, String file) {
    }

    /** The JSON result of --round; {@code seed} is null without --reveal-seed. */
    record RoundResult(String round, String drbg, long record, int draw, String mechanism, String commitment, String seed) {
    }

    /** One DRBG instance in the JSON listing. */
    record InstanceRow(String drbg, String mechanism, int requestBytes, int records, long requests, int roundSeeds,
                       boolean closed) {
    }

    /** The JSON result of the listing. */
    record ListResult(String escrow, List<InstanceRow> instances) {
    }
}
