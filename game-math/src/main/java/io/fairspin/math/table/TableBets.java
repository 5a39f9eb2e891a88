package io.fairspin.math.table;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fairspin.math.Bet;
import io.fairspin.math.BetException;
import io.fairspin.math.BetLimits;
import io.fairspin.math.Game;
import io.fairspin.math.ModelException;
import io.fairspin.math.Wager;
import io.fairspin.math.json.ModelBets;
import io.fairspin.math.table.blackjack.Blackjack;
import io.fairspin.math.table.poker.VideoPoker;
import io.fairspin.math.table.roulette.RouletteBet;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The bets of a table or card game model: its standard wager in explicit form, its declared limits, and the
 * game at any other accepted bet, read from the same model with that bet as its standard wager (so a bet's
 * validation, settlement and exact figures are those of the model reader, and cannot disagree with them).
 */
public final class TableBets {
    /** How a model type writes a bet into a copy of its document. */
    enum Form {
        /** {@code standardWager} is a list of {bet, amount, numbers?, odds?}. */
        LIST,
        /** {@code standardWager} is {spots, amount}: one wager {@code "ticket"} with its spots as numbers. */
        KENO,
        /** {@code standardWager} is {amount}: one wager {@code "hand"}. */
        BLACKJACK,
        /** {@code coins} and {@code coinValue} at the top: a line bet of one line. */
        VIDEO_POKER
    }

    /** The readers' entry point. */
    @FunctionalInterface
    interface Reader {
        Game read(Field root);
    }

    private static final int MAX_VARIANTS = 256;
    /** Roulette's "00" in a bet's numbers: pocket 37. */
    static final int DOUBLE_ZERO = 37;

