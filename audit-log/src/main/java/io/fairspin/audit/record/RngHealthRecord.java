package io.fairspin.audit.record;

import io.fairspin.audit.log.AuditLog;
import java.util.Objects;

/**
 * An event of the certified generator that drew the logged rounds' seeds: a reseed from the entropy source,
 * or a health-test failure that stopped it. A game server writes them into its log (through
 * {@link AuditLog#appendHealth}) so that a monitor reading the log sees them with the rounds.
 *
 * <p>Body encoding, version 1: {@code drbg_id str | kind str | at i64 (epoch milliseconds) | reseeds i64 |
 * detail str}; {@code kind} is {@value #RESEED} or {@value #HEALTH_FAILURE}.
 *
 * @param drbgId  the generator's instance id ({@code CertifiedRandom.instanceId()})
 * @param kind    {@value #RESEED} or {@value #HEALTH_FAILURE}
 * @param atMillis when, in milliseconds since 1970-01-01T00:00:00Z
 * @param reseeds the generator's reseeds so far, this one included
 * @param detail  what happened, for a failure the health test's message; may be empty
 */
public record RngHealthRecord(String drbgId, String kind, long atMillis, long reseeds, String detail)
        implements LogEvent {
    /** A reseed from the entropy source. */
    public static final String RESEED = "reseed";
    /** A health-test failure of the entropy source (or another failure) that stopped the generator. */
    public static final String HEALTH_FAILURE = "health-failure";
    /** The longest detail a record holds, in characters. */
    public static final int MAX_DETAIL = 4096;

    /**
     * The record of an event the certified generator reported to its health listener; a detail longer than
     * {@value #MAX_DETAIL} characters is cut there (ending in "..."), so that the failure is logged whatever its
     * message.
     *
     * @param event the generator's reseed or failure
     * @return the record, its kind {@value #RESEED} or {@value #HEALTH_FAILURE}
     */
    public static RngHealthRecord of(io.fairspin.rng.RngHealthEvent event) {
        return new RngHealthRecord(event.instanceId(), event.kind() == io.fairspin.rng.RngHealthEvent.Kind.RESEED
                ? RESEED : HEALTH_FAILURE, event.atMillis(), event.reseeds(), cut(event.detail()));
    }

    private static String cut(String detail) {
        if (detail.length() <= MAX_DETAIL) {
            return detail;
        }
        int end = MAX_DETAIL - 3;
        if (Character.isHighSurrogate(detail.charAt(end - 1))) {
            end--; // not half a character
        }
        return detail.substring(0, end) + "...";
    }

    /**
     * Checks the fields.
     *
     * @param drbgId the generator's instance id ({@code CertifiedRandom.instanceId()})
     * @param kind {@value #RESEED} or {@value #HEALTH_FAILURE}
     * @param atMillis when, in milliseconds since 1970-01-01T00:00:00Z
     * @param reseeds the generator's reseeds so far, this one included
     * @param detail what happened, for a failure the health test's message; may be empty
     */
    public RngHealthRecord {
        Objects.requireNonNull(detail, "detail");
        if (drbgId.isEmpty() || drbgId.length() > RoundRecord.MAX_ID_BYTES) {
            throw new IllegalArgumentException("drbgId: 1.." + RoundRecord.MAX_ID_BYTES + " characters");
        }
        if (!kind.equals(RESEED) && !kind.equals(HEALTH_FAILURE)) {
            throw new IllegalArgumentException("kind: '" + RESEED + "' or '" + HEALTH_FAILURE + "', was '" + kind + "'");
        }
        if (reseeds < 0) {
            throw new IllegalArgumentException("reseeds: negative");
        }
        if (detail.length() > MAX_DETAIL) {
            throw new IllegalArgumentException("detail: at most " + MAX_DETAIL + " characters");
        }
    }

    void encode(CanonicalWriter out) {
        out.string(drbgId).string(kind).i64(atMillis).i64(reseeds).string(detail);
    }

    static RngHealthRecord decode(CanonicalReader in) throws MalformedRecordException {
        String drbg = in.string("drbg_id", RoundRecord.MAX_ID_BYTES);
        String kind = in.string("kind", 64);
        long at = in.i64("at");
        long reseeds = in.i64("reseeds");
        String detail = in.string("detail", MAX_DETAIL * 4);
        try {
            return new RngHealthRecord(drbg, kind, at, reseeds, detail);
        } catch (IllegalArgumentException e) {
            throw new MalformedRecordException(e.getMessage());
        }
    }
}
