package io.fairspin.rng;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;

/**
 * The operating system's entropy: {@code /dev/urandom} where it exists (Linux, macOS, BSD), otherwise
 * the Windows CryptoAPI generator through the JDK. Thread-safe.
 *
 * <p>Both are conditioned outputs of the kernel's own generator rather than raw noise; fairspin still
 * runs SP 800-90B's continuous health tests over them (see {@link HealthTestedEntropySource}) so that a
 * broken or stubbed device is caught rather than trusted.
 */
public final class OsEntropySource implements EntropySource {
    private static final Path DEV_URANDOM = Path.of("/dev/urandom");

    private final InputStream device;
    private final SecureRandom windows;

    private OsEntropySource(InputStream device, SecureRandom windows) {
        this.device = device;
        this.windows = windows;
    }

    /**
     * Opens the operating system's source.
     *
     * @return the source (/dev/urandom on Linux and macOS, the native strong source elsewhere)
     * @throws RngFailureException when this system has none fairspin knows
     */
    public static OsEntropySource open() {
        if (Files.isReadable(DEV_URANDOM)) {
            try {
                return new OsEntropySource(Files.newInputStream(DEV_URANDOM), null);
            } catch (IOException e) {
                throw new RngFailureException("cannot open " + DEV_URANDOM + ": " + e.getMessage(), e);
            }
        }
        try {
            return new OsEntropySource(null, SecureRandom.getInstance("Windows-PRNG"));
        } catch (GeneralSecurityException e) {
            throw new RngFailureException("no operating-system entropy source: neither " + DEV_URANDOM
                    + " nor the Windows-PRNG is available", e);
        }
    }

    @Override
    public synchronized void read(byte[] samples) {
        if (windows != null) {
            windows.nextBytes(samples);
            return;
        }
        try {
            int read = device.readNBytes(samples, 0, samples.length);
            if (read != samples.length) {
                throw new RngFailureException(DEV_URANDOM + " returned " + read + " of " + samples.length + " bytes");
            }
        } catch (IOException e) {
            throw new RngFailureException("cannot read " + DEV_URANDOM + ": " + e.getMessage(), e);
        }
    }
}
