package io.fairspin.cli.certify;

import io.fairspin.cli.FormatOption;
import io.fairspin.cert.game.GameReports;
import io.fairspin.cert.game.GameTestResult;
import io.fairspin.cert.game.GameTestSummary;
import io.fairspin.cert.game.OutcomeBattery;
import io.fairspin.cert.game.PermutationTest;
import io.fairspin.cert.game.UniformDoublesTest;
import io.fairspin.cli.Probability;
import io.fairspin.cli.Progress;
import io.fairspin.cli.ProgressOption;
import io.fairspin.cli.Counts;
import io.fairspin.cli.ExitCode;
import io.fairspin.cli.LeafCommand;
import io.fairspin.cli.rng.GeneratorOptions;
import io.fairspin.cli.rng.SeededGenerator;
import io.fairspin.rng.CertifiedRandom;
import io.fairspin.rng.DrbgStream;
import io.fairspin.rng.RandomStream;
import io.fairspin.rng.DrbgMechanism;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code fairspin certify outcomes}: the game-level tests on scaled outcomes, from a file or a generator. */
@Command(name = "outcomes", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run the game-level tests on scaled outcomes: integers in [0, range) (frequency, serial pairs"
            + " and triples, runs up and down, gap, poker, coupon collector), shuffles of a deck (card positions)"
            + " or doubles in [0, 1) (Kolmogorov-Smirnov). The verdict at --level accounts for the number of tests"
            + " (Holm).",
            "Input: a file (one value per line; --binary for 32-bit big-endian integers as 'fairspin rng ints"
            + " --binary' writes them; one shuffle per line for --deck), stdin ('-'), or without FILE fresh"
            + " output of a fairspin generator (--count values, --mechanism).",
            "Exits with 3 when the verdict is FAIL."})
public final class CertifyOutcomesCommand extends LeafCommand {
    @Mixin
    private FormatOption.TextJsonCsv format;


