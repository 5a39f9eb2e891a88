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
