package io.fairspin.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fairspin.math.Fraction;
import io.fairspin.math.GameModels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code fairspin tune}: the written model has the reported RTP; targets out of reach and bad options are refused. */
class TuneCommandTest {
    @TempDir
    Path dir;

    private static String model() {
        return Path.of(System.getProperty("fairspin.root", "."), "examples", "fruit-mix.json").toString();
    }

    @Test
    void theWrittenModelHasTheReportedRtp() throws Exception {
        Path out = dir.resolve("tuned.json");
        CommandRun run = CommandRun.of("tune", model(), "--target-rtp", "0.945", "--out", out.toString());
        assertEquals(0, run.exitCode(), run.stderr());
        Fraction rtp = GameModels.load(out).exactFigures().orElseThrow().rtp();
        assertTrue(run.text().contains(" 0.945000   " + rtp.toDecimalString(10) + " "), run.text());
        assertTrue(Files.readString(dir.resolve("tuned.par.txt")).contains(rtp.toString()));
        assertTrue(Math.abs(rtp.doubleValue() - 0.945) <= 0.0005);
    }

    @Test
    void refusesTargetsOutOfReachAndBadOptions() {
        Path out = dir.resolve("x.json");
        CommandRun far = CommandRun.of("tune", model(), "--target-rtp", "0.97", "--out", out.toString());
        assertEquals(1, far.exitCode());
        assertTrue(far.stderr().contains("$.baseReels: the target RTP 0.970000 is outside what these reel sets reach"),
                far.stderr());
        assertTrue(Files.notExists(out), "nothing written");
        assertEquals(2, CommandRun.of("tune", model(), "--out", out.toString()).exitCode());
        assertEquals(2, CommandRun.of("tune", model(), "--target-rtp", "0.94", "--variants", "0.92", "--out",
                out.toString()).exitCode());
        assertEquals(2, CommandRun.of("tune", model(), "--target-rtp", "96%", "--out", out.toString()).exitCode());
    }

    @Test
    void itsAnalysesAreBoundedByMaxCycle() {
        Path out = dir.resolve("x.json");
        CommandRun run = CommandRun.of("tune", model(), "--target-rtp", "0.94", "--max-cycle", "1K", "--out",
                out.toString());
        assertEquals(1, run.exitCode(), run.stderr());
        assertTrue(run.stderr().contains("more than 1,000 combinations") && run.stderr().contains("raise --max-cycle"),
                run.stderr());
        assertTrue(Files.notExists(out), "nothing written");
        assertEquals(2, CommandRun.of("tune", model(), "--target-rtp", "0.94", "--max-cycle", "0", "--out",
                out.toString()).exitCode());
    }

    /**
     * {@code --out DIR} (a directory, or a path ending in '/') writes DIR/MODEL's file name with its sheet and diff
     * beside it; when the last rename fails (that name is a folder in DIR) the command fails naming it and DIR holds
     * only what it held: no sheet, no diff, no temporary file.
     */
    @Test
    void outDirectoryTakesTheModelsNameAndAFailureLeavesNothing() throws Exception {
        Path outDir = Files.createDirectory(dir.resolve("outdir"));
        CommandRun run = CommandRun.of("tune", model(), "--target-rtp", "0.945", "--out", outDir.toString());
        assertEquals(0, run.exitCode(), run.stderr());
        try (var files = Files.list(outDir)) {
            assertEquals(List.of("fruit-mix.diff.json", "fruit-mix.json", "fruit-mix.par.txt"),
                    files.map(f -> f.getFileName().toString()).sorted().toList());
        }
        Path slash = dir.resolve("slash");
        Files.createDirectory(slash);
        assertEquals(0, CommandRun.of("tune", model(), "--target-rtp", "0.945", "--out", slash + "/").exitCode());
        assertTrue(Files.isRegularFile(slash.resolve("fruit-mix.json")));

        Path blocked = Files.createDirectory(dir.resolve("blocked"));
        Files.writeString(Files.createDirectory(blocked.resolve("fruit-mix.json")).resolve("inside"), "x");
        CommandRun failed = CommandRun.of("tune", model(), "--target-rtp", "0.945", "--out", blocked.toString());
        assertEquals(1, failed.exitCode());
        assertTrue(failed.stderr().contains(blocked.resolve("fruit-mix.json") + ": cannot write the report"),
                failed.stderr());
        try (var files = Files.list(blocked)) {
            assertEquals(List.of("fruit-mix.json"), files.map(f -> f.getFileName().toString()).toList());
        }
    }

