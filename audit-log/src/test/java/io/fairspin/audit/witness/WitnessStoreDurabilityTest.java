package io.fairspin.audit.witness;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fairspin.audit.checkpoint.Checkpoint;
import io.fairspin.audit.checkpoint.NoteSigner;
import io.fairspin.audit.checkpoint.SignedNote;
import io.fairspin.rng.keys.KeyFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every file of a store is replaced durably: the temporary file synced whole before the rename, the folder synced after
 * it (so that the rename outlives a power loss), seen through the store's sync seam; and a monitor's state is written
 * tree head first, then checkpoint.
 */
class WitnessStoreDurabilityTest {
    private static final String ORIGIN = "durable.test/log";
    private final List<String> syncs = new ArrayList<>();

    /** Records each sync: a file with its content, a folder with its files (name and content, temporary files too). */
    private WitnessStore store(Path dir) throws IOException {
        return new WitnessStore(dir, path -> {
            if (Files.isDirectory(path)) {
                StringBuilder files = new StringBuilder("folder:");
                try (Stream<Path> list = Files.list(path)) {
                    for (Path f : list.sorted().toList()) {
                        files.append(' ').append(suffix(f)).append('=').append(Files.readString(f).length());
                    }
                }
                syncs.add(files.toString());
            } else {
                syncs.add("file " + suffix(path) + "=" + Files.readString(path).length());
            }
        });
    }

    private static String suffix(Path file) {
        String name = file.getFileName().toString();
        return name.substring(name.indexOf('.') < 0 ? 0 : name.indexOf('.'));
    }

    @Test
    void aMonitorsStateIsSyncedBeforeAndAfterEachRenameTreeFirst(@TempDir Path tmp) throws Exception {
        WitnessStore store = store(tmp);
        Checkpoint tree = new Checkpoint(ORIGIN, 12, new byte[32]);
        SignedNote note = SignedNote.sign(new Checkpoint(ORIGIN, 10, new byte[32]).text(),
                new NoteSigner(ORIGIN, KeyFiles.generate("Ed25519")));
        store.putFollowed(new WitnessStore.Followed(tree, note));
        int treeLength = tree.text().length();
        int noteLength = note.encode().length();
        assertEquals(List.of("file .monitor-tree.tmp=" + treeLength, "folder: .monitor-tree=" + treeLength,
                "file .monitor-checkpoint.tmp=" + noteLength, "folder: .monitor-checkpoint=" + noteLength
                + " .monitor-tree=" + treeLength), syncs);
    }

    @Test
    void aWitnessCheckpointIsSyncedBeforeAndAfterItsRename(@TempDir Path tmp) throws Exception {
        WitnessStore store = store(tmp);
        SignedNote note = SignedNote.sign(new Checkpoint(ORIGIN, 10, new byte[32]).text(),
                new NoteSigner(ORIGIN, KeyFiles.generate("Ed25519")));
        store.put(ORIGIN, note);
        int length = note.encode().length();
        assertEquals(List.of("file .checkpoint.tmp=" + length, "folder: .checkpoint=" + length), syncs);
    }
}
