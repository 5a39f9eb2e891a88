package io.fairspin.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.AutoComplete;

/** Writes the bash completion script of the command tree {@link Main} runs (the build calls it). */
public final class Completion {
    private Completion() {
    }

    /**
     * @param args the file to write
     *
     * @throws java.io.IOException when the file cannot be written
     */
    public static void main(String[] args) throws IOException {
        String script = AutoComplete.bash("fairspin", Main.commandLine(new FairspinCommand()));
        Files.writeString(Path.of(args[0]), script, StandardCharsets.UTF_8);
    }
}
