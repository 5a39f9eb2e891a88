package io.fairspin.rng.keys;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
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
     * Writes {@code <out>.key} (created owner-only) and {@code <out>.pub}; neither may exist already.
     *
     * @throws java.nio.file.FileAlreadyExistsException when one of them exists; nothing is written then
     */
    public static Written write(KeyPair pair, Path out) throws IOException {
        Path privateFile = out.resolveSibling(out.getFileName() + ".key");
        Path publicFile = out.resolveSibling(out.getFileName() + ".pub");
        if (Files.exists(publicFile)) {
            throw new java.nio.file.FileAlreadyExistsException(publicFile.toString());
        }
        byte[] pkcs8 = pair.getPrivate().getEncoded();
        try {
            writeOwnerOnly(privateFile, pem(PRIVATE_LABEL, pkcs8));
        } finally {
            Arrays.fill(pkcs8, (byte) 0);
        }
        Files.write(publicFile, pem(PUBLIC_LABEL, pair.getPublic().getEncoded()), StandardOpenOption.CREATE_NEW);
        return new Written(privateFile, publicFile, keyId(pair.getPublic()));
    }

    /**
     * Reads a PEM "PUBLIC KEY" of {@code algorithm} ("X25519", "Ed25519").
     *
     * @throws IllegalArgumentException naming the file when it is not such a key
     */
    public static PublicKey readPublicKey(Path file, String algorithm) throws IOException {
        return readKey(file, algorithm, PUBLIC_LABEL, "public key", "X.509 SubjectPublicKeyInfo",
                (factory, der) -> factory.generatePublic(new X509EncodedKeySpec(der)));
    }

    /**
     * Reads a PEM "PRIVATE KEY" of {@code algorithm} ("X25519", "Ed25519").
     *
     * @throws IllegalArgumentException naming the file when it is not such a key; never shows key bytes
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

    /** The key ID of a public key: hex of the first 8 bytes of SHA-256 over its SubjectPublicKeyInfo DER. */
    public static String keyId(PublicKey key) {
        return keyId(key.getEncoded());
    }

    /** The key ID of the SubjectPublicKeyInfo DER bytes {@code spki}. */
    public static String keyId(byte[] spki) {
        return HexFormat.of().formatHex(keyIdBytes(spki));
    }

    /** The key ID of the SubjectPublicKeyInfo DER bytes {@code spki}, as its 8 bytes. */
    public static byte[] keyIdBytes(byte[] spki) {
        try {
            return Arrays.copyOf(MessageDigest.getInstance("SHA-256").digest(spki), KEY_ID_BYTES);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    private static void writeOwnerOnly(Path file, byte[] content) throws IOException {
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        Set<StandardOpenOption> options = Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        try (OutputStream out = Channels.newOutputStream(posix
                ? Files.newByteChannel(file, options,
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                : Files.newByteChannel(file, options))) {
            if (!posix) {
                restrictToOwner(file);
            }
            out.write(content);
        } finally {
            Arrays.fill(content, (byte) 0);
        }
    }

    /** Without POSIX permissions (Windows), take read and write access away from everyone but the owner. */
    private static void restrictToOwner(Path file) throws IOException {
        java.io.File f = file.toFile();
        boolean restricted = f.setReadable(false, false) && f.setReadable(true, true)
                && f.setWritable(false, false) && f.setWritable(true, true);
        if (!restricted) {
            throw new IOException(file + ": cannot restrict the private key file to its owner");
        }
    }

    private static byte[] pem(String label, byte[] der) {
        String body = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der);
        return ("-----BEGIN " + label + "-----\n" + body + "\n-----END " + label + "-----\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    /** The DER bytes of the one PEM block labelled {@code label} in {@code file}. */
    private static byte[] readPem(Path file, String label) throws IOException {
        if (Files.isDirectory(file)) {
            throw new FileSystemException(file.toString(), null, "is a folder, expected a key file");
        }
        String text = new String(Files.readAllBytes(file), StandardCharsets.US_ASCII);
        String begin = "-----BEGIN " + label + "-----";
        String end = "-----END " + label + "-----";
        int from = text.indexOf(begin);
        int to = from < 0 ? -1 : text.indexOf(end, from);
        if (from < 0 || to < 0) {
            throw new IllegalArgumentException(file + ": expected a PEM block \"" + begin + "\" ... \"" + end + "\"");
        }
        try {
            return Base64.getDecoder().decode(text.substring(from + begin.length(), to).replaceAll("\\s", ""));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": the PEM block \"" + label + "\" is not valid base64");
        }
    }
}
