package io.fairspin.audit.log;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The layout of a log folder: segment files named by the index of their first entry
 * ({@code 00000000000000000000.seg}), the {@code checkpoints} file, and {@code cut/} for torn tails.
 */
final class LogFiles {
    static final String CHECKPOINTS = "checkpoints";
    static final String CUT = "cut";
    private static final String SEGMENT_SUFFIX = ".seg";

    private LogFiles() {
    }

    static String segmentName(long firstIndex) {
        return String.format("%020d", firstIndex) + SEGMENT_SUFFIX;
    }

    /** The segment files in index order. */
    static List<Path> segments(Path dir) throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(p -> p.getFileName().toString().matches("[0-9]{20}\\.seg"))
                    .sorted().collect(Collectors.toList());
        }
    }

    /** The whole file, read into memory (segments are bounded in size). */
    static ByteBuffer read(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size > Integer.MAX_VALUE - 8) {
                throw new IOException(file + ": " + size + " bytes, larger than a segment can be");
            }
            ByteBuffer buffer = ByteBuffer.allocate((int) size);
            while (buffer.hasRemaining()) {
                if (channel.read(buffer) < 0) {
                    break;
                }
            }
            return buffer.flip();
        }
    }
}
