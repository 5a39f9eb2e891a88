package io.fairspin.math.slot.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fairspin.math.Fraction;
import io.fairspin.math.GameModels;
import io.fairspin.math.slot.NaiveTopReel;
import io.fairspin.math.slot.SlotGame;
import io.fairspin.math.slot.TopReelTest;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The moments of a spin with a top reel by {@link WaysMoments} (what a game past the count's budget, such as
 * examples/mega-dragon-top.json, is analysed by), summed over the top reel's windows, against the brute force
 * {@link NaiveTopReel}'s base spin distribution of the small game: E[T], E[T^2], E[N], E[TN], E[N(N-1)], P(N > 0)
 * and P(T = 0, N = k) by k, and the largest T (searched for by {@link WaysMaxWin}).
 */
class WaysMomentsTopReelTest {
    @Test
    void theMomentsSummedOverTheTopReelEqualTheBruteForce() throws Exception {
        SlotGame game = (SlotGame) GameModels.load("mini-top.json", TopReelTest.MINI.getBytes(StandardCharsets.UTF_8));
        JsonNode model = new ObjectMapper().readTree(TopReelTest.MINI);
        NaiveTopReel naive = new NaiveTopReel(model);
        SpinMoments m = WaysMoments.of(game, game.model.baseReels(), 1, true);
        Fraction t = Fraction.ZERO;
        Fraction t2 = Fraction.ZERO;
        Fraction n = Fraction.ZERO;
        Fraction tn = Fraction.ZERO;
        Fraction nn1 = Fraction.ZERO;
        Fraction triggered = Fraction.ZERO;
        Map<Long, Fraction> silent = new TreeMap<>();
        for (Map.Entry<Long, BigInteger> e : naive.base.entrySet()) {
            long b = e.getKey() / 1000;
            long k = e.getKey() % 1000;
            Fraction p = Fraction.of(e.getValue(), naive.cycle);
            t = t.add(p.multiply(b));
            t2 = t2.add(p.multiply(b * b));
            n = n.add(p.multiply(k));
            tn = tn.add(p.multiply(b * k));
            nn1 = nn1.add(p.multiply(k * (k - 1)));
            if (k > 0) {
                triggered = triggered.add(p);
            }
            if (b == 0) {
                silent.merge(k, p, Fraction::add);
            }
        }
        assertEquals(t, m.t);
        assertEquals(t2, m.t2);
        assertEquals(n, m.n);
        assertEquals(tn, m.tn);
        assertEquals(nn1, m.nn1);
        assertEquals(triggered, m.freeTriggered);
        silent.forEach((k, p) -> assertEquals(p, m.silentByAward.getOrDefault(k, Fraction.ZERO), "N = " + k));
        assertEquals(naive.base.keySet().stream().mapToLong(k -> k / 1000).max().orElseThrow(), m.maxT);
    }
}
