package io.fairspin.math.slot.evaluation;

import io.fairspin.math.ModelException;
import io.fairspin.math.slot.model.SlotModel;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Every line outcome precomputed: for each tuple of symbols (one per reel, coded in base S with reel 1
 * most significant) the line's win in line bets and its bonus flag, packed as {@code credits << 1 | bonus}.
 * Play adds one precomputed code per reel and reads the table; analysis walks the same function as a
 * reduced decision diagram (prefixes with the same future share a node).
 */
public final class LineTable {
    /** The most table entries a model may need: S^reels. */
    public static final int MAX_ENTRIES = 1 << 24;

    private final int symbols;
    private final int reels;
    private final int[] table;
    /** Diagram nodes: children by symbol; a child below 0 is a leaf, the packed entry {@code -1 - child}. */
    private final int[][] children;
    private final int root;
    private final LinePays rules;
    /**
     * Per pair of symbols on the first two reels (index first x S + second), whether some line that starts with them
     * pays or starts the bonus; empty for fewer than two reels.
     */
    private final boolean[] livePairs;
    /** Per line code, the pays its wins are ({@link #pays}); built on first use. */
    private volatile int[] pays;

    /**
     * The lookup table of {@code model}'s line pays.
     *
     * @param file the model file's name, for messages
     * @param model the slot model
     */
    public LineTable(String file, SlotModel model) {
        this.symbols = model.symbolCount();
        this.reels = model.reels();
        double size = Math.pow(symbols, reels);
        if (size > MAX_ENTRIES) {
            throw new ModelException(file, "$.symbols", symbols + " symbols on " + reels
                    + " reels make " + (long) size + " line outcomes; line games support at most " + MAX_ENTRIES);
        }
        rules = new LinePays(model);
        table = new int[(int) size];
        int[] tuple = new int[reels];
        for (int code = 0; code < table.length; code++) {
            decode(code, tuple);
            table[code] = (int) (rules.credits(tuple) << 1) | (rules.startsBonus(tuple) ? 1 : 0);
        }
        livePairs = new boolean[reels >= 2 ? symbols * symbols : 0];
        for (int code = 0; code < table.length && reels >= 2; code++) {
            livePairs[code / (table.length / livePairs.length)] |= table[code] != 0;
        }
        Map<IntArrayKey, Integer> interned = new HashMap<>();
        Map<Integer, int[]> nodes = new HashMap<>();
        int[] level = new int[table.length];
        for (int code = 0; code < table.length; code++) {
            level[code] = -1 - table[code];
        }
        for (int depth = reels - 1; depth >= 0; depth--) {
            int[] upper = new int[level.length / symbols];
            for (int prefix = 0; prefix < upper.length; prefix++) {
                int[] kids = Arrays.copyOfRange(level, prefix * symbols, (prefix + 1) * symbols);
                upper[prefix] = kids[0] < 0 && Arrays.stream(kids).allMatch(k -> k == kids[0]) ? kids[0]
                        : interned.computeIfAbsent(new IntArrayKey(kids), k -> {
                            nodes.put(nodes.size(), kids);
                            return nodes.size() - 1;
                        });
            }
            level = upper;
        }
        root = level[0];
        children = new int[nodes.size()][];
        nodes.forEach((id, kids) -> children[id] = kids);
    }

    /**
     * The symbols of line code {@code code}, reel 1 first, into {@code tuple}.
     *
     * @param code a line code
     * @param tuple receives one symbol per reel
     */
    public void decode(int code, int[] tuple) {
        for (int r = reels - 1; r >= 0; r--) {
            tuple[r] = code % symbols;
            code /= symbols;
        }
    }

    /**
     * What symbol {@code symbol} on reel {@code reel} adds to a line's code.
     *
     * @param reel the reel, from 0
     * @param symbol the symbol
     * @return the code's increment
     */
    public int weight(int reel, int symbol) {
        int w = symbol;
        for (int r = reel + 1; r < reels; r++) {
            w *= symbols;
        }
        return w;
    }

    /**
     * The packed entry of a line code.
     *
     * @param code a line code
     * @return the entry: the win in line bets, shifted left one bit, plus 1 when the line starts the bonus
     */
    public int entry(int code) {
        return table[code];
    }

    /**
     * Whether a line that shows {@code first} on reel 1 and {@code second} on reel 2 may pay or start the bonus: false
     * when every line code that starts so has entry 0, so that its other reels need not be read.
     *
     * @param first the symbol on the first reel
     * @param second the symbol on the second reel
     * @return false when the line's entry is 0 whatever the other reels show; true with fewer than two reels
     */
    public boolean livePair(int first, int second) {
        return livePairs.length == 0 || livePairs[first * symbols + second];
    }

    /**
     * The pays a line code's wins are, as {@link LinePays#wins} gives them (at most two: with both-ways pays, one from
     * each end), packed: the first pay's index plus 1 in the low 16 bits, the second's in the high 16 bits, 0 for
     * none. The table is built on the first call (one pass over the paying codes), for the simulations that count
     * awards.
     *
     * @param code a line code
     * @return the packed pay indices, 0 when the line pays nothing
     */
    public int pays(int code) {
        int[] built = pays;
        if (built == null) {
            synchronized (this) {
                if (pays == null) {
                    pays = payTable();
                }
                built = pays;
            }
        }
        return built[code];
    }

    private int[] payTable() {
        int[] packed = new int[table.length];
        int[] tuple = new int[reels];
        for (int code = 0; code < table.length; code++) {
            if (credits(table[code]) == 0) {
                continue;
            }
            decode(code, tuple);
            int shift = 0;
            for (LinePays.Win win : rules.wins(tuple)) {
                packed[code] |= (win.pay() + 1) << shift;
                shift += 16;
            }
        }
        return packed;
    }

    /**
     * The diagram's root: the state of a line before any reel is seen.
     *
     * @return the root state
     */
    public int root() {
        return root;
    }

    /**
     * The state after {@code node} sees {@code symbol}: a node, or a leaf (below 0).
     *
     * @param node a state
     * @param symbol the symbol seen
     * @return the next state
     */
    public int next(int node, int symbol) {
        return children[node][symbol];
    }

    /**
     * The win in line bets of a leaf state.
     *
     * @param leaf a leaf, below 0
     * @return the win in line bets
     */
    public static long leafCredits(int leaf) {
        return (-1 - leaf) >>> 1;
    }

    /**
     * Whether a leaf state starts the bonus.
     *
     * @param leaf a leaf, below 0
     * @return 1 when it starts the bonus, else 0
     */
    public static int leafBonus(int leaf) {
        return (-1 - leaf) & 1;
    }

    /**
     * The win in line bets of a packed entry.
     *
     * @param entry an entry of {@link #entry(int)}
     * @return the win in line bets
     */
    public static long credits(int entry) {
        return entry >>> 1;
    }

    /**
     * The line rules this table was built from (immutable, shared by every round of the game).
     *
     * @return the model's line pays, ready to evaluate a line
     */
    public LinePays rules() {
        return rules;
    }
}
