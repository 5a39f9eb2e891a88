package io.fairspin.cert.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleFunction;

/**
 * One chart as inline SVG for the HTML reports: lines, a shaded band, bars and reference lines over two axes whose
 * ticks fall on round numbers (1, 2 or 5 times a power of ten, {@link #niceTicks}). Values are plotted as given:
 * for a logarithmic axis pass log10 values and label the ticks with {@link #powerOfTen}.
 */
public final class Chart {
    private static final int MARGIN = 60;

    private final String title;
    private final int width;
    private final int height;
    private double xMin;
    private double xMax = 1;
    private double yMin;
    private double yMax = 1;
    private DoubleFunction<String> xLabels = Chart::number;
    private DoubleFunction<String> yLabels = Chart::number;
    private double[] xTicks;
    private double[] yTicks;
    private String xTitle = "";
    private final StringBuilder marks = new StringBuilder();

    /**
     * An empty chart.
     *
     * @param title the chart's accessible name
     * @param width the width in pixels
     * @param height the height in pixels
     */
    public Chart(String title, int width, int height) {
        this.title = title;
        this.width = width;
        this.height = height;
    }

    /**
     * The x range; ticks on round numbers within it unless {@link #xTicks} says otherwise.
     *
     * @param min the smallest x value
     * @param max the largest x value
     * @return this chart
     */
    public Chart x(double min, double max) {
        this.xMin = min;
        this.xMax = max > min ? max : min + 1;
        return this;
    }

    /**
     * The y range, widened to the round numbers around it.
     *
     * @param min the smallest y value
     * @param max the largest y value
     * @return this chart
     */
    public Chart y(double min, double max) {
        double lo = min;
        double hi = max > min ? max : min + Math.max(Math.abs(min) * 0.01, 1e-9);
        double step = step(lo, hi, 5);
        this.yMin = Math.floor(lo / step) * step;
        this.yMax = Math.ceil(hi / step) * step;
        return this;
    }

    /**
     * Where the x ticks go and how they read (for example decades, labelled {@link #powerOfTen}).
     *
     * @param at the x values of the ticks
     * @param labels each tick's label
     * @return this chart
     */
    public Chart xTicks(double[] at, DoubleFunction<String> labels) {
        this.xTicks = at.clone();
        this.xLabels = labels;
        return this;
    }

    /**
     * How the y ticks read, for example as percentages.
     *
     * @param labels each tick's label
     * @return this chart
     */
    public Chart yLabels(DoubleFunction<String> labels) {
        this.yLabels = labels;
        return this;
    }

    /**
     * Where the y ticks go, instead of round numbers (for example decades, labelled {@link #powerOfTen}).
     *
     * @param at the y values of the ticks
     * @param labels each tick's label
     * @return this chart
     */
    public Chart yTicks(double[] at, DoubleFunction<String> labels) {
        this.yTicks = at.clone();
        this.yLabels = labels;
        return this;
    }

    /**
     * The caption under the x axis.
     *
     * @param text the caption
     * @return this chart
     */
    public Chart xTitle(String text) {
        this.xTitle = text;
        return this;
    }

    /**
     * A line through the points.
     *
     * @param xs the x values
     * @param ys the y values, one per x
     * @param colour an SVG colour, such as {@code #1f5fbf}
     * @return this chart
     */
    public Chart line(double[] xs, double[] ys, String colour) {
        StringBuilder points = new StringBuilder();
        for (int i = 0; i < xs.length; i++) {
            points.append(point(xs[i], ys[i]));
        }
        marks.append("<polyline fill=\"none\" stroke=\"").append(colour).append("\" stroke-width=\"1.5\" points=\"")
                .append(points).append("\"/>\n");
        return this;
    }

    /**
     * A shaded band between {@code lows} and {@code highs}.
     *
     * @param xs the x values
     * @param lows the band's lower edge, one per x
     * @param highs the band's upper edge, one per x
     * @param colour an SVG colour
     * @return this chart
     */
    public Chart band(double[] xs, double[] lows, double[] highs, String colour) {
        StringBuilder points = new StringBuilder();
        for (int i = 0; i < xs.length; i++) {
            points.append(point(xs[i], highs[i]));
        }
        for (int i = xs.length - 1; i >= 0; i--) {
            points.append(point(xs[i], lows[i]));
        }
        marks.append("<polygon fill=\"").append(colour).append("\" stroke=\"none\" points=\"").append(points)
                .append("\"/>\n");
        return this;
    }

