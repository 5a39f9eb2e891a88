package io.fairspin.cli.serve;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code fairspin serve} in a child JVM (the test's class path, {@code io.fairspin.cli.Main}), on 127.0.0.1
 * and a free port: started, then stopped with SIGTERM ({@link #stop}) or SIGKILL ({@link #kill}).
 */
final class ServeProcess implements AutoCloseable {
    private final Process process;
    private final String url;

    private final Path stderrFile;

    private ServeProcess(Process process, String url, Path stderrFile) {
        this.process = process;
        this.url = url;
        this.stderrFile = stderrFile;
    }

    /** Starts the server on the keys and folders under {@code dir}, serving the models in {@code models}. */
    static ServeProcess start(Path dir, Path models, String... extraJvmArgs) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx768m", "-XX:+UseParallelGC"));
        command.addAll(List.of(extraJvmArgs));
        // For profiling: JVM options of the server, e.g. -Dfairspin.serve.jvmArgs=-XX:StartFlightRecording=...
        String jvm = System.getProperty("fairspin.serve.jvmArgs", "").trim();
        if (!jvm.isEmpty()) {
            command.addAll(List.of(jvm.split("\\s+")));
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "io.fairspin.cli.Main", "serve",
                "--models", models.toString(), "--log", dir.resolve("log").toString(),
                "--escrow-key", dir.resolve("auditor.pub").toString(),
                "--signing-key", dir.resolve("operator.key").toString(),
                "--bind", "127.0.0.1", "--port", "0"));
        // For measuring: more serve options, e.g. -Dfairspin.serve.args="--seed-reserve 0".
        String more = System.getProperty("fairspin.serve.args", "").trim();
        if (!more.isEmpty()) {
            command.addAll(List.of(more.split("\\s+")));
        }
        Process process = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.appendTo(dir.resolve("serve.stderr").toFile()))
                .start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        while (line != null && line.startsWith("[")) {
            line = out.readLine(); // the JVM's own log lines (a flight recording started by fairspin.serve.jvmArgs)
        }
        if (line == null || !line.startsWith("http://127.0.0.1:")) {
            process.destroyForcibly();
            throw new IOException("fairspin serve did not start (see " + dir.resolve("serve.stderr") + "): " + line);
        }
        return new ServeProcess(process, line.endsWith("/") ? line.substring(0, line.length() - 1) : line,
                dir.resolve("serve.stderr"));
    }

    String url() {
        return url;
    }

    /** The server process's CPU time so far (user and system, all threads), in nanoseconds; 0 if unknown. */
    long cpuNanos() {
        return process.info().totalCpuDuration().map(java.time.Duration::toNanos).orElse(0L);
    }

    /** SIGKILL: no shutdown hook runs, nothing is flushed. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /**
     * SIGTERM: the server settles its open rounds and signs a last checkpoint. Returns whether it said so on
     * stderr and ended as a JVM ends on SIGTERM (exit code 143 = 128 + 15, after its shutdown hook).
     */
    boolean stop() throws InterruptedException, IOException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
            return false;
        }
        String stderr = java.nio.file.Files.readString(stderrFile);
        return process.exitValue() == 143 && stderr.contains("fairspin serve: stopped; every round is settled");
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
