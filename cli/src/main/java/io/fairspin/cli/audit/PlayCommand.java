package io.fairspin.cli.audit;

import io.fairspin.audit.checkpoint.Checkpoint;
import io.fairspin.audit.checkpoint.SignedNote;
import io.fairspin.audit.log.AuditLog;
import io.fairspin.audit.round.ModelFile;
import io.fairspin.audit.round.RoundPlayer;
import io.fairspin.cli.BetOption;
import io.fairspin.cli.Counts;
import io.fairspin.cli.FormatOption;
import io.fairspin.cli.LeafCommand;
import io.fairspin.cli.Progress;
import io.fairspin.cli.ProgressOption;
import io.fairspin.cli.rng.GeneratorOptions;
import io.fairspin.math.Bet;
import io.fairspin.rng.CertifiedRandom;
import io.fairspin.rng.escrow.SeedEscrow;
import io.fairspin.rng.keys.KeyFiles;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.io.InterruptedIOException;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code fairspin play}: plays rounds of a game model as a game server would, with an escrowed certified
 * generator, one round stream per round and every round in a signed audit log.
 */
@Command(name = "play", mixinStandardHelpOptions = true,
        description = {"Play rounds of a game model as a game server would: a certified generator escrowed to the"
            + " auditor's key draws each round's seed (in batches: one escrow record and one sync per batch), the"
            + " round is played from its own round stream, and its record (bet, win, seed commitment, escrow"
            + " reference, canonical outcome) is appended to the audit log with durable group commit and"
            + " periodic signed checkpoints. The log is created if DIR does not exist.",
            "Prints what was played on stdout and the durable rounds per second on stderr; any round can then be"
                + " proven with 'audit prove' and replayed with 'audit replay'.",
            "Exits with 4 when an existing log is damaged or was tampered with (nothing is appended)."})
public final class PlayCommand extends LeafCommand {
    @Mixin
    private FormatOption.TextJson format;


    @Parameters(index = "0", paramLabel = "MODEL", description = "The game model file (JSON); '-' for stdin.")
    private String model;

    @Option(names = "--rounds", required = true, paramLabel = "N", converter = Counts.class,
            description = "How many rounds to play, e.g. 10K.")
    private long rounds;

    @Option(names = "--log", required = true, paramLabel = "DIR", description = "The audit log folder.")
    private Path log;

    @Option(names = "--escrow-key", required = true, paramLabel = "FILE",
            description = "The auditor's X25519 public key (PEM, from 'fairspin keys escrow').")
    private Path escrowKey;

    @Mixin
    private LogWriting writing;

    @Mixin
    private CheckpointEveryOption checkpointEvery;

    @Option(names = "--escrow", paramLabel = "FILE",
            description = "The escrow file, appended to (default: DIR.escrow beside the log folder).")
    private Path escrowFile;

    @Option(names = "--origin", paramLabel = "NAME", defaultValue = "play.fairspin.local/audit",
            description = "The origin of a new log (default: ${DEFAULT-VALUE}).")
    private String origin;

    @Option(names = "--batch", paramLabel = "N", defaultValue = "1000",
            description = "Round seeds drawn and escrowed together, in one record and one sync (default:"
                    + " ${DEFAULT-VALUE}, at most 16384); 1 escrows each round on its own.")
    private int batch;

    @Option(names = "--session", paramLabel = "ID",
            description = "The session id of the rounds (default: 'play-' and the generator's DRBG id).")
    private String session;

    @Option(names = "--currency", paramLabel = "CODE", defaultValue = "XXX",
            description = "The currency of bet and win, in its minor units (default: ${DEFAULT-VALUE}, none).")
    private String currency;

    @Mixin
    private BetOption bet;

    @Option(names = "--threads", paramLabel = "N",
            description = "Threads playing rounds (default: the number of processors, at most 4 times that); they"
                    + " share the generator and the log, each drawing its own batches of round seeds.")
    private Integer threads;

    @Mixin
    private ProgressOption progress;

    /** What was played, for the report. */
    record Played(String log, String escrow, String keyId, String drbg, String game, String modelSha256,
                  long rounds, String firstRound, String lastRound, long firstIndex, long treeSize, String rootHash,
                  double seconds, double durableRoundsPerSecond) {
    }

