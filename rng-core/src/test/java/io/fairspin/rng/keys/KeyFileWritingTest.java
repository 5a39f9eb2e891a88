package io.fairspin.rng.keys;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Writing key files: modes set exactly (0600, 0644) whatever the umask, links replaced and never
 * followed, nothing overwritten without {@code overwrite}, nothing left behind on failure; reading them:
 * one PEM block and nothing else, bounded in size, any other bytes refused with the file's name.
 */
class KeyFileWritingTest {
    @TempDir
    Path dir;

    private List<Path> files() throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            return list.sorted().toList();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {KeyFiles.ESCROW_ALGORITHM, KeyFiles.SIGNING_ALGORITHM})
    void modesAreExactAndOnlyTheTwoFilesAreLeft(String algorithm) throws Exception {
        KeyFiles.Written written = KeyFiles.write(KeyFiles.generate(algorithm), dir.resolve("k"));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(written.privateKey())));
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(written.publicKey())));
        assertEquals(List.of(dir.resolve("k.key"), dir.resolve("k.pub")), files());
    }

    @Test
    void existingFilesAndLinksAreRefusedWithoutOverwriteAndReplacedWithIt() throws Exception {
        Path target = dir.resolve("elsewhere.txt");
        Files.writeString(target, "not yours");
        for (String suffix : new String[] {".key", ".pub"}) {
            Path base = dir.resolve("link" + suffix.charAt(1));
            Path link = dir.resolve(base.getFileName() + suffix);
            Files.createSymbolicLink(link, target);
            FileAlreadyExistsException e = assertThrows(FileAlreadyExistsException.class,
                    () -> KeyFiles.write(KeyFiles.generate(KeyFiles.ESCROW_ALGORITHM), base));
            assertTrue(e.getMessage().startsWith(link.toString()), e.getMessage());
            assertEquals("not yours", Files.readString(target));
            assertFalse(Files.exists(dir.resolve(base.getFileName() + (suffix.equals(".key") ? ".pub" : ".key"))),
                    "nothing else was written");
            KeyFiles.write(KeyFiles.generate(KeyFiles.ESCROW_ALGORITHM), base, true);
            assertFalse(Files.isSymbolicLink(link), "the link was replaced, not followed");
            assertEquals("not yours", Files.readString(target));
            KeyFiles.readPublicKey(dir.resolve(base.getFileName() + ".pub"), KeyFiles.ESCROW_ALGORITHM);
        }
        Path dangling = dir.resolve("dangling.key");
        Files.createSymbolicLink(dangling, dir.resolve("nowhere"));
        assertThrows(FileAlreadyExistsException.class,
                () -> KeyFiles.write(KeyFiles.generate(KeyFiles.SIGNING_ALGORITHM), dir.resolve("dangling")));
        assertFalse(Files.exists(dir.resolve("nowhere")), "a dangling link is not followed either");
    }

    @Test
    void anEmptyPrefixIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> KeyFiles.write(KeyFiles.generate(KeyFiles.SIGNING_ALGORITHM), Path.of("")));
    }

    @Test
    void aFailedWriteLeavesNothing() throws Exception {
        Path readOnly = Files.createDirectory(dir.resolve("ro"));
        Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("r-x------"));
        try {
            if (Files.isWritable(readOnly)) {
                return; // root ignores permissions: nothing to observe
            }
            IOException e = assertThrows(IOException.class,
                    () -> KeyFiles.write(KeyFiles.generate(KeyFiles.SIGNING_ALGORITHM), readOnly.resolve("k")));
            assertTrue(e.getMessage().startsWith(readOnly.resolve("k.key").toString()), e.getMessage());
        } finally {
            Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("rwx------"));
        }
        try (Stream<Path> left = Files.list(readOnly)) {
            assertEquals(0, left.count());
        }
    }

    @Test
    void aPemFileWithTwoKeysOrTrailingTextIsRefused() throws Exception {
        KeyPair one = KeyFiles.generate(KeyFiles.SIGNING_ALGORITHM);
        KeyPair two = KeyFiles.generate(KeyFiles.SIGNING_ALGORITHM);
        KeyFiles.write(one, dir.resolve("one"));
        KeyFiles.write(two, dir.resolve("two"));
        byte[] first = Files.readAllBytes(dir.resolve("one.key"));
        byte[] second = Files.readAllBytes(dir.resolve("two.key"));
        Path both = dir.resolve("both.key");
        for (byte[] tail : new byte[][] {second, "garbage\n".getBytes(StandardCharsets.US_ASCII),
                "-----BEGIN PUBLIC KEY-----\n".getBytes(StandardCharsets.US_ASCII)}) {
            byte[] content = new byte[first.length + tail.length];
            System.arraycopy(first, 0, content, 0, first.length);
            System.arraycopy(tail, 0, content, first.length, tail.length);
            Files.write(both, content);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> KeyFiles.readPrivateKey(both, KeyFiles.SIGNING_ALGORITHM));
            assertEquals(both + ": expected one PEM block \"PRIVATE KEY\" and nothing else; the file holds more (a second"
                    + " key, or other text)", e.getMessage());
        }
        Files.write(both, ("\n  " + new String(first, StandardCharsets.US_ASCII) + "\n\n").getBytes(StandardCharsets.US_ASCII));
        assertArrayEquals(one.getPrivate().getEncoded(), KeyFiles.readPrivateKey(both, KeyFiles.SIGNING_ALGORITHM)
                .getEncoded(), "whitespace around the block is fine");
    }

    @Test
    void anEndlessOrHugeFileIsRefusedByName() throws Exception {
        Path zero = Path.of("/dev/zero");
        if (Files.exists(zero)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> KeyFiles.readPublicKey(zero, KeyFiles.ESCROW_ALGORITHM));
            assertTrue(e.getMessage().startsWith("/dev/zero: larger than any key file"), e.getMessage());
        }
        Path big = dir.resolve("big.pub");
        Files.write(big, new byte[KeyFiles.MAX_KEY_FILE_BYTES + 1]);
        assertThrows(IllegalArgumentException.class, () -> KeyFiles.readPublicKey(big, KeyFiles.ESCROW_ALGORITHM));
    }

    @Property(tries = 300)
    void anyBytesAreAKeyOrAnErrorNamingTheFile(@ForAll @Size(max = 400) byte[] content) throws Exception {
        Path file = Files.createTempFile("key", ".pem");
        try {
            Files.write(file, content);
            for (boolean isPrivate : new boolean[] {false, true}) {
                for (String algorithm : new String[] {KeyFiles.ESCROW_ALGORITHM, KeyFiles.SIGNING_ALGORITHM}) {
                    try {
                        if (isPrivate) {
                            KeyFiles.readPrivateKey(file, algorithm);
                        } else {
                            KeyFiles.readPublicKey(file, algorithm);
                        }
                    } catch (IllegalArgumentException | IOException e) {
                        assertTrue(e.getMessage().startsWith(file.toString() + ": "), e.getMessage());
                        assertFalse(e.getMessage().contains("\n"), e.getMessage());
                    }
                }
            }
        } finally {
            Files.delete(file);
        }
    }
}
