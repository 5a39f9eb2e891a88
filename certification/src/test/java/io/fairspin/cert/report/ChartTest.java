package io.fairspin.cert.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

/** The report toolkit: round-number ticks, one escaping function, a page with provenance. */
class ChartTest {

    @Test
    void ticksFallOnRoundNumbers() {
        assertArrayEquals(new double[] {0, 0.2, 0.4, 0.6, 0.8, 1}, Chart.niceTicks(0, 1, 5), 0);
        assertArrayEquals(new double[] {0.955, 0.96, 0.965, 0.97}, Chart.niceTicks(0.9531, 0.9712, 4), 0);
        assertArrayEquals(new double[] {0, 50, 100}, Chart.niceTicks(0, 113, 5), 0);
        assertArrayEquals(new double[] {-3, -2, -1, 0}, Chart.decades(-3.4, 0), 0);
        assertEquals("1K", Chart.powerOfTen(3));
        assertEquals("100M", Chart.powerOfTen(8));
        assertEquals("0.3", Chart.number(Chart.niceTicks(0, 1, 10)[3]));
    }

    /** Every tick is k x (1, 2 or 5) x 10^e, they cover the range, and there are between 2 and about 2.5 x target. */
    @Property
    void ticksAreRoundAndCoverTheRange(@ForAll @DoubleRange(min = -1e6, max = 1e6) double low,
                                       @ForAll @DoubleRange(min = 0.01, max = 1e6) double width) {
        double[] ticks = Chart.niceTicks(low, low + width, 5);
        assertTrue(ticks.length >= 2 && ticks.length <= 13, ticks.length + " ticks");
        // The difference of two ticks near 1e6 carries their rounding error (0.00999999995 for a step of 0.01):
        // the exponent is read with a tolerance wider than that error, the mantissa checked to 1e-6.
        double step = ticks[1] - ticks[0];
        double mantissa = step / Math.pow(10, Math.floor(Math.log10(step) + 1e-6));
        assertTrue(Math.abs(mantissa - 1) < 1e-6 || Math.abs(mantissa - 2) < 1e-6 || Math.abs(mantissa - 5) < 1e-6,
                "step " + step);
        assertTrue(ticks[0] >= low - step * 1e-6 && ticks[0] < low + step, "first tick " + ticks[0]);
        assertTrue(ticks[ticks.length - 1] <= low + width + step * 1e-6, "last tick");
    }

    @Test
    void oneEscapingFunctionAndProvenance() {
        assertEquals("&lt;b&gt; &amp; &quot;x&quot;", HtmlReport.escape("<b> & \"x\""));
        String page = new HtmlReport("PAR <sheet>").table(List.of("a"), List.of(List.of("<1>")), java.util.Set.of())
                .provenance(List.of("report     fairspin 1.0, 2026-12-03T00:00:00Z: fairspin par 'a b.json'"))
                .render();
        assertTrue(page.contains("<title>PAR &lt;sheet&gt;</title>"), page);
        assertTrue(page.contains("<td>&lt;1&gt;</td>"), page);
        assertTrue(page.contains("fairspin par &#39;a b.json&#39;") || page.contains("fairspin par 'a b.json'"), page);
        assertFalse(page.contains("<script"), page);
    }

    @Test
    void chartsAreInlineSvgWithTheirTicks() {
        String svg = new Chart("RTP", 400, 200).x(0, 10).y(0.95, 0.97).line(new double[] {0, 10},
                new double[] {0.955, 0.965}, "#c00").svg();
        assertTrue(svg.startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\""), svg);
        assertTrue(svg.contains(">0.96<"), svg);
        assertTrue(svg.contains("<polyline"), svg);
    }
}
