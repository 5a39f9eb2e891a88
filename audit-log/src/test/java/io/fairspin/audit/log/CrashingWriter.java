package io.fairspin.audit.log;

import io.fairspin.audit.checkpoint.Ed25519Keys;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;

/**
 * The child process of {@link CrashTest}: appends rounds from four threads and prints {@code ack ID ok}
 * after each acknowledgement, until it is killed; it signs a checkpoint every 100 ms, and its log declares a bound of
 * {@link CrashTest#CHECKPOINT_EVERY} entries. Arguments: log folder, operator key file, run tag.
 */
public final class CrashingWriter {
    private CrashingWriter() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        KeyPair key = Ed25519Keys.readPrivate(Path.of(args[1]));
        String tag = args[2];
        AuditLog.Options options = AuditLog.Options.defaults().segmentBytes(64 * 1024)
                .checkpointEvery(CrashTest.CHECKPOINT_EVERY);
        AuditLog log = Files.exists(dir.resolve(LogFiles.segmentName(0)))
                ? AuditLog.open(dir, key, options) : AuditLog.create(dir, TestLogs.ORIGIN, key, options);
        for (int t = 0; t < 4; t++) {
            int thread = t;
            Thread writer = new Thread(() -> {
                try {
                    for (long n = 0; ; n++) {
                        String id = tag + "-" + thread + "-" + n;
                        log.append(TestLogs.round(id, n));
                        synchronized (System.out) {
                            System.out.println("ack " + id + " ok");
                            System.out.flush();
                        }
                    }
                } catch (Exception e) {
                    e.printStackTrace();
                }
            });
            writer.start();
        }
        while (true) { // signs by time too, as serve does; the writer keeps the entry bound between
            Thread.sleep(100);
            log.checkpoint();
        }
    }
}
