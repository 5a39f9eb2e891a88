package io.fairspin.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every command's JSON output against its JSON Schema in docs/schema, with networknt's validator (draft 2020-12).
 *
 * <p>One row per command line: the schema file and the arguments. To add a command, add a row. Arguments may name
 * what {@link #setUp} makes in a temporary folder: {@code {dir}} (the folder), {@code {log}} (an audit log of
 * sizzling-hot rounds, played with {@code {auditor}.pub} and signed with {@code {operator}.key}), {@code {round}}
 * (its first round id), {@code {packet}} (that round's dispute packet), {@code {bytes}} (100,000 random bytes),
 * {@code {escrow}} (an escrow file of one DRBG), and the key prefixes {@code {auditor}} and {@code {operator}}.
 */
class JsonSchemaTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    @TempDir
    static Path dir;
    private static Map<String, String> values;

    static Stream<Arguments> commands() {
        return Stream.of(
            row("par.schema.json", "par", "examples/sizzling-hot.json"),
            row("par.schema.json", "par", "examples/roulette-european.json"),
            row("par.schema.json", "par", "examples/treasure-pick.json"),
            row("simulate.schema.json", "simulate", "examples/sizzling-hot.json", "--rounds", "20K", "--seed", "1"),
            row("simulate.schema.json", "simulate", "examples/craps.json", "--rounds", "10K", "--seed", "1"),
            row("simulate.schema.json", "simulate", "examples/coin-rush.json", "--rounds", "10K", "--seed", "1"),
            row("simulate.schema.json", "simulate", "examples/coin-rush-deluxe.json", "--rounds", "10K", "--seed", "1",
                    "--bet", "{\"bonusBuy\": true}"),
            row("simulate.schema.json", "simulate", "examples/roulette-european.json", "--rounds", "10K", "--seed", "1",
                    "--bet", "{\"wagers\": [{\"bet\": \"red\", \"amount\": 10}]}"),
            row("par.schema.json", "par", "examples/coin-rush.json"),
            row("par.schema.json", "par", "examples/jacks-or-better-9-6.json"),
            row("tune.schema.json", "tune", "examples/fruit-mix.json", "--target-rtp", "0.94", "--out", "{dir}/tuned.json"),
            row("tune.schema.json", "tune", "examples/fruit-mix.json", "--variants", "0.92,0.94", "--out", "{dir}/variants.json"),
            row("tune.schema.json", "tune", "examples/sizzling-hot.json", "--target-rtp", "0.95", "--hit-frequency", "0.125",
                    "--volatility-index", "5..20", "--change", "weights", "--out", "{dir}/sh-95.json"),
            row("tune.schema.json", "tune", "examples/sizzling-hot.json", "--variants", "0.95,0.946", "--change", "weights",
                    "--reel", "3,2,4", "--max-change", "0.05", "--out", "{dir}/sh-reels.json"),
            row("tune.schema.json", "tune", "examples/sizzling-hot.json", "--variants", "0.94,0.96", "--out",
                    "{dir}/sh-variants.json"),
            row("tune.schema.json", "tune", "examples/sizzling-hot.json", "--variants", "0.92,0.94", "--keep", "reels",
                    "--max-change", "0.25", "--out", "{dir}/sh-pays.json"),
            row("certify-nist.schema.json", "certify", "nist", "{bytes}", "--length", "100000", "--streams", "8"),
            row("certify-outcomes.schema.json", "certify", "outcomes", "--range", "37", "--count", "20K"),
            row("certify-outcomes.schema.json", "certify", "outcomes", "--deck", "52", "--count", "1K"),
            row("certify-game.schema.json", "certify", "game", "examples/keno.json", "--rounds", "1K"),
            row("certify-entropy.schema.json", "certify", "entropy", "{reference}/sp800-90b/rand4_short.bin",
                "--bits-per-sample", "4"),
            row("certify-entropy.schema.json", "certify", "entropy", "{reference}/sp800-90b/rand4_short.bin",
                "--bits-per-sample", "4", "--iid", "--seed", "1"),
            row("rng-stats.schema.json", "rng", "stats", "{bytes}"),
            row("rng-kat.schema.json", "rng", "kat", "{reference}/cavp"),
            row("rng-collect.schema.json", "rng", "bytes", "--count", "1K", "--out", "{dir}/more.bin"),
            row("rng-collect.schema.json", "rng", "ints", "--bound", "37", "--count", "1K", "--out", "{dir}/ints.txt"),
            row("rng-replay.schema.json", "rng", "replay", "--escrow", "{escrow}", "--auditor-key", "{auditor}.key"),
            row("keys.schema.json", "keys", "signing", "--out", "{dir}/another"),
            row("keys.schema.json", "keys", "escrow", "--out", "{dir}/another-auditor"),
            row("play.schema.json", "play", "examples/sizzling-hot.json", "--rounds", "20", "--log", "{dir}/log2",
                "--escrow-key", "{auditor}.pub", "--signing-key", "{operator}.key"),
            row("audit-log-report.schema.json", "audit", "verify", "{log}", "--operator-key", "{operator}.pub"),
            row("audit-log-report.schema.json", "audit", "inspect", "{log}"),
            row("audit-check-packet.schema.json", "audit", "check-packet", "{packet}", "--operator-key",
                "{operator}.pub"),
            row("audit-replay.schema.json", "audit", "replay", "{log}", "--round", "{round}", "--auditor-key",
                "{auditor}.key", "--model", "examples/sizzling-hot.json"),
            row("audit-demo.schema.json", "audit", "demo", "{dir}/demo", "--signing-key", "{operator}.key",
                "--rounds", "200"),
            row("monitor.schema.json", "monitor", "{log}", "--models", "../examples"),
            row("monitor.schema.json", "monitor", "{log}", "--models", "../examples", "--store", "{dir}/monitor-store"),
            row("audit-witness.schema.json", "audit", "witness", "{log}", "--store", "{dir}/witness-store",
                "--signing-key", "{operator}.key", "--origin", "play.fairspin.local/audit", "--operator-key",
                "{operator}.pub"),
            // Always JSON: no --format.
            row("audit-consistency-proof.schema.json", "audit", "prove", "{log}", "--consistency", "1", "10"),
            row("audit-prove.schema.json", "audit", "prove", "{log}", "--round", "{round}"));
    }

    private static Arguments row(String schema, String... args) {
        return Arguments.of(schema, Arrays.asList(args));
    }

    @BeforeAll
    static void setUp() throws Exception {
        String auditor = dir.resolve("auditor").toString();
        String operator = dir.resolve("operator").toString();
        String log = dir.resolve("log").toString();
        ok("keys", "escrow", "--out", auditor);
        ok("keys", "signing", "--out", operator);
        JsonNode played = JSON.readTree(ok("play", root("examples/sizzling-hot.json"), "--rounds", "30", "--log", log,
                "--escrow-key", auditor + ".pub", "--signing-key", operator + ".key", "--format", "json").stdout());
        String round = played.get("firstRound").asText();
        Path packet = dir.resolve("packet.json");
        Files.write(packet, ok("audit", "prove", log, "--round", round).stdout());
        String bytes = dir.resolve("random.bin").toString();
        String escrow = dir.resolve("run.escrow").toString();
        ok("rng", "bytes", "--count", "100K", "--out", bytes, "--escrow", escrow, "--escrow-key", auditor + ".pub");
        values = Map.of("{dir}", dir.toString(), "{log}", log, "{round}", round, "{packet}", packet.toString(),
                "{bytes}", bytes, "{escrow}", escrow, "{auditor}", auditor, "{operator}", operator,
                "{reference}", System.getProperty("fairspin.reference", "../shared/reference"));
    }

    @ParameterizedTest(name = "{1} -> {0}")
    @MethodSource("commands")
    void outputMatchesItsSchema(String schemaFile, List<String> template) throws Exception {
        List<String> args = new ArrayList<>();
        for (String arg : template) {
            String value = arg;
            for (Map.Entry<String, String> v : values.entrySet()) {
                value = value.replace(v.getKey(), v.getValue());
            }
            args.add(value.startsWith("examples/") ? root(value) : value);
        }
        if (!args.containsAll(List.of("audit", "prove"))) {
            args.addAll(List.of("--format", "json"));
        }
        CommandRun run = CommandRun.of(args.toArray(String[]::new));
        assertTrue(run.exitCode() == 0 || run.exitCode() == ExitCode.BATTERY_FAILED, args + ": " + run.stderr());
        List<Error> errors = schema(schemaFile).validate(run.text(), InputFormat.JSON);
        assertEquals(List.of(), errors.stream().map(Error::toString).toList(), args + " against " + schemaFile);
    }

    /**
     * Every line {@code monitor --alerts} writes matches monitor-alert.schema.json: the log's rounds name a model
     * that the given folder does not hold (an unknown-model alert, exit code 4).
     */
    @Test
    void monitorAlertsMatchTheirSchema() throws Exception {
        Path models = Files.createDirectories(dir.resolve("other-models"));
        Files.copy(Path.of(root("examples/roulette-european.json")), models.resolve("roulette-european.json"));
        Path alerts = dir.resolve("alerts.jsonl");
        CommandRun run = CommandRun.of("monitor", values.get("{log}"), "--models", models.toString(), "--alerts",
                alerts.toString());
        assertEquals(ExitCode.TAMPERED, run.exitCode(), run.stderr());
        List<String> lines = Files.readAllLines(alerts, StandardCharsets.UTF_8);
        assertTrue(!lines.isEmpty(), "no alert written");
        for (String line : lines) {
            List<Error> errors = schema("monitor-alert.schema.json").validate(line, InputFormat.JSON);
            assertEquals(List.of(), errors.stream().map(Error::toString).toList(), line);
        }
        assertTrue(lines.get(0).contains("\"unknown-model\""), lines.get(0));
    }

    /** Every schema in docs/schema is itself valid JSON with a title and the 2020-12 dialect. */
    @Test
    void everySchemaNamesItsDialect() throws Exception {
        try (Stream<Path> files = Files.list(schemaFolder())) {
            for (Path file : files.filter(f -> f.toString().endsWith(".schema.json")).toList()) {
                JsonNode schema = JSON.readTree(file.toFile());
                assertEquals("https://json-schema.org/draft/2020-12/schema", schema.path("$schema").asText(),
                        file.toString());
                assertTrue(schema.has("title"), file.toString());
            }
        }
    }

    /** Negative control: output that breaks its schema is reported (a figure as a bare number, not exact). */
    @Test
    void aBrokenOutputFails() throws Exception {
        String output = CommandRun.of("par", root("examples/sizzling-hot.json"), "--format", "json").text()
                .replaceFirst("\"rtp\" : \\{[^}]*\\}", "\"rtp\" : 0.95");
        assertTrue(!schema("par.schema.json").validate(output, InputFormat.JSON).isEmpty());
    }

    static Schema schema(String file) throws Exception {
        return SCHEMAS.getSchema(Files.readString(schemaFolder().resolve(file), StandardCharsets.UTF_8));
    }

    private static Path schemaFolder() {
        return Path.of(root("docs/schema"));
    }

    private static String root(String path) {
        return Path.of(System.getProperty("fairspin.root", "."), path).toString();
    }

    private static CommandRun ok(String... args) {
        CommandRun run = CommandRun.of(args);
        assertEquals(0, run.exitCode(), String.join(" ", args) + ": " + run.stderr());
        return run;
    }
}
