package io.fairspin.audit.round;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a logged round's seed is escrowed, as the record's {@code escrow_reference} says it:
 * {@code fairspin-escrow/1 key=<auditor key ID> drbg=<DRBG instance ID> round=<round id>}, the IDs being
 * 16 lowercase hex digits. With the auditor's key, the escrow of that key recomputes the seed that
 * instance drew for the round id ({@code EscrowReplay.round}).
 *
 * @param keyId      the auditor's key ID, as in every escrow record
 * @param instanceId the DRBG instance that drew the round's seed
 * @param roundId    the round id the seed was drawn for
 */
public record EscrowReference(String keyId, String instanceId, String roundId) {
    private static final Pattern FORMAT = Pattern.compile(
            "fairspin-escrow/1 key=([0-9a-f]{16}) drbg=([0-9a-f]{16}) round=(.+)", Pattern.DOTALL);

    /**
     * The reference as it is logged.
     *
     * @return the text form, which {@link #parse(String)} reads back
     */
    public String encode() {
        return "fairspin-escrow/1 key=" + keyId + " drbg=" + instanceId + " round=" + roundId;
    }

    /**
     * Reads a logged reference.
     *
     * @param text a logged reference
     * @return the reference
     * @throws IllegalArgumentException when it is not one written by {@link #encode()}
     */
    public static EscrowReference parse(String text) {
        Matcher m = FORMAT.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("escrow_reference: '" + text + "' is not of the form 'fairspin-escrow/1"
                    + " key=<16 hex digits> drbg=<16 hex digits> round=<round id>'");
        }
        return new EscrowReference(m.group(1), m.group(2), m.group(3));
    }
}
