package io.fairspin.cli.report;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The input files a command read (models, data, logs), so that its report can state each one's SHA-256 and size:
 * a file is hashed whole when the report is written; stdin is hashed as it is read (what the command read of it);
 * a folder (an audit log) is each regular file in it, in name order. An audit log that a command read whole and
 * checked entry by entry ({@code monitor}) is stated by its Merkle tree instead (entries and root hash, which commit to
 * every entry's bytes; the command hashed each entry as it read it) and its checkpoints file by its SHA-256, so its
 * segments are not read a second time for the report.
 */
public final class Inputs {
    private final Map<String, Path> files = new LinkedHashMap<>();
    private final Map<String, Path> folders = new LinkedHashMap<>();
    private final Map<String, Log> logs = new LinkedHashMap<>();
    private final Map<Path, Input> hashed = new java.util.HashMap<>();
    private Digesting stdin;

    /**
     * One input as a report states it: a file by its size and SHA-256, or an audit log by the bytes of its segments
     * and its Merkle tree ({@code sha256} null).
     *
     * @param file the path as given; '-' for stdin
     * @param bytes the file's size; for a log, the bytes of its segments read
     * @param sha256 the file's SHA-256 in hex; null for a log
     * @param tree for a log, its Merkle tree; else null
     */
    public record Input(String file, long bytes, String sha256, Tree tree) {
        /**
         * A file by its size and SHA-256.
         *
         * @param file the path as given; '-' for stdin
         * @param bytes the file's size
         * @param sha256 the file's SHA-256 in hex
         */
        public Input(String file, long bytes, String sha256) {
            this(file, bytes, sha256, null);
        }
    }

    /**
     * An audit log's Merkle tree (RFC 9162) as read: its size and root hash.
     *
     * @param entries the entries read, the tree's size
     * @param rootHash the root hash in hex
     */
    public record Tree(long entries, String rootHash) {
    }

    /** A log read whole: the bytes of its segments, its tree, its checkpoints file. */
    private record Log(long bytes, Tree tree, Path checkpoints) {
    }

    /**
     * Records {@code file} as an input.
     *
     * @param file the file
     */
    public void file(Path file) {
        files.putIfAbsent(file.toString(), file);
    }

    /**
     * Records every regular file in {@code folder} as an input.
     *
     * @param folder the folder
     */
    public void folder(Path folder) {
        folders.putIfAbsent(folder.toString(), folder);
    }

    /**
     * Records an audit log that was read whole and checked entry by entry (every frame's CRC32C, every entry's leaf
     * hash, the hash chain and the signed checkpoints): it is stated by its tree, which commits to every entry's
     * bytes, and its checkpoints file by its SHA-256.
     *
     * @param folder the log's folder
     * @param bytes the bytes of its segments read (headers and frames)
     * @param entries the entries read
     * @param rootHash the root hash of their Merkle tree
     * @param checkpoints the log's checkpoints file (stated when it exists)
     */
    public void log(Path folder, long bytes, long entries, byte[] rootHash, Path checkpoints) {
        logs.putIfAbsent(folder.toString(), new Log(bytes, new Tree(entries, HexFormat.of().formatHex(rootHash)),
                checkpoints));
    }

    /**
     * Records stdin as an input: the stream returned hashes what is read through it.
     *
     * @param in standard input
     * @return a stream that hashes what is read through it
     */
    public InputStream stdin(InputStream in) {
        if (stdin == null) {
            stdin = new Digesting(in);
        }
        return stdin;
    }

    /**
     * Each input with its size and SHA-256, in the order they were recorded (stdin first).
     *
     * @return the inputs, each with its size and SHA-256
     */
    public List<Input> describe() {
        List<Input> inputs = new ArrayList<>();
        if (stdin != null) {
            inputs.add(new Input("-", stdin.count, HexFormat.of().formatHex(stdin.digestSoFar())));
        }
        for (Path file : files.values()) {
            if (Files.isRegularFile(file)) {
                inputs.add(hashOnce(file));
            }
        }
        for (Path folder : folders.values()) {
            if (!Files.isDirectory(folder)) {
                continue;
            }
            try (Stream<Path> children = Files.list(folder)) {
                for (Path file : children.filter(Files::isRegularFile).sorted().toList()) {
                    inputs.add(hashOnce(file));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        for (Map.Entry<String, Log> log : logs.entrySet()) {
            inputs.add(new Input(log.getKey(), log.getValue().bytes(), null, log.getValue().tree()));
            Path checkpoints = log.getValue().checkpoints();
            if (Files.isRegularFile(checkpoints)) {
                inputs.add(hashOnce(checkpoints));
            }
        }
        return inputs;
    }

    /** A file's size and hash, read once per run however many reports state it. */
    private Input hashOnce(Path file) {
        return hashed.computeIfAbsent(file, f -> hash(f.toString(), f));
    }

    private static Input hash(String name, Path file) {
        MessageDigest digest = sha256();
        long size = 0;
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
                size += n;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Input(name, size, HexFormat.of().formatHex(digest.digest()));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Stdin, hashed as it is read. */
    private static final class Digesting extends FilterInputStream {
        private final MessageDigest digest = sha256();
        private long count;

        Digesting(InputStream in) {
            super(in);
        }

        /** The hash of what was read so far, leaving the digest to go on (a second report states the same). */
        byte[] digestSoFar() {
            try {
                return ((MessageDigest) digest.clone()).digest();
            } catch (CloneNotSupportedException e) {
                throw new IllegalStateException("SHA-256 digests can be cloned", e);
            }
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                digest.update((byte) b);
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                digest.update(b, off, n);
                count += n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = 0;
            byte[] buffer = new byte[8192];
            while (skipped < n) {
                int r = read(buffer, 0, (int) Math.min(buffer.length, n - skipped));
                if (r < 0) {
                    break;
                }
                skipped += r;
            }
            return skipped;
        }

        @Override
        public boolean markSupported() {
            return false;
        }

        /** Stdin is not closed by a command: the process owns it. */
        @Override
        public void close() {
        }
    }
}
