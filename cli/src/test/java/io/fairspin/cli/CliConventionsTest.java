package io.fairspin.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** What every command shares: --version, suggestions for typos, --format only as supported, one name per concept. */
class CliConventionsTest {

    private static List<CommandLine> allCommands() {
        List<CommandLine> all = new ArrayList<>();
        collect(Main.commandLine(new FairspinCommand(CommandRunIo.NONE)), all);
        return all;
    }

    private static void collect(CommandLine command, List<CommandLine> into) {
        into.add(command);
        command.getSubcommands().values().forEach(sub -> collect(sub, into));
    }

    private static String[] path(CommandLine command) {
        String qualified = command.getCommandSpec().qualifiedName(" ");
        String[] words = qualified.split(" ");
        return java.util.Arrays.copyOfRange(words, 1, words.length);
    }

    @Test
    void everyCommandPrintsTheVersion() {
        String version = System.getProperty("fairspin.version", "");
        for (CommandLine command : allCommands()) {
            List<String> args = new ArrayList<>(List.of(path(command)));
            args.add("--version");
            CommandRun run = CommandRun.of(args.toArray(String[]::new));
            assertEquals(0, run.exitCode(), String.join(" ", args) + ": " + run.stderr());
            assertTrue(run.text().startsWith("fairspin " + version), String.join(" ", args) + ": " + run.text());
        }
    }

    @Test
    void aMistypedCommandGetsASuggestion() {
        CommandRun run = CommandRun.of("simulat", "examples/sizzling-hot.json");
        assertEquals(ExitCode.USAGE, run.exitCode());
        assertTrue(run.stderr().contains("Did you mean: simulate"), run.stderr());
        CommandRun sub = CommandRun.of("audit", "verfy", "log");
        assertEquals(ExitCode.USAGE, sub.exitCode());
        assertTrue(sub.stderr().contains("Did you mean: audit verify?") || sub.stderr().contains("verify"),
                sub.stderr());
    }

    @Test
    void aMistypedOptionGetsASuggestion() {
        CommandRun run = CommandRun.of("simulate", "m.json", "--rounsd", "10");
        assertEquals(ExitCode.USAGE, run.exitCode());
        assertTrue(run.stderr().contains("Did you mean: --rounds"), run.stderr());
    }

    @Test
    void formatOffersOnlyWhatTheCommandPrintsAndNeverHtml() {
        for (CommandLine command : allCommands()) {
            OptionSpec format = command.getCommandSpec().findOption("--format");
            if (format == null) {
                continue;
            }
            assertFalse(format.hidden(), command.getCommandName());
            assertNotNull(format.completionCandidates(), command.getCommandName());
            for (String name : format.completionCandidates()) {
                assertTrue(List.of("text", "json", "csv").contains(name), command.getCommandName() + ": " + name);
            }
            assertFalse(format.paramLabel().contains("html"), command.getCommandName());
        }
        CommandRun unsupported = CommandRun.of("keys", "escrow", "--format", "csv", "--out", "x");
        assertEquals(ExitCode.USAGE, unsupported.exitCode());
        assertTrue(unsupported.stderr().contains("'csv' is not a format of this command: expected text or json"),
                unsupported.stderr());
    }

    /** {@code --format} belongs to each command; before the command name it is an unknown option (exit 2). */
    @Test
    void formatBeforeTheCommandIsAUsageError() {
        OptionSpec root = Main.commandLine(new FairspinCommand()).getCommandSpec().findOption("--format");
        assertNull(root, "the root command has no --format, hidden or not");
        for (String[] args : new String[][] {{"--format", "json", "par", "examples/sizzling-hot.json"},
            {"--format", "csv", "keys", "escrow", "--out", "x"}}) {
            CommandRun run = CommandRun.of(args);
            assertEquals(ExitCode.USAGE, run.exitCode(), run.stderr());
            assertTrue(run.stderr().startsWith("fairspin: Unknown option") && run.stderr().contains("'--format'"),
                    run.stderr());
            assertEquals("", run.text());
        }
    }

    @Test
    void oneNamePerConcept() {
        List<String> retired = List.of("--key", "--generator");
        for (CommandLine command : allCommands()) {
            for (OptionSpec option : command.getCommandSpec().options()) {
                for (String name : option.names()) {
                    assertFalse(retired.contains(name), command.getCommandSpec().qualifiedName() + " " + name);
                }
                if (option.longestName().equals("--escrow-key")) {
                    assertTrue(option.description()[0].contains("public key"),
                            command.getCommandSpec().qualifiedName() + ": --escrow-key is the auditor's public key");
                }
            }
        }
    }

    @Test
    void everyLongCommandTakesProgressAndNoProgress() {
        for (String[] command : new String[][] {{"simulate"}, {"play"}, {"audit", "demo"}, {"certify", "nist"},
            {"certify", "outcomes"}, {"certify", "game"}, {"certify", "entropy"}, {"rng", "bytes"}, {"rng", "ints"}}) {
            CommandLine cli = Main.commandLine(new FairspinCommand(CommandRunIo.NONE));
            for (String word : command) {
                cli = cli.getSubcommands().get(word);
            }
            OptionSpec progress = cli.getCommandSpec().findOption("--progress");
            assertNotNull(progress, String.join(" ", command));
            assertTrue(progress.negatable(), String.join(" ", command));
        }
    }

    /** Streams for building the command tree without running it. */
    static final class CommandRunIo {
        static final Io NONE = new Io(java.io.InputStream.nullInputStream(), java.io.OutputStream.nullOutputStream(),
                new java.io.PrintStream(java.io.OutputStream.nullOutputStream()), false);
    }
}
