package io.fairspin.math.table.craps;

import com.fasterxml.jackson.databind.JsonNode;
import io.fairspin.math.table.BetAnalysis;
import io.fairspin.math.table.Distribution;
import io.fairspin.math.table.Field;
import io.fairspin.math.table.Payout;
import io.fairspin.math.table.StandardWager;
import io.fairspin.math.table.TableGame;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fairspin.math.LoggedDraws;
import io.fairspin.math.Fraction;
import io.fairspin.math.RoundOutcome;
import io.fairspin.rng.RandomStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Craps: the line bets (pass, don't pass, come, don't come) with odds, and the field, place, buy, lay,
 * hardway and one-roll proposition bets, each analysed on its own and any of them in the standard wager.
 *
 * <p>A round rolls until every bet of the standard wager has settled ({@link CrapsRound}), each roll being
 * die 1 = 1 + uniform(6) then die 2 = 1 + uniform(6). A line bet's come-out roll wins or loses at once or
 * sets the point; the point rolls continue until the point or a seven. A come or don't come bet placed
 * for a round is a pass or don't pass bet whose come-out is the round's first roll. Place, buy, lay and
 * hardway bets work from the first roll.
 */
public final class Craps extends TableGame {
    private static final int[] POINTS = {4, 5, 6, 8, 9, 10};
    /** The bet names a standard wager may use. */
    public static final List<String> WAGER_BETS = wagerBets();
    private final StandardWager wager;
    private final Rules rules;
    private final CrapsRound round;

    /**
     * The house's choices.
     *
     * @param fieldTwelvePays what a 12 pays on the field (2 or 3 to 1; a 2 pays 2 to 1)
     * @param commission      the vig on buy and lay bets, charged on a win, for example 1/20
     */
    record Rules(long fieldTwelvePays, Fraction commission) {
    }

    private Craps(String id, String name, Rules rules, Field wagerField) {
        super(id, name);
        this.rules = rules;
        List<Field> items = wagerField.elements(1);
        List<CrapsBet> bets = new ArrayList<>();
        for (Field item : items) {
            bets.add(bet(item.allowOnly("bet", "amount", "odds")));
        }
        try {
            this.round = new CrapsRound(bets);
        } catch (IllegalArgumentException e) {
            throw wagerField.fail("the bets combine into " + e.getMessage() + ": expected fewer bets");
        }
        StandardWager.Builder builder = StandardWager.over(round.keys());
        for (int b = 0; b < items.size(); b++) {
            Field amount = items.get(b).get("amount");
            builder.bet(bets.get(b).name(), amount.integer(1, Long.MAX_VALUE / 1024), round.payouts(b), amount);
        }
        this.wager = builder.build();
    }

    /** The bet a standard wager item names (see docs/model-format.md for the names). */
    private CrapsBet bet(Field item) {
        Field kindField = item.get("bet");
        String kind = kindField.choice(null, WAGER_BETS.toArray(String[]::new));
        boolean line = kind.equals("pass") || kind.equals("dont-pass") || kind.equals("come") || kind.equals("dont-come");
        if (!line && item.get("odds").present()) {
            throw item.get("odds").fail("only a line bet (pass, don't pass, come, don't come) takes odds");
        }
        if (line) {
            boolean pass = kind.equals("pass") || kind.equals("come");
            long[] odds = oddsMultiples(item.get("odds"));
            String name = kind + (odds[0] + odds[1] + odds[2] > 0 ? " with odds" : "");
            return new CrapsBet(name, linePayouts(pass, odds), Craps::lineStep);
        }
        int number = kind.matches(".*-\\d+") ? Integer.parseInt(kind.substring(kind.lastIndexOf('-') + 1)) : 0;
        return switch (kind.substring(0, kind.indexOf('-') < 0 ? kind.length() : kind.indexOf('-'))) {
            case "field" -> CrapsBet.oneRoll(kind, byTotal(this::fieldPayout));
            case "place" -> CrapsBet.resolving(kind, Payout.win(placeOdds(number)),
                    (d1, d2) -> d1 + d2 == number, (d1, d2) -> d1 + d2 == 7);
            case "buy", "lay" -> CrapsBet.resolving(kind, Payout.win(buyOrLayNet(number, kind.startsWith("buy"))),
                    (d1, d2) -> d1 + d2 == (kind.startsWith("buy") ? number : 7),
                    (d1, d2) -> d1 + d2 == (kind.startsWith("buy") ? 7 : number));
            case "hard" -> CrapsBet.resolving(kind, Payout.win(hardOdds(number)),
                    (d1, d2) -> d1 == d2 && d1 + d2 == number, (d1, d2) -> d1 + d2 == 7 || d1 + d2 == number);
            default -> CrapsBet.oneRoll(kind, byTotal(CrapsPropositions.settlement(kind)));
        };
    }

