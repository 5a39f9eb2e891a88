package io.fairspin.sim;

import io.fairspin.math.Game;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.TreeMap;
import java.util.zip.CRC32C;

/**
 * The partial tallies of a long run, saved in a folder so that a rerun with the same arguments continues
 * where an interrupted one stopped ({@code fairspin simulate --resume DIR}). The folder holds
 * {@value #PLAN_FILE} (what fixes the run's result: game, model fingerprint, bet, rounds, seed, random mode)
 * and {@value #RANGES_FILE}, one record per completed chunk range, appended and forced to disk as the
 * range completes: a 4-byte big-endian length, the CRC32C of the payload, and the payload
 * ({@link RangeTally#encode()}). A record cut short by a crash at the end of the file is dropped (its
 * range is played again); a damaged record anywhere else is an error naming its offset.
 *
 * <p>Since a range's tally is a pure function of (model, seed, mode, range), a resumed run reports exactly
 * what an uninterrupted one does. Thread-safe.
 */
public final class SimulationCheckpoint implements AutoCloseable {
    static final String PLAN_FILE = "plan.properties";
    static final String RANGES_FILE = "ranges.bin";
    private static final String FORMAT = "fairspin-simulate-checkpoint-2";
    private static final int MAX_RECORD = 1 << 20;

    private final Path directory;
    private final List<RangeTally> completed;
    private final FileChannel ranges;

    private SimulationCheckpoint(Path directory, List<RangeTally> completed, FileChannel ranges) {
        this.directory = directory;
        this.completed = List.copyOf(completed);
        this.ranges = ranges;
    }

