package io.fairspin.cli;

import io.fairspin.cli.report.Inputs;
import java.io.ByteArrayOutputStream;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The streams a command reads and writes: data on {@code out} (raw bytes, unbuffered), progress and
 * diagnostics on {@code err}, and whether {@code err} is a terminal.
 */
public record Io(InputStream in, OutputStream out, PrintStream err, boolean interactive, Inputs inputs) {

    /**
     * Streams with no input read yet.
     *
     * @param in standard input
     * @param out standard output
     * @param err standard error
     * @param interactive whether stderr is a terminal (progress is shown by default then)
     */
    public Io(InputStream in, OutputStream out, PrintStream err, boolean interactive) {
        this(in, out, err, interactive, new Inputs());
    }

    /**
     * The process's standard streams.
     *
     * @return the streams of this process
     */
    public static Io system() {
        return new Io(new FileInputStream(FileDescriptor.in), new FileOutputStream(FileDescriptor.out), System.err,
                stderrIsTerminal());
    }

    /**
     * Whether stderr is a terminal, whatever stdin and stdout are: on Linux, where file descriptor 2 points; elsewhere,
     * whether the JVM has a console (stdin and stdout both terminals).
     */
    static boolean stderrIsTerminal() {
        Path fd = Path.of("/proc/self/fd/2");
        try {
            if (Files.exists(fd, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                String target = Files.readSymbolicLink(fd).toString();
                return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
            }
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            // fall through to the console test
        }
        return System.console() != null;
    }

    /**
     * The input a command argument names: stdin for "-", else the file (a folder is an error naming it). Either is
     * recorded in {@link #inputs()} for the report.
     *
     * @param file a path, or "-" for stdin
     * @return the open input
     * @throws java.io.IOException when the file cannot be opened
     */
    public InputStream open(String file) throws IOException {
        if (file.equals("-")) {
            return inputs.stdin(in);
        }
        Path path = Path.of(file);
        if (Files.isDirectory(path)) {
            throw new FileSystemException(file, null, "is a folder, expected a file");
        }
        InputStream opened = Files.newInputStream(path);
        inputs.file(path);
        return opened;
    }

    /** The most {@link #readAll} reads: more than any model or dispute packet. */
    public static final int MAX_READ_BYTES = io.fairspin.math.GameModels.MAX_MODEL_BYTES;

    /**
     * Every byte of the input {@code file} names ({@link #open}), at most {@link #MAX_READ_BYTES}: a larger
     * input (or an endless one, such as /dev/zero) is refused naming it, after reading one byte more.
     *
     * @param file a path, or "-" for stdin
     * @return the bytes
     * @throws java.io.IOException when the input cannot be read or is too large
     */
    public byte[] readAll(String file) throws IOException {
        // Not readAllBytes: on JDK 17 a FileInputStream over a pipe fails it with "Illegal seek".
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (InputStream input = open(file)) {
            byte[] buffer = new byte[65536];
            for (int n; (n = input.read(buffer, 0, (int) Math.min(buffer.length,
                    MAX_READ_BYTES + 1L - bytes.size()))) > 0; ) {
                bytes.write(buffer, 0, n);
                if (bytes.size() > MAX_READ_BYTES) {
                    throw new IOException(file + ": larger than " + MAX_READ_BYTES + " bytes, more than any model or"
                            + " packet; refused");
                }
            }
        }
        return bytes.toByteArray();
    }
}
