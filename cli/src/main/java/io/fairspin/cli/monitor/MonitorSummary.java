package io.fairspin.cli.monitor;

import io.fairspin.audit.monitor.Alert;
import io.fairspin.audit.monitor.GameTally;
import io.fairspin.audit.monitor.Monitor;
import io.fairspin.math.Fraction;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What {@code fairspin monitor} prints at the end (JSON: docs/schema/monitor.schema.json). */
record MonitorSummary(String log, long entries, long rounds, long checkpoints, long treeSize, double seconds,
                      double busySeconds, double entriesPerSecond, List<Game> games, Map<String, Long> unknownModels,
                      Map<String, Long> rngReseeds, long rngHealthFailures, Map<String, Long> alerts, long totalAlerts,
                      String result, Store store) {

    /**
     * What {@code --store} holds of the log at the end: the entries verified and their tree's root hash (hex), the size
     * of the last signed checkpoint verified (0: none), and {@code state}: {@code updated} (this run wrote it),
     * {@code unchanged}, or {@code kept} (the log does not extend it: a rollback or split-view alert).
     */
    record Store(String dir, long entries, String rootHash, long checkpointSize, String state) {
    }

    /** An exact figure: the fraction and its decimal value. */
    record Exact(String fraction, double decimal) {
        static Exact of(Fraction f) {
            return new Exact(f.toString(), f.doubleValue());
        }
    }

    /** One award's occurrences. */
    record Award(String award, long observed, double expected) {
    }

    /**
     * The rounds at one bet configuration: {@code bet} the configuration as a bet ({@code {}} for the standard wager;
     * null for rounds not judged), {@code rtp} its exact RTP (null when it has none).
     */
    record BetPlayed(com.fasterxml.jackson.databind.JsonNode bet, long rounds, long stake, long win, Exact rtp) {
        static BetPlayed of(GameTally.BetRounds b) {
            com.fasterxml.jackson.databind.JsonNode bet;
            try {
                bet = b.bet() == null ? null : new com.fasterxml.jackson.databind.ObjectMapper().readTree(b.bet());
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e); // the canonical JSON the library wrote
            }
            return new BetPlayed(bet, b.rounds(), b.stake(), b.win(), b.figures() == null ? null
                    : Exact.of(b.figures().rtp()));
        }
    }

    /**
     * One game, model and currency. Without exact figures (blackjack) {@code rtp}, {@code hitFrequency}, {@code rtpBand} and
     * {@code rtpScore} are null: no control limit applies, and {@code limits} says so.
     */
    record Game(String game, String modelHash, String currency, long rounds, long stake, long win, double observedRtp, Exact rtp,
                Double rtpBand, Double rtpScore, double observedHitFrequency, Exact hitFrequency, long impossibleWins,
                List<Award> awards, Map<String, Boolean> alarms, String limits, List<BetPlayed> bets,
                long unjudgedRounds) {
    }

    /** What {@code limits} says of a game without exact figures. */
    static final String NO_LIMITS = "none: the model states no exact figures, so no RTP band applies; each round's"
            + " win is checked against its logged outcome, and duplicate ids and the log's integrity are checked";
    /** What {@code limits} says of a game with exact figures none of whose rounds could be judged. */
    static final String NONE_JUDGED = "none: no round was at a bet the monitor can judge against exact figures (see"
            + " bets and the unjudged-rounds alert); each round's win is checked against its logged outcome, and"
            + " duplicate ids and the log's integrity are checked";
    /** What {@code limits} says of a game with exact figures. */
    static final String LIMITS = "control limits on RTP, hit frequency and award frequencies against the exact figures";

    /**
     * The summary of {@code m}: {@code seconds} from the start of reading to now, {@code busySeconds} of them spent
     * reading and checking (with --follow, the polls without the waits between them); the rate is over the latter.
     */
    static MonitorSummary of(String log, Monitor m, double seconds, double busySeconds, Store store) {
        List<Game> games = new ArrayList<>();
        for (GameTally t : m.games()) {
            List<Award> awards = new ArrayList<>();
            long[] counts = t.awardCounts();
            double[] expected = t.expectedAwardCounts();
            for (int i = 0; i < counts.length; i++) {
                awards.add(new Award(t.awards().get(i), counts[i], expected[i]));
            }
            Map<String, Boolean> alarms = new LinkedHashMap<>();
            alarms.put("rtp", t.rtpAlarm());
            alarms.put("hitFrequency", t.hitAlarm());
            alarms.put("awardFrequency", t.awardAlarm());
            io.fairspin.math.Fraction rtp = t.expectedRtp(); // none without exact figures, or when no round was judged
            boolean exact = rtp != null;
            games.add(new Game(t.gameId(), t.modelHash(), t.currency(), t.rounds(), t.stake(), t.win(), finite(t.observedRtp()),
                    exact ? Exact.of(rtp) : null, exact ? finite(t.rtpBand()) : null,
                    exact ? t.rtpScore() : null, finite(t.observedHitFrequency()),
                    exact ? Exact.of(t.expectedHitFrequency()) : null, t.impossibleWins(), awards, alarms,
                    exact ? LIMITS : t.hasExactFigures() ? NONE_JUDGED : NO_LIMITS,
                    t.bets().stream().map(BetPlayed::of).toList(), t.unjudgedRounds()));
        }
        Map<String, Long> alerts = new LinkedHashMap<>();
        m.alertCounts().forEach((type, n) -> alerts.put(type.id(), n));
        String result = m.integrityAlert() ? "INTEGRITY ALERT" : m.statisticsAlert() ? "STATISTICS ALERT" : "OK";
        return new MonitorSummary(log, m.entries(), m.rounds(), m.checkpoints(),
                m.lastCheckpoint() == null ? 0 : m.lastCheckpoint().size(), seconds, busySeconds,
                m.entries() / Math.max(busySeconds, 1e-9), games, m.unknownModels(), m.reseeds(), m.rngFailures().size(),
                alerts, m.totalAlerts(), result, store);
    }

    private static double finite(double value) {
        return Double.isFinite(value) ? value : 0;
    }

    static List<Alert> alertsOf(Monitor m) {
        return m.alerts();
    }
}