    private final String file;
    private final JsonNode root;
    private final Form form;
    private final Reader reader;
    private final Bet standard;
    private final BetLimits limits;
    private final Map<Bet, Game> variants = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Bet, Game> eldest) {
            return size() > MAX_VARIANTS;
        }
    };

    private TableBets(String file, JsonNode root, Form form, List<String> offered, Reader reader) {
        this.file = file;
        this.root = root;
        this.form = form;
        this.reader = reader;
        this.standard = standard(root, form);
        List<String> allowed = new ArrayList<>(offered);
        allowed.add("total");
        this.limits = ModelBets.limits(file, root, standard, form == Form.VIDEO_POKER ? ModelBets.LINE_LIMITS : allowed);
    }

    /**
     * Reads the model in {@code root}: the game at its standard wager, which keeps these bets.
     *
     * @param offered the names of the bets the model type offers (limits may name these and {@code total})
     * @param file the model file's name, for messages
     * @param root the parsed document
     * @param form how the model's bets are written
     * @param reader reads the game at a standard wager
     * @return the game
     */
    public static Game read(String file, JsonNode root, Form form, List<String> offered, Reader reader) {
        Game game = reader.read(Field.root(file, withoutBetFields(root)));
        ModelBets.checkAbandon(file, root, switch (form) {
            case VIDEO_POKER -> Map.of("hold", List.of("none", "best"));
            case BLACKJACK -> Map.of("hand", List.of("stand"), "insurance", List.of("decline"), "surrender",
                    List.of("continue"));
            default -> Map.of();
        });
        TableBets bets = new TableBets(file, root.deepCopy(), form, offered, reader);
        if (form == Form.VIDEO_POKER) {
            VideoPoker.checkCoinPays(Field.root(file, root), bets.limits());
        }
        attach(game, bets);
        return game;
    }

    private static void attach(Game game, TableBets bets) {
        if (game instanceof TableGame table) {
            table.tableBets = bets;
        } else if (game instanceof Blackjack blackjack) {
            blackjack.tableBets = bets;
        }
    }

    /** The document without the fields the type readers do not know (limits, abandon defaults). */
    private static JsonNode withoutBetFields(JsonNode document) {
        ObjectNode copy = (ObjectNode) document.deepCopy();
        copy.remove("betLimits");
        copy.remove("abandon");
        return copy;
    }

    /**
     * The model document.
     *
     * @return the parsed document
     */
    public JsonNode root() {
        return root;
    }

    /**
     * The model file.
     *
     * @return its name, for messages
     */
    public String file() {
        return file;
    }

    /**
     * The standard wager.
     *
     * @return the bet in explicit form
     */
    public Bet standard() {
        return standard;
    }

    /**
     * The accepted bets.
     *
     * @return the model's limits
     */
    public BetLimits limits() {
        return limits;
    }

    /**
     * Whether {@code bet} is the standard wager.
     *
     * @param bet a bet
     * @return true when it is
     */
    public boolean isStandard(Bet bet) {
        return bet.isStandard() || bet.equals(standard);
    }

    /**
     * The game at {@code bet}: {@code self} at the standard wager, else the model read with {@code bet} as its
     * standard wager.
     *
     * @param bet the bet
     * @param self the game at the standard wager
     * @return the game at {@code bet}
     * @throws BetException when the bet is outside the limits or the model's reader refuses it
     */
    public Game at(Bet bet, Game self) {
        limits.check(bet);
        if (isStandard(bet)) {
            return self;
        }
        synchronized (variants) {
            Game known = variants.get(bet);
            if (known != null) {
                return known;
            }
        }
        ObjectNode copy = (ObjectNode) withoutBetFields(root);
        write(copy, bet);
        Game game;
        try {
            game = reader.read(Field.root(file, copy));
        } catch (ModelException e) {
            throw new BetException(betPath(e.jsonPath()),
                    e.getMessage().substring(file.length() + 2 + e.jsonPath().length() + 2));
        }
        attach(game, new TableBets(file, copy, form, List.of(), reader));
        if (game instanceof VideoPoker variant && self instanceof VideoPoker base) {
            base.shareAnalysis(variant);
        } else if (game instanceof Blackjack variant && self instanceof Blackjack base) {
            variant.shareStrategy(base);
        }
        synchronized (variants) {
            variants.put(bet, game);
        }
        return game;
    }

    /** A model path under the standard wager as the bet's path: {@code $.standardWager[1].amount -> $.wagers[1].amount}. */
    private String betPath(String modelPath) {
        return switch (form) {
            case LIST -> modelPath.replaceFirst("^\\$\\.standardWager", "\\$.wagers");
            case KENO -> modelPath.replaceFirst("^\\$\\.standardWager\\.spots", "\\$.wagers[0].numbers")
                    .replaceFirst("^\\$\\.standardWager", "\\$.wagers[0]");
            case BLACKJACK -> modelPath.replaceFirst("^\\$\\.standardWager", "\\$.wagers[0]");
            case VIDEO_POKER -> modelPath.replaceFirst("^\\$\\.coinValue", "\\$.lineBet").replaceFirst("^\\$\\.coins",
                    "\\$.coins");
        };
    }

    private void write(ObjectNode copy, Bet bet) {
        switch (form) {
            case LIST -> {
                ArrayNode items = copy.putArray("standardWager");
                for (Wager w : bet.wagers()) {
                    ObjectNode item = items.addObject().put("bet", w.bet());
                    if (!w.numbers().isEmpty()) {
                        ArrayNode numbers = item.putArray("numbers");
                        for (int n : w.numbers()) {
                            if (n == DOUBLE_ZERO && RouletteBet.KINDS.contains(w.bet())) {
                                numbers.add("00");
                            } else {
                                numbers.add(n);
                            }
                        }
                    }
                    item.put("amount", w.amount());
                    if (!w.odds().isEmpty()) {
                        ObjectNode odds = item.putObject("odds");
                        w.odds().forEach((point, multiple) -> odds.put(String.valueOf(point), multiple));
                    }
                }
            }
            case KENO -> {
                Wager w = only(bet, "ticket");
                ObjectNode wager = copy.putObject("standardWager");
                w.numbers().forEach(wager.putArray("spots")::add);
                wager.put("amount", w.amount());
            }
            case BLACKJACK -> copy.putObject("standardWager").put("amount", only(bet, "hand").amount());
            case VIDEO_POKER -> {
                if (bet.lines() != 1) {
                    throw new BetException("$.lines", "video poker plays one line, was " + bet.lines());
                }
                copy.put("coins", bet.coins()).put("coinValue", bet.lineBet());
            }
        }
    }

    private static Wager only(Bet bet, String name) {
        if (bet.wagers().size() != 1) {
            throw new BetException("$.wagers", "expected one wager \"" + name + "\", found " + bet.wagers().size());
        }
        Wager w = bet.wagers().get(0);
        if (!w.bet().equals(name)) {
            throw new BetException("$.wagers[0].bet", "expected \"" + name + "\", was \"" + w.bet() + "\"");
        }
        if (!w.odds().isEmpty()) {
            throw new BetException("$.wagers[0].odds", "this game's bet takes no odds");
        }
        return w;
    }

    /** The model's standard wager in explicit form. */
    private static Bet standard(JsonNode root, Form form) {
        JsonNode wager = root.path("standardWager");
        return switch (form) {
            case LIST -> {
                List<Wager> wagers = new ArrayList<>();
                for (JsonNode item : wager) {
                    List<Integer> numbers = new ArrayList<>();
                    item.path("numbers").forEach(n -> numbers.add(n.isTextual() && n.asText().equals("00") ? DOUBLE_ZERO
                            : n.intValue()));
                    TreeMap<Integer, Integer> odds = new TreeMap<>();
                    for (Iterator<Map.Entry<String, JsonNode>> it = item.path("odds").fields(); it.hasNext(); ) {
                        Map.Entry<String, JsonNode> e = it.next();
                        odds.put(Integer.parseInt(e.getKey()), e.getValue().intValue());
                    }
                    wagers.add(new Wager(item.path("bet").asText(), item.path("amount").asLong(), numbers, odds));
                }
                yield Bet.wagers(wagers);
            }
            case KENO -> {
                List<Integer> spots = new ArrayList<>();
                wager.path("spots").forEach(n -> spots.add(n.intValue()));
                yield Bet.wagers(new Wager("ticket", wager.path("amount").asLong(), spots, new TreeMap<>()));
            }
            case BLACKJACK -> Bet.wagers(Wager.of("hand", wager.path("amount").asLong()));
            case VIDEO_POKER -> Bet.lines(1, root.path("coinValue").asLong(1), root.path("coins").asInt(5));
        };
    }
}
