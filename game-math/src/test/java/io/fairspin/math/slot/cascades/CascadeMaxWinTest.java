package io.fairspin.math.slot.cascades;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fairspin.math.AnalysisReport.Cell;
import io.fairspin.math.Analyzable;
import io.fairspin.math.Fraction;
import io.fairspin.math.GameModels;
import io.fairspin.math.slot.analysis.MaxWin;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The exact cascade sheet's maximum win, features included, against the largest win of positive probability in
 * {@link NaiveCascade}'s brute-force round distribution (free games with their multipliers included).
 */
class CascadeMaxWinTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theMaximumWinIsTheLargestRoundOfTheBruteForce() throws Exception {
        for (String model : new String[] {CascadeTest.SMALL_CLUSTERS, CascadeTest.SMALL_WAYS}) {
            Map<Long, Fraction> rounds = new NaiveCascade(JSON.readTree(model)).roundDistribution();
            long largest = rounds.entrySet().stream().filter(e -> e.getValue().signum() > 0)
                    .mapToLong(Map.Entry::getKey).max().orElseThrow();
            long lines = JSON.readTree(model).get("bet").get("lines").asLong();
            Analyzable game = (Analyzable) GameModels.load("small.json", model.getBytes(StandardCharsets.UTF_8));
            Cell stated = game.analyze().tables().get(0).rows().stream()
                    .filter(r -> r.get(0).equals(Cell.text(MaxWin.LABEL))).map(r -> r.get(1)).findFirst().orElseThrow();
            assertEquals(Cell.exact(Fraction.of(largest, lines)), stated, model);
        }
    }
}