    private static List<String> wagerBets() {
        List<String> names = new ArrayList<>(List.of("pass", "dont-pass", "come", "dont-come", "field"));
        for (String kind : new String[] {"place", "buy", "lay"}) {
            for (int point : POINTS) {
                names.add(kind + "-" + point);
            }
        }
        for (int hard : new int[] {4, 6, 8, 10}) {
            names.add("hard-" + hard);
        }
        names.addAll(CrapsPropositions.NAMES);
        return List.copyOf(names);
    }

    /** The line bet's move: state 0 is the come-out, a point's state is the point. */
    private static int lineStep(int state, int die1, int die2) {
        int total = die1 + die2;
        if (state == 0) {
            return isPoint(total) ? total : CrapsBet.settled(2 * (total - 2));
        }
        return total == 7 ? CrapsBet.settled(2 * (state - 2)) : total == state ? CrapsBet.settled(2 * (state - 2) + 1)
                : state;
    }

    private static Payout[] byTotal(java.util.function.IntFunction<Payout> settle) {
        Payout[] out = new Payout[13];
        Arrays.fill(out, Payout.LOSS);
        for (int total = 2; total <= 12; total++) {
            out[total] = settle.apply(total);
        }
        return out;
    }

    /**
     * Reads a model of type {@code "craps"}.
     *
     * @param root the model document's root
     * @return the game
     */
    public static Craps read(Field root) {
        root.allowOnly("type", "id", "name", "fieldTwelvePays", "commission", "standardWager");
        String id = root.get("id").text();
        Rules rules = new Rules(root.get("fieldTwelvePays").integer(2, 3, 2),
                root.get("commission").fraction(Fraction.of(1, 20)));
        return new Craps(id, root.get("name").text(id), rules, root.get("standardWager"));
    }

    /** Odds multiples by point pair (4/10, 5/9, 6/8): {@code {"4": 3, "5": 4, "6": 5, "8": 5, "9": 4, "10": 3}}. */
    private static long[] oddsMultiples(Field odds) {
        long[] multiples = new long[3];
        if (!odds.present()) {
            return multiples;
        }
        for (Map.Entry<String, Field> e : odds.members().entrySet()) {
            int pair = switch (e.getKey()) {
                case "4", "10" -> 0;
                case "5", "9" -> 1;
                case "6", "8" -> 2;
                default -> throw e.getValue().fail("not a point: expected one of 4, 5, 6, 8, 9, 10");
            };
            multiples[pair] = e.getValue().integer(0, 1000);
        }
        for (int point : POINTS) {
            if (!odds.get(Integer.toString(point)).present()) {
                throw odds.get(Integer.toString(point)).fail("missing: expected the odds multiple on " + point);
            }
        }
        return multiples;
    }

    static int ways(int total) {
        return 6 - Math.abs(total - 7);
    }

    /** Line outcome keys: 2 * (come-out total - 2) + 1 when the point was made, + 0 otherwise. */
    private static Fraction[] lineProbabilities() {
        Fraction[] p = new Fraction[22];
        for (int total = 2; total <= 12; total++) {
            Fraction roll = Fraction.of(ways(total), 36);
            if (isPoint(total)) {
                Fraction made = Fraction.of(ways(total), ways(total) + 6L);
                p[2 * (total - 2) + 1] = roll.multiply(made);
                p[2 * (total - 2)] = roll.multiply(Fraction.ONE.subtract(made));
            } else {
                p[2 * (total - 2)] = roll;
                p[2 * (total - 2) + 1] = Fraction.ZERO;
            }
        }
        return p;
    }

