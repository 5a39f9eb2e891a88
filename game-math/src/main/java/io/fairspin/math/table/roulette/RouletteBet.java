package io.fairspin.math.table.roulette;

import io.fairspin.math.table.Field;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A roulette bet: the pockets it covers and its odds. Inside bets name their numbers and must be a
 * place on the layout (numbers 1 to 36 in 12 rows of 3; zeros above the first row); outside bets are
 * named. Pocket 37 is "00".
 *
 * @param kind    the bet, for example "split" or "red"
 * @param covered the covered pockets as a bit set
 * @param odds    what a win pays to 1
 */
public record RouletteBet(String kind, long covered, int odds) {
    static final int DOUBLE_ZERO = 37;
    private static final List<Integer> RED =
            List.of(1, 3, 5, 7, 9, 12, 14, 16, 18, 19, 21, 23, 25, 27, 30, 32, 34, 36);
    private static final List<String> INSIDE =
            List.of("straight", "split", "street", "corner", "six-line", "trio", "first-four", "five-number");
    private static final List<String> OUTSIDE = List.of("red", "black", "odd", "even", "low", "high",
            "dozen-1", "dozen-2", "dozen-3", "column-1", "column-2", "column-3");
    /** Every bet's name: inside, then outside. */
    public static final List<String> KINDS = java.util.stream.Stream.concat(INSIDE.stream(), OUTSIDE.stream()).toList();

    static String pocketName(int pocket) {
        return pocket == DOUBLE_ZERO ? "00" : Integer.toString(pocket);
    }

    boolean covers(int pocket) {
        return pocket >= 0 && (covered >>> pocket & 1) != 0;
    }

    /** An even-money bet, to which la partage and en prison apply. */
    boolean evenMoney() {
        return odds == 1;
    }

    /** The bet as a player names it: {@code "split 17-20"}, {@code "red"}. */
    String label() {
        if (OUTSIDE.contains(kind)) {
            return kind;
        }
        return kind + " " + pockets().stream().map(RouletteBet::pocketName).collect(Collectors.joining("-"));
    }

    private List<Integer> pockets() {
        List<Integer> out = new ArrayList<>();
        for (int p = 0; p <= DOUBLE_ZERO; p++) {
            if (covers(p)) {
                out.add(p);
            }
        }
        return out;
    }

    /** Reads one bet of a standard wager: {@code {"bet": "split", "numbers": [17, 20]}} or {@code {"bet": "red"}}. */
    static RouletteBet read(Field item, int pockets) {
        Field kindField = item.get("bet");
        List<String> kinds = new ArrayList<>(INSIDE);
        kinds.addAll(OUTSIDE);
        String kind = kindField.choice(null, kinds.toArray(String[]::new));
        Field numbers = item.get("numbers");
        if (OUTSIDE.contains(kind)) {
            if (numbers.present()) {
                throw numbers.fail("an outside bet covers its numbers by its name: expected no \"numbers\"");
            }
            return outside(kind);
        }
        long covered = 0;
        for (Field number : numbers.elements(1)) {
            covered |= 1L << pocket(number, pockets);
        }
        for (RouletteBet legal : inside(pockets)) {
            if (legal.kind.equals(kind) && legal.covered == covered) {
                return legal;
            }
        }
        throw numbers.fail("not a " + kind + " on a " + (pockets == 37 ? "single" : "double")
                + "-zero layout: expected the numbers of one " + kind + " bet, for example "
                + inside(pockets).stream().filter(b -> b.kind.equals(kind)).findFirst()
                        .map(b -> b.pockets().stream().map(RouletteBet::pocketName).toList().toString())
                        .orElse("(none: this wheel has no " + kind + ")"));
    }

    private static int pocket(Field number, int pockets) {
        if (number.present() && number.node().isTextual() && number.node().asText().equals("00")) {
            if (pockets == 38) {
                return DOUBLE_ZERO;
            }
            throw number.fail("\"00\" is only on a double-zero wheel: expected 0 to 36");
        }
        return number.smallInt(0, 36);
    }

    /** One bet of each kind the wheel offers, for the analysis. */
    static List<RouletteBet> representatives(int pockets) {
        List<RouletteBet> out = new ArrayList<>();
        for (String kind : INSIDE) {
            inside(pockets).stream().filter(b -> b.kind.equals(kind)).reduce((a, b) -> b).ifPresent(out::add);
        }
        for (String kind : OUTSIDE) {
            out.add(outside(kind));
        }
        return out;
    }

    /** Every inside bet of the layout. */
    static List<RouletteBet> inside(int pockets) {
        List<RouletteBet> out = new ArrayList<>();
        for (int n = 0; n <= 36; n++) {
            out.add(of("straight", n));
        }
        if (pockets == 38) {
            out.add(of("straight", DOUBLE_ZERO));
        }
        for (int n = 1; n <= 36; n++) {
            if (n % 3 != 0) {
                out.add(of("split", n, n + 1));
            }
            if (n <= 33) {
                out.add(of("split", n, n + 3));
            }
            if (n % 3 == 1) {
                out.add(of("street", n, n + 1, n + 2));
            }
            if (n % 3 != 0 && n <= 32) {
                out.add(of("corner", n, n + 1, n + 3, n + 4));
            }
            if (n % 3 == 1 && n <= 31) {
                out.add(of("six-line", n, n + 1, n + 2, n + 3, n + 4, n + 5));
            }
        }
        if (pockets == 37) {
            out.addAll(List.of(of("split", 0, 1), of("split", 0, 2), of("split", 0, 3), of("trio", 0, 1, 2),
                    of("trio", 0, 2, 3), of("first-four", 0, 1, 2, 3)));
        } else {
            out.addAll(List.of(of("split", 0, 1), of("split", 0, 2), of("split", DOUBLE_ZERO, 2),
                    of("split", DOUBLE_ZERO, 3), of("split", 0, DOUBLE_ZERO), of("trio", 0, 1, 2),
                    of("trio", 0, DOUBLE_ZERO, 2), of("trio", DOUBLE_ZERO, 2, 3),
                    new RouletteBet("five-number", mask(0, DOUBLE_ZERO, 1, 2, 3), 6)));
        }
        return out;
    }

    /** A bet on {@code numbers} that pays what a fair wheel of 36 numbers would: 36 / n - 1. */
    private static RouletteBet of(String kind, int... numbers) {
        return new RouletteBet(kind, mask(numbers), 36 / numbers.length - 1);
    }

    private static long mask(int... numbers) {
        return Arrays.stream(numbers).mapToLong(n -> 1L << n).reduce(0, (a, b) -> a | b);
    }

    private static RouletteBet outside(String kind) {
        long covered = 0;
        for (int n = 1; n <= 36; n++) {
            if (outsideCovers(kind, n)) {
                covered |= 1L << n;
            }
        }
        return new RouletteBet(kind, covered, kind.startsWith("dozen") || kind.startsWith("column") ? 2 : 1);
    }

    private static boolean outsideCovers(String kind, int n) {
        return switch (kind) {
            case "red" -> RED.contains(n);
            case "black" -> !RED.contains(n);
            case "odd" -> n % 2 == 1;
            case "even" -> n % 2 == 0;
            case "low" -> n <= 18;
            case "high" -> n > 18;
            default -> kind.startsWith("dozen")
                    ? (n - 1) / 12 == kind.charAt(6) - '1'
                    : (n - 1) % 3 == kind.charAt(7) - '1';
        };
    }
}
