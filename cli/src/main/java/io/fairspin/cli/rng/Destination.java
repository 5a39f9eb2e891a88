package io.fairspin.cli.rng;

import io.fairspin.cli.Io;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where a collection command writes its data: a file, or standard output for none or '-'. */
final class Destination {
    private Destination() {
    }

    static boolean isStdout(String path) {
        return path == null || path.equals("-");
    }

    /** Opens the destination; closing what is returned never closes standard output. */
    private static OutputStream open(String path, Io io) throws IOException {
        if (isStdout(path)) {
            return new FilterOutputStream(io.out()) {
                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    out.write(b, off, len);
                }

                @Override
                public void close() throws IOException {
                    flush();
                }
            };
        }
        return Files.newOutputStream(Path.of(path));
    }

    /** Writes the data of a command to a destination. */
    interface Body {
        void write(OutputStream sink) throws IOException;
    }

    /**
     * Opens the destination, writes {@code body} to it and closes it. When the reader of standard output
     * goes away, the run ends quietly.
     */
    static void write(String path, Io io, Body body) throws IOException {
        try (OutputStream sink = open(path, io)) {
            body.write(sink);
        } catch (IOException e) {
            if (!(isStdout(path) && isBrokenPipe(e))) {
                throw e;
            }
        }
    }

    /** Whether the reader of a pipe went away (for example 'head' or a test battery that has enough). */
    private static boolean isBrokenPipe(IOException e) {
        String message = e.getMessage();
        return message != null && message.contains("Broken pipe");
    }
}
