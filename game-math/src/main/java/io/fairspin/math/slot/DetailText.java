package io.fairspin.math.slot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;

/**
 * A slot round's detail, the JSON text of its {@link SpinResult}, written by hand: the text Jackson's
 * {@code writeValueAsString} gives (the records' components in order, a null bonus buy left out), without its
 * reflection and bean serializers, which took about 7% of `fairspin play`'s sampled CPU. A round whose strings hold a
 * character Jackson escapes ({@code "}, {@code \} or a control character) is written by Jackson.
 */
final class DetailText {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final StringBuilder out = new StringBuilder(512);
    private boolean escaped;

    private DetailText() {
    }

    /** The JSON text of {@code result}. */
    static String of(SpinResult result) {
        DetailText text = new DetailText();
        text.result(result);
        return text.escaped ? jackson(result) : text.out.toString();
    }

    private static String jackson(SpinResult result) {
        try {
            return MAPPER.writeValueAsString(result);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a spin result failed to serialize", e);
        }
    }

    private void result(SpinResult r) {
        out.append("{\"lineBet\":").append(r.lineBet()).append(",\"lines\":").append(r.lines())
                .append(",\"stake\":").append(r.stake()).append(",\"win\":").append(r.win()).append(",\"spins\":[");
        List<SpinResult.Spin> spins = r.spins();
        for (int i = 0; i < spins.size(); i++) {
            comma(i);
            spin(spins.get(i));
        }
        out.append(']');
        if (r.bonusBuy() != null) {
            out.append(",\"bonusBuy\":{\"price\":").append(r.bonusBuy().price()).append(",\"freeGames\":")
                    .append(r.bonusBuy().freeGames()).append('}');
        }
        out.append('}');
    }

    private void spin(SpinResult.Spin s) {
        out.append("{\"kind\":");
        string(s.kind());
        out.append(",\"reelSet\":");
        string(s.reelSet());
        out.append(",\"stops\":");
        numbers(s.stops());
        out.append(",\"window\":[");
        List<List<String>> window = s.window();
        for (int row = 0; row < window.size(); row++) {
            comma(row);
            out.append('[');
            List<String> symbols = window.get(row);
            for (int i = 0; i < symbols.size(); i++) {
                comma(i);
                string(symbols.get(i));
            }
            out.append(']');
        }
        out.append("],\"wins\":[");
        List<SpinResult.Win> wins = s.wins();
        for (int i = 0; i < wins.size(); i++) {
            comma(i);
            win(wins.get(i));
        }
        out.append("],\"capped\":").append(s.capped()).append(",\"freeGames\":").append(s.freeGames())
                .append(",\"bonuses\":[");
        List<SpinResult.BonusRound> bonuses = s.bonuses();
        for (int i = 0; i < bonuses.size(); i++) {
            comma(i);
            bonus(bonuses.get(i));
        }
        out.append("],\"win\":").append(s.win()).append('}');
    }

    private void win(SpinResult.Win w) {
        out.append("{\"type\":");
        string(w.type());
        out.append(",\"award\":");
        string(w.award());
        out.append(",\"line\":").append(w.line()).append(",\"positions\":[");
        List<SpinResult.Position> positions = w.positions();
        for (int i = 0; i < positions.size(); i++) {
            comma(i);
            SpinResult.Position p = positions.get(i);
            out.append("{\"reel\":").append(p.reel()).append(",\"row\":").append(p.row()).append('}');
        }
        out.append("],\"amount\":").append(w.amount()).append('}');
    }

    private void bonus(SpinResult.BonusRound b) {
        out.append("{\"line\":").append(b.line()).append(",\"items\":[");
        List<List<Long>> items = b.items();
        for (int i = 0; i < items.size(); i++) {
            comma(i);
            numbers(items.get(i));
        }
        out.append("],\"picked\":");
        numbers(b.picked());
        out.append(",\"amount\":").append(b.amount()).append('}');
    }

    private void numbers(List<? extends Number> values) {
        out.append('[');
        for (int i = 0; i < values.size(); i++) {
            comma(i);
            out.append(values.get(i).longValue());
        }
        out.append(']');
    }

    private void comma(int index) {
        if (index > 0) {
            out.append(',');
        }
    }

    /** A string in quotes; one that Jackson would escape marks the text for Jackson. */
    private void string(String s) {
        if (s == null) {
            out.append("null");
            return;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == '"' || c == '\\') {
                escaped = true;
            }
        }
        out.append('"').append(s).append('"');
    }
}
