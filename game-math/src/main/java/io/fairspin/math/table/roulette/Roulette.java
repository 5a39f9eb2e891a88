package io.fairspin.math.table.roulette;

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

/**
 * Roulette on a single-zero (European, French) or double-zero (American) wheel, with la partage or en
 * prison on the even-money bets where the model asks for them.
 *
 * <p>A round spins once: pocket = uniform(37) or uniform(38), pocket 37 being "00". Under en prison a
 * zero imprisons the even-money bets and one more pocket is spun the same way; the imprisoned stake is
 * returned if that spin wins the bet, lost otherwise.
 */
public final class Roulette extends TableGame {
    private final int pockets;
    private final String evenMoneyRule;
    private final StandardWager wager;

    private Roulette(String id, String name, int pockets, String evenMoneyRule, List<RouletteBet> wagerBets,
            List<Long> amounts, List<Field> amountFields) {
        super(id, name);
        this.pockets = pockets;
        this.evenMoneyRule = evenMoneyRule;
        StandardWager.Builder builder = StandardWager.over(probabilities().length);
        for (int i = 0; i < wagerBets.size(); i++) {
            RouletteBet bet = wagerBets.get(i);
            builder.bet(bet.label(), amounts.get(i), payouts(bet), amountFields.get(i));
        }
        this.wager = builder.build();
    }

    /**
     * Reads a model of type {@code "roulette"}.
     *
     * @param root the model document's root
     * @return the game
     */
    public static Roulette read(Field root) {
        root.allowOnly("type", "id", "name", "wheel", "evenMoneyRule", "standardWager");
        String id = root.get("id").text();
        String name = root.get("name").text(id);
        String wheel = root.get("wheel").choice(null, "single-zero", "double-zero");
        int pockets = wheel.equals("single-zero") ? 37 : 38;
        Field ruleField = root.get("evenMoneyRule");
        String rule = ruleField.choice("none", "none", "la-partage", "en-prison");
        if (pockets == 38 && !rule.equals("none")) {
            throw ruleField.fail("\"" + rule + "\" needs a single-zero wheel: expected \"none\" for double-zero");
        }
        List<RouletteBet> bets = new ArrayList<>();
        List<Long> amounts = new ArrayList<>();
        List<Field> amountFields = new ArrayList<>();
        for (Field item : root.get("standardWager").elements(1)) {
            item.allowOnly("bet", "numbers", "amount");
            bets.add(RouletteBet.read(item, pockets));
            amounts.add(item.get("amount").integer(1, Long.MAX_VALUE / 64));
            amountFields.add(item.get("amount"));
        }
        return new Roulette(id, name, pockets, rule, bets, amounts, amountFields);
    }

    /** Outcome keys: pocket p (< pockets) for a settled spin; pockets + q for zero then q under en prison. */
    private Fraction[] probabilities() {
        boolean prison = evenMoneyRule.equals("en-prison");
        Fraction[] p = new Fraction[prison ? 2 * pockets : pockets];
        Arrays.fill(p, Fraction.of(1, pockets));
        if (prison) {
            p[0] = Fraction.ZERO;
            for (int q = 0; q < pockets; q++) {
                p[pockets + q] = Fraction.of(1, (long) pockets * pockets);
            }
        }
        return p;
    }

    private Payout[] payouts(RouletteBet bet) {
        Fraction[] probability = probabilities();
        Payout[] out = new Payout[probability.length];
        for (int key = 0; key < out.length; key++) {
            out[key] = settle(bet, key);
        }
        return out;
    }

    private Payout settle(RouletteBet bet, int key) {
        int pocket = key < pockets ? key : 0;
        if (bet.covers(pocket)) {
            return Payout.win(bet.odds());
        }
        if (pocket != 0 || !bet.evenMoney()) {
            return Payout.LOSS;
        }
        return switch (evenMoneyRule) {
            case "la-partage" -> new Payout(Fraction.ONE, Fraction.of(1, 2));
            case "en-prison" -> bet.covers(key - pockets) ? Payout.PUSH : Payout.LOSS;
            default -> Payout.LOSS;
        };
    }

    @Override
    protected Fraction[] outcomeProbabilities() {
        return probabilities();
    }

    @Override
    protected StandardWager wager() {
        return wager;
    }

    @Override
    protected void playRound(RandomStream stream, RoundOutcome outcome, ObjectNode detail) {
        int key = stream.nextInt(pockets);
        if (key == 0 && evenMoneyRule.equals("en-prison")) {
            key = pockets + stream.nextInt(pockets);
        }
        wager.settle(key, outcome);
        if (detail != null) {
            detail.put("pocket", RouletteBet.pocketName(key < pockets ? key : 0));
            if (key >= pockets) {
                detail.put("prisonSpin", RouletteBet.pocketName(key - pockets));
            }
            wager.describe(detail, key);
        }
    }

    /** The pocket spun, then under en prison the prison spin. */
    @Override
    protected LoggedDraws loggedDraws(JsonNode outcome) {
        LoggedDraws draws = new LoggedDraws()
                .add(LoggedDraws.Kind.NUMBER, pocket(outcome.get("pocket"), "$.outcome.pocket"));
        if (outcome.has("prisonSpin")) {
            draws.add(LoggedDraws.Kind.NUMBER, pocket(outcome.get("prisonSpin"), "$.outcome.prisonSpin"));
        }
        return draws;
    }

    private int pocket(JsonNode name, String path) {
        String text = name == null || !name.isTextual() ? "" : name.asText();
        if (text.equals("00") && pockets == 38) {
            return RouletteBet.DOUBLE_ZERO;
        }
        boolean digits = !text.isEmpty() && text.length() <= 2 && (text.length() == 1 || text.charAt(0) != '0')
                && text.chars().allMatch(c -> c >= '0' && c <= '9');
        if (digits && Integer.parseInt(text) <= 36) {
            return Integer.parseInt(text);
        }
        throw new IllegalArgumentException(path + ": " + name + " is not a pocket of the wheel");
    }

    @Override
    protected List<BetAnalysis> bets() {
        List<BetAnalysis> rows = new ArrayList<>();
        Fraction[] probability = probabilities();
        for (RouletteBet bet : RouletteBet.representatives(pockets)) {
            rows.add(new BetAnalysis(bet.label(), bet.odds() + ":1", Distribution.over(probability, payouts(bet))));
        }
        return rows;
    }
}
