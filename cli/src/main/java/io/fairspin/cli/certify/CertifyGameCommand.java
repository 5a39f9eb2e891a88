package io.fairspin.cli.certify;

import io.fairspin.cli.ProgressOption;
import io.fairspin.cli.FormatOption;
import io.fairspin.cert.game.GameDraws;
import io.fairspin.cert.game.GameReports;
import io.fairspin.cert.game.GameTestSummary;
import io.fairspin.cert.game.RecordingStream;
import io.fairspin.cli.Probability;
import io.fairspin.cli.Counts;
import io.fairspin.cli.ExitCode;
import io.fairspin.cli.LeafCommand;
import io.fairspin.cli.Models;
import io.fairspin.cli.Progress;
import io.fairspin.cli.rng.GeneratorOptions;
import io.fairspin.math.Game;
import io.fairspin.math.RoundOutcome;
import io.fairspin.cli.rng.SeededGenerator;
import io.fairspin.rng.CertifiedRandom;
import io.fairspin.rng.RandomStream;
import io.fairspin.rng.DrbgMechanism;
import io.fairspin.rng.DrbgStream;
import io.fairspin.rng.RoundSeed;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code fairspin certify game}: the game-level tests on the draws a game model makes from the certified generator. */
@Command(name = "game", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Play a game model from the certified generator and run the game-level tests on every draw"
            + " it makes, exactly as it makes them: each draw of a round in its range (a reel's stop, a card dealt,"
            + " a pocket), weighted picks against their weights, shuffles (card positions), samples (value"
            + " frequency and positions), doubles (Kolmogorov-Smirnov). A draw every round makes is tested on its"
            + " own; draws only some rounds make are tested together per range. The verdict at --level accounts"
            + " for the number of tests (Holm).",
            "Exits with 3 when the verdict is FAIL."})
public final class CertifyGameCommand extends LeafCommand {
    @Mixin
    private FormatOption.TextJsonCsv format;


    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "MODEL", description = "The game model file (JSON); '-' for stdin.")
    private String model;

    @Option(names = "--rounds", required = true, paramLabel = "N", converter = Counts.class,
            description = "Rounds to play: 1M, 200K.")
    private long rounds;

    @Option(names = "--mechanism", paramLabel = "NAME", defaultValue = "ctr-aes256",
            converter = GeneratorOptions.MechanismConverter.class,
            completionCandidates = GeneratorOptions.MechanismNames.class,
            description = "DRBG mechanism: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    private DrbgMechanism mechanism;

    @Option(names = "--seed", paramLabel = "S",
            description = "Seed the certified mechanism with S instead of OS entropy: a repeatable run (for tests and"
                + " for reproducing a lab's run); default: fresh health-tested OS entropy.")
    private Long seed;

    @Option(names = "--round-streams", description = "Play each round from its own round stream (a round seed drawn"
            + " from the generator, as a server that escrows round seeds does); default: every round from the"
            + " generator itself.")
    private boolean roundStreams;

    @Option(names = "--level", paramLabel = "L", defaultValue = "0.01", converter = Probability.class,
            description = "Significance level of the verdict (default: 0.01).")
    private double level;

    @Option(names = "--report", paramLabel = "FILE.html", description = "Also write a self-contained HTML report.")
    private Path report;

    @Mixin
    private ProgressOption progress;

    @Override
    public Integer call() throws IOException {
        validate();
        Game game = Models.load(io(), model);
        long start = System.nanoTime();
        GameDraws draws = play(game);
        double seconds = (System.nanoTime() - start) / 1e9;
        GameTestSummary summary = GameTestSummary.of(draws.results(), level);
        String source = String.format(Locale.ROOT, "%s (%s): %,d rounds from %s%s", model, game.id(), rounds,
                mechanism.cliName(), roundStreams ? " round streams" : "");
        if (report != null) {
            io.fairspin.cli.ReportFiles.write(report, GameReports.html(summary, "Game-level tests: " + game.id(),
                    "Every draw of " + source + ", as the game made it.", reportLines()));
        }
        if (json()) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("model", model);
            out.put("game", game.id());
            out.put("rounds", rounds);
            out.put("mechanism", mechanism.cliName());
            out.put("roundStreams", roundStreams);
            out.put("passed", summary.passed());
            out.put("summary", GameTestOutput.json(summary));
            writeJsonReport(out);
        } else if (csv()) {
            GameTestOutput.csv(new PrintStream(io().out(), true, StandardCharsets.UTF_8), summary);
        } else {
            PrintStream out = new PrintStream(io().out(), true, StandardCharsets.UTF_8);
            out.println(source);
            out.print(GameReports.text(summary));
            printReportFooter(out);
        }
        io().err().printf(Locale.ROOT, "played %,d rounds in %.2f s (%s rounds/s)%n", rounds, seconds,
                Progress.human((long) (rounds / Math.max(seconds, 1e-9))));
        return summary.passed() ? ExitCode.OK : ExitCode.BATTERY_FAILED;
    }

    private void validate() {
        if (rounds < 1 || rounds > Integer.MAX_VALUE) {
            throw new ParameterException(spec.commandLine(), "--rounds: must be in [1, 2^31 - 1], was " + rounds);
        }
    }

    /** Plays the rounds from the generator (seeded with --seed: a repeatable run), recording every draw. */
    private GameDraws play(Game game) {
        if (seed != null) {
            try (DrbgStream generator = SeededGenerator.stream(mechanism, seed, "certify game")) {
                return play(game, generator, id -> {
                    byte[] bytes = new byte[RoundSeed.seedLength(mechanism)];
                    generator.nextBytes(bytes);
                    try {
                        return RoundSeed.of(mechanism, id, bytes);
                    } finally {
                        java.util.Arrays.fill(bytes, (byte) 0);
                    }
                });
            }
        }
        try (CertifiedRandom generator = CertifiedRandom.builder().mechanism(mechanism).build()) {
            return play(game, generator, generator::roundSeed);
        }
    }

    private GameDraws play(Game game, RandomStream generator, java.util.function.Function<String, RoundSeed> roundSeeds) {
        GameDraws draws = new GameDraws();
        RoundOutcome outcome = RoundOutcome.forGame(game);
        Progress meter = progress.meter(io(), "rounds", rounds);
        RecordingStream shared = new RecordingStream(generator, draws);
        for (long round = 0; round < rounds; round++) {
            draws.startRound();
            if (roundStreams) {
                RoundSeed roundSeed = roundSeeds.apply("certify-" + round);
                try (DrbgStream stream = roundSeed.stream()) {
                    game.play(new RecordingStream(stream, draws), outcome);
                } finally {
                    roundSeed.wipe();
                }
            } else {
                game.play(shared, outcome);
            }
            meter.advance(1);
        }
        meter.finish();
        return draws;
    }
}
