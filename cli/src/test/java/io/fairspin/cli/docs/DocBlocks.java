package io.fairspin.cli.docs;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The command blocks of one markdown file, as docs/development.md ("Docs that run") describes them:
 *
 * <ul>
 *   <li>a block fenced as {@code sh} is a shell script, run whole from the repository root;
 *   <li>a block fenced as {@code console} is a transcript: its lines starting with {@code $ } are run, the rest is
 *       output shown to the reader and not compared;
 *   <li>an HTML comment {@code <!-- doc-test: ... -->} just before a block says more about it: {@code skip REASON}
 *       (not run), {@code exit N} (the expected exit code), {@code capture NAME REGEX} (group 1 of the first match in
 *       the block's output becomes NAME), {@code replace TEXT NAME} (TEXT in the block, a value from the author's own
 *       run, is replaced by NAME's captured value before it runs), {@code built} (the block starts with the build,
 *       {@code mvn ... &&}, which has already run when the harness does: that prefix is left out);
 *   <li>any other block that starts with a command ({@code ./fairspin}, {@code fairspin}, {@code mvn}, {@code java})
 *       is an error: it must be {@code sh}, {@code console} or skipped, so no copyable command goes untested.
 * </ul>
 */
final class DocBlocks {
    private static final Pattern MARKER = Pattern.compile("^<!--\\s*doc-test:\\s*(.*?)\\s*-->\\s*$");
    private static final Pattern BUILD_PREFIX = Pattern.compile("^mvn [^\n&]*&&\\s*");
    private static final Pattern COMMAND = Pattern.compile("^(\\$ )?(\\./fairspin|fairspin|mvn|java) .*");

    private DocBlocks() {
    }

    /** One block to run, or to skip. */
    record Block(String file, int line, String script, String skip, int exit, List<String[]> captures,
                 List<String[]> replacements) {
        String where() {
            return file + ":" + line;
        }
    }

    /** The blocks of {@code text} (the markdown of {@code file}); a command block without a kind is an error. */
    static List<Block> parse(String file, String text) {
        List<Block> blocks = new ArrayList<>();
        List<String> markers = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            Matcher marker = MARKER.matcher(line.strip());
            if (marker.matches()) {
                markers.add(marker.group(1));
                continue;
            }
            if (!line.startsWith("```")) {
                if (!line.isBlank()) {
                    markers.clear();
                }
                continue;
            }
            String info = line.substring(3).strip();
            int start = i + 1;
            List<String> body = new ArrayList<>();
            for (i = i + 1; i < lines.length && !lines[i].startsWith("```"); i++) {
                body.add(lines[i]);
            }
            Block block = block(file, start, info, body, markers);
            if (block != null) {
                blocks.add(block);
            }
            markers.clear();
        }
        return blocks;
    }

    private static Block block(String file, int line, String info, List<String> body, List<String> markers) {
        String skip = null;
        boolean built = false;
        int exit = 0;
        List<String[]> captures = new ArrayList<>();
        List<String[]> replacements = new ArrayList<>();
        for (String marker : markers) {
            String[] words = marker.split("\\s+", 3);
            switch (words[0]) {
                case "skip" -> skip = marker.substring(4).strip();
                case "exit" -> exit = Integer.parseInt(words[1]);
                case "built" -> built = true;
                case "capture" -> captures.add(new String[] {words[1], words[2]});
                case "replace" -> {
                    int last = marker.lastIndexOf(' ');
                    replacements.add(new String[] {marker.substring("replace".length(), last).strip(),
                        marker.substring(last + 1)});
                }
                default -> throw new IllegalArgumentException(file + ":" + line + ": unknown doc-test marker '"
                        + marker + "'");
            }
        }
        String script;
        if (info.equals("sh")) {
            script = String.join("\n", body);
        } else if (info.equals("console")) {
            List<String> commands = new ArrayList<>();
            boolean continued = false;
            for (String l : body) {
                if (l.startsWith("$ ") || continued) {
                    String command = l.startsWith("$ ") && !continued ? l.substring(2) : l;
                    commands.add(command);
                    continued = command.endsWith("\\");
                }
            }
            script = String.join("\n", commands);
        } else {
            boolean command = body.stream().filter(l -> !l.isBlank()).findFirst()
                    .map(l -> COMMAND.matcher(l).matches()).orElse(false);
            if (command && skip == null) {
                throw new IllegalArgumentException(file + ":" + line + ": a command block must be fenced as sh or"
                        + " console, or carry <!-- doc-test: skip REASON -->");
            }
            return null;
        }
        if (built) {
            String after = BUILD_PREFIX.matcher(script).replaceFirst("");
            if (after.equals(script)) {
                throw new IllegalArgumentException(file + ":" + line + ": a block marked built must start with"
                        + " 'mvn ... &&'");
            }
            script = after;
        }
        return new Block(file, line, script, skip, exit, captures, replacements);
    }
}
