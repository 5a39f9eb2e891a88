package io.fairspin.cli.audit;

import io.fairspin.audit.checkpoint.Checkpoint;
import io.fairspin.audit.log.LogProblem;
import io.fairspin.audit.log.LogReport;
import io.fairspin.audit.record.TailCut;
import io.fairspin.cli.ExitCode;
import io.fairspin.cli.Io;
import io.fairspin.cli.Json;
import io.fairspin.cli.report.ReportHeader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Prints a {@link LogReport} for {@code audit verify} and {@code audit inspect}, and picks the exit code. */
final class ReportOutput {
    private ReportOutput() {
    }

    static int print(Io io, boolean json, ReportHeader header, Path dir, LogReport report, double seconds)
            throws IOException {
        if (json) {
            Json.writeReport(io.out(), header, toMap(dir, report, seconds));
        } else {
            PrintStream out = new PrintStream(io.out(), true, StandardCharsets.UTF_8);
            printText(out, dir, report, seconds);
            out.println();
            header.lines().forEach(out::println);
        }
        return report.ok() ? ExitCode.OK : ExitCode.TAMPERED;
    }

    private static void printText(PrintStream out, Path dir, LogReport r, double seconds) {
        out.printf(Locale.ROOT, "log           %s (%s)%n", dir,
                r.origin() == null ? "origin unknown: no checkpoint" : "origin " + r.origin());
        out.printf(Locale.ROOT, "entries       %,d: %,d rounds, %,d generator health events, %d key announcements, %d tail"
                + " cuts%n", r.entries(), r.rounds(), r.healthEvents(), r.keys().size(), r.tailCuts().size());
        long frames = r.segments().stream().mapToLong(LogReport.Segment::entries).sum();
        out.printf(Locale.ROOT, "segments      %d files, %,d frames with a valid CRC32C, %,d bytes%n", r.segments().size(),
                frames, r.bytes());
        if (!r.checkpoints().isEmpty()) {
            Checkpoint last = r.checkpoints().get(r.checkpoints().size() - 1);
            out.printf(Locale.ROOT, "checkpoints   %,d; the last covers %,d entries, root %s%n", r.checkpoints().size(),
                    last.size(), HexFormat.of().formatHex(last.rootHash()));
        }
        r.keys().forEach(k -> out.printf(Locale.ROOT, "key           %s from entry %,d (%s)%n", k.keyId(), k.index(),
                k.verifierKey()));
        for (TailCut cut : r.tailCuts()) {
            out.printf(Locale.ROOT, "tail cut      %s%n", cut);
        }
        out.printf(Locale.ROOT, "unsigned      %,d entries after the last checkpoint%n", r.unsignedEntries());
        out.println(r.maxUnsigned() > 0
                ? String.format(Locale.ROOT, "bound         at most %,d entries after a checkpoint, as the log declares"
                        + " (max_unsigned)", r.maxUnsigned())
                : "bound         none declared (a log written before fairspin declared it): inferred from the"
                        + " checkpoints' spacing");
        out.printf(Locale.ROOT, "read          in %.2f s: %,.0f entries/s, %.1f MB/s%n", seconds,
                r.entries() / Math.max(seconds, 1e-9), r.bytes() / 1e6 / Math.max(seconds, 1e-9));
        for (LogProblem p : r.problems()) {
            out.printf(Locale.ROOT, "PROBLEM       %s%n", p);
        }
        for (LogProblem t : r.tornTails()) {
            out.printf(Locale.ROOT, "torn tail     %s%n", t);
        }
        if (r.ok() && !r.tornTails().isEmpty()) {
            out.println("result        OK UP TO A TORN TAIL: the writer was stopped mid-write (a crash, not tampering);"
                    + " every whole entry checks out, and the next writer's open cuts the tail off and logs the cut");
        } else if (r.ok()) {
            out.println(r.signaturesChecked()
                    ? "result        OK: every CRC32C, entry, chain link, checkpoint root and signature checks out"
                    : "result        OK: every CRC32C, entry, chain link and checkpoint root checks out"
                            + " (signatures not checked: use 'audit verify --operator-key')");
        } else {
            out.printf(Locale.ROOT, "result        TAMPERED OR CORRUPT: %d problems%n", r.problems().size());
        }
    }

    private static Map<String, Object> toMap(Path dir, LogReport r, double seconds) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("log", dir.toString());
        json.put("origin", r.origin());
        json.put("ok", r.ok());
        json.put("signaturesChecked", r.signaturesChecked());
        json.put("entries", r.entries());
        json.put("rounds", r.rounds());
        json.put("healthEvents", r.healthEvents());
        json.put("unsignedEntries", r.unsignedEntries());
        json.put("maxUnsigned", r.maxUnsigned() > 0 ? r.maxUnsigned() : null);
        json.put("bytes", r.bytes());
        json.put("segments", r.segments());
        json.put("keys", r.keys());
        List<Map<String, Object>> checkpoints = new ArrayList<>();
        for (Checkpoint c : r.checkpoints()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("size", c.size());
            m.put("rootHash", HexFormat.of().formatHex(c.rootHash()));
            checkpoints.add(m);
        }
        json.put("checkpoints", checkpoints);
        List<String> cuts = new ArrayList<>();
        r.tailCuts().forEach(c -> cuts.add(c.toString()));
        json.put("tailCuts", cuts);
        json.put("problems", r.problems());
        json.put("tornTails", r.tornTails());
        json.put("seconds", seconds);
        json.put("entriesPerSecond", r.entries() / Math.max(seconds, 1e-9));
        return json;
    }
}
