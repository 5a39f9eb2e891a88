package io.fairspin.audit.log;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The calls that make cut files, truncations and new folder entries durable (fsync) outside the writer's
 * {@link FramedFile.Forcer}. Their effect shows only after the machine loses power, which no unit test does;
 * the long profile's mutation testing leaves calls to this class out (docs/development.md), and
 * {@code CrashTest} pins what a killed writer leaves.
 */
final class Durable {
    private Durable() {
    }

    /** Forces the channel's data and metadata to the device. */
    static void force(FileChannel channel) throws IOException {
        channel.force(true);
    }

    /** Makes a new, renamed or deleted directory entry of {@code dir} durable. */
    static void syncDirectory(Path dir) throws IOException {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }
}
