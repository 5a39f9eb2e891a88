package io.fairspin.cert;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/** Locates the shared known answers ({@code ../shared/reference}) from a test. */
public final class Reference {
    private Reference() {
    }

    /** The reference folder: the {@code fairspin.reference} system property the build sets, else ../shared. */
    public static Path path(String first, String... more) {
        String configured = System.getProperty("fairspin.reference");
        Path root = configured != null ? Paths.get(configured) : Paths.get("..", "..", "shared", "reference");
        if (!Files.isDirectory(root)) {
            throw new IllegalStateException("reference data not found at " + root.toAbsolutePath()
                    + "; clone the project with shared/ beside it");
        }
        return root.normalize().resolve(Paths.get(first, more));
    }
}