    @Override
    public Integer call() throws IOException {
        requireAtLeast("--rounds", rounds, 1);
        requireBetween("--batch", batch, 1, CertifiedRandom.MAX_ROUND_SEEDS);
        writing.requirePositive();
        long bound = checkpointEvery.checked();
        int cores = Runtime.getRuntime().availableProcessors();
        int threadCount = threads != null ? threads : cores;
        requireBetween("--threads", threadCount, 1, 4L * cores);
        ModelFile game = ModelFile.of(model, io().readAll(model));
        Bet chosen = bet.checked(game.game());
        PublicKey auditor = KeyFiles.readPublicKey(escrowKey, KeyFiles.ESCROW_ALGORITHM);
        Path escrowPath = escrowFile != null ? escrowFile : defaultEscrow(log);
        Progress shown = progress.meter(io(), "rounds", rounds);
        KeyPair signingKey = writing.signingKey();
        // The escrow first: a file that another key's records or another writer holds is refused before a
        // new log folder is created.
        try (SeedEscrow escrow = GeneratorOptions.openEscrow(auditor, escrowPath, io());
             AuditLog audit = LogWriting.openOrCreate(log, origin, io(), signingKey, bound);
             CertifiedRandom rng = CertifiedRandom.builder().escrow(escrow)
                     .healthListener(audit::logHealth).build()) {
            String prefix = game.game().id() + "/" + rng.instanceId() + "/";
            String sessionId = session != null ? session : "play-" + rng.instanceId();
            long firstIndex = audit.size();
            long start = System.nanoTime();
            playAll(() -> new RoundPlayer(audit, rng, escrow.keyId(), game, sessionId, currency), chosen, threadCount,
                    prefix, shown);
            SignedNote last = audit.checkpoint();
            double seconds = (System.nanoTime() - start) / 1e9;
            shown.finish();
            Checkpoint head = LogWriting.head(last);
            double rate = rounds / Math.max(seconds, 1e-9);
            report(new Played(log.toString(), escrowPath.toString(), escrow.keyId(), rng.instanceId(), game.game().id(),
                    HexFormat.of().formatHex(game.hash()), rounds, prefix + 0, prefix + (rounds - 1), firstIndex,
                    head.size(), HexFormat.of().formatHex(head.rootHash()), seconds, rate));
            io().err().printf(Locale.ROOT, "played %,d rounds in %.2f s: %,.0f durable rounds/s (escrow batches"
                    + " of %,d) on %d thread%s%n", rounds, seconds, rate, batch, threadCount, threadCount == 1 ? "" : "s");
        }
        return 0;
    }

    /**
     * Plays every round on {@code threadCount} threads, each with its own player: a thread claims the next
     * batch of round numbers, draws and escrows their seeds in one record, plays them and submits their
     * records, keeping at most its share of --in-flight rounds unacknowledged. The log signs a checkpoint
     * whenever --checkpoint-every entries follow the last one, before it writes more.
     */
    private void playAll(Supplier<RoundPlayer> players, Bet chosen, int threadCount, String prefix, Progress shown)
            throws IOException {
        AtomicLong claimed = new AtomicLong();
        int inFlight = Math.max(1, writing.inFlight / threadCount);
        Callable<Void> worker = () -> {
            RoundPlayer player = players.get();
            Acknowledgements pending = new Acknowledgements();
            while (true) {
                long first = claimed.getAndAdd(batch);
                if (first >= rounds) {
                    break;
                }
                int size = (int) Math.min(batch, rounds - first);
                List<String> ids = new ArrayList<>(size);
                for (int i = 0; i < size; i++) {
                    ids.add(prefix + (first + i));
                }
                player.play(ids, chosen).forEach(pending::add);
                while (pending.size() > inFlight) {
                    pending.awaitOldest();
                    advance(shown, 1);
                }
            }
            advance(shown, pending.drain());
            return null;
        };
        ExecutorService pool = Executors.newFixedThreadPool(threadCount);
        try {
            List<Future<Void>> done = new ArrayList<>();
            for (int i = 0; i < threadCount; i++) {
                done.add(pool.submit(worker));
            }
            for (Future<Void> f : done) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof IOException) {
                        throw (IOException) e.getCause();
                    }
                    if (e.getCause() instanceof RuntimeException) {
                        throw (RuntimeException) e.getCause();
                    }
                    throw new IllegalStateException(e.getCause());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted");
        } finally {
            pool.shutdownNow();
        }
    }

    private static void advance(Progress shown, long n) {
        synchronized (shown) {
            shown.advance(n);
        }
    }

    /** The escrow file a log uses by default: {@code DIR.escrow} beside the log folder. */
    static Path defaultEscrow(Path logDir) {
        Path dir = logDir.toAbsolutePath().normalize();
        return dir.resolveSibling(dir.getFileName() + ".escrow");
    }

    private void report(Played played) throws IOException {
        if (json()) {
            writeJsonReport(played);
            return;
        }
        PrintStream out = new PrintStream(io().out(), true, StandardCharsets.UTF_8);
        out.printf(Locale.ROOT, "played %,d rounds of %s (model SHA-256 %s)%n", played.rounds(), played.game(),
                played.modelSha256());
        out.printf(Locale.ROOT, "round ids   %s .. %s%n", played.firstRound(), played.lastRound());
        out.printf(Locale.ROOT, "log         %s, entries %,d to %,d%n", played.log(), played.firstIndex(),
                played.treeSize() - 1);
        out.printf(Locale.ROOT, "escrow      %s, DRBG %s (auditor key %s)%n", played.escrow(), played.drbg(),
                played.keyId());
        out.printf(Locale.ROOT, "checkpoint  %,d entries, root %s%n", played.treeSize(), played.rootHash());
    }
}
