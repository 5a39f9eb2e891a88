package io.fairspin.audit.json;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Canonical outcome bytes: sorted members at every depth, no whitespace, integers only. */
class CanonicalJsonTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void membersAreSortedAtEveryDepthAndNothingButTheValuesIsWritten() throws Exception {
        // Expected bytes written by hand from the definition: names in UTF-16 order ("B" < "a" < "b" < "é"),
        // array order kept, no spaces or newlines.
        String input = "{ \"b\" : [ {\"z\": 1, \"y\": true}, \"x\\\"q\" ],\n \"a\" : { \"é\": null, \"B\": -7 } }";
        byte[] expected = "{\"a\":{\"B\":-7,\"é\":null},\"b\":[{\"y\":true,\"z\":1},\"x\\\"q\"]}"
                .getBytes(StandardCharsets.UTF_8);
        assertArrayEquals(expected, CanonicalJson.encode(JSON.readTree(input)));
    }

    /**
     * Every string form docs/audit-log-format.md lists, the expected text built from its rules (not from Jackson):
     * short escapes for five controls, upper-case {@code \\u00XX} for the others, a supplementary character as its
     * surrogate pair's escapes, everything else (/, DEL, U+2028, é) as UTF-8; from a tree and from text alike.
     */
    @Test
    void stringsAreEscapedAsTheFormatDocumentSays() throws Exception {
        StringBuilder value = new StringBuilder();
        StringBuilder expected = new StringBuilder("{\"s\":\"");
        for (char c = 0; c < 0x20; c++) {
            value.append(c);
            String shortForm = switch (c) {
                case '\b' -> "\\b";
                case '\t' -> "\\t";
                case '\n' -> "\\n";
                case '\f' -> "\\f";
                case '\r' -> "\\r";
                default -> null;
            };
            expected.append(shortForm != null ? shortForm : String.format("\\u%04X", (int) c));
        }
        value.append("\"\\/\u007f\u2028\u00e9").appendCodePoint(0x1F600);
        expected.append("\\\"\\\\/\u007f\u2028\u00e9\\uD83D\\uDE00\"}");
        byte[] bytes = expected.toString().getBytes(StandardCharsets.UTF_8);
        com.fasterxml.jackson.databind.node.ObjectNode tree = JSON.createObjectNode().put("s", value.toString());
        assertArrayEquals(bytes, CanonicalJson.encode(tree));
        assertArrayEquals(bytes, CanonicalJson.encode(JSON.writeValueAsString(tree)));
    }

    @Test
    void theSameValueInAnotherMemberOrderGivesTheSameBytes() throws Exception {
        assertArrayEquals(CanonicalJson.encode(JSON.readTree("{\"pocket\":\"17\",\"bets\":[1,2]}")),
                CanonicalJson.encode(JSON.readTree("{\"bets\":[1,2],\"pocket\":\"17\"}")));
    }

    @Test
    void aNonIntegralNumberIsRefusedWithItsPath() throws Exception {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CanonicalJson.encode(JSON.readTree("{\"hands\":[{\"odds\":1.5}]}")));
        assertEquals("$.hands[0].odds: 1.5 is not an integer; canonical outcomes hold integers only", e.getMessage());
    }
}
