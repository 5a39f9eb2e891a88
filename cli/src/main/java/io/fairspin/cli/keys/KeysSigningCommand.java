package io.fairspin.cli.keys;

import io.fairspin.audit.Ed25519Keys;
import io.fairspin.cli.Json;
import io.fairspin.cli.LeafCommand;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code fairspin keys signing}: a new Ed25519 key pair for signing audit log checkpoints. */
@Command(name = "signing", mixinStandardHelpOptions = true,
        description = {"Create an Ed25519 key pair for signing audit log checkpoints: BASE.key (PKCS#8 PEM,"
            + " mode 0600) and BASE.pub (X.509 SubjectPublicKeyInfo PEM). Existing files are never overwritten.",
            "The key ID printed is the hex of the first 8 bytes of SHA-256 over the public key's DER."})
public final class KeysSigningCommand extends LeafCommand {

    @Option(names = "--out", required = true, paramLabel = "BASE",
            description = "Path and base name of the key files, e.g. 'operator' for operator.key and operator.pub.")
    private Path out;

    @Override
    public Integer call() throws IOException {
        KeyPair pair = Ed25519Keys.generate();
        Ed25519Keys.write(pair, out);
        Path privateFile = Ed25519Keys.sibling(out, ".key");
        Path publicFile = Ed25519Keys.sibling(out, ".pub");
        String keyId = Ed25519Keys.keyId(pair.getPublic());
        if (json()) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("algorithm", "Ed25519");
            result.put("privateKey", privateFile.toString());
            result.put("publicKey", publicFile.toString());
            result.put("keyId", keyId);
            Json.write(io().out(), result);
        } else {
            PrintStream text = new PrintStream(io().out(), true, StandardCharsets.UTF_8);
            text.println("wrote " + privateFile + " (Ed25519 private key, mode 0600) and " + publicFile);
            text.println("key ID " + keyId);
        }
        return 0;
    }
}
