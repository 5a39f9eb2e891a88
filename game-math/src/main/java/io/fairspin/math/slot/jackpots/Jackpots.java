package io.fairspin.math.slot.jackpots;

import io.fairspin.math.Fraction;
import io.fairspin.math.slot.reading.ModelNode;
import java.util.ArrayList;
import java.util.List;

/** Reads a model's {@code "jackpots"}: {@code [{"name", "amount"}]} fixed, {@code [{"name", "seed", "rate"}]} progressive. */
public final class Jackpots {
    /** The largest amount or seed, in total bets. */
    public static final long MAX_AMOUNT = 1_000_000_000;

    private Jackpots() {
    }

    /**
     * The jackpots {@code node} lists, in order.
     *
     * @throws io.fairspin.math.ModelException naming the JSON path of what is wrong
     */
    public static List<Jackpot> read(ModelNode node) {
        List<Jackpot> jackpots = new ArrayList<>();
        for (ModelNode j : node.nonEmptyElements()) {
            String name = j.field("name").text();
            if (name.isEmpty() || jackpots.stream().anyMatch(o -> o.name().equals(name))) {
                throw j.field("name").error(name.isEmpty() ? "expected a name" : "duplicate jackpot \"" + name + "\"");
            }
            if (j.has("amount")) {
                j.allowOnly(List.of("name", "amount"));
                jackpots.add(new Jackpot(name, j.field("amount").integer(1, MAX_AMOUNT), Fraction.ZERO));
            } else if (j.has("seed")) {
                j.allowOnly(List.of("name", "seed", "rate"));
                jackpots.add(new Jackpot(name, j.field("seed").integer(1, MAX_AMOUNT), rate(j.field("rate"))));
            } else {
                throw j.error("expected \"amount\" (a fixed jackpot) or \"seed\" and \"rate\" (a progressive one)");
            }
        }
        return List.copyOf(jackpots);
    }

    private static Fraction rate(ModelNode node) {
        String problem = "expected the share of each stake added to the meter as a fraction \"a/b\" in (0, 1),"
                + " for example \"1/200\"";
        if (!node.isText()) {
            throw node.error(problem);
        }
        try {
            Fraction rate = Fraction.parse(node.text());
            if (rate.signum() <= 0 || rate.compareTo(Fraction.ONE) >= 0) {
                throw node.error(problem + ", was " + node.text());
            }
            return rate;
        } catch (NumberFormatException | ArithmeticException e) {
            throw node.error(problem + ", was \"" + node.text() + "\"");
        }
    }

    /** The index of the jackpot named {@code name}, or -1. */
    public static int indexOf(List<Jackpot> jackpots, String name) {
        for (int i = 0; i < jackpots.size(); i++) {
            if (jackpots.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The jackpot a value names, when it is a string; -1 for anything else (a number).
     *
     * @param value the value as written
     * @param jackpots the model's jackpots
     * @param number what a number stands for there, for the message ("a number of total bets")
     * @return the jackpot's index, or -1 when the value is not a string
     * @throws io.fairspin.math.ModelException at the value's path for a string that names no jackpot
     */
    public static int named(ModelNode value, List<Jackpot> jackpots, String number) {
        if (!value.isText()) {
            return -1;
        }
        int index = indexOf(jackpots, value.text());
        if (index < 0) {
            throw value.error("unknown jackpot \"" + value.text() + "\": expected " + number + " or one of the jackpots in"
                    + " $.jackpots" + (jackpots.isEmpty() ? " (there are none)"
                    : " (" + String.join(", ", jackpots.stream().map(Jackpot::name).toList()) + ")"));
        }
        return index;
    }

    /** The sum of the progressive jackpots' contribution rates. */
    public static Fraction contribution(List<Jackpot> jackpots) {
        Fraction total = Fraction.ZERO;
        for (Jackpot j : jackpots) {
            total = total.add(j.rate());
        }
        return total;
    }
}
