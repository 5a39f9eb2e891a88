package io.fairspin.cli.audit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fairspin.audit.merkle.ProofException;
import io.fairspin.audit.round.DisputePacket;
import io.fairspin.audit.witness.Cosignature;
import io.fairspin.cli.ExitCode;
import io.fairspin.cli.FormatOption;
import io.fairspin.cli.Json;
import io.fairspin.cli.LeafCommand;
import io.fairspin.rng.keys.KeyFiles;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code fairspin audit check-packet}: checks a dispute packet offline. */
@Command(name = "check-packet", mixinStandardHelpOptions = true,
        description = {"Check a dispute packet offline: the checkpoint's signature by the given key, the entry's"
            + " encoding and index, its Merkle inclusion proof against the checkpoint's root, and that the"
            + " readable copy matches the signed bytes; with --origin, that the checkpoint is of the log expected; with"
            + " --witness-key (which needs --origin), that it carries a valid cosignature by each given witness (C2SP"
            + " tlog-cosignature), so that no split view went unnoticed.",
            "Exits with 4 when the packet does not check out."})
public final class AuditCheckPacketCommand extends LeafCommand {
    @Mixin
    private FormatOption.TextJson format;


    @Parameters(paramLabel = "FILE", description = "The packet (JSON); '-' for stdin.")
    private String file;

    @Option(names = "--operator-key", required = true, paramLabel = "FILE",
            description = "The operator's public key (PEM) that signed the packet's checkpoint.")
    private Path key;

    @Option(names = "--origin", paramLabel = "NAME",
            description = "The origin of the log the packet must be from (as 'play --origin' named it); required with"
                    + " --witness-key, since a witness cosigns every log it witnesses.")
    private String origin;

    @Option(names = "--witness-key", paramLabel = "FILE",
            description = "A witness's public key (PEM) whose C2SP cosignature the packet's checkpoint must carry;"
                    + " repeatable: every one is required.")
    private List<Path> witnessKeys = new ArrayList<>();

    @Override
    public Integer call() throws IOException {
        if (!witnessKeys.isEmpty() && origin == null) {
            throw usageError("--witness-key needs --origin: the origin of the log the packet must be from");
        }
        var operatorKey = KeyFiles.readPublicKey(key, KeyFiles.SIGNING_ALGORITHM);
        List<java.security.PublicKey> witnesses = new ArrayList<>();
        for (Path w : witnessKeys) {
            witnesses.add(KeyFiles.readPublicKey(w, KeyFiles.SIGNING_ALGORITHM));
        }
        String text = new String(io().readAll(file), StandardCharsets.UTF_8);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("packet", file);
        int exit;
        try {
            DisputePacket packet = DisputePacket.parse(text);
            DisputePacket.Verified verified = packet.verify(operatorKey, origin);
            List<Map<String, Object>> cosigners = new ArrayList<>();
            for (java.security.PublicKey w : witnesses) {
                Cosignature.Verified cosigned = Cosignature.verify(packet.checkpointNote(), w);
                Map<String, Object> c = new LinkedHashMap<>();
                c.put("name", cosigned.name());
                c.put("keyId", KeyFiles.keyId(w));
                c.put("timestamp", cosigned.timestamp());
                cosigners.add(c);
            }
            result.put("ok", true);
            result.put("origin", verified.checkpoint().origin());
            result.put("treeSize", verified.checkpoint().size());
            result.put("rootHash", HexFormat.of().formatHex(verified.checkpoint().rootHash()));
            result.put("witnesses", cosigners);
            result.put("entry", Json.tree(verified.entry().toJson()));
            exit = ExitCode.OK;
        } catch (ProofException e) {
            result.put("ok", false);
            result.put("problem", e.getMessage());
            exit = ExitCode.TAMPERED;
        }
        if (json()) {
            writeJsonReport(result);
        } else {
            printText(result);
            printReportFooter(new PrintStream(io().out(), true, StandardCharsets.UTF_8));
        }
        return exit;
    }

    private void printText(Map<String, Object> result) {
        PrintStream out = new PrintStream(io().out(), true, StandardCharsets.UTF_8);
        if (!(Boolean) result.get("ok")) {
            out.println("packet " + file + " does NOT check out: " + result.get("problem"));
            return;
        }
        ObjectNode entry = (ObjectNode) result.get("entry");
        out.println("packet " + file + " checks out: entry " + entry.get("index") + " is in the tree of "
                + result.get("treeSize") + " entries signed by " + result.get("origin"));
        out.println("root hash " + result.get("rootHash"));
        for (Object w : (List<?>) result.get("witnesses")) {
            Map<?, ?> c = (Map<?, ?>) w;
            out.println("cosigned by witness " + c.get("name") + " (key " + c.get("keyId") + ") at "
                    + java.time.Instant.ofEpochSecond((Long) c.get("timestamp")));
        }
        out.println(entry.toPrettyString());
    }
}
