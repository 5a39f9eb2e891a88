package io.fairspin.audit.log;

/** The acknowledgement of a durable entry: its index in the log and its Merkle leaf hash. */
public record Receipt(long index, byte[] leafHash) {
    /**
     * The entry's Merkle leaf hash.
     *
     * @return a copy of the 32-byte leaf hash
     */
    @Override
    public byte[] leafHash() {
        return leafHash.clone();
    }
}
