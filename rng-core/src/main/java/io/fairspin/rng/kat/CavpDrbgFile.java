package io.fairspin.rng.kat;

import io.fairspin.rng.Drbg;
import io.fairspin.rng.DrbgMechanism;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Runs the cases of one NIST CAVP DRBG response file ({@code Hash_DRBG.rsp}, {@code HMAC_DRBG.rsp} or
 * {@code CTR_DRBG.rsp} of the drbgtestvectors set) against fairspin's mechanisms.
 *
 * <p>A case instantiates with EntropyInput, Nonce and PersonalizationString, then follows its fields in
 * order: EntropyInputReseed with AdditionalInputReseed is a reseed; AdditionalInput is a generate of
 * ReturnedBitsLen bits, except under prediction resistance, where it is the additional input of the
 * reseed that the following EntropyInputPR makes before a generate without additional input.
 * ReturnedBits is compared with the last generate's output. Sections for algorithms fairspin does not
 * implement (SHA-1, SHA-224, AES-192, TDEA, ...) are counted as unsupported.
 */
public final class CavpDrbgFile {

    private CavpDrbgFile() {
    }

    /**
     * Runs every case in {@code file}; a malformed file raises an exception naming the file and line.
     *
     * @param file a CAVP DRBG response file (Hash_DRBG.rsp, HMAC_DRBG.rsp or CTR_DRBG.rsp)
     * @return the passed and failed cases per mechanism, and the sections fairspin does not implement
     * @throws java.io.IOException when the file cannot be read
     */
    public static KatResult run(Path file) throws IOException {
        String family = familyOf(file);
        Map<DrbgMechanism, KatResult.Counts> counts = new EnumMap<>(DrbgMechanism.class);
        TreeSet<String> unsupported = new TreeSet<>();
        int unsupportedCases = 0;

        List<String> lines = Files.readAllLines(file, StandardCharsets.US_ASCII);
        Section section = null;
        List<String[]> fields = new ArrayList<>();
        int caseLine = 0;
        for (int i = 0; i <= lines.size(); i++) {
            String line = i < lines.size() ? lines.get(i).strip() : "";
            if (line.isEmpty() || line.startsWith("#")) {
                if (!fields.isEmpty()) {
                    if (section == null) {
                        throw new IOException(file + ":" + caseLine + ": case before any [section] header");
                    }
                    if (section.mechanism == null) {
                        unsupported.add(section.name);
                        unsupportedCases++;
                    } else {
                        String id = section.name + " COUNT=" + fields.get(0)[1];
                        boolean passed = runCase(file, caseLine, section, fields);
                        counts.computeIfAbsent(section.mechanism, m -> new KatResult.Counts()).add(passed, id);
                    }
                    fields.clear();
                }
                continue;
            }
            if (line.startsWith("[")) {
                section = header(file, i + 1, line, section, family);
                continue;
            }
            int eq = line.indexOf('=');
            if (eq < 0) {
                throw new IOException(file + ":" + (i + 1) + ": expected 'Name = value', found '" + line + "'");
            }
            if (fields.isEmpty()) {
                caseLine = i + 1;
            }
            fields.add(new String[] {line.substring(0, eq).strip(), line.substring(eq + 1).strip()});
        }
        return new KatResult(file.getFileName().toString(), counts, unsupported, unsupportedCases);
    }

    /** The state of the section headers above a case. */
    private static final class Section {
        String name;
        DrbgMechanism mechanism;
        boolean predictionResistance;
        int returnedBytes;
    }

    private static Section header(Path file, int lineNumber, String line, Section current, String family)
            throws IOException {
        String inner = line.substring(1, line.length() - 1).strip();
        int eq = inner.indexOf('=');
        if (eq < 0) {
            Section s = new Section();
            s.name = inner;
            s.mechanism = mechanismFor(family, inner);
            return s;
        }
        if (current == null) {
            throw new IOException(file + ":" + lineNumber + ": parameter before the algorithm header");
        }
        String key = inner.substring(0, eq).strip();
        String value = inner.substring(eq + 1).strip();
        if (key.equals("PredictionResistance")) {
            current.predictionResistance = Boolean.parseBoolean(value);
        } else if (key.equals("ReturnedBitsLen")) {
            current.returnedBytes = Integer.parseInt(value) / 8;
        }
        return current;
    }