    private static boolean isPoint(int total) {
        return total != 2 && total != 3 && total != 7 && total != 11 && total != 12;
    }

    /** What the true odds pay on a point: the ways of seven over the ways of the point. */
    private static Fraction trueOdds(int point) {
        return Fraction.of(6, ways(point));
    }

    private static int pair(int point) {
        return Math.min(point, 14 - point) - 4;
    }

    private static Payout[] linePayouts(boolean pass, long[] odds) {
        Payout[] out = new Payout[22];
        for (int total = 2; total <= 12; total++) {
            for (int made = 0; made < 2; made++) {
                out[2 * (total - 2) + made] = pass ? passLine(total, made == 1, odds) : dontPass(total, made == 1, odds);
            }
        }
        return out;
    }

    private static Payout passLine(int total, boolean made, long[] odds) {
        if (total == 7 || total == 11) {
            return Payout.win(1);
        }
        if (!isPoint(total)) {
            return Payout.LOSS;
        }
        Fraction staked = Fraction.of(1 + odds[pair(total)]);
        Fraction oddsWin = trueOdds(total).multiply(odds[pair(total)]).add(Fraction.of(odds[pair(total)]));
        return made ? new Payout(staked, Fraction.of(2).add(oddsWin)) : new Payout(staked, Fraction.ZERO);
    }

    private static Payout dontPass(int total, boolean made, long[] odds) {
        if (total == 2 || total == 3) {
            return Payout.win(1);
        }
        if (total == 12) {
            return Payout.PUSH;
        }
        if (!isPoint(total)) {
            return Payout.LOSS;
        }
        Fraction staked = Fraction.of(1 + odds[pair(total)]);
        Fraction layWin = Fraction.ONE.divide(trueOdds(total)).multiply(odds[pair(total)])
                .add(Fraction.of(odds[pair(total)]));
        return made ? new Payout(staked, Fraction.ZERO) : new Payout(staked, Fraction.of(2).add(layWin));
    }

    @Override
    protected Fraction[] outcomeProbabilities() {
        return round.probabilities();
    }

    @Override
    protected StandardWager wager() {
        return wager;
    }

    /** Each roll's two dice, die 1 then die 2. */
    @Override
    protected LoggedDraws loggedDraws(JsonNode outcome) {
        LoggedDraws draws = new LoggedDraws();
        JsonNode rolls = array(outcome, "rolls");
        for (int i = 0; i < rolls.size(); i++) {
            JsonNode roll = rolls.get(i);
            if (!roll.isArray() || roll.size() != 2) {
                throw new IllegalArgumentException("$.outcome.rolls[" + i + "]: expected two dice");
            }
            for (int d = 0; d < 2; d++) {
                draws.add(LoggedDraws.Kind.NUMBER, number(roll.get(d), "$.outcome.rolls[" + i + "][" + d + "]", 1, 6) - 1);
            }
        }
        return draws;
    }

    @Override
    protected void playRound(RandomStream stream, RoundOutcome outcome, ObjectNode detail) {
        int key = round.play(stream, detail == null ? null : detail.putArray("rolls"));
        wager.settle(key, outcome);
        if (detail != null) {
            wager.describe(detail, key);
        }
    }

