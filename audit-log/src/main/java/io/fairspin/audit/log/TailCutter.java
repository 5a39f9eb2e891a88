package io.fairspin.audit.log;

import io.fairspin.audit.merkle.MerkleTree;
import io.fairspin.audit.record.TailCut;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Cuts a torn tail off a file after saving the cut bytes under {@code cut/}, durably, so that nothing
 * is dropped in silence. The returned {@link TailCut} is then logged as an entry.
 */
final class TailCutter {
    private TailCutter() {
    }

    static TailCut cut(Path dir, LogScanner.TornTail torn) throws IOException {
        Path file = torn.file();
        byte[] cut;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer buffer = ByteBuffer.allocate((int) torn.length());
            channel.read(buffer, torn.offset());
            cut = buffer.array();
        }
        Path cutDir = Files.createDirectories(dir.resolve(LogFiles.CUT));
        String name = file.getFileName() + "." + torn.offset() + "." + System.currentTimeMillis() + ".cut";
        Path saved = cutDir.resolve(name);
        try (FileChannel out = FileChannel.open(saved, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ByteBuffer bytes = ByteBuffer.wrap(cut);
            while (bytes.hasRemaining()) {
                out.write(bytes);
            }
            Durable.force(out);
        }
        Durable.syncDirectory(cutDir);
        Durable.syncDirectory(dir);
        if (torn.offset() == 0) {
            Files.delete(file);
        } else {
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                channel.truncate(torn.offset());
                Durable.force(channel);
            }
        }
        Durable.syncDirectory(dir);
        return new TailCut(file.getFileName().toString(), torn.offset(), torn.length(),
                MerkleTree.sha256().digest(cut), LogFiles.CUT + "/" + name, System.currentTimeMillis());
    }
}
