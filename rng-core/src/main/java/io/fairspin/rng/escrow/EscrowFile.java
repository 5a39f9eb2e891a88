package io.fairspin.rng.escrow;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The default escrow store: an append-only file of records, each forced to the device
 * ({@link FileChannel#force(boolean)}, data and metadata) before {@link #append} returns.
 *
 * <p>{@link #open} checks the file first. A last record cut short by a crash (a {@link TornTail}) is
 * cut off at the end of the last whole record, after its bytes are saved beside the file as
 * {@code <file>.<offset>.cut} ({@link #cut()} reports it); any other damage is an {@link EscrowException}
 * naming the file and the offset, and nothing is appended after it. The records of one file are sealed to
 * one auditor key ({@link #keyId()}). A file is written by one {@code EscrowFile} at a time: it holds an
 * exclusive lock ({@link FileChannel#tryLock()}) until {@link #close()}, and a second writer, in this
 * process or another, is refused.
 *
 * <p>A failed append cuts the file back to its last whole record, or says in its exception that it could
 * not (the next open then cuts the partial record off); either way the store accepts nothing more: escrow
 * fails closed.
 */
public final class EscrowFile implements EscrowStore {
    private static final HexFormat HEX = HexFormat.of();

    /** Opens the file channels an escrow file uses; tests substitute one that records or fails what it is asked. */
    @FunctionalInterface
    interface Channels {
        FileChannel open(Path path, OpenOption... options) throws IOException;
    }

    private final Path path;
    private final FileChannel channel;
    private final String keyId;
    private final Cut cut;
    private long end;
    private IOException failure;

    /**
     * A torn last record that {@link #open} cut off.
     *
     * @param tail    where the partial record started and how many bytes of it there were
     * @param savedAs the file its bytes were saved to, beside the escrow file
     */
    public record Cut(TornTail tail, Path savedAs) {
        @Override
        public String toString() {
            return tail + " cut off, its bytes saved as " + savedAs;
        }
    }

    private EscrowFile(Path path, FileChannel channel, String keyId, Cut cut, long end) {
        this.path = path;
        this.channel = channel;
        this.keyId = keyId;
        this.cut = cut;
        this.end = end;
    }

    /**
     * Opens {@code path} for appending records, creating it if absent (and syncing its folder); checks the
     * records there and cuts off a torn last record.
     *
     * @param path the escrow file
     * @return the open file, ready for appends by one writer
     * @throws EscrowException when the file is damaged before its end, or holds records of several keys
     * @throws IOException     when it cannot be opened or locked (another writer has it), naming the file
     */
    public static EscrowFile open(Path path) throws IOException {
        return open(path, FileChannel::open);
    }

    /** {@link #open(Path)} with the file channels opened by {@code channels}. */
    static EscrowFile open(Path path, Channels channels) throws IOException {
        if (Files.isDirectory(path)) {
            throw new FileSystemException(path.toString(), null, "is a folder, expected an escrow file");
        }
        Path folder = path.toAbsolutePath().getParent();
        if (folder != null && !Files.isDirectory(folder)) {
            throw new NoSuchFileException(path.toString(), null, "its folder does not exist");
        }
        boolean created = !Files.exists(path, java.nio.file.LinkOption.NOFOLLOW_LINKS);
        FileChannel channel = channels.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        try {
            // Held until the channel is closed: closing a channel releases its locks.
            lock(path, channel);
            if (created && folder != null) {
                syncDirectory(channels, folder);
            }
            Scan scan = scan(path, channel);
            Cut cut = scan.torn == null ? null : cutOff(path, channel, scan.torn, channels);
            return new EscrowFile(path, channel, scan.keyId, cut, scan.end);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    private static void lock(Path path, FileChannel channel) throws IOException {
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        } catch (IOException e) {
            throw new IOException(path + ": cannot lock the escrow file for writing: " + reason(e), e);
        }
        if (lock == null) {
            throw new IOException(path + ": the escrow file is open for writing elsewhere (another process or "
                    + "generator holds its lock); one writer at a time");
        }
    }

    /** What a check of the file found: the end of its last whole record, its key, a torn tail. */
    private record Scan(long end, String keyId, TornTail torn) {
    }

    /** Reads every record header of the file (without opening any record) and checks the framing. */
    private static Scan scan(Path path, FileChannel channel) throws IOException {
        long size = channel.size();
        long offset = 0;
        byte[] firstKey = null;
        byte[] header = new byte[Frame.HEADER_BYTES];
        while (offset < size) {
            int available = (int) Math.min(Frame.HEADER_BYTES, size - offset);
            ByteBuffer buffer = ByteBuffer.wrap(header, 0, available);
            while (buffer.hasRemaining()) {
                if (channel.read(buffer, offset + buffer.position()) < 0) {
                    throw new IOException(path + ": the file shrank while it was checked");
                }
            }
            String problem = Frame.headerProblem(header, available);
            if (problem == null && available >= Frame.KEY_ID_END) {
                byte[] key = Frame.keyId(header);
                if (firstKey == null) {
                    firstKey = key;
                } else if (!Arrays.equals(key, firstKey)) {
                    problem = "the record is sealed to key " + HEX.formatHex(key) + ", the records before it to key "
                            + HEX.formatHex(firstKey) + ": an escrow file holds one auditor key's records";
                }
            }
            if (problem != null) {
                throw new EscrowException(path + ": offset " + offset + ": " + problem
                        + "; the file is damaged here, and nothing is appended after damage");
            }
            long recordEnd = available < Frame.HEADER_BYTES ? Long.MAX_VALUE
                    : offset + Frame.HEADER_BYTES + Frame.ciphertextLength(header);
            if (recordEnd > size) {
                // The key of a torn first record binds nothing: it is cut off, and the file is empty.
                return new Scan(offset, offset == 0 ? null : hex(firstKey), new TornTail(offset, size - offset));
            }
            offset = recordEnd;
        }
        return new Scan(offset, hex(firstKey), null);
    }

    private static String hex(byte[] key) {
        return key == null ? null : HEX.formatHex(key);
    }

    /** Saves the torn tail's bytes beside the file, durably, then cuts the file back to the last whole record. */
    private static Cut cutOff(Path path, FileChannel channel, TornTail torn, Channels channels) throws IOException {
        ByteBuffer bytes = ByteBuffer.allocate((int) torn.length());
        while (bytes.hasRemaining()) {
            if (channel.read(bytes, torn.offset() + bytes.position()) < 0) {
                throw new IOException(path + ": the file shrank while it was checked");
            }
        }
        bytes.flip();
        Path saved = null;
        for (int attempt = 0; saved == null; attempt++) {
            Path candidate = path.resolveSibling(path.getFileName() + "." + torn.offset()
                    + (attempt == 0 ? "" : "-" + attempt) + ".cut");
            try (FileChannel out = channels.open(candidate, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                while (bytes.hasRemaining()) {
                    out.write(bytes);
                }
                out.force(true);
                saved = candidate;
            } catch (FileAlreadyExistsException e) {
                if (attempt >= 1000) {
                    throw new IOException(candidate + ": cannot save the torn escrow record: too many earlier cuts");
                }
            } catch (IOException e) {
                throw new IOException(candidate + ": cannot save the torn escrow record: " + reason(e), e);
            }
        }
        Path folder = path.toAbsolutePath().getParent();
        if (folder != null) {
            syncDirectory(channels, folder);
        }
        try {
            channel.truncate(torn.offset());
            channel.force(true);
        } catch (IOException e) {
            throw new IOException(path + ": cannot cut off the torn record at offset " + torn.offset() + ": "
                    + reason(e), e);
        }
        return new Cut(torn, saved);
    }

    private static void syncDirectory(Channels channels, Path folder) throws IOException {
        try (FileChannel dir = channels.open(folder, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException e) {
            throw new IOException(folder + ": cannot sync the folder of the escrow file: " + reason(e), e);
        }
    }

    private static String reason(IOException e) {
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    /**
     * The file's path.
     *
     * @return the path given to {@link #open(Path)}
     */
    public Path path() {
        return path;
    }

    /**
     * The torn last record that opening the file cut off, if there was one.
     *
     * @return the cut-off record's offset and where its bytes were kept, or empty
     */
    public Optional<Cut> cut() {
        return Optional.ofNullable(cut);
    }

    /** The key ID the file's records are sealed to; empty while the file holds no record. */
    @Override
    public synchronized Optional<String> keyId() {
        return Optional.ofNullable(keyId);
    }

    @Override
    public String name() {
        return path.toString();
    }

    /**
     * Appends one record at the end of the last whole record and forces it to the device.
     *
     * @throws IOException naming the file when the record could not be made durable; the file is then cut
     *                     back to its last whole record, or the message says that it could not be
     */
    @Override
    public synchronized void append(byte[] record) throws IOException {
        if (failure != null) {
            throw new IOException(path + ": escrow file failed earlier and accepts no more records", failure);
        }
        if (!channel.isOpen()) {
            failure = new IOException(path + ": escrow file is closed");
            throw new IOException(path + ": escrow record could not be written durably: the file is closed");
        }
        try {
            ByteBuffer buffer = ByteBuffer.wrap(record);
            while (buffer.hasRemaining()) {
                channel.write(buffer, end + buffer.position());
            }
            channel.force(true);
            end += record.length;
        } catch (IOException e) {
            failure = e;
            String cutBack = cutBack();
            throw new IOException(path + ": escrow record could not be written durably: " + reason(e) + cutBack, e);
        }
    }

    /** Cuts the file back to its last whole record; "" when that worked, else what went wrong. */
    private String cutBack() {
        try {
            if (channel.size() > end) {
                channel.truncate(end);
            }
            channel.force(true);
            return "";
        } catch (IOException e) {
            return "; cutting the file back to its last whole record at offset " + end + " failed too ("
                    + reason(e) + "): the next open cuts the partial record off";
        }
    }

    /** Closes the file, which releases its lock. */
    @Override
    public synchronized void close() throws IOException {
        channel.close();
    }

    @Override
    public String toString() {
        return "EscrowFile[" + path + "]";
    }
}
