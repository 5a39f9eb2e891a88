package io.fairspin.cli;

import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;

/**
 * The streams a command reads and writes: data on {@code out} (raw bytes, unbuffered), progress and
 * diagnostics on {@code err}, and whether {@code err} is a terminal.
 */
public record Io(InputStream in, OutputStream out, PrintStream err, boolean interactive) {

    /** The process's standard streams. */
    public static Io system() {
        return new Io(new FileInputStream(FileDescriptor.in), new FileOutputStream(FileDescriptor.out), System.err,
                System.console() != null);
    }
}
