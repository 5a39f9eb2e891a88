package io.fairspin.cli.audit;

import io.fairspin.audit.checkpoint.Ed25519Keys;
import io.fairspin.audit.log.AuditLog;
import io.fairspin.audit.round.ModelFile;
import io.fairspin.cli.LeafCommand;
import io.fairspin.cli.rng.GeneratorOptions;
import io.fairspin.rng.CertifiedRandom;
import io.fairspin.rng.keys.KeyFiles;
import io.fairspin.rng.escrow.SeedEscrow;
import io.fairspin.server.GameServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code fairspin serve}: the reference game server over HTTP/JSON, with a player page, until stopped
 * (SIGTERM or Ctrl-C), when it settles every open round and signs a last checkpoint.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Run the reference game server: HTTP/JSON (docs/server.md, docs/openapi.yaml) and a player page"
            + " at /, for every game model in the models folder. Rounds are opened with a seed commitment (the seed"
            + " drawn from the certified generator and escrowed to the auditor before anything is drawn), played"
            + " from their round streams, and answered as settled only once durable in the audit log; dispute"
            + " packets and signed checkpoints are served too.",
            "Prints the server's URL on stdout once it listens. Runs until stopped with SIGTERM or Ctrl-C, then"
                + " settles every open round by its default actions and signs a last checkpoint.",
            "Exits with 4 when an existing log is damaged or was tampered with (nothing is appended)."})
public final class ServeCommand extends LeafCommand {

    @Option(names = "--models", required = true, paramLabel = "DIR",
            description = "The folder of game model files (*.json) to offer; game ids must differ.")
    private Path models;

    @Option(names = "--log", required = true, paramLabel = "DIR", description = "The audit log folder (created if absent).")
    private Path log;

    @Option(names = "--escrow-key", required = true, paramLabel = "FILE",
            description = "The auditor's X25519 public key (PEM, from 'fairspin keys escrow').")
    private Path escrowKey;

    @Option(names = "--signing-key", required = true, paramLabel = "FILE",
            description = "The operator's Ed25519 private key (PEM), e.g. operator.key from 'fairspin keys signing'.")
    private Path signingKey;

    @Option(names = "--escrow", paramLabel = "FILE",
            description = "The escrow file, appended to (default: DIR.escrow beside the log folder).")
    private Path escrowFile;

    @Option(names = "--port", paramLabel = "N", defaultValue = "8080",
            description = "The TCP port (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    private int port;

    @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "The address to listen on (default: ${DEFAULT-VALUE}, this machine only).")
    private String bind;

    @Option(names = "--origin", paramLabel = "NAME", defaultValue = "serve.fairspin.local/audit",
            description = "The origin of a new log (default: ${DEFAULT-VALUE}).")
    private String origin;

    @Option(names = "--currency", paramLabel = "CODE", defaultValue = "XXX",
            description = "The currency of bet and win, in its minor units (default: ${DEFAULT-VALUE}, none).")
    private String currency;

    @Mixin
    private CheckpointEveryOption checkpointEvery;

    @Option(names = "--seed-reserve", paramLabel = "N", defaultValue = "" + GameServer.DEFAULT_SEED_RESERVE,
            description = "Round seeds kept drawn and escrowed ahead of the open-round requests (default:"
                    + " ${DEFAULT-VALUE}, at most 16384); a batch is escrowed and synced in the background when fewer"
                    + " than half are left. 0 draws and escrows seeds only for the requests waiting.")
    private int seedReserve;

    @Override
    public Integer call() throws IOException, InterruptedException {
        requireBetween("--port", port, 0, 65535);
        requireBetween("--seed-reserve", seedReserve, 0, CertifiedRandom.MAX_ROUND_SEEDS);
        long bound = checkpointEvery.checked();
        InetAddress address = InetAddress.getByName(bind);
        List<ModelFile> games = loadModels(models);
        PublicKey auditor = KeyFiles.readPublicKey(escrowKey, KeyFiles.ESCROW_ALGORITHM);
        KeyPair operator = Ed25519Keys.readPrivate(signingKey);
        Path escrowPath = escrowFile != null ? escrowFile : PlayCommand.defaultEscrow(log);
        // The escrow first, as play does: one that another key's records or another writer holds is refused
        // before a new log folder is created.
        SeedEscrow escrow = GeneratorOptions.openEscrow(auditor, escrowPath, io());
        AuditLog audit = null;
        CertifiedRandom rng = null;
        GameServer server;
        try {
            audit = LogWriting.openOrCreate(log, origin, io(), operator, bound);
            rng = CertifiedRandom.builder().escrow(escrow).healthListener(audit::logHealth).build();
            server = GameServer.builder().games(games).log(audit, log).random(rng, escrow.keyId())
                    .bind(address, port).currency(currency).seedReserve(seedReserve).build();
        } catch (IOException | RuntimeException e) {
            closeAll(null, rng, escrow, audit);
            throw e;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        SeedEscrow escrowToClose = escrow;
        CertifiedRandom rngToClose = rng;
        AuditLog logToClose = audit;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            io().err().println("fairspin serve: stopping: settling open rounds");
            try {
                closeAll(server, rngToClose, escrowToClose, logToClose);
                io().err().println("fairspin serve: stopped; every round is settled and a checkpoint signed");
            } catch (IOException | RuntimeException e) {
                io().err().println("fairspin serve: stopping failed: " + e.getMessage());
            } finally {
                stopped.countDown();
            }
        }, "fairspin-serve-shutdown"));
        server.start();
        io().out().write((server.url() + "/\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        io().out().flush();
        io().err().printf("fairspin serve: listening on %s/ with %d games (%s); log %s, escrow %s%n", server.url(),
                games.size(), String.join(", ", games.stream().map(g -> g.game().id()).toList()), log, escrowPath);
        stopped.await();
        return 0;
    }

    private static void closeAll(GameServer server, CertifiedRandom rng, SeedEscrow escrow, AuditLog audit)
            throws IOException {
        IOException first = null;
        for (AutoCloseable c : new AutoCloseable[] {server, rng, escrow, audit}) {
            if (c == null) {
                continue;
            }
            try {
                c.close();
            } catch (IOException e) {
                first = first == null ? e : first;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        if (first != null) {
            throw first;
        }
    }

    /** Every *.json file of the folder, in name order, as a model. */
    static List<ModelFile> loadModels(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new java.nio.file.NotDirectoryException(dir + " (--models must be a folder of model files)");
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(p -> p.getFileName().toString().endsWith(".json") && Files.isRegularFile(p))
                    .sorted().toList();
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException(dir + ": no model files (*.json)");
        }
        List<ModelFile> loaded = new ArrayList<>();
        try {
            for (Path file : files) {
                loaded.add(ModelFile.load(file));
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return loaded;
    }
}