    @Override
    protected List<BetAnalysis> bets() {
        Fraction[] line = lineProbabilities();
        long[] none = new long[3];
        long[] threeFourFive = {3, 4, 5};
        List<BetAnalysis> rows = new ArrayList<>();
        rows.add(new BetAnalysis("pass line", "1:1", Distribution.over(line, linePayouts(true, none))));
        rows.add(new BetAnalysis("don't pass (bar 12)", "1:1", Distribution.over(line, linePayouts(false, none))));
        rows.add(new BetAnalysis("come", "1:1", Distribution.over(line, linePayouts(true, none))));
        rows.add(new BetAnalysis("don't come (bar 12)", "1:1", Distribution.over(line, linePayouts(false, none))));
        rows.add(new BetAnalysis("pass with 3-4-5x odds", "1:1, odds true",
                Distribution.over(line, linePayouts(true, threeFourFive))));
        for (long times : new long[] {1, 2, 5, 10, 20, 100}) {
            long[] odds = {times, times, times};
            rows.add(new BetAnalysis("pass with " + times + "x odds", "1:1, odds true",
                    Distribution.over(line, linePayouts(true, odds))));
            rows.add(new BetAnalysis("don't pass with " + times + "x lay odds", "1:1, lay odds true",
                    Distribution.over(line, linePayouts(false, odds))));
        }
        rows.add(field());
        for (int point : POINTS) {
            rows.add(place(point));
        }
        for (int point : POINTS) {
            rows.add(buyOrLay(point, true));
        }
        for (int point : POINTS) {
            rows.add(buyOrLay(point, false));
        }
        for (int hard : new int[] {4, 6, 8, 10}) {
            rows.add(resolving("hard " + hard, hardOdds(hard) + ":1", Payout.win(hardOdds(hard)), 1, 6 + ways(hard) - 1));
        }
        rows.addAll(CrapsPropositions.all());
        return rows;
    }

    private Payout fieldPayout(int total) {
        return switch (total) {
            case 2 -> Payout.win(2);
            case 12 -> Payout.win(rules.fieldTwelvePays());
            case 3, 4, 9, 10, 11 -> Payout.win(1);
            default -> Payout.LOSS;
        };
    }

    private BetAnalysis field() {
        Distribution d = new Distribution();
        for (int total = 2; total <= 12; total++) {
            d.add(fieldPayout(total), Fraction.of(ways(total), 36));
        }
        return new BetAnalysis("field", "1:1, 2 pays 2:1, 12 pays " + rules.fieldTwelvePays() + ":1", d);
    }

    private static Fraction placeOdds(int point) {
        return switch (point) {
            case 4, 10 -> Fraction.of(9, 5);
            case 5, 9 -> Fraction.of(7, 5);
            default -> Fraction.of(7, 6);
        };
    }

    private static BetAnalysis place(int point) {
        Fraction odds = placeOdds(point);
        return resolving("place " + point, odds + ":1", Payout.win(odds), ways(point), 6);
    }

    private static long hardOdds(int hard) {
        return hard == 4 || hard == 10 ? 7 : 9;
    }

    /** What a won buy (true odds) or lay (lays true odds) pays per unit, less the commission on the win. */
    private Fraction buyOrLayNet(int point, boolean buy) {
        Fraction odds = buy ? trueOdds(point) : Fraction.ONE.divide(trueOdds(point));
        return odds.multiply(Fraction.ONE.subtract(rules.commission()));
    }

    /** A buy pays true odds and a lay lays them, less the commission on the win. */
    private BetAnalysis buyOrLay(int point, boolean buy) {
        Fraction odds = buy ? trueOdds(point) : Fraction.ONE.divide(trueOdds(point));
        Fraction net = buyOrLayNet(point, buy);
        return buy
                ? resolving("buy " + point, odds + ":1 less " + rules.commission() + " of the win", Payout.win(net),
                        ways(point), 6)
                : resolving("lay " + point, odds + ":1 less " + rules.commission() + " of the win", Payout.win(net), 6,
                        ways(point));
    }

    /** A bet that stays up until one of {@code winWays} or {@code loseWays} (out of 36) is rolled. */
    private static BetAnalysis resolving(String bet, String pays, Payout win, int winWays, int loseWays) {
        Fraction pWin = Fraction.of(winWays, winWays + loseWays);
        return new BetAnalysis(bet, pays,
                new Distribution().add(win, pWin).add(Payout.LOSS, Fraction.ONE.subtract(pWin)));
    }
}