    private static String example(String name) {
        return Path.of(System.getProperty("fairspin.root", "."), "examples", name).toString();
    }

    /**
     * A model with one reel set, three variants: each variant's RTP, read by loading the written file (not from the
     * report), is within 0.0005 of its target; each variant's PAR sheet states that RTP; the diff names the tuned reel
     * per variant; and the stdout table shows the same figures.
     */
    @Test
    void tunesAModelWithOneReelSetIntoVariants() throws Exception {
        Path out = dir.resolve("sh.json");
        CommandRun run = CommandRun.of("tune", example("sizzling-hot.json"), "--variants", "0.92,0.94,0.96", "--change",
                "weights", "--out", out.toString());
        assertEquals(0, run.exitCode(), run.stderr());
        com.fasterxml.jackson.databind.JsonNode diff = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(dir.resolve("sh.diff.json").toFile());
        for (String variant : new String[] {"92", "94", "96"}) {
            Fraction rtp = GameModels.load("sh.json", Files.readAllBytes(out), variant).exactFigures().orElseThrow().rtp();
            assertTrue(Math.abs(rtp.doubleValue() - Integer.parseInt(variant) / 100.0) <= 0.0005, variant + ": " + rtp);
            assertTrue(run.text().contains(rtp.toDecimalString(10)), run.text());
            String par = Files.readString(dir.resolve("sh." + variant + ".par.txt"));
            assertTrue(par.contains("RTP") && par.contains(rtp.toString()), par);
            boolean named = false;
            for (com.fasterxml.jackson.databind.JsonNode change : diff.get("changes")) {
                named |= change.path("variant").asText().equals(variant)
                        && change.path("path").asText().equals("$.reelSets.base[2]")
                        && change.path("after").path("weights").size() == 25;
            }
            assertTrue(named, diff.toString());
        }
    }

    /** RTP, hit frequency and a volatility band at once: the written model's own figures meet all three. */
    @Test
    void meetsHitFrequencyAndVolatilityIndex() throws Exception {
        Path out = dir.resolve("sh-95.json");
        CommandRun run = CommandRun.of("tune", example("sizzling-hot.json"), "--target-rtp", "0.95", "--hit-frequency",
                "0.1258", "--volatility-index", "9..12", "--change", "weights", "--out", out.toString());
        assertEquals(0, run.exitCode(), run.stderr());
        io.fairspin.math.ExactFigures f = GameModels.load(out).exactFigures().orElseThrow();
        assertTrue(Math.abs(f.rtp().doubleValue() - 0.95) <= 0.0005, f.toString());
        assertTrue(Math.abs(f.hitFrequency().doubleValue() - 0.1258) <= 0.0005, f.toString());
        double vi = 1.6448536269514722 * f.standardDeviation();
        assertTrue(vi >= 9 && vi <= 12, "VI " + vi);
        assertTrue(Files.exists(dir.resolve("sh-95.par.txt")) && Files.exists(dir.resolve("sh-95.diff.json")));
    }

