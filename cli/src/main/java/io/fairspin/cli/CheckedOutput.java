package io.fairspin.cli;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Standard output that remembers its first write error. Commands often write through a
 * {@code PrintStream}, which swallows errors; {@link Main} asks this stream afterwards, so that output
 * lost to a full disk ({@code /dev/full}) is an error (exit code 1), not a success. A reader that went
 * away (a broken pipe, as after {@code head}) is not an error: the run ends quietly, as before.
 */
final class CheckedOutput extends FilterOutputStream {
    private IOException failure;

    CheckedOutput(OutputStream out) {
        super(out);
    }

    @Override
    public void write(int b) throws IOException {
        try {
            out.write(b);
        } catch (IOException e) {
            throw remember(e);
        }
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        try {
            out.write(b, off, len);
        } catch (IOException e) {
            throw remember(e);
        }
    }

    @Override
    public void flush() throws IOException {
        try {
            out.flush();
        } catch (IOException e) {
            throw remember(e);
        }
    }

    private synchronized IOException remember(IOException e) {
        if (failure == null) {
            failure = e;
        }
        return e;
    }

    /** The first write error other than a broken pipe, after a last flush; null when there was none. */
    synchronized IOException failure() {
        try {
            out.flush();
        } catch (IOException e) {
            remember(e);
        }
        if (failure == null) {
            return null;
        }
        String message = failure.getMessage();
        return message != null && message.contains("Broken pipe") ? null : failure;
    }
}
