package io.fairspin.rng.escrow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fairspin.rng.keys.KeyFiles;
import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The escrow file's check on open at exact offsets: a file cut anywhere inside its last record, from one byte
 * to one byte short, has that record cut off at its first byte (bytes kept, offset named); a file that ends
 * at a record boundary is left whole; a second key shows from the first byte that holds all of its ID, and a
 * header shorter than that is a torn tail, not damage.
 */
class EscrowFileBoundaryTest {
    private static final KeyPair AUDITOR = KeyFiles.generate(KeyFiles.ESCROW_ALGORITHM);
    private static final KeyPair OTHER = KeyFiles.generate(KeyFiles.ESCROW_ALGORITHM);

    @TempDir
    Path dir;

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    @Test
    void aLastRecordCutAtAnyOffsetIsCutOffAtItsStartAndAWholeOneIsKept() throws Exception {
        Path file = dir.resolve("rng.escrow");
        EscrowFileTest.escrowRounds(file, AUDITOR, "a-", 3);
        byte[] whole = Files.readAllBytes(file);
        List<long[]> records = EscrowFileTest.records(whole);
        long[] last = records.get(records.size() - 1);
        for (int keep = 0; keep <= last[1]; keep++) {
            int size = (int) last[0] + keep;
            Files.write(file, Arrays.copyOf(whole, size));
            try (EscrowFile opened = EscrowFile.open(file)) {
                assertEquals(Optional.of(KeyFiles.keyId(AUDITOR.getPublic())), opened.keyId());
                if (keep == 0 || keep == last[1]) {
                    assertEquals(Optional.empty(), opened.cut(), keep + " bytes of the last record");
                    assertEquals(size, Files.size(file));
                    continue;
                }
                EscrowFile.Cut cut = opened.cut().orElseThrow(() -> new AssertionError(size + " bytes: nothing cut"));
                assertEquals(new TornTail(last[0], keep), cut.tail(), keep + " bytes of the last record");
                assertEquals(file.resolveSibling("rng.escrow." + last[0] + ".cut"), cut.savedAs());
                assertArrayEquals(Arrays.copyOfRange(whole, (int) last[0], size), Files.readAllBytes(cut.savedAs()));
                assertEquals("torn last record at offset " + last[0] + " (" + keep + " bytes)", cut.tail().toString());
                assertEquals(last[0], Files.size(file), "cut back to the last whole record");
                Files.delete(cut.savedAs());
            }
        }
    }

    @Test
    void aSecondKeyIsDamageFromTheLastByteOfItsIdAndAShorterHeaderIsATornTail() throws Exception {
        Path a = dir.resolve("a.escrow");
        Path b = dir.resolve("b.escrow");
        EscrowFileTest.escrowRounds(a, AUDITOR, "a-", 1);
        EscrowFileTest.escrowRounds(b, OTHER, "b-", 1);
        byte[] mine = Files.readAllBytes(a);
        byte[] theirs = Files.readAllBytes(b);
        for (int keep = 1; keep <= Frame.HEADER_BYTES + 2; keep++) {
            byte[] both = concat(mine, Arrays.copyOf(theirs, keep));
            Files.write(a, both);
            if (keep < Frame.KEY_ID_END) {
                try (EscrowFile opened = EscrowFile.open(a)) {
                    assertEquals(new TornTail(mine.length, keep), opened.cut().orElseThrow().tail(), keep + " bytes");
                    Files.delete(opened.cut().orElseThrow().savedAs());
                }
                continue;
            }
            EscrowException e = assertThrows(EscrowException.class, () -> EscrowFile.open(a), keep + " bytes");
            assertEquals(a + ": offset " + mine.length + ": the record is sealed to key " + KeyFiles.keyId(OTHER.getPublic())
                    + ", the records before it to key " + KeyFiles.keyId(AUDITOR.getPublic()) + ": an escrow file holds "
                    + "one auditor key's records; the file is damaged here, and nothing is appended after damage",
                    e.getMessage());
            assertArrayEquals(both, Files.readAllBytes(a), "nothing cut, nothing appended");
        }
    }

    @Test
    void aFileOfTornHeaderBytesOnlyIsCutToEmptyAndKeepsNoKey() throws Exception {
        Path file = dir.resolve("rng.escrow");
        Path other = dir.resolve("other.escrow");
        EscrowFileTest.escrowRounds(other, AUDITOR, "a-", 1);
        byte[] record = Files.readAllBytes(other);
        for (int keep : new int[] {1, Frame.KEY_ID_END - 1, Frame.KEY_ID_END, Frame.HEADER_BYTES - 1, Frame.HEADER_BYTES,
            Frame.HEADER_BYTES + 1}) {
            Files.write(file, Arrays.copyOf(record, keep));
            try (EscrowFile opened = EscrowFile.open(file)) {
                assertEquals(new TornTail(0, keep), opened.cut().orElseThrow().tail());
                assertEquals(0, Files.size(file));
                Files.delete(opened.cut().orElseThrow().savedAs());
                assertEquals(Optional.empty(), opened.keyId(), "a torn record binds the file to no key");
            }
        }
    }

    @Test
    void aFolderIsRefusedAndAClosedOrFailedFileAcceptsNothing() throws Exception {
        FileSystemException folder = assertThrows(FileSystemException.class, () -> EscrowFile.open(dir));
        assertEquals(dir + ": is a folder, expected an escrow file", folder.getMessage());

        Path file = dir.resolve("rng.escrow");
        EscrowFile opened = EscrowFile.open(file);
        assertEquals(Optional.empty(), opened.keyId());
        assertEquals(file.toString(), opened.name());
        assertEquals(file, opened.path());
        assertEquals("EscrowFile[" + file + "]", opened.toString());
        opened.append(new byte[] {'F', 'S'});
        opened.close();
        IOException closed = assertThrows(IOException.class, () -> opened.append(new byte[] {4}));
        assertEquals(file + ": escrow record could not be written durably: the file is closed", closed.getMessage());
        IOException failed = assertThrows(IOException.class, () -> opened.append(new byte[] {5}));
        assertEquals(file + ": escrow file failed earlier and accepts no more records", failed.getMessage());
        assertArrayEquals(new byte[] {'F', 'S'}, Files.readAllBytes(file));
        opened.close();
        try (EscrowFile again = EscrowFile.open(file)) {
            assertEquals(new TornTail(0, 2), again.cut().orElseThrow().tail(), "closing twice is harmless, the lock is free");
        }
    }
}