    /**
     * Targets out of reach: exit 1, the message names the option and the reachable range, and nothing at all is
     * written (no model, no sheet, no diff, no temporary file).
     */
    @Test
    void outOfReachWritesNothing() throws Exception {
        Path out = dir.resolve("none.json");
        CommandRun rtp = CommandRun.of("tune", example("sizzling-hot.json"), "--target-rtp", "0.5", "--change", "weights",
                "--out", out.toString());
        assertEquals(1, rtp.exitCode(), rtp.stderr());
        assertTrue(rtp.stderr().contains("--target-rtp: the RTP 0.500000 is outside what can be reached within"
                + " --max-change 0.5"), rtp.stderr());
        CommandRun hit = CommandRun.of("tune", example("sizzling-hot.json"), "--target-rtp", "0.95", "--hit-frequency",
                "0.5", "--change", "weights", "--out", out.toString());
        assertEquals(1, hit.exitCode(), hit.stderr());
        assertTrue(hit.stderr().contains("--hit-frequency 0.500000: at RTP 0.950000 the hit frequency reachable"),
                hit.stderr());
        CommandRun vi = CommandRun.of("tune", example("sizzling-hot.json"), "--target-rtp", "0.95", "--volatility-index",
                "30..40", "--change", "weights", "--out", out.toString());
        assertEquals(1, vi.exitCode(), vi.stderr());
        assertTrue(vi.stderr().contains("--volatility-index 30..40: at RTP 0.950000 the volatility index (90%) reachable"),
                vi.stderr());
        CommandRun several = CommandRun.of("tune", example("fruit-mix.json"), "--target-rtp", "0.94", "--hit-frequency",
                "0.3", "--out", out.toString());
        assertEquals(1, several.exitCode(), several.stderr());
        assertTrue(several.stderr().contains("$.baseReels: --hit-frequency 0.300000: at RTP 0.94") && several.stderr()
                .contains("the hit frequency with the weights of the base reel sets (two sets move, so the RTP leaves no"
                        + " choice) is 0.12"), several.stderr());
        CommandRun pays = CommandRun.of("tune", example("sizzling-hot.json"), "--target-rtp", "0.95", "--keep", "reels",
                "--hit-frequency", "0.2", "--out", out.toString());
        assertEquals(1, pays.exitCode(), pays.stderr());
        assertTrue(pays.stderr().contains("$.pays: --hit-frequency 0.200000: at RTP 0.95") && pays.stderr().contains(
                "the hit frequency with the reels kept (pays do not move it) is 0.124885"), pays.stderr());
        CommandRun paysVi = CommandRun.of("tune", example("sizzling-hot.json"), "--target-rtp", "0.95", "--keep", "reels",
                "--volatility-index", "30..40", "--out", out.toString());
        assertEquals(1, paysVi.exitCode(), paysVi.stderr());
        assertTrue(paysVi.stderr().contains("$.pays: --volatility-index 30..40: at RTP 0.95"), paysVi.stderr());
        CommandRun counts = CommandRun.of("tune", example("sizzling-hot.json"), "--target-rtp", "0.5", "--change",
                "counts", "--out", out.toString());
        assertEquals(1, counts.exitCode(), counts.stderr());
        assertTrue(counts.stderr().contains("$.reelSets.base[2]: --target-rtp: the RTP 0.500000 is outside what can be"
                + " reached by changing at most --max-change 0.5 of each symbol's stops on $.reelSets.base[2]: about ")
                && counts.stderr().contains("; the stop weights (--change weights), more reels (--reel) or a larger"
                + " --max-change may reach it"), counts.stderr());
        CommandRun auto = CommandRun.of("tune", example("sizzling-hot.json"), "--target-rtp", "0.5", "--out",
                out.toString());
        assertEquals(1, auto.exitCode(), auto.stderr());
        assertTrue(auto.stderr().contains("$.reelSets.base[2]: --target-rtp: the RTP 0.500000 is outside what can be"
                + " reached within --max-change 0.5 of the stop weights") && auto.stderr().contains("(--change auto: the"
                + " symbol counts, tried first, could not either: $.reelSets.base[2]: --target-rtp: the RTP 0.500000 is"
                + " outside what can be reached by changing at most --max-change 0.5 of each symbol's stops"),
                auto.stderr());
        try (var files = Files.list(dir)) {
            assertEquals(List.of(), files.toList(), "nothing written");
        }
        assertEquals(2, CommandRun.of("tune", example("sizzling-hot.json"), "--target-rtp", "0.95", "--change", "pays",
                "--out", out.toString()).exitCode());
        assertEquals(2, CommandRun.of("tune", example("sizzling-hot.json"), "--target-rtp", "0.95", "--keep", "reels",
                "--change", "weights", "--out", out.toString()).exitCode());
        assertEquals(2, CommandRun.of("tune", example("sizzling-hot.json"), "--target-rtp", "0.95", "--keep", "reels",
                "--reel", "2", "--out", out.toString()).exitCode());
        assertEquals(2, CommandRun.of("tune", example("sizzling-hot.json"), "--target-rtp", "0.95", "--keep", "wilds",
                "--out", out.toString()).exitCode());
        assertEquals(2, CommandRun.of("tune", example("sizzling-hot.json"), "--target-rtp", "0.95", "--volatility-index",
                "20..10", "--out", out.toString()).exitCode());
        assertEquals(2, CommandRun.of("tune", example("sizzling-hot.json"), "--target-rtp", "0.95", "--max-change", "1",
                "--out", out.toString()).exitCode());
    }

