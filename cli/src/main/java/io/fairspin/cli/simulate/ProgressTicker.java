package io.fairspin.cli.simulate;

import io.fairspin.cli.Progress;
import io.fairspin.sim.Simulation;
import io.fairspin.sim.Statistics;
import java.util.Locale;

/** Feeds a progress line with a running simulation's rounds and its running RTP with its interval. */
final class ProgressTicker {
    private static final long TICK_MILLIS = 250;

    private final Simulation simulation;
    private final Progress progress;
    private final Thread thread;
    private long shown;

    ProgressTicker(Simulation simulation, Progress progress) {
        this.simulation = simulation;
        this.progress = progress;
        this.thread = new Thread(this::tickUntilStopped, "fairspin-simulate-progress");
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** Stops ticking and ends the line with the final figures. */
    void stop() throws InterruptedException {
        thread.interrupt();
        thread.join();
        update();
        progress.finish();
    }

    private void tickUntilStopped() {
        while (!Thread.currentThread().isInterrupted()) {
            update();
            try {
                Thread.sleep(TICK_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void update() {
        Statistics so = simulation.snapshot();
        if (so.rounds() >= 2) {
            double confidence = simulation.plan().confidence();
            Statistics.Interval interval = so.rtpInterval(confidence);
            progress.detail(String.format(Locale.ROOT, "RTP %.4f%% [%.4f%%, %.4f%%]", 100 * so.rtp(),
                    100 * interval.low(), 100 * interval.high()));
        }
        progress.advance(so.rounds() - shown);
        shown = so.rounds();
    }
}
