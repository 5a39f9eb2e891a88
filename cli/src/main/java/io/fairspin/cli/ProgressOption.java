package io.fairspin.cli;

import picocli.CommandLine.Option;

/** {@code --progress} / {@code --no-progress}, as a mixin of every long-running command. */
public final class ProgressOption {
    @Option(names = "--progress", negatable = true,
            description = "Show progress on stderr; --no-progress: never (default: when stderr is a terminal).")
    Boolean progress;

    /**
     * Whether to show progress: as asked, else when stderr is a terminal.
     *
     * @param io the streams, for whether stderr is a terminal
     * @return true to show progress
     */
    public boolean enabled(Io io) {
        return progress != null ? progress : io.interactive();
    }

    /**
     * A progress meter of {@code total} {@code unit}s, shown as {@link #enabled} says.
     *
     * @param io the streams; progress goes to stderr
     * @param unit what is counted, such as "rounds"
     * @param total the units to do
     * @return the meter
     */
    public Progress meter(Io io, String unit, long total) {
        return new Progress(io, unit, total, enabled(io));
    }
}