    /** --keep reels: the pays change, the reels do not; the written file's RTP is within 0.0005 of the target. */
    @Test
    void keepsTheReelsAndTunesThePays() throws Exception {
        Path out = dir.resolve("pays.json");
        CommandRun run = CommandRun.of("tune", example("sizzling-hot.json"), "--target-rtp", "0.93", "--keep", "reels",
                "--max-change", "0.25", "--out", out.toString());
        assertEquals(0, run.exitCode(), run.stderr());
        Fraction rtp = GameModels.load(out).exactFigures().orElseThrow().rtp();
        assertTrue(Math.abs(rtp.doubleValue() - 0.93) <= 0.0005, rtp.toString());
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        assertEquals(json.readTree(Path.of(example("sizzling-hot.json")).toFile()).get("reelSets"),
                json.readTree(out.toFile()).get("reelSets"));
        assertTrue(run.text().contains("$.pays["), run.text());
    }

    /**
     * A plain-strip model is tuned by its strips' symbol counts by default: each variant of the written file, loaded
     * again, is within 0.0005 of its target; its strips are still plain lists of 25 symbols; the diff lists each stop
     * changed by its JSON path (the element of the strip), as the JSON report does; two reels may be asked.
     */
    @Test
    void tunesPlainStripsByTheirSymbolCounts() throws Exception {
        Path out = dir.resolve("counts.json");
        CommandRun run = CommandRun.of("tune", example("sizzling-hot.json"), "--variants", "0.93,0.95", "--reel", "2,4",
                "--format", "json", "--out", out.toString());
        assertEquals(0, run.exitCode(), run.stderr());
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        com.fasterxml.jackson.databind.JsonNode report = json.readTree(run.stdout());
        assertEquals("stripCounts", report.get("tuning").asText());
        assertEquals("[2,4]", report.get("reels").toString());
        com.fasterxml.jackson.databind.JsonNode diff = json.readTree(dir.resolve("counts.diff.json").toFile());
        com.fasterxml.jackson.databind.JsonNode model = json.readTree(out.toFile());
        for (com.fasterxml.jackson.databind.JsonNode variant : report.get("variants")) {
            String name = variant.get("variant").asText();
            Fraction rtp = GameModels.load("counts.json", Files.readAllBytes(out), name).exactFigures().orElseThrow().rtp();
            assertTrue(Math.abs(rtp.doubleValue() - Integer.parseInt(name) / 100.0) <= 0.0005, name + ": " + rtp);
            assertEquals(rtp.toString(), variant.get("rtp").get("fraction").asText());
            for (com.fasterxml.jackson.databind.JsonNode strip : model.get("variants").get(name).get("reelSets").get("base")) {
                assertTrue(strip.isArray() && strip.size() == 25, strip.toString());
            }
            java.util.Set<String> listed = new java.util.TreeSet<>();
            variant.get("stops").forEach(stop -> listed.add(stop.get("path").asText() + "=" + stop.get("after").asText()));
            java.util.Set<String> inDiff = new java.util.TreeSet<>();
            for (com.fasterxml.jackson.databind.JsonNode change : diff.get("changes")) {
                if (change.get("variant").asText().equals(name)) {
                    inDiff.add(change.get("path").asText() + "=" + change.get("after").asText());
                }
            }
            assertEquals(listed, inDiff);
            assertTrue(!listed.isEmpty() && listed.stream().allMatch(p -> p.matches("\\$\\.reelSets\\.base\\[[13]\\]\\[\\d+\\]=.*")),
                    listed.toString());
        }
    }

