package io.fairspin.rng.escrow;

/** The kinds of escrow record, with their codes in the record header. */
enum RecordType {
    /** The DRBG was instantiated: mechanism, reseed interval, request size, entropy input, nonce, personalization. */
    INSTANTIATE(1),
    /** The DRBG was reseeded: entropy input and additional input. */
    RESEED(2),
    /** A generate call other than an ordinary request: its length and additional input (round seeds). */
    GENERATE(3),
    /** The DRBG was closed. */
    CLOSE(4),
    /** Several generate calls in a row, recorded together: each one's length and additional input. */
    GENERATE_BATCH(5);

    final int code;

    RecordType(int code) {
        this.code = code;
    }

    /** The type with this code, or null. */
    static RecordType of(int code) {
        for (RecordType t : values()) {
            if (t.code == code) {
                return t;
            }
        }
        return null;
    }
}
