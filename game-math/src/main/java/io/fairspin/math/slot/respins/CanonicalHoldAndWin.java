package io.fairspin.math.slot.respins;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import io.fairspin.math.LoggedDraws;
import io.fairspin.math.json.OutcomeJson;
import io.fairspin.math.json.RecordBytes;
import io.fairspin.math.json.StreamedSpins;
import io.fairspin.math.slot.SpinResult;
import io.fairspin.math.slot.jackpots.Jackpot;
import io.fairspin.math.slot.jackpots.Jackpots;
import io.fairspin.math.slot.evaluation.CanonicalSpins;
import io.fairspin.math.slot.evaluation.DirectSlotRound;
import io.fairspin.math.slot.model.SlotModel;
import io.fairspin.math.slot.respins.HoldAndWinGame.Coin;
import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The outcome check's fast path for a hold-and-win slot's logged rounds at the standard wager. A round that neither
 * collects nor starts the feature nor reaches the cap (most rounds) is checked in place: its base round as a line
 * slot's ({@link DirectSlotRound}), then the rest of its record, which such a round ends with. Any other round has its
 * draws read from the logged bytes by Jackson's streaming parser (the base spins' reel sets and stops, their windows
 * and wins stepped over; the collect and the feature, small, as trees), is played again on them by the game's own code,
 * its record written by hand in the canonical form the audit log keeps (the bytes Jackson writes for it with its
 * members sorted by name; the base spin's by {@link CanonicalSpins}). Either way the round is accepted only when those
 * are exactly the logged bytes and its stake and win the logged bet and win. Anything else (a bought round, a draw the
 * game cannot make, other bytes) is not accepted here, and the check on the parsed tree gives the verdict.
 *
 * <p>Not thread-safe (it keeps its buffers): one per check.
 */
public final class CanonicalHoldAndWin {
    private static final JsonFactory FACTORY = OutcomeJson.MAPPER.getFactory();
    private static final byte[] BASE = RecordBytes.ascii("{\"base\":");
    private static final byte[] COLLECT = RecordBytes.ascii(",\"collect\":{\"amount\":");
    private static final byte[] COINS = RecordBytes.ascii(",\"coins\":[");
    private static final byte[] HOLD_AND_WIN = RecordBytes.ascii(",\"holdAndWin\":");
    private static final byte[] NO_FEATURE = RecordBytes.ascii(",\"holdAndWin\":null");
    private static final byte[] NULL = RecordBytes.ascii("null");
    private static final byte[] AMOUNT = RecordBytes.ascii("{\"amount\":");
    private static final byte[] FULL = RecordBytes.ascii("],\"full\":");
    private static final byte[] HELD = RecordBytes.ascii(",\"held\":");
    private static final byte[] RESPINS = RecordBytes.ascii(",\"respins\":[");
    private static final byte[] LANDED = RecordBytes.ascii("{\"landed\":[");
    private static final byte[] RESPINS_LEFT = RecordBytes.ascii("],\"respinsLeft\":");
    private static final byte[] JACKPOT = RecordBytes.ascii("{\"jackpot\":");
    private static final byte[] REEL = RecordBytes.ascii(",\"reel\":");
    private static final byte[] ROW = RecordBytes.ascii(",\"row\":");
    private static final byte[] VALUE = RecordBytes.ascii(",\"value\":");
    private static final byte[] MAX_WIN_REACHED = RecordBytes.ascii(",\"maxWinReached\":true");
    private static final byte[] STAKE = RecordBytes.ascii(",\"stake\":");
    private static final byte[] WIN = RecordBytes.ascii(",\"win\":");

    private final HoldAndWinGame game;
    private final CanonicalSpins spins = new CanonicalSpins();
    private final RecordBytes out = new RecordBytes();
    /** The direct path of the base round, when its model allows it (one coin a line), else null. */
    private final DirectSlotRound direct;
    /** Per jackpot, its name encoded. */
    private final byte[][] jackpots;
    private final Map<String, Integer> awardIndex = new HashMap<>();
    private long directRounds;

    /**
     * The fast path of {@code game}'s rounds at its standard wager.
     *
     * @param game the game of the logged rounds
     */
    public CanonicalHoldAndWin(HoldAndWinGame game) {
        this.game = game;
        this.jackpots = RecordBytes.encode(game.feature.jackpots().stream().map(Jackpot::name).toList());
        SlotModel model = game.base.model;
        // A base round's stake is the bet's times the coins, which the direct path does not write: one coin only.
        this.direct = model.stakeUnits() == model.lines() ? new DirectSlotRound(game.base) : null;
        for (String award : game.awards()) {
            awardIndex.put(award, awardIndex.size());
        }
    }

    /**
     * Whether a logged round is accepted: its bytes are exactly the canonical bytes of the round played again at the
     * standard wager on the draws read from them, its stake {@code bet} and its win {@code win}; then the base spin's
     * line awards are added to {@code awardCounts}. False decides nothing: the round goes to the check on its tree.
     *
     * @param outcome the logged outcome's bytes
     * @param bet the logged bet
     * @param win the logged win
     * @param awardCounts the running counts of each award (indexed as the game's awards), updated when accepted
     * @return true when the round is accepted
     */
    public boolean accepts(byte[] outcome, long bet, long win, long[] awardCounts) {
        if (acceptsDirect(outcome, bet, win)) {
            direct.countAwards(awardCounts);
            directRounds++;
            return true;
        }
        LoggedDraws draws = draws(outcome);
        if (draws == null) {
            return false;
        }
        HoldAndWinGame.Recorded again;
        try {
            again = game.recorded(draws);
        } catch (RuntimeException e) { // a draw the round cannot make, or more draws than logged
            return false;
        }
        if (again.outcome().stake() != bet || again.outcome().win() != win) {
            return false;
        }
        write(again.record());
        if (!out.sameAs(outcome)) {
            return false;
        }
        for (SpinResult.Win w : again.record().base().spins().get(0).wins()) {
            Integer index = awardIndex.get(w.award());
            if (index != null && !w.type().equals("scatter")) {
                awardCounts[index]++;
            }
        }
        return true;
    }

    /**
     * The direct path of a round the feature does not start (most rounds): the base round read and checked in place
     * as a line slot's ({@link DirectSlotRound}), at the standard wager, its base window starting neither the collect
     * nor the feature, its win below the round's cap (so nothing is cut and the free games run to their end), and the
     * record ending as such a round's does ({@code "holdAndWin":null}, the stake and the win): exactly what
     * {@link HoldAndWinGame#recorded} records for those draws.
     */
    private boolean acceptsDirect(byte[] outcome, long bet, long win) {
        if (direct == null || !startsWith(outcome, BASE) || !direct.accepts(outcome, BASE.length, false)) {
            return false;
        }
        SlotModel model = game.base.model;
        long total = direct.win();
        long cap = game.cap();
        if (direct.bet().lineBet() != model.lineBet() || direct.bet().lines() != model.lines()
                || (cap > 0 && total >= cap) || startsFeature()
                || game.stake() != bet || total != win) {
            return false;
        }
        out.reset();
        out.raw(NO_FEATURE);
        out.raw(STAKE);
        out.number(game.stake());
        out.raw(WIN);
        out.number(total);
        out.put('}');
        return direct.end() + out.size() == outcome.length && out.sameAt(outcome, direct.end());
    }

    /**
     * The rounds accepted on the direct path so far (for tests that show it is taken).
     *
     * @return the number of rounds accepted there
     */
    public long directRounds() {
        return directRounds;
    }

    /**
     * Whether the base window of the round the direct path accepted starts the collect (the collect symbol with coins)
     * or the feature, as recorded() does: its coins and collect symbols counted as the game's per-symbol scatters.
     */
    private boolean startsFeature() {
        int coins = direct.baseScatters(game.feature.scatter());
        boolean collects = game.feature.collectScatter() >= 0 && direct.baseScatters(game.feature.collectScatter()) > 0;
        return (collects && coins > 0) || coins >= game.feature.trigger();
    }

    private static boolean startsWith(byte[] bytes, byte[] start) {
        return Arrays.equals(bytes, 0, Math.min(bytes.length, start.length), start, 0, start.length);
    }

    /**
     * The draws of a round that is not bought, read from its logged bytes; null when they cannot be read (not JSON, a
     * bought round, a reel set, stop, coin or value the round cannot have).
     */
    private LoggedDraws draws(byte[] outcome) {
        try (JsonParser p = FACTORY.createParser(outcome)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            LoggedDraws draws = null;
            JsonNode collect = null;
            JsonNode held = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if (name.equals("base")) {
                    if (value != JsonToken.START_OBJECT || draws != null || (draws = base(p)) == null) {
                        return null;
                    }
                } else if (name.equals("collect")) {
                    collect = value == JsonToken.VALUE_NULL ? null : OutcomeJson.MAPPER.readTree(p);
                } else if (name.equals("holdAndWin")) {
                    held = value == JsonToken.VALUE_NULL ? null : OutcomeJson.MAPPER.readTree(p);
                } else if (name.equals("bonusBuy")) {
                    return null;
                } else {
                    p.skipChildren();
                }
            }
            return draws == null ? null : game.laterDraws(collect, held, false, draws);
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
    }

    /** The base spins' draws, the parser at the start of the base record; null when they cannot be read. */
    private LoggedDraws base(JsonParser p) throws IOException {
        List<StreamedSpins.Drawn> drawn = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            if (name.equals("spins")) {
                if (value != JsonToken.START_ARRAY || drawn != null || (drawn = StreamedSpins.read(p)) == null) {
                    return null;
                }
            } else {
                p.skipChildren();
            }
        }
        if (drawn == null || drawn.isEmpty() || (drawn.size() > 1 && game.base.model.freeGames() == null)) {
            return null;
        }
        LoggedDraws draws = new LoggedDraws();
        for (int i = 0; i < drawn.size(); i++) {
            SlotModel.Choice choice = game.choice(i);
            int chosen = game.chosen(choice, drawn.get(i).reelSet());
            if (chosen < 0 || !StreamedSpins.onStrips(drawn.get(i).stops(), game.lengths(choice, chosen))) {
                return null;
            }
            draws.addSpin(choice.sets().length, chosen, drawn.get(i).stops());
        }
        return draws;
    }

    /** Writes a round's record in canonical form: its members, and each object's, sorted by name. */
    private void write(HoldAndWinGame.Record record) {
        out.reset();
        out.raw(BASE);
        spins.writeTo(record.base(), out);
        if (record.collect() != null) {
            out.raw(COLLECT);
            out.number(record.collect().amount());
            out.raw(COINS);
            coins(record.collect().coins());
            out.put(']');
            out.put('}');
        }
        out.raw(HOLD_AND_WIN);
        HoldAndWinGame.Feature feature = record.holdAndWin();
        if (feature == null) {
            out.raw(NULL);
        } else {
            out.raw(AMOUNT);
            out.number(feature.amount());
            out.raw(COINS);
            coins(feature.coins());
            out.raw(FULL);
            out.bool(feature.full());
            out.raw(HELD);
            out.number(feature.held());
            out.raw(RESPINS);
            for (int k = 0; k < feature.respins().size(); k++) {
                if (k > 0) {
                    out.put(',');
                }
                out.raw(LANDED);
                coins(feature.respins().get(k).landed());
                out.raw(RESPINS_LEFT);
                out.number(feature.respins().get(k).respinsLeft());
                out.put('}');
            }
            out.put(']');
            out.put('}');
        }
        if (Boolean.TRUE.equals(record.maxWinReached())) {
            out.raw(MAX_WIN_REACHED);
        }
        out.raw(STAKE);
        out.number(record.stake());
        out.raw(WIN);
        out.number(record.win());
        out.put('}');
    }

    private void coins(List<Coin> coins) {
        for (int i = 0; i < coins.size(); i++) {
            if (i > 0) {
                out.put(',');
            }
            Coin coin = coins.get(i);
            out.raw(JACKPOT);
            out.raw(coin.jackpot() == null ? NULL : jackpot(coin.jackpot()));
            out.raw(REEL);
            out.number(coin.reel());
            out.raw(ROW);
            out.number(coin.row());
            out.raw(VALUE);
            out.number(coin.value());
            out.put('}');
        }
    }

    /** A jackpot's name encoded, by its name. */
    private byte[] jackpot(String name) {
        int j = Jackpots.indexOf(game.feature.jackpots(), name);
        return j >= 0 ? jackpots[j] : RecordBytes.encode(name);
    }
}
