package io.fairspin.server;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Player sessions: tokens the server issues, and the operator's {@link SessionHook}. A token is 32 bytes
 * from the operating system's {@link SecureRandom} (not from the certified generator, whose output is
 * for game rounds only), given to the client once; the server keeps only its SHA-256, so the token
 * cannot be read back from memory dumps of the session table, and looks sessions up by that hash.
 */
final class Sessions {
    static final int MAX_SESSION_ID = 128;
    private static final int MAX_TOKEN = 512;

    private final SecureRandom random = new SecureRandom();
    private final Map<String, String> byTokenHash = new ConcurrentHashMap<>();
    private final SessionHook hook;

    Sessions(SessionHook hook) {
        this.hook = hook;
    }

    /** An issued session: its id (logged with its rounds) and its token (given to the client only). */
    record Issued(String sessionId, String token) {
        @Override
        public String toString() {
            return "Session[" + sessionId + "]";
        }
    }

    Issued issue() {
        byte[] token = new byte[32];
        random.nextBytes(token);
        byte[] id = new byte[8];
        random.nextBytes(id);
        String text = Base64.getUrlEncoder().withoutPadding().encodeToString(token);
        String sessionId = "s-" + HexFormat.of().formatHex(id);
        byTokenHash.put(hash(text), sessionId);
        return new Issued(sessionId, text);
    }

    /**
     * The session of the request's {@code Authorization: Bearer} header.
     *
     * @throws ApiException 401 when the header is missing or names no session (the message never holds the token)
     */
    String authenticate(String authorization) throws ApiException {
        if (authorization == null || authorization.isEmpty()) {
            throw new ApiException(401, "Authorization", "a session token is required: send 'Authorization: Bearer"
                    + " TOKEN' with a token from POST /api/sessions or from the operator's front end");
        }
        if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new ApiException(401, "Authorization", "the Authorization header must be 'Bearer TOKEN'");
        }
        String token = authorization.substring(7).trim();
        if (token.isEmpty() || token.length() > MAX_TOKEN) {
            throw new ApiException(401, "Authorization", "the session token is not valid");
        }
        String own = byTokenHash.get(hash(token));
        if (own != null) {
            return own;
        }
        Optional<String> operator;
        try {
            operator = hook.sessionOf(token);
        } catch (RuntimeException e) {
            operator = Optional.empty();
        }
        if (operator.isPresent() && validSessionId(operator.get())) {
            return operator.get();
        }
        throw new ApiException(401, "Authorization", "the session token is not valid (unknown or expired)");
    }

    static boolean validSessionId(String id) {
        return !id.isEmpty() && id.length() <= MAX_SESSION_ID && id.chars().noneMatch(Character::isISOControl);
    }

    private static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
