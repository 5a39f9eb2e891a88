package io.fairspin.audit.merkle;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/** Locates the shared known answers ({@code ../shared/reference}) from a test. */
public final class Reference {
    private Reference() {
    }

    public static Path path(String first, String... more) {
        String configured = System.getProperty("fairspin.reference");
        Path root = configured != null ? Paths.get(configured) : Paths.get("..", "..", "shared", "reference");
        if (!Files.isDirectory(root)) {
            throw new IllegalStateException("reference data not found at " + root.toAbsolutePath());
        }
        return root.resolve(Paths.get(first, more)).normalize();
    }
}
