package io.fairspin.rng.escrow;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Checks that texts (messages, output) carry no secret: no 8-byte run of one, in hex or base64. */
public final class Secrets {
    private static final int WINDOW = 8;

    private Secrets() {
    }

    /** Fails when any text holds the hex of 8 consecutive bytes of a secret, or a secret in base64. */
    public static void assertAbsent(List<byte[]> secrets, List<String> texts) {
        assertFalse(texts.isEmpty(), "nothing to check");
        Set<String> windows = new HashSet<>();
        for (byte[] secret : secrets) {
            String hex = HexFormat.of().formatHex(secret);
            for (int i = 0; i + 2 * WINDOW <= hex.length(); i += 2) {
                windows.add(hex.substring(i, i + 2 * WINDOW));
            }
        }
        assertTrue(windows.size() > 0);
        for (String text : texts) {
            String lower = text.toLowerCase(Locale.ROOT);
            for (int i = 0; i + 2 * WINDOW <= lower.length(); i++) {
                String candidate = lower.substring(i, i + 2 * WINDOW);
                assertFalse(windows.contains(candidate), () -> "secret bytes in: " + text);
            }
            for (byte[] secret : secrets) {
                if (secret.length >= 12) {
                    String base64 = Base64.getEncoder().encodeToString(secret);
                    assertFalse(text.contains(base64.substring(0, 16)), () -> "secret in base64 in: " + text);
                }
            }
        }
    }
}
