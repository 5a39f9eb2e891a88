package io.fairspin.cli.audit;

import io.fairspin.audit.checkpoint.Checkpoint;
import io.fairspin.audit.checkpoint.SignedNote;
import io.fairspin.audit.log.AuditLog;
import io.fairspin.audit.record.RoundRecord;
import io.fairspin.cli.FormatOption;
import io.fairspin.cli.ProgressOption;
import io.fairspin.cli.Counts;
import io.fairspin.cli.LeafCommand;
import io.fairspin.cli.Progress;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code fairspin audit demo}: writes synthetic rounds through the same API a game server uses, to try
 * the log, its proofs and its speed without game models.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Append synthetic rounds (game 'demo': no real model, seed or escrow behind them) to an"
            + " audit log, creating it if DIR does not exist, through the library API a game server uses:"
            + " submit, durable acknowledgement with group commit, signed checkpoints.",
            "Reports the durable rounds per second.",
            "Exits with 4 when an existing log is damaged or was tampered with (nothing is appended)."})
public final class AuditDemoCommand extends LeafCommand {
    @Mixin
    private FormatOption.TextJson format;


    @Parameters(paramLabel = "DIR", description = "The log folder (created when absent).")
    private Path dir;

    @Mixin
    private LogWriting writing;

    @Mixin
    private CheckpointEveryOption checkpointEvery;

    @Option(names = "--rounds", required = true, paramLabel = "N", converter = Counts.class,
            description = "How many rounds to append, e.g. 100K or 1M.")
    private long rounds;

    @Option(names = "--origin", paramLabel = "NAME", defaultValue = "demo.fairspin.local/audit",
            description = "The log's origin for a new log (default: ${DEFAULT-VALUE}).")
    private String origin;

    @Mixin
    private ProgressOption progress;

    @Override
    public Integer call() throws IOException {
        requireAtLeast("--rounds", rounds, 1);
        writing.requirePositive();
        long bound = checkpointEvery.checked();
        Progress shown = progress.meter(io(), "rounds", rounds);
        SignedNote last;
        long start;
        long first;
        try (AuditLog log = writing.openOrCreate(dir, origin, io(), bound)) {
            first = log.size();
            start = System.nanoTime();
            Acknowledgements pending = new Acknowledgements();
            for (long i = 0; i < rounds; i++) {
                pending.add(log.submit(round("demo-" + (first + i), first + i)));
                if (pending.size() >= writing.inFlight) {
                    pending.awaitOldest();
                    shown.advance(1);
                }
            }
            shown.advance(pending.drain());
            last = log.checkpoint();
        }
        shown.finish();
        double seconds = (System.nanoTime() - start) / 1e9;
        report(last, first, seconds);
        return 0;
    }

    private void report(SignedNote last, long first, double seconds) throws IOException {
        Checkpoint head = LogWriting.head(last);
        double rate = rounds / Math.max(seconds, 1e-9);
        if (json()) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("log", dir.toString());
            result.put("rounds", rounds);
            result.put("firstIndex", first);
            result.put("seconds", seconds);
            result.put("durableRoundsPerSecond", rate);
            result.put("treeSize", head.size());
            result.put("rootHash", HexFormat.of().formatHex(head.rootHash()));
            result.put("checkpoint", last.encode());
            writeJsonReport(result);
            return;
        }
        PrintStream out = new PrintStream(io().out(), true, StandardCharsets.UTF_8);
        out.printf(Locale.ROOT, "appended %,d demo rounds to %s in %.2f s: %,.0f durable rounds/s%n", rounds, dir,
                seconds, rate);
        out.printf(Locale.ROOT, "signed checkpoint: %,d entries, root %s%n", head.size(),
                HexFormat.of().formatHex(head.rootHash()));
    }

    /** A synthetic round: every field is derived from its number, marked as demo data. */
    private static RoundRecord round(String id, long n) {
        return RoundRecord.builder()
                .roundId(id)
                .gameId("demo")
                .modelHash(sha256("fairspin demo model, no real game"))
                .startedAtMillis(System.currentTimeMillis())
                .settledAtMillis(System.currentTimeMillis())
                .sessionId("demo-session-" + n / 100)
                .currency("XXX")
                .bet(100)
                .win(n % 4 == 0 ? 250 : 0)
                .playerChoices("{}".getBytes(StandardCharsets.UTF_8))
                .seedCommitment(sha256("demo seed " + n))
                .escrowReference("demo:none")
                .outcome(("{\"demo\":" + n % 37 + "}").getBytes(StandardCharsets.UTF_8))
                .build();
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
