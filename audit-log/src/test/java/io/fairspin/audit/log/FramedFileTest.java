package io.fairspin.audit.log;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A segment or checkpoint file through its {@link FramedFile.Forcer}: a new file's header goes through the
 * forcer before {@code create} returns (a recording forcer sees the file holding the whole header); an
 * existing file is appended to only at the end of its valid frames, and one of another size is refused.
 */
class FramedFileTest {
    @TempDir
    Path dir;

    @Test
    void aNewFilesHeaderIsForcedBeforeCreateReturns() throws Exception {
        List<Long> forcedAt = new ArrayList<>();
        Path path = dir.resolve("segment");
        byte[] header = {1, 2, 3, 4, 5};
        try (FramedFile file = FramedFile.create(path, header, channel -> forcedAt.add(channel.size()))) {
            assertEquals(List.of(5L), forcedAt, "forced once, with the header written");
            assertEquals(5, file.size());
            file.write(ByteBuffer.wrap(new byte[] {6, 7}));
            assertEquals(7, file.size());
            assertEquals(List.of(5L), forcedAt, "a write alone is not forced");
            file.force();
            assertEquals(List.of(5L, 7L), forcedAt);
        }
        assertArrayEquals(new byte[] {1, 2, 3, 4, 5, 6, 7}, Files.readAllBytes(path));
    }

    @Test
    void anExistingFileIsAppendedToAtItsValidEndOnly() throws Exception {
        Path path = dir.resolve("segment");
        Files.write(path, new byte[] {1, 2, 3});
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> FramedFile.append(path, 2, channel -> { }));
        assertEquals(path + ": 3 bytes, expected 2", e.getMessage());
        try (FramedFile file = FramedFile.append(path, 3, channel -> { })) {
            assertEquals(3, file.size());
            file.write(ByteBuffer.wrap(new byte[] {4}));
            assertEquals(4, file.size());
        }
        assertArrayEquals(new byte[] {1, 2, 3, 4}, Files.readAllBytes(path));
        FramedFile closed = FramedFile.append(path, 4, channel -> { });
        closed.close();
        assertThrows(java.nio.channels.ClosedChannelException.class, () -> closed.write(ByteBuffer.wrap(new byte[] {5})));
    }

    /** The process's open file descriptors on {@code path} (Linux: the links of /proc/self/fd). */
    private static long openDescriptors(Path path) throws java.io.IOException {
        Path target = path.toRealPath();
        try (java.util.stream.Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.filter(fd -> {
                try {
                    return Files.readSymbolicLink(fd).equals(target);
                } catch (java.io.IOException | UnsupportedOperationException gone) {
                    return false; // closed meanwhile (the listing's own descriptor)
                }
            }).count();
        }
    }

    @Test
    void aRefusedAppendLeavesNoDescriptorOpen() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(Path.of("/proc/self/fd")), "Linux's /proc");
        Path path = dir.resolve("segment");
        Files.write(path, new byte[] {1, 2, 3});
        try (FramedFile open = FramedFile.append(path, 3, channel -> { })) {
            assertEquals(1, openDescriptors(path), "control: an open file is seen");
        }
        assertEquals(0, openDescriptors(path));
        for (int i = 0; i < 20; i++) {
            assertThrows(IllegalStateException.class, () -> FramedFile.append(path, 2, channel -> { }));
        }
        assertEquals(0, openDescriptors(path), "each refusal closed the channel it opened");
    }
}
