package io.fairspin.audit.monitor;

import io.fairspin.math.Bet;
import io.fairspin.math.BetException;
import io.fairspin.math.Game;
import io.fairspin.math.RoundChoices;
import io.fairspin.math.Wager;
import io.fairspin.math.json.CanonicalCursor;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The bet configurations of one model's rounds, read from their logged player choices. Two bets have one
 * configuration when they differ only in the bet per line, or, for wagers, in their order or by a common factor of
 * their amounts: a game's exact figures are per unit of stake, so such bets share them. {@link #of} is thread-safe
 * and reads a round alone; {@link #admit} is called in log order, so which configurations are kept apart does not
 * depend on the threads.
 */
final class BetClasses {
    /**
     * A bet configuration other than the standard wager.
     *
     * @param key what identifies the configuration
     * @param bet a logged bet of the configuration that the game accepts, to analyse the game at (the figures are the
     *     same at every bet of the configuration); null for {@link #OTHER}
     * @param label the configuration as a bet: lines at the standard bet per line, wagers with their amounts over
     *     their greatest common divisor (canonical JSON)
     */
    record BetClass(String key, Bet bet, String label) {
    }

    /**
     * What a round's logged bet is for the monitor.
     *
     * @param betClass its configuration; null for the standard wager (for a bought round, the standard lines' buy)
     * @param stake the stake it starts at, in minor units (a stake that grows within the round is larger)
     * @param refused why the game refuses the bet, or null when it accepts it
     * @param bought whether the bet buys the feature (false when refused)
     */
    record LoggedBet(BetClass betClass, long stake, String refused, boolean bought) {
        static LoggedBet refused(String why) {
            return new LoggedBet(null, 0, why, false);
        }
    }

    /** The configurations kept apart for one model; the rounds at further ones are counted and not judged. */
    static final int MAX_CLASSES = 16_384;
    /** The configuration of rounds past {@link #MAX_CLASSES}, not judged. */
    static final BetClass OTHER = new BetClass("other", null, null);
    /** The logged bets' bytes remembered with what they are, at most. */
    private static final int MAX_BYTES = 65_536;
    private static final byte[] PREFIX = "{\"bet\":{".getBytes(StandardCharsets.UTF_8);
    private static final byte[] NO_DECISIONS = ",\"decisions\":[]}".getBytes(StandardCharsets.UTF_8);

    private final Game game;
    private final Bet standardBet;
    private final String standardKey;
    private final String standardBuyKey;
    private final Map<ByteBuffer, LoggedBet> byBytes = new ConcurrentHashMap<>();
    /** The configurations admitted, in log order (under the monitor's lock). */
    private final Map<String, BetClass> admitted = new HashMap<>();

    /**
     * The configurations of {@code game}'s rounds.
     *
     * @param game the model's game
     */
    BetClasses(Game game) {
        this.game = game;
        this.standardBet = game.standardBet();
        this.standardKey = key(standardBet);
        this.standardBuyKey = standardBet.isLineBet() ? key(standardBet.withBonusBuy()) : null;
    }

    /**
     * What a round's logged bet is: its configuration, the stake it starts at, or why the game refuses it.
     *
     * @param playerChoices the logged player choices, UTF-8 JSON; empty or null for the standard wager
     * @return the logged bet; null for the standard wager logged without choices
     */
    LoggedBet of(byte[] playerChoices) {
        if (playerChoices == null || playerChoices.length == 0) {
            return null;
        }
        int end = betEnd(playerChoices);
        if (end < 0) {
            return readChoices(playerChoices);
        }
        ByteBuffer betBytes = ByteBuffer.wrap(playerChoices, PREFIX.length - 1, end - PREFIX.length + 1);
        LoggedBet known = byBytes.get(betBytes);
        if (known == null) {
            known = readBet(new String(playerChoices, PREFIX.length - 1, end - PREFIX.length + 1,
                    StandardCharsets.UTF_8));
            if (byBytes.size() < MAX_BYTES) {
                byBytes.putIfAbsent(ByteBuffer.wrap(java.util.Arrays.copyOfRange(playerChoices, PREFIX.length - 1,
                        end)), known);
            }
        }
        return known;
    }

    /**
     * The configuration a round at {@code betClass} is judged in, in log order: the configuration itself, or
     * {@link #OTHER} once {@link #MAX_CLASSES} others are kept apart. Called under the monitor's lock only.
     *
     * @param betClass the configuration {@link #of} read
     * @return the configuration admitted for it
     */
    BetClass admit(BetClass betClass) {
        BetClass kept = admitted.get(betClass.key());
        if (kept != null) {
            return kept;
        }
        if (admitted.size() >= MAX_CLASSES) {
            return OTHER;
        }
        admitted.put(betClass.key(), betClass);
        return betClass;
    }

    /**
     * Where the logged bet's object ends (the index after its closing brace) when the choices are laid out as their
     * canonical form is without decisions (a slot's or a table game's round), {@code {"bet":{...},"decisions":[]}} and
     * nothing else, so that the bet read from those bytes is the one the whole choices hold and they are readable
     * exactly when it is; -1 otherwise (choices with decisions are read whole at each round).
     */
    private static int betEnd(byte[] json) {
        CanonicalCursor cursor = new CanonicalCursor();
        cursor.start(json, 0);
        if (!cursor.literal(PREFIX) || !cursor.skipTo('}')) {
            return -1;
        }
        int end = cursor.at() + 1;
        cursor.moveTo(end);
        return cursor.literal(NO_DECISIONS) && cursor.atEnd() ? end : -1;
    }

    private LoggedBet readChoices(byte[] playerChoices) {
        try {
            return logged(RoundChoices.fromJson(new String(playerChoices, StandardCharsets.UTF_8)).bet());
        } catch (IllegalArgumentException unreadable) {
            return LoggedBet.refused(unreadable.getMessage());
        }
    }

    private LoggedBet readBet(String betJson) {
        try {
            return logged(Bet.fromJson(betJson));
        } catch (BetException unreadable) {
            return LoggedBet.refused("player choices: " + unreadable.getMessage());
        }
    }

    private LoggedBet logged(Bet logged) {
        Bet bet = logged.explicit(standardBet);
        long stake;
        try {
            stake = game.stake(bet);
        } catch (IllegalArgumentException | ArithmeticException refused) {
            // BetException: the game refuses the bet (Game.stake checks it); an amount whose stake overflows a long
            return LoggedBet.refused("player choices: " + refused.getMessage());
        }
        String key = key(bet);
        if (key.equals(bet.isBonusBuy() ? standardBuyKey : standardKey)) {
            return new LoggedBet(null, stake, null, bet.isBonusBuy());
        }
        Bet normal = normal(bet);
        return new LoggedBet(new BetClass(key, bet, normal.toJson()), stake, null, bet.isBonusBuy());
    }

    /** The configuration's bet: lines at the standard bet per line, or wagers with amounts over their gcd. */
    private Bet normal(Bet bet) {
        Bet normal;
        if (bet.isLineBet()) {
            normal = Bet.lines(bet.lines(), standardBet.isLineBet() ? standardBet.lineBet() : bet.lineBet(),
                    bet.coins());
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

    /** What identifies a bet's configuration: its lines and coins, or its wagers, sorted, with amounts over their gcd. */
    static String key(Bet bet) {
        StringBuilder key = new StringBuilder(bet.isBonusBuy() ? "buy " : "");
        if (bet.isLineBet()) {
            return key.append("lines ").append(bet.lines()).append(" coins ").append(bet.coins()).toString();
        }
        long gcd = gcd(bet);
        key.append("wagers");
        bet.wagers().stream().map(w -> w.bet() + w.numbers() + w.odds() + "x" + w.amount() / gcd).sorted()
                .forEach(w -> key.append(' ').append(w));
        return key.toString();
    }
}
