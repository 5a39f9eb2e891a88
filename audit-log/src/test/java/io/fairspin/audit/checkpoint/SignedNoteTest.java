package io.fairspin.audit.checkpoint;

import io.fairspin.audit.merkle.MerkleTree;
import io.fairspin.audit.merkle.ProofException;
import io.fairspin.audit.merkle.Reference;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.fairspin.rng.keys.KeyFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The C2SP signed-note example verifies; changed notes and other keys do not; checkpoints round-trip. */
class SignedNoteTest {

    private static String field(List<String> lines, String prefix) {
        return lines.stream().filter(l -> l.startsWith(prefix)).findFirst().orElseThrow()
                .substring(prefix.length()).trim();
    }

    @Test
    void theC2spExampleVerifies() throws IOException, ProofException {
        List<String> lines = Files.readAllLines(Reference.path("signed-note", "c2sp-example.txt"), StandardCharsets.UTF_8);
        NoteVerifier verifier = NoteVerifier.parse(field(lines, "vkey:"));
        assertEquals("example.com/foo", verifier.name());
        String signatureLine = field(lines, "signature line:");
        String text = "This is an example message.\n";
        SignedNote note = SignedNote.parse(text + "\n" + signatureLine + "\n");
        note.verify(verifier);
        assertEquals(text + "\n" + signatureLine + "\n", note.encode());

        SignedNote changed = SignedNote.parse("This is an example message!\n\n" + signatureLine + "\n");
        assertThrows(ProofException.class, () -> changed.verify(verifier));
        NoteVerifier other = NoteSigner("example.com/foo").verifier();
        assertThrows(ProofException.class, () -> note.verify(other));
    }

    @Test
    void aVerifierKeyWithAWrongKeyIdIsRefused() throws IOException {
        List<String> lines = Files.readAllLines(Reference.path("signed-note", "c2sp-example.txt"), StandardCharsets.UTF_8);
        String vkey = field(lines, "vkey:");
        assertThrows(IllegalArgumentException.class, () -> NoteVerifier.parse(vkey.replace("+530d903a+", "+530d903b+")));
    }

    @Test
    void signedCheckpointsRoundTripAndVerify() throws ProofException {
        NoteSigner signer = NoteSigner("casino.example/log");
        Checkpoint checkpoint = new Checkpoint("casino.example/log", 42, MerkleTree.emptyRoot());
        SignedNote note = SignedNote.sign(checkpoint.text(), signer);
        SignedNote parsed = SignedNote.parse(note.encode());
        parsed.verify(signer.verifier());
        assertEquals(checkpoint, Checkpoint.parse(parsed.text()));
        assertEquals(signer.verifier(), NoteVerifier.parse(signer.verifier().encode()));

        String forged = note.encode().replace("\n42\n", "\n43\n");
        assertThrows(ProofException.class, () -> SignedNote.parse(forged).verify(signer.verifier()));
        assertThrows(ProofException.class, () -> Checkpoint.parse("origin\n042\n" + "x\n"));
        assertThrows(ProofException.class, () -> SignedNote.parse("no signatures\n"));
    }

    private static NoteSigner NoteSigner(String name) {
        return new NoteSigner(name, KeyFiles.generate("Ed25519"));
    }
}