    private static boolean runCase(Path file, int line, Section section, List<String[]> fields) throws IOException {
        byte[] entropy = null;
        byte[] nonce = null;
        byte[] pending = null;
        byte[] output = null;
        Drbg drbg = null;
        try {
            for (String[] field : fields) {
                String name = field[0];
                byte[] value = name.equals("COUNT") ? null : hex(file, line, field[1]);
                switch (name) {
                    case "COUNT":
                        break;
                    case "EntropyInput":
                        entropy = value;
                        break;
                    case "Nonce":
                        nonce = value;
                        break;
                    case "PersonalizationString":
                        drbg = section.mechanism.instantiate(entropy, nonce, value);
                        break;
                    case "EntropyInputReseed":
                        pending = value;
                        break;
                    case "AdditionalInputReseed":
                        require(drbg, file, line).reseed(pending, value);
                        break;
                    case "AdditionalInput":
                        if (section.predictionResistance) {
                            pending = value;
                        } else {
                            output = generate(require(drbg, file, line), section, value);
                        }
                        break;
                    case "EntropyInputPR":
                        require(drbg, file, line).reseed(value, pending);
                        output = generate(drbg, section, null);
                        break;
                    case "ReturnedBits":
                        return Arrays.equals(output, value);
                    default:
                        throw new IOException(file + ":" + line + ": unknown field '" + name + "'");
                }
            }
            throw new IOException(file + ":" + line + ": case has no ReturnedBits");
        } finally {
            if (drbg != null) {
                drbg.close();
            }
        }
    }

    private static byte[] generate(Drbg drbg, Section section, byte[] additionalInput) {
        byte[] out = new byte[section.returnedBytes];
        drbg.generate(out, 0, out.length, additionalInput);
        return out;
    }

    private static Drbg require(Drbg drbg, Path file, int line) throws IOException {
        if (drbg == null) {
            throw new IOException(file + ":" + line + ": case uses the DRBG before PersonalizationString");
        }
        return drbg;
    }

    private static byte[] hex(Path file, int line, String text) throws IOException {
        try {
            return HexFormat.of().parseHex(text);
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ":" + line + ": not hexadecimal: " + e.getMessage());
        }
    }

    private static String familyOf(Path file) throws IOException {
        String name = file.getFileName().toString();
        for (String family : List.of("HMAC_DRBG", "Hash_DRBG", "CTR_DRBG")) {
            if (name.startsWith(family)) {
                return family;
            }
        }
        throw new IOException(file + ": not a CAVP DRBG file (expected a name starting HMAC_DRBG, Hash_DRBG or CTR_DRBG)");
    }

    /** The mechanism a section header names in a file of the given family, or null if unsupported. */
    private static DrbgMechanism mechanismFor(String family, String header) {
        switch (family + "/" + header) {
            case "HMAC_DRBG/SHA-256": return DrbgMechanism.HMAC_SHA256;
            case "HMAC_DRBG/SHA-512": return DrbgMechanism.HMAC_SHA512;
            case "Hash_DRBG/SHA-256": return DrbgMechanism.HASH_SHA256;
            case "Hash_DRBG/SHA-512": return DrbgMechanism.HASH_SHA512;
            case "CTR_DRBG/AES-128 use df": return DrbgMechanism.CTR_AES128;
            case "CTR_DRBG/AES-256 use df": return DrbgMechanism.CTR_AES256;
            case "CTR_DRBG/AES-128 no df": return DrbgMechanism.CTR_AES128_NO_DF;
            case "CTR_DRBG/AES-256 no df": return DrbgMechanism.CTR_AES256_NO_DF;
            default: return null;
        }
    }
}
