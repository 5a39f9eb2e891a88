package io.fairspin.audit.checkpoint;

import io.fairspin.audit.merkle.ProofException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * A note in the C2SP signed-note format: UTF-8 text ending in a newline, a blank line, then one line per
 * signature, {@code "— " name " " base64(key ID (4 bytes) || signature)}. The signature covers the text,
 * final newline included.
 */
public final class SignedNote {
    private static final String DASH = "\u2014 ";

    private final String text;
    private final List<Sig> signatures;

    /** One signature line. */
    private record Sig(String name, byte[] keyId, byte[] signature) {
    }

    private SignedNote(String text, List<Sig> signatures) {
        this.text = text;
        this.signatures = signatures;
    }

    /**
     * Signs {@code text} (which must end in a newline) with one key.
     *
     * @param text the note text, ending in a newline
     * @param signer the key that signs
     * @return the signed note
     */
    public static SignedNote sign(String text, NoteSigner signer) {
        requireValidText(text);
        byte[] signature = signer.sign(text.getBytes(StandardCharsets.UTF_8));
        NoteVerifier v = signer.verifier();
        return new SignedNote(text, List.of(new Sig(v.name(), v.keyId(), signature)));
    }

    /**
     * Parses the text form; throws {@link ProofException} naming what is malformed.
     *
     * @param note the note's text form
     * @return the note
     * @throws io.fairspin.audit.merkle.ProofException when it is malformed
     */
    public static SignedNote parse(String note) throws ProofException {
        int split = note.lastIndexOf("\n\n");
        if (split < 0) {
            throw new ProofException("the note has no blank line before its signatures");
        }
        String text = note.substring(0, split + 1);
        try {
            requireValidText(text);
        } catch (IllegalArgumentException e) {
            throw new ProofException(e.getMessage());
        }
        String block = note.substring(split + 2);
        if (block.isEmpty() || !block.endsWith("\n")) {
            throw new ProofException("the note's signature lines must end in a newline");
        }
        List<Sig> signatures = new ArrayList<>();
        for (String line : block.substring(0, block.length() - 1).split("\n", -1)) {
            signatures.add(parseSignature(line));
        }
        return new SignedNote(text, List.copyOf(signatures));
    }

    private static Sig parseSignature(String line) throws ProofException {
        String[] parts = line.startsWith(DASH) ? line.substring(DASH.length()).split(" ", -1) : new String[0];
        if (parts.length != 2 || parts[0].isEmpty()) {
            throw new ProofException("malformed signature line '" + line + "'");
        }
        byte[] blob;
        try {
            blob = Base64.getDecoder().decode(parts[1]);
        } catch (IllegalArgumentException e) {
            throw new ProofException("signature line '" + line + "': not base64");
        }
        if (blob.length < 5) {
            throw new ProofException("signature line '" + line + "': too short");
        }
        return new Sig(parts[0], Arrays.copyOf(blob, 4), Arrays.copyOfRange(blob, 4, blob.length));
    }

    private static void requireValidText(String text) {
        if (text.isEmpty() || !text.endsWith("\n")) {
            throw new IllegalArgumentException("a note's text must end in a newline");
        }
        if (text.chars().anyMatch(c -> c < 0x20 && c != '\n')) {
            throw new IllegalArgumentException("a note's text may not contain control characters");
        }
    }

    /**
     * The signed text, final newline included.
     *
     * @return the text
     */
    public String text() {
        return text;
    }

    /**
     * Checks that {@code verifier} signed this note: a signature line with its name and key ID whose
     * signature verifies. Lines of other keys are ignored, as the format requires.
     *
     * @param verifier the key expected to have signed
     * @throws io.fairspin.audit.merkle.ProofException when no line of that key verifies
     */
    public void verify(NoteVerifier verifier) throws ProofException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        boolean found = false;
        for (Sig s : signatures) {
            if (s.name().equals(verifier.name()) && Arrays.equals(s.keyId(), verifier.keyId())) {
                found = true;
                if (s.signature().length == 64 && verifier.verifies(bytes, s.signature())) {
                    return;
                }
            }
        }
        throw new ProofException(found ? "the note's signature by " + verifier.name() + " does not verify"
                : "the note has no signature by key " + verifier.encode());
    }

    /**
     * This note with one more signature line, {@code name} and {@code blob} (4-byte key ID and the signature
     * bytes of its algorithm, such as a cosignature's timestamp and Ed25519 signature).
     *
     * @param name the key name of the new line
     * @param blob the key ID and signature bytes
     * @return a new note; this one is unchanged
     */
    public SignedNote withSignature(String name, byte[] blob) {
        NoteVerifier.requireValidName(name);
        if (blob.length < 5) {
            throw new IllegalArgumentException("a signature line needs a key ID and a signature");
        }
        List<Sig> more = new ArrayList<>(signatures);
        more.add(new Sig(name, Arrays.copyOf(blob, 4), Arrays.copyOfRange(blob, 4, blob.length)));
        return new SignedNote(text, List.copyOf(more));
    }

    /**
     * The signature bytes (after the key ID) of every line with this name and key ID, in order.
     *
     * @param name a key name
     * @param keyId a 4-byte key ID
     * @return the signature bytes, possibly none
     */
    public List<byte[]> signatures(String name, byte[] keyId) {
        List<byte[]> found = new ArrayList<>();
        for (Sig s : signatures) {
            if (s.name().equals(name) && Arrays.equals(s.keyId(), keyId)) {
                found.add(s.signature().clone());
            }
        }
        return found;
    }

    /**
     * The names of the signature lines, in order.
     *
     * @return the names, one per signature line
     */
    public List<String> signerNames() {
        List<String> names = new ArrayList<>();
        signatures.forEach(s -> names.add(s.name()));
        return names;
    }

    /**
     * The text form: text, blank line, signature lines.
     *
     * @return the note's text form
     */
    public String encode() {
        StringBuilder out = new StringBuilder(text).append('\n');
        for (Sig s : signatures) {
            byte[] blob = new byte[4 + s.signature().length];
            System.arraycopy(s.keyId(), 0, blob, 0, 4);
            System.arraycopy(s.signature(), 0, blob, 4, s.signature().length);
            out.append(DASH).append(s.name()).append(' ').append(Base64.getEncoder().encodeToString(blob)).append('\n');
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return encode();
    }
}
