package io.fairspin.rng;

/** A test stream over given bytes, delivered in blocks of a chosen size; running out is an error. */
final class FixedBytes extends RandomStream {
    private final byte[] data;
    private int delivered;

    FixedBytes(byte[] data, int blockSize) {
        super(blockSize);
        this.data = data.clone();
    }

    @Override
    protected void nextBlock(byte[] destination, int offset) {
        if (delivered + blockSize() > data.length) {
            throw new IllegalStateException("test input exhausted after " + delivered + " bytes");
        }
        System.arraycopy(data, delivered, destination, offset, blockSize());
        delivered += blockSize();
    }

    /** Bytes handed out so far (with block size 1: exactly the bytes consumed). */
    int delivered() {
        return delivered;
    }

}
