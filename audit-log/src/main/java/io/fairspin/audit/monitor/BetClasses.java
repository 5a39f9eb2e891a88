package io.fairspin.audit.monitor;

import io.fairspin.math.Bet;
import io.fairspin.math.Game;
import io.fairspin.math.RoundChoices;
import io.fairspin.math.Wager;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The bet configurations of one model's rounds, read from their logged player choices. Two bets have one
 * configuration when they differ only in the bet per line, or, for wagers, by a common factor of their amounts: a
 * game's exact figures are per unit of stake, so such bets share them. Thread-safe; one object per configuration, so
 * that the monitor compares configurations by identity.
 */
final class BetClasses {
    /**
     * A bet configuration other than the standard wager.
     *
     * @param key what identifies the configuration
     * @param bet the bet to analyse the game at: for lines, at the standard bet per line; for wagers, the first
     *     logged bet of the configuration read (null for {@link #OTHER})
     * @param label the configuration as a bet, the same whatever order its rounds are read in: lines at the standard
     *     bet per line, wagers with their amounts over their greatest common divisor (canonical JSON)
     */
    record BetClass(String key, Bet bet, String label) {
    }

    /** The configurations kept apart for one model; the rounds at further ones are counted and not judged. */
    static final int MAX_CLASSES = 16_384;
    /** The configuration of rounds past {@link #MAX_CLASSES}, not judged. */
    static final BetClass OTHER = new BetClass("other", null, null);
    /** The logged bets' bytes remembered with their configuration, at most. */
    private static final int MAX_BYTES = 65_536;
    private static final byte[] PREFIX = "{\"bet\":{".getBytes(StandardCharsets.UTF_8);
    /** What {@link #byBytes} holds for the standard wager (a map holds no null). */
    private static final BetClass STANDARD = new BetClass("standard", null, null);

    private final Bet standardBet;
    private final String standardKey;
    private final String standardBuyKey;
    private final Map<String, BetClass> byKey = new ConcurrentHashMap<>();
    private final Map<ByteBuffer, BetClass> byBytes = new ConcurrentHashMap<>();

    /**
     * The configurations of {@code game}'s rounds.
     *
     * @param game the model's game
     */
    BetClasses(Game game) {
        this.standardBet = game.standardBet();
        this.standardKey = key(standardBet);
        this.standardBuyKey = standardBet.isLineBet() ? key(standardBet.withBonusBuy()) : null;
    }

    /**
     * The configuration of a round's logged bet.
     *
     * @param playerChoices the logged player choices, UTF-8 JSON; empty or null for the standard wager
     * @return the configuration; null for the standard wager (for a bought round, the standard lines' buy) and for
     *     choices that cannot be read (the round's outcome check says what is wrong with them)
     */
    BetClass of(byte[] playerChoices) {
        if (playerChoices == null || playerChoices.length == 0) {
            return null;
        }
        int end = betEnd(playerChoices);
        if (end < 0) {
            return read(playerChoices);
        }
        ByteBuffer betBytes = ByteBuffer.wrap(playerChoices, PREFIX.length - 1, end - PREFIX.length + 1);
        BetClass known = byBytes.get(betBytes);
        if (known == null) {
            known = read(playerChoices);
            if (byBytes.size() < MAX_BYTES) {
                byte[] copy = java.util.Arrays.copyOfRange(playerChoices, PREFIX.length - 1, end);
                byBytes.putIfAbsent(ByteBuffer.wrap(copy), known == null ? STANDARD : known);
            }
            return known;
        }
        return known == STANDARD ? null : known;
    }

    /**
     * Where the logged bet's object ends (the index after its closing brace) when the choices start with it, as
     * their canonical form does; -1 otherwise.
     */
    private static int betEnd(byte[] json) {
        if (json.length < PREFIX.length || !java.util.Arrays.equals(json, 0, PREFIX.length, PREFIX, 0, PREFIX.length)) {
            return -1;
        }
        int depth = 1;
        for (int i = PREFIX.length; i < json.length; i++) {
            byte b = json[i];
            if (b == '"') {
                i = stringEnd(json, i);
                if (i < 0) {
                    return -1;
                }
            } else if (b == '{' || b == '[') {
                depth++;
            } else if ((b == '}' || b == ']') && --depth == 0) {
                return i + 1;
            }
        }
        return -1;
    }

    /** The index of the quote closing the string opened at {@code open}; -1 when it is not closed. */
    private static int stringEnd(byte[] json, int open) {
        for (int i = open + 1; i < json.length; i++) {
            if (json[i] == '\\') {
                i++;
            } else if (json[i] == '"') {
                return i;
            }
        }
        return -1;
    }

    private BetClass read(byte[] playerChoices) {
        Bet bet;
        try {
            bet = RoundChoices.fromJson(new String(playerChoices, StandardCharsets.UTF_8)).bet().explicit(standardBet);
        } catch (IllegalArgumentException unreadable) {
            return null;
        }
        String key = key(bet);
        if (key.equals(bet.isBonusBuy() ? standardBuyKey : standardKey)) {
            return null;
        }
        BetClass known = byKey.get(key);
        if (known != null) {
            return known;
        }
        if (byKey.size() >= MAX_CLASSES) {
            return OTHER;
        }
        return byKey.computeIfAbsent(key, k -> {
            Bet normal = normal(bet);
            return new BetClass(k, bet.isLineBet() ? normal : bet, normal.toJson());
        });
    }

    /** The configuration's bet: lines at the standard bet per line, or wagers with amounts over their gcd. */
    private Bet normal(Bet bet) {
        Bet normal;
        if (bet.isLineBet()) {
            normal = Bet.lines(bet.lines(), standardBet.lineBet(), bet.coins());
        } else {
            long gcd = gcd(bet);
            normal = Bet.wagers(bet.wagers().stream().map(w -> new Wager(w.bet(), w.amount() / gcd, w.numbers(),
                    w.odds())).toList());
        }
        return bet.isBonusBuy() ? normal.withBonusBuy() : normal;
    }

    private static long gcd(Bet bet) {
        java.math.BigInteger gcd = java.math.BigInteger.ZERO;
        for (Wager w : bet.wagers()) {
            gcd = gcd.gcd(java.math.BigInteger.valueOf(w.amount()));
        }
        return gcd.signum() == 0 ? 1 : gcd.longValueExact();
    }

    /** What identifies a bet's configuration: its lines and coins, or its wagers with amounts over their gcd. */
    static String key(Bet bet) {
        StringBuilder key = new StringBuilder(bet.isBonusBuy() ? "buy " : "");
        if (bet.isLineBet()) {
            return key.append("lines ").append(bet.lines()).append(" coins ").append(bet.coins()).toString();
        }
        long gcd = gcd(bet);
        key.append("wagers");
        for (Wager w : bet.wagers()) {
            key.append(' ').append(w.bet()).append(w.numbers()).append(w.odds()).append('x').append(w.amount() / gcd);
        }
        return key.toString();
    }
}
