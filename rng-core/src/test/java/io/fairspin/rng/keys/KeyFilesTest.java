package io.fairspin.rng.keys;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** PEM key files, owner-only private keys, key IDs. */
class KeyFilesTest {

    @ParameterizedTest
    @ValueSource(strings = {"X25519", "Ed25519"})
    void aWrittenPairReadsBackAsTheSameKeys(String algorithm, @TempDir Path dir) throws Exception {
        KeyPair pair = KeyFiles.generate(algorithm);
        KeyFiles.Written written = KeyFiles.write(pair, dir.resolve("auditor"));
        assertEquals(dir.resolve("auditor.key"), written.privateKey());
        assertEquals(dir.resolve("auditor.pub"), written.publicKey());

        PublicKey publicKey = KeyFiles.readPublicKey(written.publicKey(), algorithm);
        PrivateKey privateKey = KeyFiles.readPrivateKey(written.privateKey(), algorithm);
        assertArrayEquals(pair.getPublic().getEncoded(), publicKey.getEncoded());
        assertArrayEquals(pair.getPrivate().getEncoded(), privateKey.getEncoded());
    }

    @Test
    void theFilesArePemPkcs8AndSubjectPublicKeyInfoAndThePrivateOneIsOwnerOnly(@TempDir Path dir) throws Exception {
        KeyPair pair = KeyFiles.generate("X25519");
        KeyFiles.Written written = KeyFiles.write(pair, dir.resolve("a"));
        String privateText = Files.readString(written.privateKey(), StandardCharsets.US_ASCII);
        String publicText = Files.readString(written.publicKey(), StandardCharsets.US_ASCII);
        assertTrue(privateText.startsWith("-----BEGIN PRIVATE KEY-----\n"), privateText);
        assertTrue(privateText.endsWith("\n-----END PRIVATE KEY-----\n"), privateText);
        assertEquals(Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()),
                publicText.lines().skip(1).findFirst().orElseThrow(), "the body is the DER, base64");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(written.privateKey())));
    }

    @Test
    void theKeyIdIsTheHexOfTheFirst8BytesOfSha256OverTheSubjectPublicKeyInfo(@TempDir Path dir) throws Exception {
        KeyPair pair = KeyFiles.generate("X25519");
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(pair.getPublic().getEncoded());
        String expected = HexFormat.of().formatHex(Arrays.copyOf(digest, 8));
        assertEquals(expected, KeyFiles.keyId(pair.getPublic()));
        assertEquals(expected, KeyFiles.write(pair, dir.resolve("k")).keyId());
        assertTrue(expected.matches("[0-9a-f]{16}"));
    }

    @Test
    void existingFilesAreNeverOverwritten(@TempDir Path dir) throws Exception {
        KeyFiles.write(KeyFiles.generate("X25519"), dir.resolve("a"));
        byte[] before = Files.readAllBytes(dir.resolve("a.key"));
        assertThrows(FileAlreadyExistsException.class, () -> KeyFiles.write(KeyFiles.generate("X25519"), dir.resolve("a")));
        assertArrayEquals(before, Files.readAllBytes(dir.resolve("a.key")));
    }

    @Test
    void aFileThatIsNotTheExpectedKeyIsAnErrorNamingTheFile(@TempDir Path dir) throws Exception {
        KeyFiles.Written ed = KeyFiles.write(KeyFiles.generate("Ed25519"), dir.resolve("signing"));
        IllegalArgumentException wrongAlgorithm = assertThrows(IllegalArgumentException.class,
                () -> KeyFiles.readPublicKey(ed.publicKey(), "X25519"));
        assertEquals(ed.publicKey() + ": not an X25519 public key (PEM \"PUBLIC KEY\", X.509 SubjectPublicKeyInfo)",
                wrongAlgorithm.getMessage());

        IllegalArgumentException swapped = assertThrows(IllegalArgumentException.class,
                () -> KeyFiles.readPrivateKey(ed.publicKey(), "Ed25519"));
        assertTrue(swapped.getMessage().startsWith(ed.publicKey() + ": expected a PEM block \"-----BEGIN PRIVATE KEY-----\""),
                swapped.getMessage());

        Path garbage = dir.resolve("garbage.pub");
        Files.writeString(garbage, "-----BEGIN PUBLIC KEY-----\n!!!\n-----END PUBLIC KEY-----\n");
        IllegalArgumentException notBase64 = assertThrows(IllegalArgumentException.class,
                () -> KeyFiles.readPublicKey(garbage, "X25519"));
        assertEquals(garbage + ": the PEM block \"PUBLIC KEY\" is not valid base64", notBase64.getMessage());
        String privateText = Files.readString(ed.privateKey());
        assertFalse(swapped.getMessage().contains(privateText.lines().skip(1).findFirst().orElseThrow()));
    }
}
