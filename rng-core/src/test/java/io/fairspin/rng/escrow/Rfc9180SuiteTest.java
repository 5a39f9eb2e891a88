package io.fairspin.rng.escrow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.fairspin.rng.Reference;
import io.fairspin.rng.keys.KeyFiles;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.XECPrivateKeySpec;
import java.security.spec.XECPublicKeySpec;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;
import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.params.X25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.X25519PublicKeyParameters;
import org.junit.jupiter.api.Test;

/**
 * The escrow's HPKE suite, checked through fairspin's own code path ({@link Hpke}) against an
 * independent implementation of RFC 9180 base mode written here from the RFC's text (section 4.1
 * DHKEM with X25519 from the JDK's KeyAgreement, section 5.1 key schedule with HKDF-SHA256 from the
 * JDK's HMAC, section 5.2 sealing with the JDK's AES-GCM), which itself reproduces RFC 9180's test vector
 * A.1.1 (../shared/reference/hpke). RFC 9180 has no vector for X25519 with AES-256-GCM, so the AES-256
 * answers come from that independent implementation, not from Bouncy Castle's constants: a change of
 * the suite (AES-128-GCM, another KDF, another mode) changes fairspin's ciphertexts and fails here.
 */
class Rfc9180SuiteTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final int KEM_X25519_SHA256 = 0x0020;
    private static final int KDF_HKDF_SHA256 = 0x0001;
    private static final int AEAD_AES_128_GCM = 0x0001;
    private static final int AEAD_AES_256_GCM = 0x0002;

    private static Map<String, byte[]> vector() throws Exception {
        Map<String, byte[]> fields = new HashMap<>();
        for (String line : Files.readAllLines(Reference.path("hpke", "rfc9180-A.1.1.txt"), StandardCharsets.US_ASCII)) {
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            String[] words = line.trim().split("\\s+");
            for (int i = 0; i + 1 < words.length; i += 2) {
                fields.put(words[i], HEX.parseHex(words[i + 1]));
            }
        }
        return fields;
    }

    // ---------------------------------------------------------------- RFC 9180, independently

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    private static byte[] i2osp(int value, int length) {
        byte[] b = new byte[length];
        for (int i = length - 1; i >= 0; i--, value >>>= 8) {
            b[i] = (byte) value;
        }
        return b;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] hmac(byte[] key, byte[] data) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key.length == 0 ? new byte[32] : key, "HmacSHA256"));
        return mac.doFinal(data);
    }

    /** HKDF-Expand (RFC 5869) with SHA-256. */
    private static byte[] expand(byte[] prk, byte[] info, int length) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] t = new byte[0];
        for (int i = 1; out.size() < length; i++) {
            t = hmac(prk, concat(t, info, new byte[] {(byte) i}));
            out.writeBytes(t);
        }
        return java.util.Arrays.copyOf(out.toByteArray(), length);
    }

    private static byte[] labeledExtract(byte[] suiteId, byte[] salt, String label, byte[] ikm) throws Exception {
        return hmac(salt, concat(ascii("HPKE-v1"), suiteId, ascii(label), ikm));
    }

    private static byte[] labeledExpand(byte[] suiteId, byte[] prk, String label, byte[] info, int length)
            throws Exception {
        return expand(prk, concat(i2osp(length, 2), ascii("HPKE-v1"), suiteId, ascii(label), info), length);
    }

    private static byte[] x25519(byte[] scalar, byte[] uCoordinate) throws Exception {
        KeyFactory factory = KeyFactory.getInstance("X25519");
        PrivateKey sk = factory.generatePrivate(new XECPrivateKeySpec(NamedParameterSpec.X25519, scalar));
        byte[] reversed = new byte[32];
        for (int i = 0; i < 32; i++) {
            reversed[i] = uCoordinate[31 - i];
        }
        PublicKey pk = factory.generatePublic(new XECPublicKeySpec(NamedParameterSpec.X25519, new BigInteger(1, reversed)));
        KeyAgreement agreement = KeyAgreement.getInstance("X25519");
        agreement.init(sk);
        agreement.doPhase(pk, true);
        return agreement.generateSecret();
    }

    /** Base-mode key and base nonce (sections 4.1 and 5.1) from the ephemeral secret key and the recipient's public key. */
    private static byte[][] keySchedule(int aead, byte[] skE, byte[] pkE, byte[] pkR, byte[] info) throws Exception {
        byte[] kemSuite = concat(ascii("KEM"), i2osp(KEM_X25519_SHA256, 2));
        byte[] dh = x25519(skE, pkR);
        byte[] eaePrk = labeledExtract(kemSuite, new byte[0], "eae_prk", dh);
        byte[] sharedSecret = labeledExpand(kemSuite, eaePrk, "shared_secret", concat(pkE, pkR), 32);
        byte[] suite = concat(ascii("HPKE"), i2osp(KEM_X25519_SHA256, 2), i2osp(KDF_HKDF_SHA256, 2), i2osp(aead, 2));
        byte[] context = concat(new byte[] {0}, labeledExtract(suite, new byte[0], "psk_id_hash", new byte[0]),
                labeledExtract(suite, new byte[0], "info_hash", info));
        byte[] secret = labeledExtract(suite, sharedSecret, "secret", new byte[0]);
        int keyLength = aead == AEAD_AES_256_GCM ? 32 : 16;
        return new byte[][] {labeledExpand(suite, secret, "key", context, keyLength),
                labeledExpand(suite, secret, "base_nonce", context, 12)};
    }

    /** The first message's ciphertext (sequence number 0: the nonce is the base nonce). */
    private static byte[] seal(int aead, byte[] skE, byte[] pkE, byte[] pkR, byte[] info, byte[] aad, byte[] pt)
            throws Exception {
        byte[][] keyAndNonce = keySchedule(aead, skE, pkE, pkR, info);
        Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
        gcm.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(keyAndNonce[0], "AES"), new GCMParameterSpec(128, keyAndNonce[1]));
        gcm.updateAAD(aad);
        return gcm.doFinal(pt);
    }

    private static byte[] open(int aead, byte[] skR, byte[] pkR, byte[] enc, byte[] info, byte[] aad, byte[] ct)
            throws Exception {
        // Decap (section 4.1): DH(skR, enc), which equals DH(skE, pkR); the KEM context is enc || pkR.
        byte[] kemSuite = concat(ascii("KEM"), i2osp(KEM_X25519_SHA256, 2));
        byte[] dh = x25519(skR, enc);
        byte[] eaePrk = labeledExtract(kemSuite, new byte[0], "eae_prk", dh);
        byte[] sharedSecret = labeledExpand(kemSuite, eaePrk, "shared_secret", concat(enc, pkR), 32);
        byte[] suite = concat(ascii("HPKE"), i2osp(KEM_X25519_SHA256, 2), i2osp(KDF_HKDF_SHA256, 2), i2osp(aead, 2));
        byte[] context = concat(new byte[] {0}, labeledExtract(suite, new byte[0], "psk_id_hash", new byte[0]),
                labeledExtract(suite, new byte[0], "info_hash", info));
        byte[] secret = labeledExtract(suite, sharedSecret, "secret", new byte[0]);
        byte[][] keyAndNonce = {labeledExpand(suite, secret, "key", context, aead == AEAD_AES_256_GCM ? 32 : 16),
                labeledExpand(suite, secret, "base_nonce", context, 12)};
        Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
        gcm.init(Cipher.DECRYPT_MODE, new SecretKeySpec(keyAndNonce[0], "AES"), new GCMParameterSpec(128, keyAndNonce[1]));
        gcm.updateAAD(aad);
        return gcm.doFinal(ct);
    }

    // ---------------------------------------------------------------- the checks

    @Test
    void theIndependentImplementationReproducesRfc9180A11() throws Exception {
        Map<String, byte[]> v = vector();
        byte[][] keyAndNonce = keySchedule(AEAD_AES_128_GCM, v.get("skEm"), v.get("pkEm/enc"), v.get("pkRm"), v.get("info"));
        assertArrayEquals(v.get("key"), keyAndNonce[0]);
        assertArrayEquals(v.get("base_nonce"), keyAndNonce[1]);
        assertArrayEquals(v.get("ct"), seal(AEAD_AES_128_GCM, v.get("skEm"), v.get("pkEm/enc"), v.get("pkRm"),
                v.get("info"), v.get("aad"), v.get("pt")));
    }

    private static AsymmetricCipherKeyPair ephemeral(Map<String, byte[]> v) {
        return new AsymmetricCipherKeyPair(new X25519PublicKeyParameters(v.get("pkEm/enc")),
                new X25519PrivateKeyParameters(v.get("skEm")));
    }

    @Test
    void fairspinSealsTheVectorsInputsAsRfc9180sBaseModeWithAes256Gcm() throws Exception {
        Map<String, byte[]> v = vector();
        byte[][] sealed = Hpke.seal(new X25519PublicKeyParameters(v.get("pkRm")), v.get("info"), v.get("aad"),
                v.get("pt"), ephemeral(v));
        assertArrayEquals(v.get("pkEm/enc"), sealed[0]);
        assertArrayEquals(seal(AEAD_AES_256_GCM, v.get("skEm"), v.get("pkEm/enc"), v.get("pkRm"), v.get("info"),
                v.get("aad"), v.get("pt")), sealed[1]);
        // Control: the same inputs under AES-128-GCM give the RFC's ciphertext, which is not fairspin's.
        assertEquals(HEX.formatHex(v.get("ct")), HEX.formatHex(seal(AEAD_AES_128_GCM, v.get("skEm"), v.get("pkEm/enc"),
                v.get("pkRm"), v.get("info"), v.get("aad"), v.get("pt"))));
        assertThrows(AssertionError.class, () -> assertArrayEquals(v.get("ct"), sealed[1]));
    }

    @Test
    void fairspinOpensWhatTheIndependentImplementationSeals() throws Exception {
        Map<String, byte[]> v = vector();
        byte[] ct = seal(AEAD_AES_256_GCM, v.get("skEm"), v.get("pkEm/enc"), v.get("pkRm"), v.get("info"), v.get("aad"),
                v.get("pt"));
        X25519PrivateKeyParameters skR = new X25519PrivateKeyParameters(v.get("skRm"));
        AsymmetricCipherKeyPair recipient = new AsymmetricCipherKeyPair(skR.generatePublicKey(), skR);
        assertArrayEquals(v.get("pt"), Hpke.open(recipient, v.get("pkEm/enc"), v.get("info"), v.get("aad"), ct));
        byte[] rfcCt = v.get("ct");
        assertThrows(InvalidCipherTextException.class,
                () -> Hpke.open(recipient, v.get("pkEm/enc"), v.get("info"), v.get("aad"), rfcCt),
                "an AES-128-GCM ciphertext does not open as the escrow's suite");
    }

    @Test
    void escrowRecordsSealedWithRandomEphemeralKeysOpenIndependently() throws Exception {
        KeyPair auditor = KeyFiles.generate(KeyFiles.ESCROW_ALGORITHM);
        AsymmetricCipherKeyPair pair = Hpke.recipientPair(auditor.getPrivate());
        byte[] skR = ((X25519PrivateKeyParameters) pair.getPrivate()).getEncoded();
        byte[] pkR = ((X25519PublicKeyParameters) pair.getPublic()).getEncoded();
        Random random = new Random(9180);
        for (int i = 0; i < 50; i++) {
            byte[] info = new byte[random.nextInt(60)];
            byte[] aad = new byte[random.nextInt(60)];
            byte[] pt = new byte[random.nextInt(300)];
            random.nextBytes(info);
            random.nextBytes(aad);
            random.nextBytes(pt);
            byte[][] sealed = Hpke.seal(Hpke.recipient(auditor.getPublic()), info, aad, pt);
            assertArrayEquals(pt, open(AEAD_AES_256_GCM, skR, pkR, sealed[0], info, aad, sealed[1]), "case " + i);
        }
    }
}