    @Spec
    private CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "FILE|-", description = "Outcomes to test; '-' for stdin; absent: draw them.")
    private String file;

    @Option(names = "--range", paramLabel = "d", description = "Integers in [0, d), 2 to 2^32 (e.g. 37 for roulette).")
    private Long range;

    @Option(names = "--deck", paramLabel = "K", description = "Shuffles of a deck of K cards: card positions test.")
    private Integer deck;

    @Option(names = "--doubles", description = "Doubles in [0, 1): Kolmogorov-Smirnov test.")
    private boolean doubles;

    @Option(names = "--count", paramLabel = "N", converter = Counts.class,
            description = "Values (or shuffles) to draw from the generator when there is no FILE: 4.9M, 100K.")
    private Long count;

    @Option(names = "--mechanism", paramLabel = "NAME", defaultValue = "ctr-aes256",
            converter = GeneratorOptions.MechanismConverter.class,
            completionCandidates = GeneratorOptions.MechanismNames.class,
            description = "Generator for drawn values: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    private DrbgMechanism generator;

    @Option(names = "--seed", paramLabel = "S",
            description = "Seed the generator with S instead of OS entropy: a repeatable run of the certified mechanism"
                + " (without FILE).")
    private Long seed;

    @Option(names = "--binary", description = "FILE holds 32-bit big-endian unsigned integers instead of text lines.")
    private boolean binary;

    @Option(names = "--level", paramLabel = "L", defaultValue = "0.01", converter = Probability.class,
            description = "Significance level of the verdict (default: 0.01).")
    private double level;

    @Mixin
    private ProgressOption progress;

    private Progress meter;

    @Option(names = "--report", paramLabel = "FILE.html", description = "Also write a self-contained HTML report.")
    private Path report;

    @Override
    public Integer call() throws IOException {
        validate();
        meter = progress.meter(io(), deck != null ? "shuffles" : "values", count != null ? count : 0);
        List<GameTestResult> results;
        String what;
        if (deck != null) {
            results = List.of(shuffles());
            what = "shuffles of " + deck + " cards";
        } else if (doubles) {
            results = List.of(doublesTest());
            what = "doubles in [0, 1)";
        } else {
            results = integers();
            what = "outcomes in [0, " + range + ")";
        }
        if (file == null) {
            meter.finish();
        }
        String source = file != null ? file : "fairspin " + generator.cliName();
        GameTestSummary summary = GameTestSummary.of(results, level);
        if (report != null) {
            io.fairspin.cli.ReportFiles.write(report, GameReports.html(summary, "Game-level tests: " + source, what + " from " + source,
                    reportLines()));
        }
        if (json()) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("source", source);
            out.put("data", what);
            out.put("passed", summary.passed());
            out.put("summary", GameTestOutput.json(summary));
            writeJsonReport(out);
        } else if (csv()) {
            GameTestOutput.csv(new PrintStream(io().out(), true, StandardCharsets.UTF_8), summary);
        } else {
            PrintStream out = new PrintStream(io().out(), true, StandardCharsets.UTF_8);
            out.println(what + " from " + source);
            out.print(GameReports.text(summary));
            printReportFooter(out);
        }
        return summary.passed() ? ExitCode.OK : ExitCode.BATTERY_FAILED;
    }

    private void validate() {
        int modes = (range != null ? 1 : 0) + (deck != null ? 1 : 0) + (doubles ? 1 : 0);
        if (modes != 1) {
            throw new ParameterException(spec.commandLine(), "give exactly one of --range, --deck and --doubles");
        }
        if (range != null && (range < 2 || range > 1L << 32)) {
            throw new ParameterException(spec.commandLine(), "--range: must be in [2, 2^32], was " + range);
        }
        if (deck != null && (deck < 2 || deck > 4096)) {
            throw new ParameterException(spec.commandLine(), "--deck: must be in [2, 4096], was " + deck);
        }
        if (file == null && count == null) {
            throw new ParameterException(spec.commandLine(), "without FILE, --count says how many values to draw");
        }
        if (file != null && count != null) {
            throw new ParameterException(spec.commandLine(), "--count is for drawn values; a FILE is read to its end");
        }
        if (count != null && (count < 1 || count > Integer.MAX_VALUE)) {
            throw new ParameterException(spec.commandLine(), "--count: must be in [1, 2^31 - 1], was " + count);
        }
        if (seed != null && file != null) {
            throw new ParameterException(spec.commandLine(), "--seed is for drawn values; a FILE is read as it is");
        }
        if (binary && (file == null || range == null)) {
            throw new ParameterException(spec.commandLine(), "--binary applies to a FILE of integers (--range)");
        }
    }

    /** The generator of drawn values: the certified generator, or with --seed the same mechanism seeded. */
    private Generator generator() {
        if (seed != null) {
            DrbgStream stream = SeededGenerator.stream(generator, seed, "certify outcomes");
            return new Generator(stream, stream::close);
        }
        CertifiedRandom random = CertifiedRandom.builder().mechanism(generator).build();
        return new Generator(random, random::close);
    }

    /** A generator and how to close it. */
    private record Generator(RandomStream stream, Runnable closer) implements AutoCloseable {
        long nextLong(long bound) {
            return stream.nextLong(bound);
        }

        void shuffle(int[] values) {
            stream.shuffle(values);
        }

        double nextDouble() {
            return stream.nextDouble();
        }

        @Override
        public void close() {
            closer.run();
        }
    }

    private InputStream open() throws IOException {
        return io().open(file);
    }

    private List<GameTestResult> integers() throws IOException {
        if (file == null) {
            OutcomeBattery battery = new OutcomeBattery(range, count);
            try (Generator random = generator()) {
                for (long i = 0; i < count; i++) {
                    battery.accept(random.nextLong(range));
                    meter.advance(1);
                }
            }
            return battery.results();
        }
        int[] values;
        try (InputStream in = open()) {
            values = files().integers(in, range, binary);
        }
        OutcomeBattery battery = new OutcomeBattery(range, values.length);
        for (int v : values) {
            battery.accept(Integer.toUnsignedLong(v));
        }
        return battery.results();
    }

    private OutcomeFiles files() {
        return new OutcomeFiles(file.equals("-") ? "stdin" : file);
    }

    private GameTestResult shuffles() throws IOException {
        PermutationTest test = new PermutationTest(deck);
        if (file == null) {
            int[] cards = new int[deck];
            try (Generator random = generator()) {
                for (long s = 0; s < count; s++) {
                    for (int i = 0; i < deck; i++) {
                        cards[i] = i;
                    }
                    random.shuffle(cards);
                    test.accept(cards);
                    meter.advance(1);
                }
            }
            return test.result();
        }
        OutcomeFiles files = files();
        try (InputStream in = open()) {
            files.forEachLine(in, (text, line) -> test.accept(files.permutation(text, line, deck)));
        }
        return test.result();
    }

    private GameTestResult doublesTest() throws IOException {
        UniformDoublesTest test = new UniformDoublesTest();
        if (file == null) {
            try (Generator random = generator()) {
                for (long i = 0; i < count; i++) {
                    test.accept(random.nextDouble());
                    meter.advance(1);
                }
            }
            return test.result();
        }
        OutcomeFiles files = files();
        try (InputStream in = open()) {
            files.forEachLine(in, (text, line) -> test.accept(files.unitDouble(text, line)));
        }
        return test.result();
    }
}
