package io.fairspin.rng.keys;

import static io.fairspin.rng.internal.SecretBuffers.secret;

import io.fairspin.rng.internal.Durable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * Key files shared by seed escrow (X25519) and the audit log (Ed25519): PEM, the private key as PKCS#8
 * ("PRIVATE KEY", file {@code <out>.key}, readable and writable by its owner only) and the public key as
 * X.509 SubjectPublicKeyInfo ("PUBLIC KEY", file {@code <out>.pub}), in the JDK's encodings. A key ID is
 * the lowercase hex of the first 8 bytes of SHA-256 over the SubjectPublicKeyInfo DER bytes.
 */
public final class KeyFiles {
    /** The auditor's escrow keys: X25519, for HPKE. */
    public static final String ESCROW_ALGORITHM = "X25519";
    /** The operator's audit-log signing keys: Ed25519. */
    public static final String SIGNING_ALGORITHM = "Ed25519";

    private static final String PRIVATE_LABEL = "PRIVATE KEY";
    private static final String PUBLIC_LABEL = "PUBLIC KEY";
    private static final int KEY_ID_BYTES = 8;

    private KeyFiles() {
    }

    /** The files a key pair was written to, and its key ID. */
    public record Written(Path privateKey, Path publicKey, String keyId) {
    }

    /**
     * Generates a key pair with the JDK's generator for {@code algorithm} ("X25519", "Ed25519").
     *
     * @param algorithm "X25519" (escrow) or "Ed25519" (signing)
     * @return a fresh key pair from the JDK's strong generator
     * @throws IllegalArgumentException when the JDK has no such algorithm
     */
    public static KeyPair generate(String algorithm) {
        try {
            return KeyPairGenerator.getInstance(algorithm).generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalArgumentException("key algorithm: " + algorithm + " is not available in this Java runtime");
        }
    }

    /**
     * Writes {@code <out>.key} (owner-only) and {@code <out>.pub}; neither may exist already.
     *
     * @param pair the key pair to write
     * @param out the path of both files without extension
     * @return the two files written
     * @throws java.nio.file.FileAlreadyExistsException when one of them exists; nothing is written then
     */
    public static Written write(KeyPair pair, Path out) throws IOException {
        return write(pair, out, false);
    }

