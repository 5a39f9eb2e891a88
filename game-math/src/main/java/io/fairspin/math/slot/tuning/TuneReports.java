package io.fairspin.math.slot.tuning;

import com.fasterxml.jackson.databind.JsonNode;
import io.fairspin.math.AnalysisReport;
import io.fairspin.math.Analyzable;
import io.fairspin.math.Game;
import io.fairspin.math.json.JsonDiff;
import io.fairspin.math.json.StrictJson;
import io.fairspin.math.slot.SlotGame;
import io.fairspin.math.slot.analysis.ParSheet;
import java.util.List;
import java.util.Optional;

/** What {@code fairspin tune} writes beside a tuned model: the diff of what changed and each model's PAR sheet. */
public final class TuneReports {
    private TuneReports() {
    }

    /**
     * One change from the model to the tuned model.
     *
     * @param path the JSON path, for example {@code $.reelSets.base[2]}
     * @param before the JSON text before, or null when the node was added
     * @param after the JSON text after, or null when it was removed
     */
    public record Change(String path, String before, String after) {
    }

    /**
     * What changed from one model file to another, node by node ({@link JsonDiff#differences}).
     *
     * @param fileName the model file's name, for messages
     * @param before the model's bytes
     * @param after the tuned model's bytes
     * @return the changes, outermost first
     */
    public static List<Change> changes(String fileName, byte[] before, byte[] after) {
        return JsonDiff.differences(StrictJson.model(fileName, before), StrictJson.model(fileName, after), "$").stream()
                .map(d -> new Change(d.path(), text(d.before()), text(d.after()))).toList();
    }

    /**
     * What a variant of the tuned model changes from the model's top level, with JSON paths in the model the variant
     * makes: each field the variant replaces against the top level's (reel sets one by one, as variants replace them).
     *
     * @param fileName the model file's name, for messages
     * @param before the model's bytes (its top level is compared)
     * @param after the tuned model's bytes, holding the variant
     * @param variant the variant's name
     * @return the changes, outermost first
     */
    public static List<Change> variantChanges(String fileName, byte[] before, byte[] after, String variant) {
        JsonNode top = StrictJson.model(fileName, before);
        JsonNode overlay = StrictJson.model(fileName, after).path("variants").path(variant);
        List<JsonDiff.Difference> differences = new java.util.ArrayList<>();
        overlay.fields().forEachRemaining(field -> {
            if (field.getKey().equals("reelSets")) {
                field.getValue().fields().forEachRemaining(set -> {
                    JsonNode was = top.path("reelSets").get(set.getKey());
                    String path = "$.reelSets." + set.getKey();
                    differences.addAll(was == null ? List.of(new JsonDiff.Difference(path, null, set.getValue()))
                            : JsonDiff.differences(was, set.getValue(), path));
                });
            } else if (!field.getKey().equals("id") && !field.getKey().equals("name")) {
                JsonNode was = top.get(field.getKey());
                String path = "$." + field.getKey();
                differences.addAll(was == null ? List.of(new JsonDiff.Difference(path, null, field.getValue()))
                        : JsonDiff.differences(was, field.getValue(), path));
            }
        });
        return differences.stream().map(d -> new Change(d.path(), text(d.before()), text(d.after()))).toList();
    }

    /**
     * The PAR sheet of a tuned game, from the analysis it already holds when its exact figures were read (a slot's
     * sheet without the RTP-by-bet table, which would analyse the game again per line count).
     *
     * @param game the tuned game
     * @return its PAR sheet, or empty for a game without one
     */
    public static Optional<AnalysisReport> parSheet(Game game) {
        if (game instanceof SlotGame slot) {
            return Optional.of(ParSheet.report(slot, slot.analysis()));
        }
        return game instanceof Analyzable a ? Optional.of(a.analyze()) : Optional.empty();
    }

    private static String text(JsonNode node) {
        return node == null ? null : node.toString();
    }
}
