package io.fairspin.math.table;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fairspin.math.AnalysisReport;
import io.fairspin.math.Bet;
import io.fairspin.math.BetLimits;
import io.fairspin.math.AnalysisReport.Cell;
import io.fairspin.math.Analyzable;
import io.fairspin.math.ExactFigures;
import io.fairspin.math.Fraction;
import io.fairspin.math.Game;
import io.fairspin.math.LoggedDraws;
import io.fairspin.math.PlayedRound;
import io.fairspin.math.RoundOutcome;
import io.fairspin.math.WinDistribution;
import io.fairspin.rng.RandomStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What every table and card game shares: identity, the standard wager (whose bets are the win types),
 * one round-playing method for both the fast and the recorded path, and the analysis report made of
 * the per-bet table and the standard wager's figures.
 */
public abstract class TableGame implements Game, Analyzable, WinDistribution {
    private final String id;
    private final String name;
    private final ThreadLocal<Dealer> dealers = ThreadLocal.withInitial(() -> new Dealer(shoeSize(), dealsCards()));
    private volatile ExactFigures figures;
    private volatile SortedMap<Long, Fraction> wins;
    /** The model's bets, set by {@link TableBets#read} once the game is read. */
    TableBets tableBets;

    /**
     * A table game.
     *
     * @param id the model's id
     * @param name the model's display name
     */
    public TableGame(String id, String name) {
        this.id = id;
        this.name = name;
    }

    @Override
    public String id() {
        return id;
    }

    /**
     * The model's bets as read with the game.
     *
     * @return the bets
     */
    protected final TableBets tableBets() {
        return tableBets;
    }

    /** The number of cards in the game's shoe (0 for games without cards). */
    protected int shoeSize() {
        return 0;
    }

    /** Whether the shoe holds cards (named by rank and suit in the log); keno's holds balls. */
    protected boolean dealsCards() {
        return true;
    }

    /**
     * The draws of a logged round, read from its logged outcome in the order the round makes them, for
     * {@link LoggedTableCheck}.
     *
     * @throws IllegalArgumentException naming the JSON path of a draw the outcome does not hold as expected
     */
    protected abstract LoggedDraws loggedDraws(JsonNode outcome);

    /** Adds the cards of the array {@code field} from {@code from} (those it holds, up to {@code to}). */
    protected static void cards(LoggedDraws draws, JsonNode outcome, String field, int from, int to) {
        JsonNode array = array(outcome, field);
        for (int i = from; i < Math.min(to, array.size()); i++) {
            draws.add(LoggedDraws.Kind.CARD, card(array.get(i), "$.outcome." + field + "[" + i + "]"));
        }
    }

    /** The array {@code field} of the outcome. */
    protected static JsonNode array(JsonNode outcome, String field) {
        JsonNode array = outcome.get(field);
        if (array == null || !array.isArray()) {
            throw new IllegalArgumentException("$.outcome." + field + ": expected an array");
        }
        return array;
    }

    /** The code of a logged card name. */
    protected static int card(JsonNode name, String path) {
        int code = name.isTextual() ? Cards.parse(name.asText()) : -1;
        if (code < 0) {
            throw new IllegalArgumentException(path + ": " + name + " is not a card");
        }
        return code;
    }

    /** A logged whole number in [min, max]. */
    protected static int number(JsonNode value, String path, int min, int max) {
        if (value == null || !value.canConvertToInt() || value.asInt() < min || value.asInt() > max) {
            throw new IllegalArgumentException(path + ": expected a whole number from " + min + " to " + max);
        }
        return value.asInt();
    }

    /** This thread's shoe, with every card back in it, to deal a new round from. */
    protected final Dealer freshShoe() {
        Dealer dealer = dealers.get();
        dealer.newRound();
        return dealer;
    }

    /** The wager {@code play} places and the exact figures describe. */
    protected abstract StandardWager wager();

    /** The exact probability of each outcome key of {@link #wager()}. */
    protected abstract Fraction[] outcomeProbabilities();

