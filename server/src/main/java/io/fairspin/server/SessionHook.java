package io.fairspin.server;

import java.util.Optional;

/**
 * How an operator's own front end hands its player sessions to the server: the front end issues a token
 * to the player (after its own login), and the server asks this hook which session a bearer token
 * belongs to. The session id it returns is what the audit log records for the player's rounds; the
 * token itself is never logged, stored or echoed by the server.
 *
 * <pre>{@code
 * GameServer server = GameServer.builder()...sessionHook(token -> operatorSessions.idOf(token)).build();
 * }</pre>
 *
 * <p>Implementations must be thread-safe and fast (they are asked on every request, on the HTTP server's
 * selector thread: answer from memory, never block), and should compare tokens in constant time. Tokens the
 * server issued itself ({@code POST /api/sessions}) are checked before the hook.
 */
@FunctionalInterface
public interface SessionHook {
    /** A hook that knows no tokens: only the server's own sessions are accepted. */
    SessionHook NONE = token -> Optional.empty();

    /**
     * The session id of {@code token} (at most 128 characters, no control characters), or empty when the
     * token is not a valid session of the operator's.
     *
     * @param token the bearer token of a request, as the client sent it
     * @return the session id, or empty to refuse the request with 403
     */
    Optional<String> sessionOf(String token);
}
