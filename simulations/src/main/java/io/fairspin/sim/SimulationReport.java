package io.fairspin.sim;

import io.fairspin.math.ExactFigures;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The result of a simulation: the game, the plan, whether the run was cut short, the figures, and, when
 * the game has an exact analysis, its exact figures and the verdict. Contains nothing that depends on
 * the number of threads or on timing, so the same plan gives an equal report.
 *
 * @param gameId       the model's identifier
 * @param winTypes     the names of the game's win types, in the order of {@link Statistics#winByType()}
 * @param features     the names of the game's features, in the order of {@link Statistics#featureCounts()}
 * @param plan         the plan run
 * @param partial      true when the run was cancelled before all its chunks were played
 * @param statistics   the figures of the rounds played
 * @param exactFigures the game's exact figures, when it has them
 * @param verdict      the verdict against the exact figures, when there are both exact figures and rounds
 * @param convergence  the running return to player as rounds accumulate, in chunk order
 */
public record SimulationReport(String gameId, List<String> winTypes, List<String> features, SimulationPlan plan,
        boolean partial, Statistics statistics, Optional<ExactFigures> exactFigures, Optional<Verdict> verdict,
        List<Point> convergence) {

    /**
     * Checks the report and copies its lists.
     *
     * @param gameId the model's identifier
     * @param winTypes the names of the game's win types, in the order of {@link Statistics#winByType()}
     * @param features the names of the game's features, in the order of {@link Statistics#featureCounts()}
     * @param plan the plan run
     * @param partial true when the run was cancelled before all its chunks were played
     * @param statistics the figures of the rounds played
     * @param exactFigures the game's exact figures, when it has them
     * @param verdict the verdict against the exact figures, when there are both exact figures and rounds
     * @param convergence the running return to player as rounds accumulate, in chunk order
     */
    public SimulationReport {
        Objects.requireNonNull(gameId, "gameId");
        winTypes = List.copyOf(winTypes);
        features = List.copyOf(features);
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(statistics, "statistics");
        Objects.requireNonNull(exactFigures, "exactFigures");
        Objects.requireNonNull(verdict, "verdict");
        convergence = List.copyOf(convergence);
    }

    /**
     * The band within which the running return to player after {@code rounds} rounds is expected at the
     * plan's confidence: the exact RTP (or, without exact figures, the simulated one) ± z·σ/√rounds, where
     * σ is the exact standard deviation when every round staked the initial stake, and otherwise the
     * simulated {@link Statistics#rtpDeviation()} (the exact figures do not give the ratio's deviation).
     *
     * @param rounds the rounds played so far, at least 1
     * @return the band, as a fraction of the stake (0.96 for 96%)
     */
    public Statistics.Interval rtpBand(long rounds) {
        double centre = exactFigures.map(e -> e.rtp().doubleValue()).orElse(statistics.rtp());
        double deviation = exactFigures.filter(e -> statistics.fixedStake()).map(ExactFigures::standardDeviation)
                .orElse(statistics.rtpDeviation());
        return Statistics.Interval.around(centre,
                Statistics.criticalValue(plan.confidence()) * deviation / Math.sqrt(rounds));
    }

    /** The running return to player after {@code rounds} rounds. */
    public record Point(long rounds, double rtp) {
    }
}
