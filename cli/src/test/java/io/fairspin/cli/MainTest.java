package io.fairspin.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.TypeConversionException;

/** The command's frame: help, version, exit codes, errors, counts, completion. */
class MainTest {

    @Test
    void versionComesFromTheBuild() {
        CommandRun run = CommandRun.of("--version");
        assertEquals(0, run.exitCode());
        assertTrue(run.text().startsWith("fairspin " + System.getProperty("fairspin.version") + "\n"), run.text());
    }

    @Test
    void helpListsTheGroupsAndTheExitCodes() {
        CommandRun run = CommandRun.of("--help");
        assertEquals(0, run.exitCode());
        String help = run.text();
        assertTrue(help.contains("rng "), help);
        assertTrue(help.contains("Exit codes:"), help);
        assertTrue(help.contains("2   usage error"), help);
        assertTrue(help.contains("simulate "), help);
        assertTrue(help.contains("5   simulate: the simulation disagrees with the exact figures"), help);
    }

    @Test
    void everyOptionAndParameterOfEveryCommandHasALabelAndADescription() {
        List<String> unlabelled = new ArrayList<>();
        Deque<CommandLine> commands = new ArrayDeque<>(List.of(Main.commandLine(new FairspinCommand())));
        while (!commands.isEmpty()) {
            CommandLine command = commands.pop();
            commands.addAll(command.getSubcommands().values());
            CommandSpec spec = command.getCommandSpec();
            List<ArgSpec> args = new ArrayList<>(spec.options());
            args.addAll(spec.positionalParameters());
            for (ArgSpec arg : args) {
                boolean flag = arg.typeInfo().isBoolean();
                if ((!flag && arg.paramLabel().startsWith("<")) || arg.description().length == 0) {
                    unlabelled.add(spec.qualifiedName() + " " + arg);
                }
            }
        }
        assertEquals(List.of(), unlabelled);
    }

    @Test
    void anUnknownOptionIsAUsageErrorInOneLinePlusAHint() {
        CommandRun run = CommandRun.of("rng", "bytes", "--count", "10", "--colour");
        assertEquals(ExitCode.USAGE, run.exitCode());
        String[] lines = run.stderr().split("\n");
        assertTrue(lines.length == 2 || lines.length == 3 && lines[1].startsWith("Did you mean: "), run.stderr());
        assertTrue(lines[0].startsWith("fairspin: Unknown option: '--colour'"), lines[0]);
        assertEquals("Try 'fairspin rng bytes --help' for more information.", lines[lines.length - 1]);
    }

    @Test
    void aMissingFileIsAnErrorWithoutStackTraceUnlessVerbose(@TempDir Path dir) {
        String missing = dir.resolve("missing.bin").toString();
        CommandRun run = CommandRun.of("rng", "stats", missing);
        assertEquals(ExitCode.ERROR, run.exitCode());
        assertEquals("fairspin: no such file: " + missing + "\n", run.stderr());

        CommandRun verbose = CommandRun.of("--verbose", "rng", "stats", missing);
        assertTrue(verbose.stderr().contains("at io.fairspin.cli"), verbose.stderr());
    }

    @Test
    void countsTakeDecimalAndBinarySuffixes() {
        assertEquals(4_900_000L, Counts.parse("4.9M"));
        assertEquals(1_000_000_000L, Counts.parse("1G"));
        assertEquals(65_536L, Counts.parse("64Ki"));
        assertEquals(10L << 30, Counts.parse("10Gi"));
        assertEquals(1000L, Counts.parse("1k"));
        assertTrue(assertThrows(TypeConversionException.class, () -> Counts.parse("1.5")).getMessage().contains("whole"));
        assertTrue(assertThrows(TypeConversionException.class, () -> Counts.parse("-5")).getMessage().contains("negative"));
        assertTrue(assertThrows(TypeConversionException.class, () -> Counts.parse("lots")).getMessage().contains("not a count"));
    }

    @Test
    void aBadCountOrMechanismIsAUsageError() {
        CommandRun count = CommandRun.of("rng", "bytes", "--count", "-5");
        assertEquals(ExitCode.USAGE, count.exitCode());
        assertTrue(count.stderr().contains("negative"), count.stderr());
        CommandRun mechanism = CommandRun.of("rng", "bytes", "--count", "5", "--mechanism", "rc4");
        assertEquals(ExitCode.USAGE, mechanism.exitCode());
        assertTrue(mechanism.stderr().contains("ctr-aes256"), mechanism.stderr());
    }

    @Test
    void theCompletionScriptIsGenerated(@TempDir Path dir) throws Exception {
        CommandRun run = CommandRun.of("generate-completion");
        assertEquals(0, run.exitCode());
        assertTrue(run.text().contains("complete -F _complete_fairspin"), run.text());
        assertTrue(run.text().contains("ctr-aes256"), "mechanism names complete");
        Path script = dir.resolve("fairspin_completion");
        Files.write(script, run.stdout());
        Process bash = new ProcessBuilder("bash", "-n", script.toString()).redirectErrorStream(true).start();
        assertEquals(0, bash.waitFor(), new String(bash.getInputStream().readAllBytes()));
    }
}
