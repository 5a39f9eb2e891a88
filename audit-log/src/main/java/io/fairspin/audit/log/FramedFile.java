package io.fairspin.audit.log;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** A segment or checkpoint file open for appending frames; every sync goes through the {@link Forcer}. */
final class FramedFile implements AutoCloseable {
    /** Makes written bytes durable; tests substitute one that fails. */
    @FunctionalInterface
    interface Forcer {
        void force(FileChannel channel) throws IOException;
    }

    private final FileChannel channel;
    private final Forcer forcer;
    private long size;

    private FramedFile(FileChannel channel, Forcer forcer, long size) {
        this.channel = channel;
        this.forcer = forcer;
        this.size = size;
    }

    /** Creates the file with its header, durably (the file and its directory entry). */
    static FramedFile create(Path path, byte[] header, Forcer forcer) throws IOException {
        FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        FramedFile file = new FramedFile(channel, forcer, 0);
        file.write(ByteBuffer.wrap(header));
        file.force();
        Durable.syncDirectory(path.getParent());
        return file;
    }

    /** Opens an existing file to append after its last valid frame. */
    static FramedFile append(Path path, long validEnd, Forcer forcer) throws IOException {
        FileChannel channel = FileChannel.open(path, StandardOpenOption.WRITE);
        long size = channel.size();
        if (size != validEnd) {
            channel.close();
            throw new IllegalStateException(path + ": " + size + " bytes, expected " + validEnd);
        }
        channel.position(validEnd);
        return new FramedFile(channel, forcer, validEnd);
    }

    long size() {
        return size;
    }

    void write(ByteBuffer bytes) throws IOException {
        while (bytes.hasRemaining()) {
            size += channel.write(bytes);
        }
    }

    void force() throws IOException {
        forcer.force(channel);
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
