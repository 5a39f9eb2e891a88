package io.fairspin.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;

/**
 * Ed25519 key files shared by fairspin's commands: PEM, the private key as PKCS#8 "PRIVATE KEY" (written
 * with mode 0600), the public key as X.509 SubjectPublicKeyInfo "PUBLIC KEY". A key's ID is the lowercase
 * hex of the first 8 bytes of SHA-256 over its SubjectPublicKeyInfo DER.
 */
public final class Ed25519Keys {
    /** The DER prefix of an Ed25519 SubjectPublicKeyInfo; the 32-byte key follows (RFC 8410). */
    private static final byte[] SPKI_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");
    private static final Pattern PEM = Pattern.compile(
            "-----BEGIN ([A-Z ]+)-----\\s*([A-Za-z0-9+/=\\s]+?)\\s*-----END \\1-----");

    private Ed25519Keys() {
    }

    /** A fresh key pair from the JDK's default secure random source. */
    public static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK has no Ed25519", e);
        }
    }

    /** Lowercase hex of the first 8 bytes of SHA-256(SubjectPublicKeyInfo DER). */
    public static String keyId(PublicKey key) {
        byte[] digest = MerkleTree.sha256().digest(key.getEncoded());
        return HexFormat.of().formatHex(digest, 0, 8);
    }

    /** The 32 raw bytes of an Ed25519 public key. */
    public static byte[] raw(PublicKey key) {
        byte[] der = key.getEncoded();
        if (der.length != SPKI_PREFIX.length + 32 || !Arrays.equals(der, 0, SPKI_PREFIX.length, SPKI_PREFIX, 0,
                SPKI_PREFIX.length)) {
            throw new IllegalArgumentException("not an Ed25519 public key");
        }
        return Arrays.copyOfRange(der, SPKI_PREFIX.length, der.length);
    }

    /** An Ed25519 public key from its 32 raw bytes. */
    public static PublicKey fromRaw(byte[] raw) {
        if (raw.length != 32) {
            throw new IllegalArgumentException("an Ed25519 public key is 32 bytes, not " + raw.length);
        }
        byte[] der = Arrays.copyOf(SPKI_PREFIX, SPKI_PREFIX.length + 32);
        System.arraycopy(raw, 0, der, SPKI_PREFIX.length, 32);
        return publicKey(der);
    }

    /** An Ed25519 public key from SubjectPublicKeyInfo DER. */
    public static PublicKey publicKey(byte[] der) {
        try {
            PublicKey key = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der));
            raw(key);
            return key;
        } catch (GeneralSecurityException | ClassCastException e) {
            throw new IllegalArgumentException("not an Ed25519 SubjectPublicKeyInfo");
        }
    }

    /**
     * Writes {@code base.key} (PKCS#8, created with mode 0600 before any byte is written) and
     * {@code base.pub}; refuses to overwrite either.
     */
    public static void write(KeyPair pair, Path base) throws IOException {
        Path privateFile = sibling(base, ".key");
        Path publicFile = sibling(base, ".pub");
        if (Files.exists(publicFile)) {
            throw new FileAlreadyExistsException(publicFile.toString());
        }
        byte[] pem = pem("PRIVATE KEY", pair.getPrivate().getEncoded());
        try {
            Files.createFile(privateFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(privateFile);
        }
        try {
            Files.write(privateFile, pem, StandardOpenOption.TRUNCATE_EXISTING);
        } finally {
            Arrays.fill(pem, (byte) 0);
        }
        Files.write(publicFile, pem("PUBLIC KEY", pair.getPublic().getEncoded()), StandardOpenOption.CREATE_NEW);
    }

    /** {@code operator} and ".key" give {@code operator.key} in the same folder. */
    public static Path sibling(Path base, String extension) {
        return base.resolveSibling(base.getFileName() + extension);
    }

    /** Reads a PEM "PUBLIC KEY" file holding an Ed25519 key. */
    public static PublicKey readPublic(Path file) throws IOException {
        try {
            return publicKey(readPem(file, "PUBLIC KEY"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage());
        }
    }

    /** Reads a PEM "PRIVATE KEY" (PKCS#8) file holding an Ed25519 key, with its public key. */
    public static KeyPair readPrivate(Path file) throws IOException {
        byte[] der = readPem(file, "PRIVATE KEY");
        try {
            PrivateKey key = KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(der));
            return new KeyPair(publicOf(key), key);
        } catch (GeneralSecurityException | IllegalArgumentException | ClassCastException e) {
            throw new IllegalArgumentException(file + ": not an Ed25519 PKCS#8 private key");
        } finally {
            Arrays.fill(der, (byte) 0);
        }
    }

    /** Derives the public key from the private seed with Bouncy Castle's Ed25519 (the JDK has no such call). */
    private static PublicKey publicOf(PrivateKey key) {
        byte[] seed = ((EdECPrivateKey) key).getBytes()
                .orElseThrow(() -> new IllegalArgumentException("the private key has no seed"));
        try {
            return fromRaw(new Ed25519PrivateKeyParameters(seed, 0).generatePublicKey().getEncoded());
        } finally {
            Arrays.fill(seed, (byte) 0);
        }
    }

    private static byte[] readPem(Path file, String label) throws IOException {
        String text = Files.readString(file, StandardCharsets.US_ASCII);
        Matcher m = PEM.matcher(text);
        if (!m.find() || !m.group(1).equals(label)) {
            throw new IllegalArgumentException(file + ": expected a PEM block '-----BEGIN " + label + "-----'");
        }
        try {
            return Base64.getMimeDecoder().decode(m.group(2));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": the PEM body is not base64");
        }
    }

    private static byte[] pem(String label, byte[] der) {
        String body = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der);
        Arrays.fill(der, (byte) 0);
        return ("-----BEGIN " + label + "-----\n" + body + "\n-----END " + label + "-----\n")
                .getBytes(StandardCharsets.US_ASCII);
    }
}
