package io.fairspin.math.slot.tuning;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fairspin.math.ModelException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The one base reel set ({@code "baseReels": "base"}) whose reels {@link ReelWeightTuner} and {@link StripCountTuner}
 * change, and how a tuned copy of it is analysed and written. A set that free games play too is copied for the base
 * game, in the analyses as in what is written, so that free games keep their reels (and the round's figures stay
 * linear in what the base spin's reel shows).
 */
final class BaseReelSet {
    final String fileName;
    /** The model as read; {@link #write} changes it. */
    final ObjectNode root;
    /** The set's name in the model. */
    final String name;
    /** The set as read. */
    final ArrayNode set;
    /** Whether free games play the set too (then the base game gets a copy). */
    final boolean shared;
    /** The model the analyses change: the root, or a copy whose base spins use a copy of the set. */
    private final ObjectNode analysed;
    private final String analysedSet;

    private BaseReelSet(String fileName, ObjectNode root, String name) {
        this.fileName = fileName;
        this.root = root;
        this.name = name;
        this.set = (ArrayNode) root.get("reelSets").get(name);
        JsonNode freeReels = root.path("freeGames").path("reels");
        shared = freeReels.isTextual() && freeReels.asText().equals(name)
                || freeReels.isArray() && freeReels.findValuesAsText("reelSet").contains(name);
        if (shared) {
            analysed = root.deepCopy();
            analysedSet = fresh((ObjectNode) root.get("reelSets"), name + "-tuned");
            ((ObjectNode) analysed.get("reelSets")).set(analysedSet, set.deepCopy());
            analysed.put("baseReels", analysedSet);
        } else {
            analysed = root;
            analysedSet = name;
        }
    }

    /**
     * The model's one base reel set.
     *
     * @param fileName the model file's name, for messages
     * @param root the model, read
     * @return the set
     * @throws ModelException when the model draws its base reel set from a choice
     */
    static BaseReelSet of(String fileName, ObjectNode root) {
        JsonNode base = root.get("baseReels");
        if (base == null || !base.isTextual()) {
            throw new ModelException(fileName, "$.baseReels", "expected one reel set's name for this tuning");
        }
        return new BaseReelSet(fileName, root, base.asText());
    }

    /** The number of reels. */
    int reels() {
        return set.size();
    }

    /** The JSON path of reel r (from 0). */
    String path(int r) {
        return "$.reelSets." + name + "[" + r + "]";
    }

    /**
     * The reels to tune, each checked: {@code requested} (from 0) in the order given, or the middle reel when empty.
     *
     * @param requested the reels asked for, from 0
     * @return the reels
     * @throws ModelException when a reel is past the set's last or asked twice
     */
    int[] reels(int[] requested) {
        int[] reels = requested.length == 0 ? new int[] {set.size() / 2} : requested.clone();
        for (int i = 0; i < reels.length; i++) {
            if (reels[i] >= set.size()) {
                throw new ModelException(fileName, "$.reelSets." + name, "--reel " + (reels[i] + 1) + ": the reel set has "
                        + set.size() + " reels");
            }
            for (int j = 0; j < i; j++) {
                if (reels[j] == reels[i]) {
                    throw new ModelException(fileName, "$.reelSets." + name, "--reel " + (reels[i] + 1) + " is given twice");
                }
            }
        }
        return reels;
    }

    /**
     * The model to analyse with some reels replaced (its variants left out), as bytes.
     *
     * @param replaced the new reels by index
     * @return the model's bytes
     */
    byte[] withReels(Map<Integer, JsonNode> replaced) {
        ObjectNode copy = analysed.deepCopy();
        copy.remove("variants");
        ArrayNode reels = (ArrayNode) copy.get("reelSets").get(analysedSet);
        replaced.forEach(reels::set);
        return ReelSetTuner.bytes(copy);
    }

    /**
     * Writes the tuned reels into the model: into the set (or its copy for the base game, when free games share it) for
     * the top-level model, else one variant per name replacing the set.
     *
     * @param names null for the top-level model (then {@code tuned} has one entry), else the variants' names
     * @param tuned per target, the new reels by index
     * @return the written model's bytes
     * @throws ModelException when an existing variant of one of the names replaces more than the reels
     */
    byte[] write(List<String> names, List<Map<Integer, JsonNode>> tuned) {
        if (names == null) {
            ObjectNode reels = (ObjectNode) root.get("reelSets");
            ArrayNode tunedSet = set.deepCopy();
            tuned.get(0).forEach(tunedSet::set);
            if (shared) {
                String copy = fresh(reels, name + "-tuned");
                reels.set(copy, tunedSet);
                root.put("baseReels", copy);
            } else {
                reels.set(name, tunedSet);
            }
            return ReelSetTuner.bytes(root);
        }
        ObjectNode variants = root.has("variants") ? (ObjectNode) root.get("variants") : root.putObject("variants");
        for (int t = 0; t < names.size(); t++) {
            JsonNode existing = variants.get(names.get(t));
            if (existing != null) {
                List<String> others = new ArrayList<>();
                existing.fieldNames().forEachRemaining(f -> {
                    if (!List.of("reelSets", "baseReels", "id", "name").contains(f)) {
                        others.add(f);
                    }
                });
                if (!others.isEmpty()) {
                    throw new ModelException(fileName, "$.variants." + names.get(t), "replaces " + String.join(", ", others)
                            + ": tune --variants tunes the top-level reels, so the variant may replace only their reels");
                }
            }
            ObjectNode variant = existing instanceof ObjectNode o ? o : variants.putObject(names.get(t));
            ArrayNode tunedSet = set.deepCopy();
            tuned.get(t).forEach(tunedSet::set);
            String setName = shared ? name + "-" + names.get(t) : name;
            variant.putObject("reelSets").set(setName, tunedSet);
            if (shared) {
                variant.put("baseReels", setName);
            }
        }
        return ReelSetTuner.bytes(root);
    }

    private static String fresh(ObjectNode sets, String name) {
        String candidate = name;
        for (int i = 2; sets.has(candidate); i++) {
            candidate = name + "-" + i;
        }
        return candidate;
    }
}
