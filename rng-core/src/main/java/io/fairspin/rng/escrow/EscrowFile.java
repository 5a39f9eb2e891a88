package io.fairspin.rng.escrow;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The default escrow store: an append-only file of records, each forced to the device
 * ({@link FileChannel#force(boolean)}, data and metadata) before {@link #append} returns. A failed
 * append cuts the file back to its last complete record where it can, and the store accepts nothing
 * more: escrow fails closed.
 */
public final class EscrowFile implements EscrowStore {
    private final Path path;
    private final FileChannel channel;
    private IOException failure;

    private EscrowFile(Path path, FileChannel channel) {
        this.path = path;
        this.channel = channel;
    }

    /** Opens {@code path} for appending records, creating it if absent. */
    public static EscrowFile open(Path path) throws IOException {
        return new EscrowFile(path, FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND));
    }

    /** The file's path. */
    public Path path() {
        return path;
    }

    @Override
    public synchronized void append(byte[] record) throws IOException {
        if (failure != null) {
            throw new IOException(path + ": escrow file failed earlier and accepts no more records", failure);
        }
        long size = -1;
        try {
            size = channel.size();
            ByteBuffer buffer = ByteBuffer.wrap(record);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        } catch (IOException e) {
            failure = e;
            if (size >= 0) {
                cutBack(size);
            }
            String reason = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
            throw new IOException(path + ": escrow record could not be written durably: " + reason, e);
        }
    }

    private void cutBack(long size) {
        try {
            channel.truncate(size);
            channel.force(true);
        } catch (IOException ignored) {
            // The reader reports a partial last record with its offset.
        }
    }

    @Override
    public synchronized void close() throws IOException {
        channel.close();
    }

    @Override
    public String toString() {
        return "EscrowFile[" + path + "]";
    }
}
