package io.fairspin.cli.monitor;

import io.fairspin.audit.monitor.Alert;
import io.fairspin.audit.monitor.GameTally;
import io.fairspin.audit.monitor.Monitor;
import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.ToDoubleFunction;

/**
 * The monitor's state as Prometheus metrics (through the Prometheus Java client), read from the
 * {@link Monitor} at each scrape; names follow the Prometheus conventions: the {@code fairspin_monitor_}
 * prefix, {@code _total} on counters, {@code _ratio} on ratios, money in the currency's minor units. A game's series
 * are labelled by game, model and currency: the monitor tallies each currency apart.
 */
final class MonitorMetrics implements AutoCloseable {
    private final HTTPServer server;

    private MonitorMetrics(HTTPServer server) {
        this.server = server;
    }

    /**
     * Serves the metrics of {@code monitor} on {@code address:port} (port 0: a free port).
     *
     * @throws IOException naming {@code --metrics-port} and the address when it cannot listen there (a port in use)
     */
    static MonitorMetrics serve(Monitor monitor, String address, int port) throws IOException {
        PrometheusRegistry registry = new PrometheusRegistry();
        register(monitor, registry);
        try {
            return new MonitorMetrics(HTTPServer.builder().hostname(address).port(port).registry(registry)
                    .buildAndStart());
        } catch (IOException e) {
            throw new IOException("--metrics-port " + port + ": cannot listen on " + address + ":" + port + ": "
                    + e.getMessage() + " (choose another port, or 0 for a free one)", e);
        }
    }

    int port() {
        return server.getPort();
    }

    static void register(Monitor monitor, PrometheusRegistry registry) {
        counter(registry, "fairspin_monitor_entries", "Log entries read and checked.",
                new String[0], (m, cb) -> cb.call(m.entries()), monitor);
        counter(registry, "fairspin_monitor_checkpoints", "Signed checkpoints read that match the entries.",
                new String[0], (m, cb) -> cb.call(m.checkpoints()), monitor);
        gauge(registry, "fairspin_monitor_checkpoint_tree_size", "Tree size of the last checkpoint that checked out.",
                new String[0], (m, cb) -> cb.call(m.lastCheckpoint() == null ? 0 : m.lastCheckpoint().size()), monitor);
        counter(registry, "fairspin_monitor_alerts", "Alerts fired, by type.", new String[] {"type"}, (m, cb) -> {
            Map<Alert.Type, Long> counts = m.alertCounts();
            for (Alert.Type type : Alert.Type.values()) {
                cb.call(counts.getOrDefault(type, 0L), type.id());
            }
        }, monitor);
        counter(registry, "fairspin_monitor_unknown_model_rounds", "Rounds whose model hash no known model has.",
                new String[] {"model"}, (m, cb) -> m.unknownModels().forEach((hash, n) -> cb.call(n, hash)), monitor);
        counter(registry, "fairspin_monitor_rng_reseeds", "Reseeds the certified generator logged.",
                new String[] {"drbg"}, (m, cb) -> m.reseeds().forEach((drbg, n) -> cb.call(n, drbg)), monitor);
        counter(registry, "fairspin_monitor_rng_health_failures", "Health-test failures the certified generator logged.",
                new String[0], (m, cb) -> cb.call(m.rngFailures().size()), monitor);
        perGame(registry, monitor, true, "fairspin_monitor_rounds", "Rounds played, per game, model and currency.", GameTally::rounds);
        perGame(registry, monitor, true, "fairspin_monitor_stake", "Total stake in the currency's minor units.",
                GameTally::stake);
        perGame(registry, monitor, true, "fairspin_monitor_win", "Total win in the currency's minor units.",
                GameTally::win);
        perGame(registry, monitor, true, "fairspin_monitor_impossible_wins",
                "Rounds whose win the model cannot produce for the logged outcome.", GameTally::impossibleWins);
        perGame(registry, monitor, false, "fairspin_monitor_rtp_ratio", "Observed RTP: total win over total stake.",
                GameTally::observedRtp);
        perExactGame(registry, monitor, "fairspin_monitor_rtp_expected_ratio", "The exact RTP of the bets played,"
                + " each bet's weighted by its stake (games with exact figures).", t -> t.expectedRtp().doubleValue());
        perExactGame(registry, monitor, "fairspin_monitor_rtp_band_ratio",
                "Half-width of the RTP control band at the current rounds.", GameTally::rtpBand);
        perExactGame(registry, monitor, "fairspin_monitor_rtp_score",
                "RTP statistic over its control limit; the limit is crossed at -1 or 1.", GameTally::rtpScore);
        perGame(registry, monitor, false, "fairspin_monitor_hit_frequency_ratio", "Observed share of rounds that win.",
                GameTally::observedHitFrequency);
        perExactGame(registry, monitor, "fairspin_monitor_hit_frequency_expected_ratio", "The exact hit frequency"
                + " of the bets played, each bet's weighted by its rounds (games with exact figures).", t -> t.expectedHitFrequency().doubleValue());
        gauge(registry, "fairspin_monitor_alarm", "1 when a control limit of the game fired, else 0.",
                new String[] {"game", "model", "currency", "limit"}, (m, cb) -> {
                    for (GameTally t : m.games()) {
                        cb.call(t.rtpAlarm() ? 1 : 0, t.gameId(), t.modelHash(), t.currency(), "rtp");
                        cb.call(t.hitAlarm() ? 1 : 0, t.gameId(), t.modelHash(), t.currency(), "hit_frequency");
                        cb.call(t.awardAlarm() ? 1 : 0, t.gameId(), t.modelHash(), t.currency(), "award_frequency");
                    }
                }, monitor);
        counter(registry, "fairspin_monitor_award_occurrences", "Occurrences of each award in the base game.",
                new String[] {"game", "model", "currency", "award"}, (m, cb) -> {
                    for (GameTally t : m.games()) {
                        long[] counts = t.awardCounts();
                        for (int i = 0; i < counts.length; i++) {
                            cb.call(counts[i], t.gameId(), t.modelHash(), t.currency(), t.awards().get(i));
                        }
                    }
                }, monitor);
        gauge(registry, "fairspin_monitor_award_expected_occurrences", "Occurrences of each award the exact figures"
                + " expect in the rounds read.", new String[] {"game", "model", "currency", "award"}, (m, cb) -> {
                    for (GameTally t : m.games()) {
                        double[] expected = t.expectedAwardCounts();
                        for (int i = 0; i < expected.length; i++) {
                            cb.call(expected[i], t.gameId(), t.modelHash(), t.currency(), t.awards().get(i));
                        }
                    }
                }, monitor);
    }