    /**
     * --hit-frequency and --volatility-index with --keep reels and with a weighted choice of reel sets: taken, and met
     * when the RTP leaves them where they were asked (the written model's own figures say so).
     */
    @Test
    void hitFrequencyAndVolatilityWhereTheRtpFixesThem() throws Exception {
        Path out = dir.resolve("fixed.json");
        CommandRun pays = CommandRun.of("tune", example("sizzling-hot.json"), "--target-rtp", "0.95", "--keep", "reels",
                "--hit-frequency", "0.1249", "--volatility-index", "5..20", "--out", out.toString());
        assertEquals(0, pays.exitCode(), pays.stderr());
        io.fairspin.math.ExactFigures f = GameModels.load(out).exactFigures().orElseThrow();
        assertTrue(Math.abs(f.hitFrequency().doubleValue() - 0.1249) <= 0.0005, f.toString());
        CommandRun sets = CommandRun.of("tune", model(), "--target-rtp", "0.94", "--hit-frequency", "0.1234",
                "--volatility-index", "5..20", "--out", dir.resolve("sets.json").toString());
        assertEquals(0, sets.exitCode(), sets.stderr());
        f = GameModels.load(dir.resolve("sets.json")).exactFigures().orElseThrow();
        assertTrue(Math.abs(f.hitFrequency().doubleValue() - 0.1234) <= 0.0005, f.toString());
    }

    /**
     * Where the symbol counts miss the target (ways-243 at 0.95: 5 exact analyses end at 0.949467), the default tunes
     * the stop weights and says why; --change counts fails naming the target it missed and --change weights, writing
     * nothing.
     */
    @Test
    void theDefaultTunesTheWeightsWhereTheCountsMissAndSaysWhy() throws Exception {
        Path out = dir.resolve("ways.json");
        CommandRun counts = CommandRun.of("tune", example("ways-243.json"), "--target-rtp", "0.95", "--change", "counts",
                "--out", out.toString());
        assertEquals(1, counts.exitCode(), counts.stderr());
        assertTrue(counts.stderr().contains("ways-243.json: $.reelSets.base[2]: --target-rtp: the tuned strips miss"
                + " their targets after 5 exact analyses: RTP ") && counts.stderr().contains(" (target 0.950000)")
                && counts.stderr().contains("the stop weights (--change weights)"), counts.stderr());
        try (var files = Files.list(dir)) {
            assertEquals(List.of(), files.toList(), "nothing written");
        }
        CommandRun auto = CommandRun.of("tune", example("ways-243.json"), "--target-rtp", "0.95", "--out", out.toString());
        assertEquals(0, auto.exitCode(), auto.stderr());
        String change = auto.text().lines().filter(l -> l.startsWith("change ")).findFirst().orElseThrow();
        assertTrue(change.startsWith("change       weights (--change auto: the symbol counts could not:"
                + " $.reelSets.base[2]: --target-rtp: the tuned strips miss their targets") && change.contains(
                " (target 0.950000)"), change);
        assertTrue(auto.text().contains("tuned        the stop weights of reel 3"), auto.text());
        Fraction rtp = GameModels.load(out).exactFigures().orElseThrow().rtp();
        assertTrue(Math.abs(rtp.doubleValue() - 0.95) <= 0.0005, rtp.toString());
    }

    /**
     * --change auto leaves the counts for the weights only when the counts miss a target: a strip of scatters only
     * (reel 3 of a Sizzling Hot whose sevens are a second scatter), which the counts refuse, is the error, nothing
     * written, though the weights tune it (as --change weights shows).
     */
    @Test
    void autoTriesTheWeightsOnlyWhenTheCountsMissATarget() throws Exception {
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        com.fasterxml.jackson.databind.node.ObjectNode game = (com.fasterxml.jackson.databind.node.ObjectNode) json
                .readTree(Path.of(example("sizzling-hot.json")).toFile());
        com.fasterxml.jackson.databind.node.ArrayNode pays = json.createArrayNode();
        game.get("pays").forEach(pay -> {
            if (!pay.get("symbol").asText().equals("seven")) {
                pays.add(pay);
            }
        });
        game.set("pays", pays);
        ((com.fasterxml.jackson.databind.node.ArrayNode) game.get("scatters")).addObject().put("symbol", "seven")
                .put("count", "per-reel").set("pays", json.valueToTree(List.of(0, 0, 2, 10, 50)));
        com.fasterxml.jackson.databind.node.ArrayNode strip = json.createArrayNode().add("star");
        for (int i = 0; i < 24; i++) {
            strip.add("seven");
        }
        ((com.fasterxml.jackson.databind.node.ArrayNode) game.get("reelSets").get("base")).set(2, strip);
        Path model = dir.resolve("scatter-strip.json");
        json.writeValue(model.toFile(), game);
        Path out = dir.resolve("out.json");
        CommandRun weights = CommandRun.of("tune", model.toString(), "--target-rtp", "1.15", "--change", "weights",
                "--out", dir.resolve("weights.json").toString());
        assertEquals(0, weights.exitCode(), weights.stderr());
        CommandRun auto = CommandRun.of("tune", model.toString(), "--target-rtp", "1.15", "--out", out.toString());
        assertEquals(1, auto.exitCode(), auto.stderr());
        assertEquals("fairspin: " + model + ": $.reelSets.base[2]: the strip shows scatters only; tune another --reel, or"
                + " its stop weights (--change weights)", auto.stderr().strip());
        assertTrue(Files.notExists(out), "nothing written");
    }

