package io.fairspin.cli.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Docs that run: every command block of README.md and docs/*.md (see {@link DocBlocks}) runs with bash, exactly as
 * printed, from the repository root, against the distribution the build made (so this runs in the integration
 * phase, after package). Each file runs in a fresh copy of the root made of links to its entries (and
 * {@code ../shared} beside it), so what the commands write stays out of the checkout; a file's blocks share it,
 * in order, as a reader's terminal would.
 */
class DocsIT {
    private static final long TIMEOUT_SECONDS = 300;

    @TempDir
    Path work;

    @TestFactory
    Stream<DynamicTest> everyCommandBlockRuns() throws IOException {
        Path root = Path.of(System.getProperty("fairspin.root", ".")).toAbsolutePath().normalize();
        assertTrue(Files.isExecutable(root.resolve("fairspin")), "run from the repository root");
        List<Path> docs = new ArrayList<>();
        docs.add(root.resolve("README.md"));
        try (Stream<Path> files = Files.list(root.resolve("docs"))) {
            files.filter(f -> f.toString().endsWith(".md")).sorted().forEach(docs::add);
        }
        List<DynamicTest> tests = new ArrayList<>();
        for (Path doc : docs) {
            String name = root.relativize(doc).toString();
            List<DocBlocks.Block> blocks = DocBlocks.parse(name, Files.readString(doc, StandardCharsets.UTF_8));
            if (blocks.stream().allMatch(b -> b.skip() != null)) {
                continue;
            }
            tests.add(DynamicTest.dynamicTest(name, () -> runAll(root, name, blocks)));
        }
        return tests.stream();
    }

    private void runAll(Path root, String name, List<DocBlocks.Block> blocks) throws Exception {
        Path checkout = workspace(root, name);
        Map<String, String> captured = new HashMap<>();
        for (DocBlocks.Block block : blocks) {
            if (block.skip() != null) {
                continue;
            }
            String script = block.script();
            for (String[] replacement : block.replacements()) {
                String value = captured.get(replacement[1]);
                assertTrue(value != null, block.where() + ": nothing captured as " + replacement[1]);
                assertTrue(script.contains(replacement[0]), block.where() + ": no '" + replacement[0] + "' to replace");
                script = script.replace(replacement[0], value);
            }
            Result result = bash(checkout, script);
            assertEquals(block.exit(), result.exit, block.where() + ": exit code of\n" + script + "\n" + result.output);
            for (String[] capture : block.captures()) {
                Matcher m = Pattern.compile(capture[1]).matcher(result.output);
                assertTrue(m.find(), block.where() + ": no match of " + capture[1] + " in\n" + result.output);
                captured.put(capture[0], m.group(1));
            }
        }
    }

    /** A folder beside a link to ../shared, linking every entry of the root but .git. */
    private Path workspace(Path root, String doc) throws IOException {
        Path parent = Files.createDirectories(work.resolve(doc.replace('/', '_')));
        Path shared = root.resolveSibling("shared");
        if (Files.exists(shared)) {
            Files.createSymbolicLink(parent.resolve("shared"), shared);
        }
        Path checkout = Files.createDirectories(parent.resolve("repo"));
        try (Stream<Path> entries = Files.list(root)) {
            for (Path entry : entries.toList()) {
                if (!entry.getFileName().toString().equals(".git")) {
                    Files.createSymbolicLink(checkout.resolve(entry.getFileName()), entry);
                }
            }
        }
        return checkout;
    }

    private record Result(int exit, String output) {
    }

    private static Result bash(Path dir, String script) throws Exception {
        Path log = Files.createTempFile("doc-block", ".out");
        Process process = new ProcessBuilder("bash", "-e", "-o", "pipefail", "-c", script).directory(dir.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(
                        Path.of("/dev/null").toFile())).start();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            throw new AssertionError("timed out after " + TIMEOUT_SECONDS + " s:\n" + script);
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        Files.delete(log);
        return new Result(process.exitValue(), output);
    }
}
