package io.fairspin.rng.internal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The calls that make written bytes and new folder entries durable (fsync), for writers that take no
 * {@link FileChannel} seam of their own. Their effect shows only after the machine loses power, which no
 * unit test does; the long profile's mutation testing leaves calls to this class out (docs/development.md),
 * and the crash tests pin what a killed process leaves. Not exported from the module.
 */
public final class Durable {
    private Durable() {
    }

    /**
     * Forces the channel's data and metadata to the device.
     *
     * @param channel an open file channel
     * @throws IOException when the device reports a failure
     */
    public static void force(FileChannel channel) throws IOException {
        channel.force(true);
    }

    /**
     * Forces {@code folder}'s entries (a file just created, renamed or deleted in it) to the device.
     *
     * @param folder an existing folder
     * @throws IOException when it cannot be opened or synced
     */
    public static void syncFolder(Path folder) throws IOException {
        try (FileChannel dir = FileChannel.open(folder, StandardOpenOption.READ)) {
            dir.force(true);
        }
    }
}
