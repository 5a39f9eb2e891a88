package io.fairspin.rng.escrow;

/**
 * A last record cut short at the end of an escrow: what a writer killed in the middle of an append
 * leaves behind. The record had not been forced to the device, so no output depends on it: its bytes
 * are cut off (and kept aside) when a writer reopens the file, and a reader stops before them.
 *
 * @param offset where the partial record starts: the end of the last whole record
 * @param length how many bytes of it are present
 */
public record TornTail(long offset, long length) {
    @Override
    public String toString() {
        return "torn last record at offset " + offset + " (" + length + " bytes)";
    }
}
