package io.fairspin.audit.record;

import io.fairspin.audit.merkle.MerkleTree;
import java.util.HexFormat;

/**
 * The record of a torn tail cut off when the log was reopened: which segment, from which offset, how many
 * bytes, their SHA-256, and the file under {@code cut/} where they were saved. Logged so that no cut is
 * silent.
 *
 * <p>Body encoding, version 1: {@code segment str | offset i64 | length i64 | sha256 [32] | saved_as str |
 * cut_at i64 (epoch milliseconds)}.
 */
public record TailCut(String segment, long offset, long length, byte[] sha256, String savedAs, long cutAtMillis)
        implements LogEvent {

    void encode(CanonicalWriter out) {
        out.string(segment).i64(offset).i64(length).raw(sha256).string(savedAs).i64(cutAtMillis);
    }

    static TailCut decode(CanonicalReader in) throws MalformedRecordException {
        return new TailCut(in.string("segment", RoundRecord.MAX_ID_BYTES), in.i64("offset"), in.i64("length"),
                in.raw("sha256", MerkleTree.HASH_BYTES), in.string("saved_as", RoundRecord.MAX_ID_BYTES),
                in.i64("cut_at"));
    }

    /**
     * The SHA-256 of the bytes that were cut.
     *
     * @return a copy of the 32-byte hash
     */
    @Override
    public byte[] sha256() {
        return sha256.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TailCut && toString().equals(o.toString()) && cutAtMillis == ((TailCut) o).cutAtMillis;
    }

    @Override
    public int hashCode() {
        return toString().hashCode();
    }

    @Override
    public String toString() {
        return "TailCut[" + segment + " at offset " + offset + ", " + length + " bytes, sha256 "
                + HexFormat.of().formatHex(sha256) + ", saved as " + savedAs + "]";
    }
}
