package io.fairspin.cli;

/** The exit codes of the {@code fairspin} command, listed in its {@code --help}. */
public final class ExitCode {
    /** Success. */
    public static final int OK = 0;
    /** An error: bad input, an I/O failure, a failed known-answer test. */
    public static final int ERROR = 1;
    /** A usage error: an unknown option or a missing or malformed argument. */
    public static final int USAGE = 2;
    /** Tampering or corruption found in an audit log or a dispute packet. */
    public static final int TAMPERED = 4;
    /** {@code fairspin simulate}: the simulation disagrees with the game's exact figures (the verdict failed). */
    public static final int SIMULATION_DISAGREES = 5;

    private ExitCode() {
    }
}