    /**
     * Plays one round into {@code outcome} (already started at the standard stake), describing it in
     * {@code detail} when that is not null. Must draw the same whatever {@code detail} is.
     */
    protected abstract void playRound(RandomStream stream, RoundOutcome outcome, ObjectNode detail);

    /** The exact per-bet distributions of every bet the model offers, for the analysis report. */
    protected abstract List<BetAnalysis> bets();

    /** Further tables of the analysis (hand frequencies, strategy), after the per-bet table. */
    protected List<AnalysisReport.Table> extraTables() {
        return List.of();
    }

    @Override
    public Bet standardBet() {
        return tableBets.standard();
    }

    @Override
    public BetLimits betLimits() {
        return tableBets.limits();
    }

    @Override
    public void checkBet(Bet bet) {
        tableBets.at(bet, this);
    }

    @Override
    public Game at(Bet bet) {
        return tableBets.at(bet, this);
    }

    @Override
    public long stake() {
        return wager().initialStake();
    }

    @Override
    public List<String> winTypes() {
        return wager().names();
    }

    @Override
    public List<String> features() {
        return List.of();
    }

    @Override
    public void play(RandomStream stream, RoundOutcome outcome) {
        outcome.start(stake());
        playRound(stream, outcome, null);
    }

    @Override
    public PlayedRound playRecorded(RandomStream stream) {
        RoundOutcome outcome = RoundOutcome.forGame(this);
        outcome.start(stake());
        ObjectNode detail = JsonNodeFactory.instance.objectNode();
        playRound(stream, outcome, detail);
        return new PlayedRound(outcome, detail.toString());
    }

    @Override
    public Optional<ExactFigures> exactFigures() {
        ExactFigures known = figures;
        if (known == null) {
            known = wager().figures(outcomeProbabilities());
            figures = known;
        }
        return Optional.of(known);
    }

    /**
     * The exact distribution of a round's total return at the standard wager: each outcome key's return
     * summed over the wager's bets, with the key's probability, keys of equal return merged.
     */
    @Override
    public Optional<SortedMap<Long, Fraction>> winDistribution() {
        SortedMap<Long, Fraction> known = wins;
        if (known == null) {
            Fraction[] p = outcomeProbabilities();
            StandardWager wager = wager();
            SortedMap<Long, Fraction> distribution = new TreeMap<>();
            for (int key = 0; key < p.length; key++) {
                if (p[key] == null || p[key].signum() == 0) {
                    continue;
                }
                long total = 0;
                for (int bet = 0; bet < wager.names().size(); bet++) {
                    total = Math.addExact(total, wager.returned(key, bet));
                }
                distribution.merge(total, p[key], Fraction::add);
            }
            known = Collections.unmodifiableSortedMap(distribution);
            wins = known;
        }
        return Optional.of(known);
    }

    @Override
    public AnalysisReport analyze() {
        List<AnalysisReport.Table> tables = new ArrayList<>();
        tables.add(BetAnalysis.table("Return by bet", bets()));
        tables.addAll(extraTables());
        tables.add(standardWagerTable());
        return new AnalysisReport(name, tables);
    }

    private AnalysisReport.Table standardWagerTable() {
        ExactFigures exact = exactFigures().orElseThrow();
        List<List<Cell>> rows = new ArrayList<>();
        rows.add(List.of(Cell.text("stake (minor units)"), Cell.count(stake())));
        rows.add(List.of(Cell.text("RTP"), Cell.exact(exact.rtp())));
        for (int i = 0; i < winTypes().size(); i++) {
            rows.add(List.of(Cell.text("RTP from " + winTypes().get(i)), Cell.exact(exact.rtpByWinType().get(i))));
        }
        rows.add(List.of(Cell.text("hit frequency"), Cell.exact(exact.hitFrequency())));
        rows.add(List.of(Cell.text("variance"), Cell.exact(exact.variance())));
        rows.add(List.of(Cell.text("standard deviation"), Cell.approximate(exact.standardDeviation())));
        return new AnalysisReport.Table("Standard wager", List.of("figure", "value"), rows);
    }
}
