package io.fairspin.math.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/** JsonDiff.differences on small trees whose differences are written out by hand. */
class JsonDiffTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void listsEveryDifferenceByPath() throws Exception {
        var before = JSON.readTree("{\"a\": 1, \"b\": [1, 2, [3]], \"c\": {\"d\": \"x\"}, \"gone\": true, \"n\": 2}");
        var after = JSON.readTree("{\"a\": 1, \"b\": [1, 5, {\"s\": 3}], \"c\": {\"d\": \"y\"}, \"n\": 2.0, \"new\": [0]}");
        List<String> found = JsonDiff.differences(before, after, "$").stream()
                .map(d -> d.path() + ": " + d.before() + " -> " + d.after()).toList();
        assertEquals(List.of("$.b[1]: 2 -> 5", "$.b[2]: [3] -> {\"s\":3}", "$.c.d: \"x\" -> \"y\"", "$.gone: true -> null",
                "$.new: null -> [0]"), found);
        assertEquals(List.of(), JsonDiff.differences(before, before.deepCopy(), "$"));
        assertEquals(List.of("$.b: [1,2,[3]] -> [1]"), JsonDiff.differences(before.get("b"), JSON.readTree("[1]"), "$.b")
                .stream().map(d -> d.path() + ": " + d.before() + " -> " + d.after()).toList());
    }
}
