package io.fairspin.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/** Turns an exception into the one line a user reads; never includes secret material. */
final class UserErrors {
    private UserErrors() {
    }

    static String describe(Throwable e) {
        Throwable cause = e instanceof UncheckedIOException && e.getCause() != null ? e.getCause() : e;
        if (cause instanceof NoSuchFileException) {
            return "no such file: " + ((NoSuchFileException) cause).getFile();
        }
        if (cause instanceof AccessDeniedException) {
            return "permission denied: " + ((AccessDeniedException) cause).getFile();
        }
        if (cause instanceof FileAlreadyExistsException) {
            FileAlreadyExistsException exists = (FileAlreadyExistsException) cause;
            return "file exists: " + exists.getFile() + (exists.getReason() == null ? "" : " (" + exists.getReason() + ")");
        }
        if (cause instanceof NotDirectoryException) {
            return "not a directory: " + ((NotDirectoryException) cause).getFile();
        }
        if (cause instanceof IOException || cause instanceof IllegalArgumentException
                || cause instanceof IllegalStateException
                || cause.getClass().getName().startsWith("io.fairspin.") && cause.getMessage() != null) {
            return String.valueOf(cause.getMessage());
        }
        String message = cause.getMessage();
        return cause.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
