package io.fairspin.cli.keys;

import io.fairspin.cli.FormatOption;
import io.fairspin.cli.Json;
import io.fairspin.cli.LeafCommand;
import io.fairspin.rng.keys.KeyFiles;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * What the key-generating commands share: {@code --out}, writing the pair with {@link KeyFiles} (never
 * over existing files) and reporting the files and the key ID, never key material.
 */
abstract class KeyPairCommand extends LeafCommand {
    @Mixin
    private FormatOption.TextJson format;


    @Option(names = "--out", required = true, paramLabel = "PREFIX",
            description = "Write PREFIX.key (private, mode 0600) and PREFIX.pub (mode 0644); neither may exist"
                    + " unless --force is given. Links at either name are replaced, never followed.")
    String out;

    @Option(names = "--force", description = "Replace existing PREFIX.key and PREFIX.pub.")
    boolean force;

    /** The JDK key algorithm: "X25519", "Ed25519". */
    abstract String algorithm();

    @Override
    public final Integer call() throws IOException {
        if (out.isBlank() || out.endsWith("/") || Path.of(out).getFileName() == null) {
            throw usageError("--out: must be a file prefix such as 'keys/auditor', was '" + out + "'");
        }
        KeyFiles.Written written = KeyFiles.write(KeyFiles.generate(algorithm()), Path.of(out), force);
        if (json()) {
            Json.write(io().out(), new Result(algorithm(), written.privateKey().toString(),
                    written.publicKey().toString(), written.keyId()));
        } else {
            PrintStream stdout = new PrintStream(io().out(), true, StandardCharsets.UTF_8);
            stdout.println("wrote " + written.privateKey() + " (" + algorithm() + " private key, owner-only) and "
                    + written.publicKey());
            stdout.println("key id " + written.keyId());
        }
        return 0;
    }

    /** The JSON result. */
    record Result(String algorithm, String privateKey, String publicKey, String keyId) {
    }
}
