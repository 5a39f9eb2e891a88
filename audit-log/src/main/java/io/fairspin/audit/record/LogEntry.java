package io.fairspin.audit.record;

import io.fairspin.audit.json.EntryJson;
import io.fairspin.audit.merkle.MerkleTree;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * One entry of an audit log: its position, the hash of the entry before it, the event, and the canonical
 * bytes the Merkle tree and the hash chain are computed over.
 *
 * <p>Encoding, version 1: {@code version u8 = 1 | type u8 | index i64 | previous_hash [32] | body}.
 * {@code previous_hash} is the RFC 9162 leaf hash of the previous entry (32 zero bytes for entry 0),
 * so the chain and the tree share one hash per entry.
 */
public final class LogEntry {
    /** The version byte this code writes and reads. */
    public static final int VERSION = 1;
    /** The largest encoded entry the log accepts. */
    public static final int MAX_BYTES = 4 << 20;
    /** Each thread's writer for the entries it creates, emptied after each (a round record's 1 KiB, not made per entry). */
    private static final ThreadLocal<CanonicalWriter> WRITER = ThreadLocal.withInitial(CanonicalWriter::new);

    private final long index;
    private final byte[] previousHash;
    private final LogEvent event;
    private final byte[] encoded;
    private final byte[] leafHash;

    private LogEntry(long index, byte[] previousHash, LogEvent event, byte[] encoded, byte[] leafHash) {
        this.index = index;
        this.previousHash = previousHash;
        this.event = event;
        this.encoded = encoded;
        this.leafHash = leafHash;
    }

    /**
     * The entry for {@code event} at {@code index}, chained to the entry whose leaf hash is {@code previousHash}.
     *
     * @param index the entry's index, from 0
     * @param previousHash the previous entry's leaf hash, or {@link #genesisLink()} for entry 0
     * @param event the entry's event
     * @param digest a SHA-256 digest to reuse
     * @return the entry with its canonical bytes and leaf hash
     */
    public static LogEntry create(long index, byte[] previousHash, LogEvent event, MessageDigest digest) {
        CanonicalWriter out = WRITER.get();
        byte[] encoded;
        try {
            out.u8(VERSION).u8(EventCodec.type(event)).i64(index).raw(previousHash);
            EventCodec.encode(event, out);
            encoded = out.toByteArray();
        } finally {
            if (!out.clear()) {
                WRITER.remove();
            }
        }
        if (encoded.length > MAX_BYTES) {
            throw new IllegalArgumentException("the entry is " + encoded.length + " bytes, more than the "
                    + MAX_BYTES + " allowed");
        }
        return new LogEntry(index, previousHash.clone(), event,
                encoded, MerkleTree.leafHash(digest, encoded, 0, encoded.length));
    }

    /**
     * Decodes canonical bytes strictly; the leaf hash is computed from exactly these bytes.
     *
     * @param encoded the canonical bytes, copied
     * @return the entry
     * @throws io.fairspin.audit.record.MalformedRecordException when the bytes are not one canonical entry
     */
    public static LogEntry decode(byte[] encoded) throws MalformedRecordException {
        return decode(encoded.clone(), MerkleTree.sha256());
    }

    /**
     * Decodes bytes the caller hands over (not copied), hashing with the caller's digest.
     *
     * @param encoded the canonical bytes, kept without a copy
     * @param digest a SHA-256 digest to reuse
     * @return the entry
     * @throws io.fairspin.audit.record.MalformedRecordException when the bytes are not one canonical entry
     */
    public static LogEntry decode(byte[] encoded, MessageDigest digest) throws MalformedRecordException {
        CanonicalReader in = new CanonicalReader(encoded);
        int version = in.u8("version");
        if (version != VERSION) {
            throw new MalformedRecordException("version: " + version + ", this fairspin reads version " + VERSION);
        }
        int type = in.u8("type");
        long index = in.i64("index");
        if (index < 0) {
            throw new MalformedRecordException("index: negative (" + index + ")");
        }
        byte[] previous = in.raw("previous_hash", MerkleTree.HASH_BYTES);
        LogEvent event = EventCodec.decode(type, in);
        in.end();
        return new LogEntry(index, previous, event, encoded,
                MerkleTree.leafHash(digest, encoded, 0, encoded.length));
    }

    /**
     * The 32 zero bytes that entry 0 links to.
     *
     * @return a new 32-byte array of zeros
     */
    public static byte[] genesisLink() {
        return new byte[MerkleTree.HASH_BYTES];
    }

    /**
     * The entry's index in the log.
     *
     * @return the index, from 0
     */
    public long index() {
        return index;
    }

    /**
     * The leaf hash of the entry before.
     *
     * @return a copy of the 32 bytes
     */
    public byte[] previousHash() {
        return previousHash.clone();
    }

    /**
     * The leaf hash of the entry before, without a copy; the caller must not change it.
     *
     * @return the entry's own array
     */
    public byte[] previousHashUnsafe() {
        return previousHash;
    }

    /**
     * The event the entry records.
     *
     * @return the round, key announcement, tail cut or generator event
     */
    public LogEvent event() {
        return event;
    }

    /**
     * The entry as readable JSON text, as {@code audit inspect} and dispute packets show it: its index and hashes in
     * hex, the event decoded (a round's outcome and player choices as the game wrote them), bytes that are not JSON
     * in base64.
     *
     * @return one JSON object
     */
    public String toJson() {
        return EntryJson.of(this).toString();
    }

    /**
     * The canonical bytes.
     *
     * @return a copy of the bytes
     */
    public byte[] encoded() {
        return encoded.clone();
    }

    /**
     * The canonical bytes' length.
     *
     * @return the length in bytes
     */
    public int encodedLength() {
        return encoded.length;
    }

    /**
     * The canonical bytes, without a copy; the caller must not change them.
     *
     * @return the entry's own array
     */
    public byte[] encodedUnsafe() {
        return encoded;
    }

    /**
     * SHA-256(0x00 || encoded): the Merkle leaf, and the next entry's {@code previous_hash}.
     *
     * @return a copy of the 32-byte leaf hash
     */
    public byte[] leafHash() {
        return leafHash.clone();
    }

    /**
     * The leaf hash, without a copy; the caller must not change it.
     *
     * @return the entry's own array
     */
    public byte[] leafHashUnsafe() {
        return leafHash;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LogEntry && Arrays.equals(encoded, ((LogEntry) o).encoded);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(leafHash);
    }

    @Override
    public String toString() {
        return "LogEntry[" + index + ", " + event + "]";
    }
}
