package io.fairspin.rng;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The test vectors printed in docs/derivation-v1.md (computed by the independent Python reference in
 * docs/tools) are reproduced by RandomStream, consuming exactly the bytes given.
 */
class DerivationV1VectorsTest {

    record Vector(String line, String operation, Map<String, String> args, byte[] input, String expected) {
        @Override
        public String toString() {
            return line.length() > 90 ? line.substring(0, 90) + "..." : line;
        }
    }

    static List<Vector> vectors() throws IOException {
        Path doc = Path.of(System.getProperty("fairspin.root", "..")).resolve("docs/derivation-v1.md");
        List<String> lines = Files.readAllLines(doc, StandardCharsets.UTF_8);
        int start = lines.indexOf("```vectors");
        assertTrue(start >= 0, "no ```vectors block in " + doc);
        List<Vector> vectors = new ArrayList<>();
        for (String line : lines.subList(start + 1, lines.size())) {
            if (line.equals("```")) {
                break;
            }
            String[] sides = line.split(" : | -> ");
            String[] head = sides[0].split(" ");
            Map<String, String> args = new LinkedHashMap<>();
            Arrays.stream(head).skip(1).map(a -> a.split("=")).forEach(kv -> args.put(kv[0], kv[1]));
            vectors.add(new Vector(line, head[0], args, HexFormat.of().parseHex(sides[1]), sides[2]));
        }
        assertTrue(vectors.size() >= 25, "vectors found: " + vectors.size());
        return vectors;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void bytesDeliveredOneAtATimeGiveTheOutputAndAreAllConsumed(Vector v) {
        FixedBytes stream = new FixedBytes(v.input(), 1);
        assertEquals(v.expected(), evaluate(v, stream));
        assertEquals(v.input().length, stream.delivered(), "bytes consumed");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void bytesDeliveredInOneBlockGiveTheSameOutput(Vector v) {
        assertEquals(v.expected(), evaluate(v, new FixedBytes(v.input(), v.input().length)));
    }

    private static String evaluate(Vector v, RandomStream s) {
        Map<String, String> a = v.args();
        switch (v.operation()) {
            case "int32": return Integer.toString(s.nextInt());
            case "int64": return Long.toString(s.nextLong());
            case "boolean": return Boolean.toString(s.nextBoolean());
            case "uniform": return Long.toString(s.nextLong(Long.parseLong(a.get("n"))));
            case "range":
                return Long.toString(s.nextLong(Long.parseLong(a.get("origin")), Long.parseLong(a.get("bound"))));
            case "shuffle": {
                int[] values = IntStream.range(0, Integer.parseInt(a.get("n"))).toArray();
                s.shuffle(values);
                return join(values);
            }
            case "sample": return join(s.sample(Integer.parseInt(a.get("n")), Integer.parseInt(a.get("k"))));
            case "pick":
                return Integer.toString(s.pick(Stream.of(a.get("weights").split(",")).mapToLong(Long::parseLong).toArray()));
            case "double": return same(Double.parseDouble(v.expected()), s.nextDouble(), v.expected());
            case "float": return same(Float.parseFloat(v.expected()), s.nextFloat(), v.expected());
            default: throw new IllegalArgumentException("unknown operation " + v.operation());
        }
    }

    private static String same(double expected, double actual, String text) {
        return Double.compare(expected, actual) == 0 ? text : Double.toString(actual);
    }

    private static String join(int[] values) {
        return Arrays.stream(values).mapToObj(Integer::toString).collect(Collectors.joining(" "));
    }
}