    /**
     * Writes {@code <out>.key} (mode 0600) and {@code <out>.pub} (mode 0644, whatever the umask). Each is
     * written whole to a temporary file in the same folder, forced, and renamed into place, so a failure
     * leaves neither file (never a private key without its public key) and a symbolic link at either name is
     * replaced, not followed.
     *
     * @param overwrite replace existing files (the CLI's {@code --force}); without it an existing file or
     *                  link at either name is refused and nothing is written
     * @param pair the key pair to write
     * @param out the path of both files without extension
     * @return the two files written
     * @throws IllegalArgumentException  when {@code out} names no file (an empty name)
     * @throws java.nio.file.FileAlreadyExistsException when a file exists and {@code overwrite} is false
     */
    public static Written write(KeyPair pair, Path out, boolean overwrite) throws IOException {
        if (out.getFileName() == null || out.getFileName().toString().isEmpty()) {
            throw new IllegalArgumentException("out: must name a file prefix, was '" + out + "'");
        }
        Path privateFile = out.resolveSibling(out.getFileName() + ".key");
        Path publicFile = out.resolveSibling(out.getFileName() + ".pub");
        if (!overwrite) {
            for (Path file : List.of(privateFile, publicFile)) {
                if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
                    throw new java.nio.file.FileAlreadyExistsException(file.toString(), null,
                            "use --force to replace it");
                }
            }
        }
        Path folder = privateFile.toAbsolutePath().getParent();
        byte[] pkcs8 = secret(pair.getPrivate().getEncoded());
        Path privateTemp = null;
        Path publicTemp = null;
        boolean privateMoved = false;
        try {
            privateTemp = writeTemp(folder, privateFile, pem(PRIVATE_LABEL, pkcs8), "rw-------");
            publicTemp = writeTemp(folder, publicFile, pem(PUBLIC_LABEL, pair.getPublic().getEncoded()), "rw-r--r--");
            move(privateTemp, privateFile, overwrite);
            privateMoved = true;
            move(publicTemp, publicFile, overwrite);
            Durable.syncFolder(folder);
        } catch (IOException | RuntimeException e) {
            for (Path leftover : new Path[] {privateTemp, publicTemp, privateMoved ? privateFile : null}) {
                if (leftover != null) {
                    try {
                        Files.deleteIfExists(leftover);
                    } catch (IOException ignored) {
                        e.addSuppressed(ignored);
                    }
                }
            }
            throw e;
        } finally {
            Arrays.fill(pkcs8, (byte) 0);
        }
        return new Written(privateFile, publicFile, keyId(pair.getPublic()));
    }

    private static void move(Path from, Path to, boolean overwrite) throws IOException {
        try {
            if (overwrite) {
                Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } else {
                Files.move(from, to);
            }
        } catch (java.nio.file.FileAlreadyExistsException e) {
            throw new java.nio.file.FileAlreadyExistsException(to.toString(), null, "use --force to replace it");
        }
    }

    /**
     * Writes {@code content} (then zeroes it) to a new temporary file beside {@code target}, not following
     * links, with exactly {@code mode} (set after creation, so the umask does not narrow or widen it).
     */
    private static Path writeTemp(Path folder, Path target, byte[] content, String mode) throws IOException {
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        Path temp = folder.resolve("." + target.getFileName() + ".tmp-" + Long.toHexString(System.nanoTime()));
        Set<java.nio.file.OpenOption> options = Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                LinkOption.NOFOLLOW_LINKS);
        try (FileChannel channel = posix
                ? FileChannel.open(temp, options, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                : FileChannel.open(temp, options)) {
            if (posix) {
                Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString(mode));
            } else if (mode.equals("rw-------")) {
                restrictToOwner(temp);
            }
            ByteBuffer buffer = ByteBuffer.wrap(content);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            Durable.force(channel);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException cleaning) {
                e.addSuppressed(cleaning); // the temporary file was never made (its folder is not one)
            }
            String reason = e instanceof java.nio.file.FileSystemException fs && fs.getReason() != null ? fs.getReason()
                    : e instanceof java.nio.file.NoSuchFileException ? "no such folder"
                    : e instanceof java.nio.file.AccessDeniedException ? "permission denied"
                    : e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
            throw new IOException(target + ": cannot write the key file: " + reason, e);
        } finally {
            Arrays.fill(content, (byte) 0);
        }
        return temp;
    }

    /**
     * Reads a PEM "PUBLIC KEY" of {@code algorithm} ("X25519", "Ed25519").
     *
     * @param file the PEM file
     * @param algorithm "X25519" or "Ed25519"
     * @return the public key
     * @throws IllegalArgumentException naming the file when it is not such a key
     * @throws java.io.IOException when the file cannot be read
     */
    public static PublicKey readPublicKey(Path file, String algorithm) throws IOException {
        return readKey(file, algorithm, PUBLIC_LABEL, "public key", "X.509 SubjectPublicKeyInfo",
                (factory, der) -> factory.generatePublic(new X509EncodedKeySpec(der)));
    }

    /**
     * Reads a PEM "PRIVATE KEY" of {@code algorithm} ("X25519", "Ed25519").
     *
     * @param file the PEM file
     * @param algorithm "X25519" or "Ed25519"
     * @return the private key; the file's bytes are wiped after parsing
     * @throws IllegalArgumentException naming the file when it is not such a key; never shows key bytes
     * @throws java.io.IOException when the file cannot be read
     */
    public static PrivateKey readPrivateKey(Path file, String algorithm) throws IOException {
        return readKey(file, algorithm, PRIVATE_LABEL, "private key", "PKCS#8",
                (factory, der) -> factory.generatePrivate(new PKCS8EncodedKeySpec(der)));
    }

    /** Decodes DER bytes into a key with the algorithm's key factory. */
    private interface Decoder<K> {
        K decode(KeyFactory factory, byte[] der) throws GeneralSecurityException;
    }

    private static <K> K readKey(Path file, String algorithm, String label, String what, String encoding,
                                 Decoder<K> decoder) throws IOException {
        byte[] der = readPem(file, label);
        try {
            return decoder.decode(KeyFactory.getInstance(algorithm), der);
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new IllegalArgumentException(file + ": not an " + algorithm + " " + what + " (PEM \"" + label
                    + "\", " + encoding + ")");
        } finally {
            Arrays.fill(der, (byte) 0);
        }
    }

    /**
     * The key ID of a public key: hex of the first 8 bytes of SHA-256 over its SubjectPublicKeyInfo DER.
     *
     * @param key an X25519 or Ed25519 public key
     * @return 16 lowercase hex digits
     */
    public static String keyId(PublicKey key) {
        return keyId(key.getEncoded());
    }

    /**
     * The key ID of the SubjectPublicKeyInfo DER bytes {@code spki}.
     *
     * @param spki DER-encoded SubjectPublicKeyInfo
     * @return 16 lowercase hex digits
     */
    public static String keyId(byte[] spki) {
        return HexFormat.of().formatHex(keyIdBytes(spki));
    }

    /**
     * The key ID of the SubjectPublicKeyInfo DER bytes {@code spki}, as its 8 bytes.
     *
     * @param spki DER-encoded SubjectPublicKeyInfo
     * @return the first 8 bytes of SHA-256 over {@code spki}
     */
    public static byte[] keyIdBytes(byte[] spki) {
        try {
            return Arrays.copyOf(MessageDigest.getInstance("SHA-256").digest(spki), KEY_ID_BYTES);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    /** Without POSIX permissions (Windows), take read and write access away from everyone but the owner. */
    static void restrictToOwner(Path file) throws IOException {
        java.io.File f = file.toFile();
        boolean restricted = f.setReadable(false, false) && f.setReadable(true, true)
                && f.setWritable(false, false) && f.setWritable(true, true);
        if (!restricted) {
            throw new IOException(file + ": cannot restrict the private key file to its owner");
        }
    }

    /** The PEM file's bytes, built without a {@code String} of the key (the intermediate is zeroed). */
    private static byte[] pem(String label, byte[] der) {
        byte[] begin = ("-----BEGIN " + label + "-----\n").getBytes(StandardCharsets.US_ASCII);
        byte[] end = ("\n-----END " + label + "-----\n").getBytes(StandardCharsets.US_ASCII);
        byte[] body = secret(Base64.getMimeEncoder(64, new byte[] {'\n'}).encode(der));
        try {
            byte[] pem = secret(new byte[begin.length + body.length + end.length]);
            System.arraycopy(begin, 0, pem, 0, begin.length);
            System.arraycopy(body, 0, pem, begin.length, body.length);
            System.arraycopy(end, 0, pem, begin.length + body.length, end.length);
            return pem;
        } finally {
            Arrays.fill(body, (byte) 0);
        }
    }

    /** The largest key file read: a PEM key is well under 1 KiB; anything this large is not a key file. */
    public static final int MAX_KEY_FILE_BYTES = 64 * 1024;

    /**
     * The DER bytes of the one PEM block labelled {@code label} in {@code file}, read as bytes (never as a
     * {@code String}, which could not be wiped); every intermediate buffer is zeroed. The file must hold
     * exactly one PEM block and nothing but whitespace around it.
     */
    private static byte[] readPem(Path file, String label) throws IOException {
        if (Files.isDirectory(file)) {
            throw new FileSystemException(file.toString(), null, "is a folder, expected a key file");
        }
        byte[] text;
        try (java.io.InputStream in = Files.newInputStream(file)) {
            text = secret(in.readNBytes(MAX_KEY_FILE_BYTES + 1));
        }
        try {
            if (text.length > MAX_KEY_FILE_BYTES) {
                throw new IllegalArgumentException(file + ": larger than any key file (" + MAX_KEY_FILE_BYTES
                        + " bytes at most), expected a PEM \"" + label + "\"");
            }
            return pemBody(file, text, label);
        } finally {
            Arrays.fill(text, (byte) 0);
        }
    }

    private static byte[] pemBody(Path file, byte[] text, String label) {
        byte[] begin = ("-----BEGIN " + label + "-----").getBytes(StandardCharsets.US_ASCII);
        byte[] end = ("-----END " + label + "-----").getBytes(StandardCharsets.US_ASCII);
        int from = indexOf(text, begin, 0);
        int to = from < 0 ? -1 : indexOf(text, end, from + begin.length);
        if (to < 0) { // no BEGIN line (then to is -1 too), or no END line after it
            throw new IllegalArgumentException(file + ": expected a PEM block \"" + new String(begin,
                    StandardCharsets.US_ASCII) + "\" ... \"" + new String(end, StandardCharsets.US_ASCII) + "\"");
        }
        if (!blank(text, 0, from) || !blank(text, to + end.length, text.length)) {
            throw new IllegalArgumentException(file + ": expected one PEM block \"" + label + "\" and nothing else;"
                    + " the file holds more (a second key, or other text)");
        }
        byte[] base64 = secret(new byte[text.length]);
        int n = 0;
        for (int i = from + begin.length; i < to; i++) {
            byte b = text[i];
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                base64[n++] = b;
            }
        }
        byte[] exact = secret(Arrays.copyOf(base64, n));
        try {
            return secret(Base64.getDecoder().decode(exact));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": the PEM block \"" + label + "\" is not valid base64");
        } finally {
            Arrays.fill(base64, (byte) 0);
            Arrays.fill(exact, (byte) 0);
        }
    }

    private static boolean blank(byte[] text, int from, int to) {
        for (int i = from; i < to; i++) {
            byte b = text[i];
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(byte[] text, byte[] part, int from) {
        outer:
        for (int i = from; i <= text.length - part.length; i++) {
            for (int j = 0; j < part.length; j++) {
                if (text[i + j] != part[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
