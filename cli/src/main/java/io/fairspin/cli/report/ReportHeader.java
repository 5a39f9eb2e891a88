package io.fairspin.cli.report;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What every report states so a lab can file it: the fairspin version, the command line, the UTC date, and the
 * SHA-256 and size of each input file.
 *
 * @param version     the fairspin version
 * @param commandLine the command as typed, arguments quoted for a POSIX shell where needed
 * @param date        when the report was made, UTC, to the second
 * @param inputs      each input file
 */
public record ReportHeader(String version, String commandLine, Instant date, List<Inputs.Input> inputs) {

    /**
     * Copies the inputs.
     *
     * @param version the fairspin version
     * @param commandLine the command as typed, arguments quoted for a POSIX shell where needed
     * @param date when the report was made, UTC, to the second
     * @param inputs each input file
     */
    public ReportHeader {
        inputs = List.copyOf(inputs);
    }

    /**
     * The header of a report made now.
     *
     * @param version the fairspin version
     * @param arguments the command's arguments
     * @param inputs the inputs read
     * @return the header, dated now to the second
     */
    public static ReportHeader now(String version, List<String> arguments, Inputs inputs) {
        return new ReportHeader(version, commandLine(arguments), Instant.now().truncatedTo(ChronoUnit.SECONDS),
                inputs.describe());
    }

    /** "fairspin" and the arguments, each quoted for a POSIX shell when it holds anything but safe characters. */
    static String commandLine(List<String> arguments) {
        StringBuilder line = new StringBuilder("fairspin");
        for (String argument : arguments) {
            line.append(' ').append(argument.matches("[A-Za-z0-9_./:=@%+,-]+") ? argument
                    : "'" + argument.replace("'", "'\\''") + "'");
        }
        return line.toString();
    }

    /**
     * As JSON: {@code version}, {@code commandLine}, {@code date}, {@code inputs} ({@code file}, {@code bytes}, {@code
     * sha256}; for an audit log read whole, {@code entries} and {@code rootHash} instead of {@code sha256}).
     *
     * @return the header's keys and values
     */
    public Map<String, Object> json() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("fairspin", version);
        json.put("commandLine", commandLine);
        json.put("date", date.toString());
        List<Map<String, Object>> files = new ArrayList<>();
        for (Inputs.Input input : inputs) {
            Map<String, Object> file = new LinkedHashMap<>();
            file.put("file", input.file());
            file.put("bytes", input.bytes());
            if (input.tree() != null) {
                file.put("entries", input.tree().entries());
                file.put("rootHash", input.tree().rootHash());
            } else {
                file.put("sha256", input.sha256());
            }
            files.add(file);
        }
        json.put("inputs", files);
        return json;
    }

    /**
     * As text lines, for the end of a text report.
     *
     * @return the lines, one for the report and one per input
     */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        lines.add("report     fairspin " + version + ", " + date + ": " + commandLine);
        for (Inputs.Input input : inputs) {
            lines.add(input.tree() != null
                    ? String.format(Locale.ROOT, "input      %s: %,d entries in %,d bytes of segments, Merkle tree"
                            + " root %s", input.file(), input.tree().entries(), input.bytes(), input.tree().rootHash())
                    : String.format(Locale.ROOT, "input      %s: %,d bytes, SHA-256 %s", input.file(), input.bytes(),
                            input.sha256()));
        }
        return lines;
    }
}
