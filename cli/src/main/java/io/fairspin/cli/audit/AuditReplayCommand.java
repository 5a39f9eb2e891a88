package io.fairspin.cli.audit;

import io.fairspin.audit.log.LogReader;
import io.fairspin.audit.record.LogEntry;
import io.fairspin.audit.record.RoundRecord;
import io.fairspin.audit.round.ModelFile;
import io.fairspin.audit.round.RoundReplay;
import io.fairspin.cli.FormatOption;
import io.fairspin.cli.ExitCode;
import io.fairspin.cli.LeafCommand;
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
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code fairspin audit replay}: replays one logged round from the escrow and compares it with the log. */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = {"Replay one logged round from escrow: find the round in the log, recompute its seed from the"
            + " escrow with the auditor's private key, check the seed against the logged commitment, play the model"
            + " again from the round stream and compare bet, win and the outcome bytes with the log.",
            "The model file must be the one the round was played with (its SHA-256 is logged), else it is an"
                + " error. Run 'audit verify' first to check the log itself.",
            "Exits with 4 when the replay differs from the log (tampering) or the log is damaged, 0 when it"
                + " matches."})
public final class AuditReplayCommand extends LeafCommand {
    @Mixin
    private FormatOption.TextJson format;


    @Parameters(paramLabel = "DIR", description = "The log folder.")
    private Path dir;

    @Option(names = "--round", required = true, paramLabel = "ID", description = "The round id.")
    private String roundId;

    @Option(names = "--auditor-key", required = true, paramLabel = "FILE",
            description = "The auditor's X25519 private key (PEM, from 'fairspin keys escrow').")
    private Path escrowKey;

    @Option(names = "--model", required = true, paramLabel = "FILE",
            description = "The game model file the round was played with; '-' for stdin.")
    private String model;

    @Option(names = "--escrow", paramLabel = "FILE",
            description = "The escrow file (default: DIR.escrow beside the log folder, as 'fairspin play' writes it).")
    private Path escrowFile;

    /** The comparison, for the report. */
    record Result(String round, long index, String game, String model, String modelSha256, String escrow,
                  String drbg, long record, int draw, String commitment, long loggedBet, long replayedBet,
                  long loggedWin, long replayedWin, String loggedOutcome, String replayedOutcome, boolean matches,
                  List<String> differences, String playerChoices) {
    }

    @Override
    public Integer call() throws IOException {
        Path escrowPath = escrowFile != null ? escrowFile : PlayCommand.defaultEscrow(dir);
        ModelFile game = ModelFile.of(model, io().readAll(model));
        LogEntry entry = LogReader.round(dir, roundId);
        RoundReplay replay;
        try (EscrowReplay escrow = io.fairspin.cli.EscrowReplays.open(escrowPath, escrowKey)) {
            escrow.tornTail().ifPresent(torn -> io().err().println("fairspin: " + escrowPath + ": " + torn
                    + " not read: a writer was stopped while appending it, before any output depended on it"));
            replay = RoundReplay.of(entry, game, escrow);
        }
        io().inputs().folder(dir);
        io().inputs().file(escrowPath);
        RoundRecord logged = replay.logged();
        HexFormat hex = HexFormat.of();
        Result result = new Result(roundId, entry.index(), logged.gameId(), model,
                hex.formatHex(game.hash()), escrowPath.toString(), replay.escrowed().instanceId(),
                replay.escrowed().record(), replay.escrowed().draw(), hex.formatHex(logged.seedCommitment()),
                logged.bet(), replay.replayedBet(), logged.win(), replay.replayedWin(), utf8(logged.outcome()),
                utf8(replay.replayedOutcome()), replay.matches(), replay.differences(), utf8(logged.playerChoices()));
        if (json()) {
            writeJsonReport(result);
        } else {
            printText(result);
            printReportFooter(new PrintStream(io().out(), true, StandardCharsets.UTF_8));
        }
        return replay.matches() ? ExitCode.OK : ExitCode.TAMPERED;
    }

    private void printText(Result r) {
        PrintStream out = new PrintStream(io().out(), true, StandardCharsets.UTF_8);
        out.printf(Locale.ROOT, "round       %s (entry %d)%n", r.round(), r.index());
        out.printf(Locale.ROOT, "model       %s: game %s, SHA-256 %s (as logged)%n", r.model(), r.game(),
                r.modelSha256());
        out.printf(Locale.ROOT, "escrow      %s: DRBG %s, record %d, draw %d%n", r.escrow(), r.drbg(), r.record(),
                r.draw());
        out.printf(Locale.ROOT, "commitment  %s%n", r.commitment());
        if (!r.playerChoices().isEmpty()) {
            out.printf(Locale.ROOT, "choices     %s (replayed with these)%n", r.playerChoices());
        }
        out.printf(Locale.ROOT, "bet         logged %d, replayed %d%n", r.loggedBet(), r.replayedBet());
        out.printf(Locale.ROOT, "win         logged %d, replayed %d%n", r.loggedWin(), r.replayedWin());
        out.printf(Locale.ROOT, "outcome     %s%n", r.replayedOutcome());
        if (r.matches()) {
            out.println("MATCH: the escrowed seed matches the commitment and the model gives the logged round exactly");
            return;
        }
        out.printf(Locale.ROOT, "logged      %s%n", r.loggedOutcome());
        out.println("DIFFERS from the log (tampering):");
        r.differences().forEach(d -> out.println("  " + d));
    }

    private static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