    /**
     * --change auto given is --change left out, also where it changes nothing: with --keep reels and on a weighted
     * choice of reel sets the report (all but its header) and the written model are those of the run without it.
     */
    @Test
    void autoGivenIsTheDefault() throws Exception {
        String[][] runs = {{example("sizzling-hot.json"), "--keep", "reels"}, {model()}};
        for (String[] run : runs) {
            Path out = dir.resolve("auto.json");
            List<String> args = new java.util.ArrayList<>(List.of("tune"));
            args.addAll(List.of(run));
            args.addAll(List.of("--target-rtp", "0.945", "--format", "json", "--out", out.toString()));
            CommandRun omitted = CommandRun.of(args.toArray(String[]::new));
            assertEquals(0, omitted.exitCode(), omitted.stderr());
            byte[] written = Files.readAllBytes(out);
            args.addAll(List.of("--change", "auto"));
            CommandRun given = CommandRun.of(args.toArray(String[]::new));
            assertEquals(0, given.exitCode(), given.stderr());
            assertEquals(omitted.jsonWithoutReport(), given.jsonWithoutReport());
            assertTrue(java.util.Arrays.equals(written, Files.readAllBytes(out)), run[0]);
        }
        CommandRun counts = CommandRun.of("tune", model(), "--target-rtp", "0.945", "--change", "counts", "--out",
                dir.resolve("counts.json").toString());
        assertEquals(1, counts.exitCode(), counts.stderr());
        assertTrue(counts.stderr().contains("$.baseReels: --change works on models with one base reel set"),
                counts.stderr());
    }

    /**
     * Each PAR sheet tune writes names what it is the sheet of, as {@code par} does: its first line is {@code par}'s
     * first line for that variant of the written model, or, tuning the top level of a model with variants, for the top
     * level (which says the variants have sheets of their own).
     */
    @Test
    void eachSheetNamesItsVariantAsParDoes() throws Exception {
        Path out = dir.resolve("sh.json");
        CommandRun run = CommandRun.of("tune", example("sizzling-hot.json"), "--variants", "0.93,0.95", "--out",
                out.toString());
        assertEquals(0, run.exitCode(), run.stderr());
        for (String variant : new String[] {"93", "95"}) {
            String sheet = Files.readString(dir.resolve("sh." + variant + ".par.txt")).lines().findFirst().orElseThrow();
            assertTrue(sheet.endsWith(", variant " + variant), sheet);
            assertEquals(CommandRun.of("par", out.toString(), "--variant", variant).text().lines().findFirst()
                    .orElseThrow(), sheet);
        }
        Path top = dir.resolve("top.json");
        assertEquals(0, CommandRun.of("tune", out.toString(), "--target-rtp", "0.945", "--out", top.toString())
                .exitCode());
        String sheet = Files.readString(dir.resolve("top.par.txt")).lines().findFirst().orElseThrow();
        assertTrue(sheet.contains("the top level (the model's variants 93, 95"), sheet);
        assertEquals(CommandRun.of("par", top.toString()).text().lines().findFirst().orElseThrow(), sheet);
    }
}
