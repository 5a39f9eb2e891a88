package io.fairspin.rng.keys;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Key files at their limits: a file of exactly {@link KeyFiles#MAX_KEY_FILE_BYTES} bytes is read and one byte
 * more is refused by its size; a block whose END line is the file's last bytes (no newline) reads; a key written
 * into a missing folder, or under a path through a file, is an error naming the key file and why, and leaves
 * nothing; the owner-only restriction used where POSIX permissions are missing leaves the owner alone with
 * read and write.
 */
class KeyFileLimitsTest {
    @TempDir
    Path dir;

    @Test
    void aKeyFileOfExactlyTheLimitReadsAndOneByteMoreIsRefusedBySize() throws Exception {
        KeyPair pair = KeyFiles.generate(KeyFiles.ESCROW_ALGORITHM);
        KeyFiles.write(pair, dir.resolve("a"));
        byte[] pem = Files.readAllBytes(dir.resolve("a.pub"));
        byte[] padded = Arrays.copyOf(pem, KeyFiles.MAX_KEY_FILE_BYTES);
        Arrays.fill(padded, pem.length, padded.length, (byte) '\n');
        Path file = dir.resolve("padded.pub");
        Files.write(file, padded);
        assertArrayEquals(pair.getPublic().getEncoded(), KeyFiles.readPublicKey(file, KeyFiles.ESCROW_ALGORITHM).getEncoded());
        Files.write(file, Arrays.copyOf(padded, padded.length + 1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> KeyFiles.readPublicKey(file, KeyFiles.ESCROW_ALGORITHM));
        assertEquals(file + ": larger than any key file (65536 bytes at most), expected a PEM \"PUBLIC KEY\"", e.getMessage());
    }

    @Test
    void aBlockThatEndsTheFileWithoutANewlineReads() throws Exception {
        KeyPair pair = KeyFiles.generate(KeyFiles.SIGNING_ALGORITHM);
        KeyFiles.write(pair, dir.resolve("a"));
        String pem = Files.readString(dir.resolve("a.key"), StandardCharsets.US_ASCII);
        Path file = dir.resolve("bare.key");
        Files.writeString(file, pem.strip(), StandardCharsets.US_ASCII);
        assertArrayEquals(pair.getPrivate().getEncoded(),
                KeyFiles.readPrivateKey(file, KeyFiles.SIGNING_ALGORITHM).getEncoded());
        Files.writeString(file, pem.strip().substring(0, pem.strip().length() - 1), StandardCharsets.US_ASCII);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> KeyFiles.readPrivateKey(file, KeyFiles.SIGNING_ALGORITHM));
        assertEquals(file + ": expected a PEM block \"-----BEGIN PRIVATE KEY-----\" ... \"-----END PRIVATE KEY-----\"",
                e.getMessage());
    }

    @Test
    void aKeyWrittenWhereNoFolderIsIsAnErrorNamingTheFileAndLeavesNothing() throws Exception {
        KeyPair pair = KeyFiles.generate(KeyFiles.ESCROW_ALGORITHM);
        Path missing = dir.resolve("missing").resolve("auditor");
        IOException e = assertThrows(IOException.class, () -> KeyFiles.write(pair, missing));
        assertEquals(dir.resolve("missing").resolve("auditor.key") + ": cannot write the key file: no such folder",
                e.getMessage());

        Path notAFolder = Files.createFile(dir.resolve("plain"));
        IOException through = assertThrows(IOException.class, () -> KeyFiles.write(pair, notAFolder.resolve("auditor")));
        assertEquals(notAFolder.resolve("auditor.key") + ": cannot write the key file: Not a directory", through.getMessage());
        assertEquals(1, through.getCause().getSuppressed().length, "the failed clean-up is kept with the failure");
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(List.of(notAFolder), left.toList());
        }
    }

    @Test
    void aPublicKeyThatCannotBeRenamedIntoPlaceTakesThePrivateKeyBackOut() throws Exception {
        // With --force, a non-empty folder at PREFIX.pub passes the existence check and fails only the second
        // rename, after the private key was renamed into place: the private key must not be left without its
        // public key, and neither temporary file stays.
        KeyPair pair = KeyFiles.generate(KeyFiles.ESCROW_ALGORITHM);
        Path blocker = Files.createDirectory(dir.resolve("auditor.pub"));
        Path inside = Files.createFile(blocker.resolve("keep"));
        IOException e = assertThrows(IOException.class, () -> KeyFiles.write(pair, dir.resolve("auditor"), true));
        assertTrue(e.getMessage().contains(blocker.toString()), e.getMessage());
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(List.of(blocker), left.toList(), "no private key and no temporary file is left");
        }
        assertEquals(List.of(inside), Files.list(blocker).toList(), "what was there is untouched");
    }

    @Test
    void restrictingAFileToItsOwnerLeavesReadAndWriteToTheOwnerOnly() throws Exception {
        Path file = Files.createFile(dir.resolve("k.key"));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw-rw-"));
        KeyFiles.restrictToOwner(file);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--r--r--"));
        KeyFiles.restrictToOwner(file);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }
}
