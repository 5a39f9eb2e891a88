package io.fairspin.audit.monitor;

import java.util.Map;
import java.util.Objects;

/**
 * One alert of the monitor, written as one JSON line (see {@code docs/schema/monitor-alert.schema.json}).
 *
 * @param type     what fired, one of {@link Type}'s names in kebab case ({@code rtp-drift}, {@code rollback}, ...)
 * @param category {@code integrity} (the log, its rounds or the generator), {@code statistics} (a control limit)
 *                 or {@code notice} (a torn tail)
 * @param message  one line for a person
 * @param gameId   the game concerned, or null
 * @param modelHash the model's SHA-256 in hex, or null
 * @param currency the currency of the rounds concerned (a tally's, a round's), or null
 * @param index    the log entry concerned (where a control limit was crossed, for a statistics alert), or -1 when
 *                 none (rounds added without a log)
 * @param roundId  the round concerned, or null
 * @param rounds   rounds of the game read when it fired (0 when not about a game)
 * @param details  figures behind the alert (statistic, limit, observed and expected values), possibly empty
 */
public record Alert(String type, String category, String message, String gameId, String modelHash, String currency,
                    long index,
                    String roundId, long rounds, Map<String, Object> details) {

    /** The alert types. */
    public enum Type {
        /** A game's observed RTP crossed its control limit. */
        RTP_DRIFT(Category.STATISTICS),
        /** A game's observed hit frequency crossed its control limit. */
        HIT_FREQUENCY_DRIFT(Category.STATISTICS),
        /** An award occurs significantly more or less often than the exact figures say. */
        AWARD_FREQUENCY(Category.STATISTICS),
        /** A round names a model hash no model of --models has. */
        UNKNOWN_MODEL(Category.INTEGRITY),
        /**
         * Rounds of a game with exact figures were played at a bet the monitor cannot judge (no exact figures at that
         * bet, or past the bet configurations kept apart): its control limits do not cover them.
         */
        UNJUDGED_ROUNDS(Category.STATISTICS),
        /**
         * A round's win (or outcome) is not what the model gives for its logged outcome, or its bet one the game refuses.
         */
        IMPOSSIBLE_WIN(Category.INTEGRITY),
        /** A round id seen before. */
        DUPLICATE_ROUND(Category.INTEGRITY),
        /** Entries or segments missing. */
        GAP(Category.INTEGRITY),
        /** The log went back: a file shrank, a checkpoint is smaller than one seen before, checkpoints deleted. */
        ROLLBACK(Category.INTEGRITY),
        /** Two histories: a checkpoint of a size seen before with another root, or entries rewritten after read. */
        SPLIT_VIEW(Category.INTEGRITY),
        /** A checkpoint that does not match the entries, is not signed by the log's key, or is missing. */
        CHECKPOINT(Category.INTEGRITY),
        /** A damaged frame or entry. */
        CORRUPT(Category.INTEGRITY),
        /**
         * The newest segment ends inside a frame when a batch run ended: a write in progress, or a crash; a notice, as
         * {@code audit verify} passes it ("OK UP TO A TORN TAIL").
         */
        TORN_TAIL(Category.NOTICE),
        /** More entries after a checkpoint than the log's checkpoint bound (declared, or inferred) allows. */
        UNSIGNED_ENTRIES(Category.INTEGRITY),
        /** The certified generator logged a health-test failure. */
        RNG_HEALTH(Category.INTEGRITY);

        private final Category category;

        Type(Category category) {
            this.category = category;
        }

        /**
         * The name in alerts: lower case, words joined by '-'.
         *
         * @return the type's name, such as {@code rtp-drift}
         */
        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }

        /**
         * Whether alerts of this type are about the log's integrity rather than statistics.
         *
         * @return true for an integrity type (exit code 4)
         */
        public boolean integrity() {
            return category == Category.INTEGRITY;
        }

        /**
         * Whether alerts of this type are about statistics (a control limit).
         *
         * @return true for a statistics type (exit code 5 when no integrity alert fired)
         */
        public boolean statistics() {
            return category == Category.STATISTICS;
        }

        /**
         * The category's name in alerts.
         *
         * @return {@code integrity}, {@code statistics} or {@code notice}
         */
        public String category() {
            return category.name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** What an alert is about, which decides the exit code of a batch run. */
    enum Category {
        /** The log, its rounds or the generator: exit code 4. */
        INTEGRITY,
        /** A control limit: exit code 5. */
        STATISTICS,
        /** Worth knowing, no fault (a torn tail a crash left): exit code 0. */
        NOTICE
    }

    /**
     * Checks the alert's type and message.
     *
     * @param type what fired, one of {@link Type}'s names in kebab case ({@code rtp-drift}, {@code rollback}, ...)
     * @param category {@code integrity} (the log, its rounds or the generator), {@code statistics} (a control limit)
     *                 or {@code notice} (a torn tail)
     * @param message one line for a person
     * @param gameId the game concerned, or null
     * @param modelHash the model's SHA-256 in hex, or null
     * @param currency the currency of the rounds concerned, or null
     * @param index the log entry concerned, or -1 when none
     * @param roundId the round concerned, or null
     * @param rounds rounds of the game read when it fired (0 when not about a game)
     * @param details figures behind the alert (statistic, limit, observed and expected values), possibly empty
     */
    public Alert {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(message, "message");
        details = Map.copyOf(details);
    }

    static Alert of(Type type, String message, String gameId, String modelHash, long index, String roundId, long rounds,
                    Map<String, Object> details) {
        return of(type, message, gameId, modelHash, null, index, roundId, rounds, details);
    }

    static Alert of(Type type, String message, String gameId, String modelHash, String currency, long index,
                    String roundId, long rounds, Map<String, Object> details) {
        return new Alert(type.id(), type.category(), message, gameId, modelHash, currency,
                index, roundId, rounds, details);
    }

    /**
     * Whether this alert is about the log's integrity (exit code 4) rather than statistics (exit code 5).
     *
     * @return true for an integrity alert
     */
    public boolean integrity() {
        return "integrity".equals(category);
    }
}
