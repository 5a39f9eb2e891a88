package io.fairspin.audit.json;

import com.fasterxml.jackson.databind.JsonNode;
import io.fairspin.audit.merkle.ProofException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** Reads the hashes of proofs written as JSON (dispute packets, consistency proofs), naming the field that is wrong. */
public final class ProofJson {
    private ProofJson() {
    }

    /**
     * The bytes of a base64 string field at {@code path}.
     *
     * @param node the JSON object holding the field
     * @param path the field's JSON path
     * @return the decoded bytes
     * @throws io.fairspin.audit.merkle.ProofException when the field is missing or not base64
     */
    public static byte[] base64(JsonNode node, String path) throws ProofException {
        if (node == null || !node.isTextual()) {
            throw new ProofException(path + ": expected a base64 string");
        }
        try {
            return Base64.getDecoder().decode(node.asText());
        } catch (IllegalArgumentException e) {
            throw new ProofException(path + ": not base64");
        }
    }

    /**
     * The hashes of the array of base64 strings in {@code field} of {@code json}.
     *
     * @param json the JSON object holding the field
     * @param field the array field's name
     * @return the decoded hashes, in order
     * @throws io.fairspin.audit.merkle.ProofException when an element is missing, not base64 or not 32 bytes
     */
    public static List<byte[]> hashes(JsonNode json, String field) throws ProofException {
        JsonNode array = json.get(field);
        if (array == null || !array.isArray()) {
            throw new ProofException("$." + field + ": expected an array of base64 hashes");
        }
        List<byte[]> hashes = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            hashes.add(base64(array.get(i), "$." + field + "[" + i + "]"));
        }
        return hashes;
    }
}
