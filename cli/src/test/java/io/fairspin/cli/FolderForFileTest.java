package io.fairspin.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A folder given where a command reads a file is a one-line error naming it, in every command that reads one. */
class FolderForFileTest {

    @Test
    void aFolderForAFileIsNamed(@TempDir Path dir) throws Exception {
        String folder = Files.createDirectory(dir.resolve("folder")).toString();
        String keys = dir.resolve("keys").toString();
        CommandRun.of("keys", "escrow", "--out", keys + "-auditor");
        CommandRun.of("keys", "signing", "--out", keys + "-operator");
        String[][] commands = {
            {"par", folder},
            {"rng", "stats", folder},
            {"certify", "nist", folder},
            {"certify", "outcomes", folder, "--range", "37"},
            {"audit", "check-packet", folder, "--operator-key", keys + "-operator.pub"},
            {"play", folder, "--rounds", "1", "--log", dir.resolve("log").toString(), "--escrow-key",
                keys + "-auditor.pub", "--signing-key", keys + "-operator.key"},
        };
        for (String[] command : commands) {
            CommandRun run = CommandRun.of(command);
            assertEquals(ExitCode.ERROR, run.exitCode(), String.join(" ", command));
            assertEquals("fairspin: " + folder + ": is a folder, expected a file" + System.lineSeparator(),
                    run.stderr());
        }
        CommandRun key = CommandRun.of("audit", "verify", dir.toString(), "--operator-key", folder);
        assertEquals("fairspin: " + folder + ": is a folder, expected a key file" + System.lineSeparator(),
                key.stderr());
        CommandRun escrow = CommandRun.of("rng", "replay", "--escrow", folder, "--auditor-key", keys + "-auditor.key");
        assertEquals("fairspin: " + folder + ": is a folder, expected an escrow file" + System.lineSeparator(),
                escrow.stderr());
    }
}
