package io.fairspin.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.function.Consumer;

/**
 * Writes a report file whole or not at all: to a temporary file of its own beside it (a random name, made
 * with CREATE_NEW, so two writers of one report, in one process or two, or a crashed writer's leftover,
 * never share one), forced, then renamed over the target atomically. A failed write (a full disk, a
 * missing folder) leaves no partial file, and its error names the report's file.
 */
public final class ReportFiles {
    private ReportFiles() {
    }

    /**
     * Writes {@code text} (UTF-8) to {@code target}.
     *
     * @param target the file
     * @param text the content
     * @throws java.io.IOException when the file cannot be written
     */
    public static void write(Path target, String text) throws IOException {
        write(target, text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Writes what {@code body} prints to {@code target}.
     *
     * @param target the file
     * @param body prints the content
     * @throws java.io.IOException when the file cannot be written
     */
    public static void print(Path target, Consumer<PrintStream> body) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(bytes, false, StandardCharsets.UTF_8)) {
            body.accept(out);
        }
        write(target, bytes.toByteArray());
    }

    private static final java.security.SecureRandom NAMES = new java.security.SecureRandom();

    /** A new, empty file beside {@code target} with a name no other writer uses: {@code .NAME.RANDOM.tmp}. */
    static Path newTemp(Path target) throws IOException {
        for (int attempt = 0; ; attempt++) {
            Path temp = target.resolveSibling("." + target.getFileName() + "." + Long.toUnsignedString(NAMES.nextLong(), 36)
                    + ".tmp");
            try {
                Files.newByteChannel(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE).close();
                return temp;
            } catch (java.nio.file.FileAlreadyExistsException e) {
                if (attempt == 9) {
                    throw e;
                }
            }
        }
    }

    /**
     * Writes {@code content} to {@code target}.
     *
     * @param target the file
     * @param content the content
     * @throws java.io.IOException when the file cannot be written
     */
    public static void write(Path target, byte[] content) throws IOException {
        if (Files.exists(target) && !Files.isRegularFile(target)) {
            // A device or a pipe (/dev/stdout, a FIFO): written in place, never renamed over.
            try (var out = Files.newOutputStream(target)) {
                out.write(content);
            } catch (IOException e) {
                throw failed(target, e);
            }
            return;
        }
        writeAll(java.util.Map.of(target, content));
    }

    /**
     * Writes several files all or none: each to a temporary file of its own beside it, forced; only when every one is
     * complete are they renamed over their targets, in order (put the file the others describe last). A failure
     * removes every temporary file, and a failed rename undoes the renames before it: a target that was not there is
     * removed, one that was is given back what it held (kept as a hard link, or a copy, until every rename is done).
     *
     * @param files each target with its content, in the order to rename them
     * @throws java.io.IOException when a file cannot be written or renamed (naming it)
     */
    public static void writeAll(java.util.Map<Path, byte[]> files) throws IOException {
        java.util.Map<Path, Path> temps = new java.util.LinkedHashMap<>();
        java.util.Map<Path, Path> kept = new java.util.LinkedHashMap<>();
        java.util.Deque<Path> renamed = new java.util.ArrayDeque<>();
        Path current = null;
        try {
            for (var file : files.entrySet()) {
                current = file.getKey();
                Path temp = newTemp(current);
                temps.put(current, temp);
                try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                    ByteBuffer buffer = ByteBuffer.wrap(file.getValue());
                    while (buffer.hasRemaining()) {
                        channel.write(buffer);
                    }
                    channel.force(true);
                }
            }
            for (Path target : temps.keySet()) {
                current = target;
                if (Files.isRegularFile(target, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    kept.put(target, keep(target));
                }
            }
            for (var temp : temps.entrySet()) {
                current = temp.getKey();
                Files.move(temp.getValue(), current, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                renamed.push(current);
            }
            temps.clear();
        } catch (IOException | RuntimeException e) {
            undo(renamed, kept, e);
            temps.values().forEach(temp -> delete(temp, e));
            if (e instanceof IOException io) {
                throw failed(current, io);
            }
            throw (RuntimeException) e;
        } finally {
            kept.values().forEach(link -> delete(link, null));
        }
    }

    /** A second name for what {@code target} holds now (a hard link, or a copy where links cannot be made). */
    private static Path keep(Path target) throws IOException {
        Path link = newTemp(target);
        Files.delete(link);
        try {
            Files.createLink(link, target);
        } catch (UnsupportedOperationException | java.nio.file.FileSystemException e) {
            try {
                Files.copy(target, link, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException copyFailed) {
                delete(link, copyFailed);
                throw copyFailed;
            }
        }
        return link;
    }

    /** Undoes the renames, latest first: each target gets back what it held, or is removed when it was not there. */
    private static void undo(java.util.Deque<Path> renamed, java.util.Map<Path, Path> kept, Exception cause) {
        for (Path target : renamed) {
            try {
                Path before = kept.remove(target);
                if (before == null) {
                    Files.deleteIfExists(target);
                } else {
                    Files.move(before, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                }
            } catch (IOException undoFailed) {
                cause.addSuppressed(undoFailed);
            }
        }
    }

    /** Removes {@code file} if it is there; a failure is added to {@code cause} (when there is one). */
    private static void delete(Path file, Exception cause) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            if (cause != null) {
                cause.addSuppressed(e);
            }
        }
    }

    /** The error of a report that could not be written, naming its file (and the JDK's terse reasons in words). */
    private static IOException failed(Path target, IOException e) {
        if (e instanceof java.nio.file.NoSuchFileException || e instanceof java.nio.file.AccessDeniedException) {
            return new IOException(target + ": cannot write the report: " + e.getClass().getSimpleName()
                    .replace("Exception", "").replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT), e);
        }
        return new IOException(target + ": cannot write the report: " + (e.getMessage() != null ? e.getMessage()
                : e.getClass().getSimpleName()), e);
    }
}