    /**
     * A dashed horizontal reference line at {@code y}.
     *
     * @param y where the line goes
     * @param colour an SVG colour
     * @return this chart
     */
    public Chart reference(double y, String colour) {
        marks.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\""
                + " stroke-dasharray=\"6 4\"/>%n", MARGIN, py(y), right(), py(y), colour));
        return this;
    }

    /**
     * Bars, one per category, from the bottom of the y range to each value; the x range becomes the categories,
     * each labelled under its bar; {@code tips} are shown on hover.
     *
     * @param categories the bars' labels
     * @param values the bars' heights
     * @param tips each bar's hover text
     * @param colour an SVG colour
     * @return this chart
     */
    public Chart bars(List<String> categories, double[] values, List<String> tips, String colour) {
        x(0, categories.size());
        double[] at = new double[categories.size()];
        for (int i = 0; i < at.length; i++) {
            at[i] = i + 0.5;
        }
        xTicks(at, v -> categories.get((int) v));
        for (int i = 0; i < values.length; i++) {
            double top = py(values[i]);
            double left = px(i + 0.15);
            marks.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\""
                    + " fill=\"%s\"><title>%s</title></rect>%n", left, top, px(i + 0.85) - left,
                    Math.max(0, py(yMin) - top), colour, HtmlReport.escape(tips.get(i))));
        }
        return this;
    }

    /**
     * The chart as an SVG element with its axes, ticks and labels.
     *
     * @return the {@code <svg>} element
     */
    public String svg() {
        StringBuilder svg = new StringBuilder(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\""
                        + " role=\"img\" aria-label=\"%s\">%n", width, height, width, height, HtmlReport.escape(title)));
        for (double y : yTicks != null ? yTicks : niceTicks(yMin, yMax, 5)) {
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#eee\"/>"
                    + "<text x=\"%d\" y=\"%.1f\" font-size=\"11\" text-anchor=\"end\">%s</text>%n", MARGIN, py(y),
                    right(), py(y), MARGIN - 4, py(y) + 4, HtmlReport.escape(yLabels.apply(y))));
        }
        svg.append(marks);
        for (double x : xTicks != null ? xTicks : niceTicks(xMin, xMax, 6)) {
            svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#999\"/>"
                    + "<text x=\"%.1f\" y=\"%.1f\" font-size=\"11\" text-anchor=\"middle\">%s</text>%n", px(x), bottom(),
                    px(x), bottom() + 4, px(x), bottom() + 16, HtmlReport.escape(xLabels.apply(x))));
        }
        svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%.1f\" fill=\"none\""
                + " stroke=\"#999\"/>%n", MARGIN, MARGIN / 2, right() - MARGIN, bottom() - MARGIN / 2));
        if (!xTitle.isEmpty()) {
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-size=\"11\" text-anchor=\"middle\">%s"
                    + "</text>%n", (MARGIN + right()) / 2, height - 6, HtmlReport.escape(xTitle)));
        }
        return svg.append("</svg>\n").toString();
    }

    /**
     * Ticks on round numbers: multiples of 1, 2 or 5 times a power of ten, about {@code target} of them, covering
     * [min, max].
     *
     * @param min the range's lower end
     * @param max the range's upper end
     * @param target the number of intervals wanted, at least 1
     * @return the ticks, ascending
     */
    public static double[] niceTicks(double min, double max, int target) {
        double step = step(min, max, target);
        List<Double> ticks = new ArrayList<>();
        long last = (long) Math.floor(max / step + slack(max / step));
        for (long k = (long) Math.ceil(min / step - slack(min / step)); k <= last; k++) {
            ticks.add(clean(k * step, step));
        }
        return ticks.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /**
     * Room for the rounding error of a quotient of the range by the step, so that a tick lying on an end is
     * kept: a fixed 1e-9 is too little far from zero (-262144.35 / 0.002 is off by 1.5e-8).
     */
    private static double slack(double quotient) {
        return 1e-9 + Math.abs(quotient) * 1e-12;
    }

    /** The round step for about {@code target} intervals over [min, max]: 1, 2 or 5 times a power of ten. */
    static double step(double min, double max, int target) {
        double raw = Math.max(max - min, 1e-300) / Math.max(1, target);
        double power = Math.pow(10, Math.floor(Math.log10(raw)));
        double fraction = raw / power;
        double nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
        return nice * power;
    }

    /**
     * Integer ticks from ceil(min) to floor(max), for a log10 axis.
     *
     * @param min the range's lower end, a log10 value
     * @param max the range's upper end, a log10 value
     * @return the integer exponents within the range
     */
    public static double[] decades(double min, double max) {
        List<Double> ticks = new ArrayList<>();
        for (long d = (long) Math.ceil(min); d <= Math.floor(max); d++) {
            ticks.add((double) d);
        }
        return ticks.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /**
     * A log10 tick's label: 10^k as "1", "10", "1K" ... or "1e-3".
     *
     * @param exponent the tick's log10 value
     * @return the label
     */
    public static String powerOfTen(double exponent) {
        long k = Math.round(exponent);
        if (k >= 0 && k < 3) {
            return Long.toString((long) Math.pow(10, k));
        }
        String[] prefixes = {"", "K", "M", "G", "T", "P"};
        if (k >= 3 && k / 3 < prefixes.length) {
            return (long) Math.pow(10, k % 3) + prefixes[(int) (k / 3)];
        }
        return "1e" + k;
    }

    /** A tick value as short as it reads exactly: 0.25, 2, 1e-05. */
    static String number(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        String text = String.format(Locale.ROOT, "%.10g", value).replaceAll("\\.?0+(e|$)", "$1");
        return text;
    }

    /** A multiple of the step without floating-point noise (0.30000000000000004 becomes 0.3). */
    private static double clean(double value, double step) {
        int digits = Math.max(0, (int) -Math.floor(Math.log10(step)) + 1);
        return new java.math.BigDecimal(value).setScale(digits, java.math.RoundingMode.HALF_EVEN).doubleValue();
    }

    private double px(double x) {
        return MARGIN + (x - xMin) / (xMax - xMin) * (right() - MARGIN);
    }

    private double py(double y) {
        return bottom() - (y - yMin) / (yMax - yMin) * (bottom() - MARGIN / 2.0);
    }

    private String point(double x, double y) {
        return String.format(Locale.ROOT, "%.1f,%.1f ", px(x), py(y));
    }

    private double right() {
        return width - MARGIN / 2.0;
    }

    private double bottom() {
        return height - MARGIN;
    }
}