    private interface Reader<C> extends BiConsumer<Monitor, C> {
    }

    private static void counter(PrometheusRegistry registry, String name, String help, String[] labels,
                                Reader<CounterWithCallback.Callback> reader, Monitor monitor) {
        CounterWithCallback.builder().name(name).help(help).labelNames(labels)
                .callback(cb -> monitor.read(m -> {
                    reader.accept(m, cb);
                    return null;
                })).register(registry);
    }

    private static void gauge(PrometheusRegistry registry, String name, String help, String[] labels,
                              Reader<GaugeWithCallback.Callback> reader, Monitor monitor) {
        GaugeWithCallback.builder().name(name).help(help).labelNames(labels)
                .callback(cb -> monitor.read(m -> {
                    reader.accept(m, cb);
                    return null;
                })).register(registry);
    }

    private static void perGame(PrometheusRegistry registry, Monitor monitor, boolean counter, String name, String help,
                                ToDoubleFunction<GameTally> value) {
        String[] labels = {"game", "model", "currency"};
        if (counter) {
            counter(registry, name, help, labels, (m, cb) -> m.games()
                    .forEach(t -> cb.call(value.applyAsDouble(t), t.gameId(), t.modelHash(), t.currency())), monitor);
        } else {
            gauge(registry, name, help, labels, (m, cb) -> m.games()
                    .forEach(t -> cb.call(value.applyAsDouble(t), t.gameId(), t.modelHash(), t.currency())), monitor);
        }
    }

    /** A gauge of the games judged against exact figures only (a game without them, such as blackjack, has no band). */
    private static void perExactGame(PrometheusRegistry registry, Monitor monitor, String name, String help,
                                     ToDoubleFunction<GameTally> value) {
        gauge(registry, name, help, new String[] {"game", "model", "currency"}, (m, cb) -> m.games().stream()
                .filter(t -> t.expectedRtp() != null)
                .forEach(t -> cb.call(value.applyAsDouble(t), t.gameId(), t.modelHash(), t.currency())), monitor);
    }

    @Override
    public void close() {
        server.close();
    }
}
