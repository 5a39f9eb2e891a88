package io.fairspin.math.table.keno;

import io.fairspin.math.table.BetAnalysis;
import io.fairspin.math.table.Dealer;
import io.fairspin.math.table.Distribution;
import io.fairspin.math.table.Field;
import io.fairspin.math.table.Payout;
import io.fairspin.math.table.StandardWager;
import io.fairspin.math.table.TableGame;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fairspin.math.LoggedDraws;
import io.fairspin.math.AnalysisReport;
import io.fairspin.math.AnalysisReport.Cell;
import io.fairspin.math.Fraction;
import io.fairspin.math.RoundOutcome;
import io.fairspin.rng.RandomStream;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Keno: the house draws {@code drawn} of {@code balls} numbered balls; a ticket of p spots is paid by
 * its paytable for the number caught, exactly by the hypergeometric distribution. Pays are what a
 * ticket returns per unit bet ("for 1", as keno paytables read), stake included.
 *
 * <p>A round draws the balls as derivation v1's sample of {@code drawn} from {@code balls} (ball =
 * index + 1), in order.
 */
public final class Keno extends TableGame {
    private final int balls;
    private final int drawn;
    private final Map<Integer, long[]> paytables;
    private final boolean[] ticket;
    private final int spots;
    private final StandardWager wager;

    private Keno(String id, String name, int balls, int drawn, Map<Integer, long[]> paytables, Field wagerField) {
        super(id, name);
        this.balls = balls;
        this.drawn = drawn;
        this.paytables = paytables;
        this.ticket = new boolean[balls + 1];
        List<Field> picks = wagerField.allowOnly("spots", "amount").get("spots").elements(1);
        for (Field pick : picks) {
            int ball = pick.smallInt(1, balls);
            if (ticket[ball]) {
                throw pick.fail("spot " + ball + " is marked twice: expected distinct spots");
            }
            ticket[ball] = true;
        }
        this.spots = picks.size();
        if (!paytables.containsKey(spots)) {
            throw wagerField.get("spots").fail("a " + spots + "-spot ticket has no paytable: expected one of "
                    + paytables.keySet() + " spots");
        }
        this.wager = StandardWager.over(spots + 1)
                .bet(spots + "-spot ticket", wagerField.get("amount").integer(1, Long.MAX_VALUE / 1_000_000_000L),
                        payouts(spots), wagerField.get("amount"))
                .build();
    }

    /**
     * Reads a model of type {@code "keno"}.
     *
     * @param root the model document's root
     * @return the game
     */
    public static Keno read(Field root) {
        root.allowOnly("type", "id", "name", "balls", "drawn", "paytables", "standardWager");
        String id = root.get("id").text();
        int balls = root.get("balls").smallInt(2, 100, 80);
        int drawn = root.get("drawn").smallInt(1, balls, 20);
        Map<Integer, long[]> paytables = new TreeMap<>();
        for (Map.Entry<String, Field> table : root.get("paytables").members().entrySet()) {
            int spots;
            try {
                spots = Integer.parseInt(table.getKey());
            } catch (NumberFormatException e) {
                spots = -1;
            }
            if (spots < 1 || spots > Math.min(drawn, 20)) {
                throw table.getValue().fail("not a spot count: expected 1 to " + Math.min(drawn, 20));
            }
            long[] pays = new long[spots + 1];
            for (Map.Entry<String, Field> pay : table.getValue().members().entrySet()) {
                int caught = pay.getKey().matches("\\d{1,2}") ? Integer.parseInt(pay.getKey()) : -1;
                if (caught < 0 || caught > spots) {
                    throw pay.getValue().fail("not a catch count: expected 0 to " + spots);
                }
                pays[caught] = pay.getValue().integer(0, 1_000_000_000L);
            }
            paytables.put(spots, pays);
        }
        return new Keno(id, root.get("name").text(id), balls, drawn, paytables, root.get("standardWager"));
    }

    /** P(catch c of a p-spot ticket) = C(p, c) C(balls - p, drawn - c) / C(balls, drawn). */
    private Fraction[] catchProbabilities(int p) {
        Fraction[] out = new Fraction[p + 1];
        BigInteger all = binomial(balls, drawn);
        for (int c = 0; c <= p; c++) {
            out[c] = Fraction.of(binomial(p, c).multiply(binomial(balls - p, drawn - c)), all);
        }
        return out;
    }

    private static BigInteger binomial(int n, int k) {
        if (k < 0 || k > n) {
            return BigInteger.ZERO;
        }
        BigInteger result = BigInteger.ONE;
        for (int i = 0; i < k; i++) {
            result = result.multiply(BigInteger.valueOf(n - i)).divide(BigInteger.valueOf(i + 1));
        }
        return result;
    }

    private Payout[] payouts(int p) {
        long[] pays = paytables.get(p);
        Payout[] out = new Payout[p + 1];
        for (int c = 0; c <= p; c++) {
            out[c] = new Payout(Fraction.ONE, Fraction.of(pays[c]));
        }
        return out;
    }

    @Override
    protected int shoeSize() {
        return balls;
    }

    @Override
    protected Fraction[] outcomeProbabilities() {
        return catchProbabilities(spots);
    }

    @Override
    protected StandardWager wager() {
        return wager;
    }

    @Override
    protected void playRound(RandomStream stream, RoundOutcome outcome, ObjectNode detail) {
        Dealer dealer = freshShoe();
        ArrayNode draw = detail == null ? null : detail.putArray("drawn");
        int caught = 0;
        for (int i = 0; i < drawn; i++) {
            int ball = dealer.next(stream) + 1;
            if (ticket[ball]) {
                caught++;
            }
            if (draw != null) {
                draw.add(ball);
            }
        }
        wager.settle(caught, outcome);
        if (detail != null) {
            detail.put("caught", caught).put("returned", wager.returned(caught, 0));
        }
    }

    @Override
    protected boolean dealsCards() {
        return false;
    }

    /** The balls drawn, in order. */
    @Override
    protected LoggedDraws loggedDraws(JsonNode outcome) {
        LoggedDraws draws = new LoggedDraws();
        JsonNode balls = array(outcome, "drawn");
        for (int i = 0; i < balls.size(); i++) {
            draws.add(LoggedDraws.Kind.ITEM, number(balls.get(i), "$.outcome.drawn[" + i + "]", 1, shoeSize()) - 1);
        }
        return draws;
    }

    @Override
    protected List<BetAnalysis> bets() {
        List<BetAnalysis> rows = new ArrayList<>();
        for (int p : paytables.keySet()) {
            rows.add(new BetAnalysis(p + "-spot ticket", "per catch, for 1",
                    Distribution.over(catchProbabilities(p), payouts(p))));
        }
        return rows;
    }

    @Override
    protected List<AnalysisReport.Table> extraTables() {
        Fraction[] p = catchProbabilities(spots);
        long[] pays = paytables.get(spots);
        List<List<Cell>> rows = new ArrayList<>();
        for (int c = spots; c >= 0; c--) {
            rows.add(List.of(Cell.count(c), Cell.count(pays[c]), Cell.exact(p[c]), Cell.exact(p[c].multiply(pays[c]))));
        }
        return List.of(new AnalysisReport.Table("Catches of the " + spots + "-spot ticket",
                List.of("caught", "pays for 1", "probability", "return"), rows));
    }
}
