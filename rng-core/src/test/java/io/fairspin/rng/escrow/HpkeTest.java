package io.fairspin.rng.escrow;

import io.fairspin.rng.keys.KeyFiles;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.fairspin.rng.Reference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.KeyPair;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.hpke.HPKE;
import org.bouncycastle.crypto.hpke.HPKEContext;
import org.bouncycastle.crypto.hpke.HPKEContextWithEncapsulation;
import org.junit.jupiter.api.Test;

/** Bouncy Castle's HPKE against RFC 9180's vector, and the escrow's suite. */
class HpkeTest {
    private static final HexFormat HEX = HexFormat.of();

    /** The fields of ../shared/reference/hpke/rfc9180-A.1.1.txt: "name value" pairs, several per line. */
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

    @Test
    void bouncyCastleReproducesRfc9180A11() throws Exception {
        Map<String, byte[]> v = vector();
        HPKE hpke = new HPKE(HPKE.mode_base, HPKE.kem_X25519_SHA256, HPKE.kdf_HKDF_SHA256, HPKE.aead_AES_GCM128);
        AsymmetricCipherKeyPair ephemeral = hpke.deserializePrivateKey(v.get("skEm"), v.get("pkEm/enc"));
        AsymmetricCipherKeyPair recipient = hpke.deserializePrivateKey(v.get("skRm"), v.get("pkRm"));

        HPKEContextWithEncapsulation sender = hpke.setupBaseS(recipient.getPublic(), v.get("info"), ephemeral);
        assertArrayEquals(v.get("pkEm/enc"), sender.getEncapsulation());
        assertArrayEquals(v.get("ct"), sender.seal(v.get("aad"), v.get("pt")));

        HPKEContext receiver = hpke.setupBaseR(v.get("pkEm/enc"), recipient, v.get("info"));
        assertArrayEquals(v.get("pt"), receiver.open(v.get("aad"), v.get("ct")));
        assertArrayEquals(v.get("pt"), hpke.open(v.get("pkEm/enc"), recipient, v.get("info"), v.get("aad"),
                v.get("ct"), null, null, null));
    }

    @Test
    void theEscrowSuiteIsX25519HkdfSha256Aes256GcmByItsRfc9180Identifiers() {
        // RFC 9180 section 7: KEM 0x0020, KDF 0x0001, AEAD 0x0002 (AES-256-GCM), mode_base 0x00.
        assertEquals(0x0020, HPKE.kem_X25519_SHA256);
        assertEquals(0x0001, HPKE.kdf_HKDF_SHA256);
        assertEquals(0x0002, HPKE.aead_AES_GCM256);
        assertEquals(0x00, HPKE.mode_base);
    }

    @Test
    void sealedWithTheAuditorsPublicKeyOpensOnlyWithItsPrivateKeyAndTheSameInfoAndAad() throws Exception {
        KeyPair auditor = KeyFiles.generate("X25519");
        KeyPair other = KeyFiles.generate("X25519");
        byte[] info = "info".getBytes(StandardCharsets.US_ASCII);
        byte[] aad = "aad".getBytes(StandardCharsets.US_ASCII);
        byte[] plaintext = "entropy input".getBytes(StandardCharsets.US_ASCII);
        byte[][] sealed = Hpke.seal(Hpke.recipient(auditor.getPublic()), info, aad, plaintext);
        assertEquals(Hpke.ENC_BYTES, sealed[0].length);
        assertEquals(plaintext.length + 16, sealed[1].length, "AES-GCM adds a 16-byte tag");

        AsymmetricCipherKeyPair right = Hpke.recipientPair(auditor.getPrivate());
        assertArrayEquals(plaintext, Hpke.open(right, sealed[0], info, aad, sealed[1]));
        assertThrows(InvalidCipherTextException.class,
                () -> Hpke.open(Hpke.recipientPair(other.getPrivate()), sealed[0], info, aad, sealed[1]));
        assertThrows(InvalidCipherTextException.class, () -> Hpke.open(right, sealed[0], aad, aad, sealed[1]));
        assertThrows(InvalidCipherTextException.class, () -> Hpke.open(right, sealed[0], info, info, sealed[1]));
    }

    @Test
    void onlyX25519KeysAreAccepted() {
        KeyPair ed = KeyFiles.generate("Ed25519");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Hpke.recipient(ed.getPublic()));
        assertEquals("escrow key: expected an X25519 public key, got EdDSA", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Hpke.recipientPair(ed.getPrivate()));
    }
}
