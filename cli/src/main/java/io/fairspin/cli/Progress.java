package io.fairspin.cli;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Progress of a long run on stderr: a bar, done and total, rate, time left and an optional detail
 * supplied by the command. On a terminal one line is rewritten every second; otherwise a full line is
 * printed every ten seconds.
 */
public final class Progress {
    private final PrintStream err;
    private final String unit;
    private final long total;
    private final boolean enabled;
    private final boolean interactive;
    private final long start = System.nanoTime();
    private final long intervalNanos;
    private long nextReport;
    private long done;
    private volatile String detail = "";

    /**
     * @param enabled whether to print at all (callers decide by size and by the --progress option)
     * @param io the streams; progress goes to stderr
     * @param unit what is counted, such as "rounds"
     * @param total the units to do, or 0 when unknown
     */
    public Progress(Io io, String unit, long total, boolean enabled) {
        this.err = io.err();
        this.unit = unit;
        this.total = total;
        this.enabled = enabled;
        this.interactive = io.interactive();
        this.intervalNanos = (interactive ? 1L : 10L) * 1_000_000_000L;
        this.nextReport = start + intervalNanos;
    }

    /**
     * Records {@code amount} more units done.
     *
     * @param amount units done since the last call
     */
    public void advance(long amount) {
        done += amount;
        if (enabled) {
            long now = System.nanoTime();
            if (now >= nextReport) {
                nextReport = now + intervalNanos;
                report(now);
            }
        }
    }

    /**
     * Sets the text shown after the time left, for example a running figure; empty for none.
     *
     * @param text the detail, or empty
     */
    public void detail(String text) {
        this.detail = text;
    }

    /** Ends the progress line, if one was shown. */
    public void finish() {
        if (enabled && interactive) {
            report(System.nanoTime());
            err.println();
        }
    }

    /**
     * Seconds since the start.
     *
     * @return the elapsed time in seconds
     */
    public double elapsedSeconds() {
        return (System.nanoTime() - start) / 1e9;
    }

    /**
     * Units per second so far.
     *
     * @return units per second
     */
    public double rate() {
        double seconds = elapsedSeconds();
        return seconds > 0 ? done / seconds : 0;
    }

    private void report(long now) {
        double seconds = (now - start) / 1e9;
        double rate = done / Math.max(seconds, 1e-9);
        double left = rate > 0 ? (total - done) / rate : Double.NaN;
        double fraction = Math.min(1.0, (double) done / Math.max(total, 1));
        String line = String.format(Locale.ROOT, "%s %5.1f%%  %s of %s %s  %s/s  %s left%s", bar(fraction),
                100 * fraction, human(done), human(total), unit, human((long) rate),
                Double.isNaN(left) ? "?" : duration(left), detail.isEmpty() ? "" : "  " + detail);
        if (interactive) {
            err.print("\r" + line + "   ");
        } else {
            err.println(line);
        }
        err.flush();
    }

    private static String bar(double fraction) {
        int width = 20;
        int filled = (int) Math.round(fraction * width);
        return "[" + "#".repeat(filled) + ".".repeat(width - filled) + "]";
    }

    /**
     * 1234567 -> "1.23M": decimal prefixes, three significant digits.
     *
     * @param value a count
     * @return the count with three significant digits and a K, M, G or T prefix
     */
    public static String human(long value) {
        String[] prefixes = {"", "K", "M", "G", "T", "P"};
        double v = value;
        int i = 0;
        while (Math.abs(v) >= 1000 && i < prefixes.length - 1) {
            v /= 1000;
            i++;
        }
        return i == 0 ? Long.toString(value) : String.format(Locale.ROOT, "%.3g%s", v, prefixes[i]);
    }

    private static String duration(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%dh%02dm", s / 3600, s % 3600 / 60)
                : String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
    }
}
