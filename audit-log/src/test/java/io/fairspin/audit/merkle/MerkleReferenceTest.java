package io.fairspin.audit.merkle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every probe of the transparency-dev/merkle test data (../shared/reference/merkle/testdata): proofs that
 * must verify and tampered ones that must not, plus the roots of the reference tree.
 */
class MerkleReferenceTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A probe's verdict: did verification throw. */
    @FunctionalInterface
    private interface Probe {
        void run(JsonNode json) throws ProofException;
    }

    @Test
    void everyProbeInEveryFolderGivesTheExpectedVerdict() throws IOException {
        Map<String, Probe> kinds = Map.of(
                "inclusion", j -> MerkleTree.verifyInclusion(number(j, "leafIdx"), number(j, "treeSize"),
                        bytes(j, "leafHash"), proof(j), bytes(j, "root")),
                "consistency", j -> MerkleTree.verifyConsistency(number(j, "size1"), number(j, "size2"), proof(j),
                        bytes(j, "root1"), bytes(j, "root2")),
                "subtreeinclusion", j -> MerkleTree.verifySubtreeInclusion(number(j, "leafIdx"), number(j, "start"),
                        number(j, "end"), bytes(j, "leafHash"), proof(j), bytes(j, "root")),
                "subtreeconsistency", j -> MerkleTree.verifySubtreeConsistency(number(j, "start"), number(j, "end"),
                        number(j, "size"), proof(j), bytes(j, "root1"), bytes(j, "root2")));
        Path testdata = Reference.path("merkle", "testdata");
        Map<String, Integer> counts = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        int total = 0;
        for (Map.Entry<String, Probe> kind : kinds.entrySet()) {
            for (Path file : jsonFiles(testdata.resolve(kind.getKey()))) {
                JsonNode json = JSON.readTree(file.toFile());
                boolean wantError = json.get("wantErr").asBoolean();
                String verdict;
                try {
                    kind.getValue().run(json);
                    verdict = wantError ? "verified, but the probe expects an error" : null;
                } catch (ProofException e) {
                    verdict = wantError ? null : "rejected: " + e.getMessage();
                }
                if (verdict != null) {
                    failures.add(testdata.relativize(file) + ": " + verdict);
                }
                counts.merge(testdata.relativize(file.getParent()).toString(), 1, Integer::sum);
                total++;
            }
        }
        assertEquals(List.of(), failures);
        List<String> folders;
        try (Stream<Path> walk = Files.walk(testdata)) {
            folders = walk.filter(Files::isDirectory).filter(MerkleReferenceTest::hasJson)
                    .map(p -> testdata.relativize(p).toString()).sorted().collect(Collectors.toList());
        }
        assertEquals(folders, List.copyOf(counts.keySet()), "every folder with probes ran some");
        counts.forEach((folder, n) -> assertTrue(n > 0, folder + " ran no probe"));
        assertEquals(518, total, "the reference README lists 518 probes");
    }

    @Test
    void rootsOfTheReferenceTree() throws IOException {
        List<String> lines = Files.readAllLines(Reference.path("merkle", "reference-tree.txt"), StandardCharsets.UTF_8);
        String inputs = lines.stream().filter(l -> l.startsWith("leaf_inputs_hex:")).findFirst().orElseThrow();
        List<byte[]> leaves = new ArrayList<>();
        for (String hex : inputs.substring("leaf_inputs_hex:".length()).trim().split(" ")) {
            leaves.add(MerkleTree.leafHash(hex.equals("\"\"") ? new byte[0] : HexFormat.of().parseHex(hex)));
        }
        int roots = 0;
        for (String line : lines) {
            if (line.startsWith("root[")) {
                int n = Integer.parseInt(line.substring(5, line.indexOf(']')));
                byte[] expected = HexFormat.of().parseHex(line.substring(line.indexOf(' ') + 1).trim());
                assertArrayEquals(expected, MerkleTree.root(leaves.subList(0, n)), "root of " + n + " leaves");
                roots++;
            }
        }
        assertEquals(9, roots);
    }

    private static boolean hasJson(Path dir) {
        try (Stream<Path> list = Files.list(dir)) {
            return list.anyMatch(p -> p.toString().endsWith(".json"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Path> jsonFiles(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            List<Path> files = walk.filter(p -> p.toString().endsWith(".json")).sorted().collect(Collectors.toList());
            if (files.isEmpty()) {
                fail(dir + " holds no probes");
            }
            return files;
        }
    }

    /** Sizes are unsigned 64-bit in the probes; those of 2^63 or more become negative and must be refused. */
    private static long number(JsonNode json, String field) {
        return Long.parseUnsignedLong(json.get(field).asText());
    }

    private static byte[] bytes(JsonNode json, String field) {
        JsonNode node = json.get(field);
        return node == null || node.isNull() ? null : Base64.getDecoder().decode(node.asText());
    }

    private static List<byte[]> proof(JsonNode json) {
        List<byte[]> proof = new ArrayList<>();
        JsonNode node = json.get("proof");
        if (node != null && !node.isNull()) {
            node.forEach(h -> proof.add(Base64.getDecoder().decode(h.asText())));
        }
        return proof;
    }
}