    /**
     * Opens (creating it when absent or empty) the checkpoint folder {@code directory} of a run of
     * {@code game} with {@code plan}; {@code model} identifies the model's content (for example its
     * SHA-256), so that a changed model file is not resumed.
     *
     * @param directory the checkpoint folder
     * @param game the game being simulated, at its standard wager
     * @param plan the run's plan; a folder saved with another plan (another bet too) is refused
     * @param model what identifies the model's content, such as {@link #fingerprint(byte[])} of its file
     * @return the open checkpoint, with the ranges saved so far
     * @throws IllegalArgumentException when the folder holds the checkpoint of a different run, naming
     *                                  what differs
     * @throws IOException              when it cannot be read or written, or is damaged
     */
    public static SimulationCheckpoint open(Path directory, Game game, SimulationPlan plan, String model)
            throws IOException {
        if (Files.exists(directory) && !Files.isDirectory(directory)) {
            throw new IOException(directory + ": not a directory");
        }
        Files.createDirectories(directory);
        Game played = Simulation.gameAt(game, plan.bet());
        Map<String, String> expected = describe(game, plan, model);
        Path planFile = directory.resolve(PLAN_FILE);
        if (Files.exists(planFile)) {
            Map<String, String> saved = readPlan(planFile);
            // Runs saved before the bet was recorded played the standard wager.
            saved.putIfAbsent("bet", game.standardBet().toJson());
            for (Map.Entry<String, String> entry : expected.entrySet()) {
                String was = saved.get(entry.getKey());
                if (!entry.getValue().equals(was)) {
                    throw new IllegalArgumentException(directory + ": saved by a run with " + entry.getKey() + " "
                            + (was == null ? "(none)" : was) + ", not " + entry.getValue()
                            + "; rerun with the same arguments or use another folder");
                }
            }
        } else {
            writePlan(planFile, expected);
        }
        Path rangesFile = directory.resolve(RANGES_FILE);
        FileChannel channel = FileChannel.open(rangesFile, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        try {
            List<RangeTally> done = readRanges(channel, rangesFile, played);
            channel.position(channel.size());
            return new SimulationCheckpoint(directory, done, channel);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /**
     * The seed a checkpoint folder was saved with, when {@code directory} holds one: a rerun without
     * {@code --seed} continues with it.
     *
     * @param directory a folder, possibly empty or absent
     * @return the saved seed, or empty when the folder holds no checkpoint
     * @throws java.io.IOException when the folder's plan file cannot be read
     */
    public static OptionalLong savedSeed(Path directory) throws IOException {
        Path planFile = directory.resolve(PLAN_FILE);
        if (!Files.isRegularFile(planFile)) {
            return OptionalLong.empty();
        }
        String seed = readPlan(planFile).get("seed");
        try {
            return seed == null ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(seed));
        } catch (NumberFormatException e) {
            throw new IOException(planFile + ": seed: not a 64-bit integer: " + seed);
        }
    }

    /**
     * The SHA-256 of a model file's bytes in hex: what identifies a model in a checkpoint (and in a Spark executor's
     * cache).
     *
     * @param model the model file's bytes
     * @return 64 lowercase hex digits
     */
    public static String fingerprint(byte[] model) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(model));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    /**
     * The folder.
     *
     * @return the checkpoint folder
     */
    public Path directory() {
        return directory;
    }

    /**
     * The ranges completed by earlier runs, in the order saved.
     *
     * @return the saved ranges; empty for a new checkpoint
     */
    public List<RangeTally> completed() {
        return completed;
    }

    /**
     * Appends a completed range and forces it to disk.
     *
     * @param range a range completed in this run; saved once
     */
    public synchronized void save(RangeTally range) {
        byte[] payload = range.encode();
        CRC32C crc = new CRC32C();
        crc.update(payload);
        ByteBuffer record = ByteBuffer.allocate(8 + payload.length).putInt(payload.length)
                .putInt((int) crc.getValue()).put(payload).flip();
        try {
            while (record.hasRemaining()) {
                ranges.write(record);
            }
            ranges.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException(directory.resolve(RANGES_FILE) + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() throws IOException {
        ranges.close();
    }

    private static Map<String, String> describe(Game game, SimulationPlan plan, String model) {
        Map<String, String> values = new TreeMap<>();
        values.put("format", FORMAT);
        values.put("game", game.id());
        values.put("model", model);
        values.put("bet", plan.bet().explicit(game.standardBet()).toJson());
        values.put("rounds", Long.toString(plan.rounds()));
        values.put("seed", Long.toString(plan.seed()));
        values.put("rng", plan.mode().cliName());
        values.put("chunkRounds", Integer.toString(Simulation.CHUNK_ROUNDS));
        values.put("ranges", Integer.toString(plan.ranges()));
        return values;
    }

    private static Map<String, String> readPlan(Path planFile) throws IOException {
        Properties properties = new Properties();
        properties.load(new StringReader(Files.readString(planFile, StandardCharsets.UTF_8)));
        Map<String, String> values = new TreeMap<>();
        properties.stringPropertyNames().forEach(name -> values.put(name, properties.getProperty(name)));
        if (!FORMAT.equals(values.get("format"))) {
            throw new IOException(planFile + ": format: expected " + FORMAT + ", was " + values.get("format"));
        }
        return values;
    }

    private static void writePlan(Path planFile, Map<String, String> values) throws IOException {
        StringBuilder text = new StringBuilder("# fairspin simulate: what fixes this run's result\n");
        for (Map.Entry<String, String> entry : values.entrySet()) {
            StringWriter escaped = new StringWriter();
            Properties one = new Properties();
            one.setProperty(entry.getKey(), entry.getValue());
            one.store(escaped, null);
            escaped.toString().lines().filter(line -> !line.startsWith("#"))
                    .forEach(line -> text.append(line).append('\n'));
        }
        Path temporary = planFile.resolveSibling(PLAN_FILE + ".tmp");
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8)));
            channel.force(true);
        }
        try {
            Files.move(temporary, planFile, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, planFile, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Reads every record; a record cut short at the end (a crash while appending) is cut off the file. */
    private static List<RangeTally> readRanges(FileChannel channel, Path file, Game game) throws IOException {
        List<RangeTally> done = new ArrayList<>();
        long size = channel.size();
        long offset = 0;
        ByteBuffer header = ByteBuffer.allocate(8);
        while (offset < size) {
            if (size - offset < 8) {
                channel.truncate(offset);
                break;
            }
            header.clear();
            channel.read(header, offset);
            int length = header.getInt(0);
            int crc = header.getInt(4);
            if (length <= 0 || length > MAX_RECORD) {
                throw new IOException(file + ": damaged record at offset " + offset + " (length " + length + ")");
            }
            if (size - offset - 8 < length) {
                channel.truncate(offset);
                break;
            }
            ByteBuffer payload = ByteBuffer.allocate(length);
            while (payload.hasRemaining()) {
                channel.read(payload, offset + 8 + payload.position());
            }
            CRC32C check = new CRC32C();
            check.update(payload.array());
            if ((int) check.getValue() != crc) {
                if (offset + 8 + length == size) {
                    channel.truncate(offset);
                    break;
                }
                throw new IOException(file + ": damaged record at offset " + offset + " (CRC32C mismatch)");
            }
            try {
                done.add(RangeTally.decode(payload.array(), game));
            } catch (IOException e) {
                throw new IOException(file + ": record at offset " + offset + ": " + e.getMessage(), e);
            }
            offset += 8 + length;
        }
        return done;
    }
}
