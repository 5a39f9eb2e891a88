package io.fairspin.rng.keys;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fairspin.rng.internal.SecretBuffers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Key file bytes are wiped, observably: every buffer that writing or reading a key makes (the PKCS#8 DER, the
 * base64 body, the PEM bytes; the file's bytes, the base64 text, the decoded DER) is watched through
 * {@link SecretBuffers} as it is made and holds only zeros when the call returns, or throws. The control: the
 * buffers of a read are seen, and the key read back is the key written.
 */
class KeyFileWipeTest {
    @TempDir
    Path dir;

    private final List<byte[]> watched = new ArrayList<>();

    private void assertAllWiped(int atLeast, String after) {
        assertTrue(watched.size() >= atLeast, after + ": only " + watched.size() + " secret buffers were made");
        for (int i = 0; i < watched.size(); i++) {
            byte[] buffer = watched.get(i);
            for (byte b : buffer) {
                assertEquals(0, b, after + ": secret buffer " + i + " (" + buffer.length + " bytes) was not wiped");
            }
        }
        watched.clear();
    }

    @ParameterizedTest
    @ValueSource(strings = {"X25519", "Ed25519"})
    void writingAndReadingAKeyWipeEveryBufferOfItsBytes(String algorithm) throws Exception {
        KeyPair pair = KeyFiles.generate(algorithm);
        KeyFiles.Written written = SecretBuffers.watching(watched::add, () -> KeyFiles.write(pair, dir.resolve("k")));
        // The private key: DER, base64 body, PEM; the public key: base64 body, PEM.
        assertAllWiped(5, "writing");
        var privateKey = SecretBuffers.watching(watched::add, () -> KeyFiles.readPrivateKey(written.privateKey(), algorithm));
        assertArrayEquals(pair.getPrivate().getEncoded(), privateKey.getEncoded());
        // The file's bytes, the base64 text twice (with and without line breaks), the DER.
        assertAllWiped(4, "reading the private key");
        var publicKey = SecretBuffers.watching(watched::add, () -> KeyFiles.readPublicKey(written.publicKey(), algorithm));
        assertArrayEquals(pair.getPublic().getEncoded(), publicKey.getEncoded());
        assertAllWiped(4, "reading the public key");
    }

    @ParameterizedTest
    @ValueSource(strings = {"not base64 *", "AAAA", ""})
    void aKeyFileThatIsRefusedIsWipedToo(String body) throws Exception {
        Path file = dir.resolve("bad.key");
        Files.writeString(file, "-----BEGIN PRIVATE KEY-----\n" + body + "\n-----END PRIVATE KEY-----\n",
                StandardCharsets.US_ASCII);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SecretBuffers.watching(watched::add,
                () -> KeyFiles.readPrivateKey(file, "X25519")));
        assertTrue(e.getMessage().startsWith(file + ": "), e.getMessage());
        assertAllWiped(3, "refusing '" + body + "'");
        Files.writeString(file, "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\ntrailing text\n",
                StandardCharsets.US_ASCII);
        assertThrows(IllegalArgumentException.class, () -> SecretBuffers.watching(watched::add,
                () -> KeyFiles.readPrivateKey(file, "X25519")));
        assertAllWiped(1, "refusing a file with more than one block");
    }
}
