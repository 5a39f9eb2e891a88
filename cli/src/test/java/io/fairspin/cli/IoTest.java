package io.fairspin.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** How commands read their input files and '-'. */
class IoTest {

    /** What 'cat model.json | fairspin par -' hands the command: stdin is a FileInputStream over a pipe. */
    @Test
    @EnabledOnOs(OS.LINUX)
    void readsAllOfStdinWhenItIsAPipe(@TempDir Path dir) throws Exception {
        Path fifo = dir.resolve("fifo");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        byte[] data = new byte[200_000];
        new Random(7).nextBytes(data);
        Thread writer = new Thread(() -> {
            try {
                Files.write(fifo, data);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        writer.start();
        try (FileInputStream pipe = new FileInputStream(fifo.toFile())) {
            Io io = new Io(pipe, OutputStream.nullOutputStream(), new PrintStream(new ByteArrayOutputStream()), false);
            assertArrayEquals(data, io.readAll("-"));
        }
        writer.join();
    }
}
