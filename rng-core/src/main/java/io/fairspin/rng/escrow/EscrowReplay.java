package io.fairspin.rng.escrow;

import io.fairspin.rng.keys.KeyFiles;
import io.fairspin.rng.DrbgMechanism;
import io.fairspin.rng.RandomStream;
import io.fairspin.rng.RoundSeed;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.util.SubjectPublicKeyInfoFactory;

/**
 * The auditor's side of seed escrow: reads an escrow with the auditor's private key, checks every record
 * and reproduces any DRBG instance's output and any round's seed.
 *
 * <pre>{@code
 * try (EscrowReplay escrow = EscrowReplay.read(Path.of("rng.escrow"),
 *                                              KeyFiles.readPrivateKey(Path.of("auditor.key"), "X25519"))) {
 *     RoundSeed seed = escrow.round("table-7/round-1041").seed();
 *     DrbgStream replayed = seed.stream();     // the round's outcomes, exactly
 * }
 * }</pre>
 *
 * <p>Reading fails as a whole, with an {@link EscrowException} naming the offset, when any record is
 * altered, moved, reordered, missing or sealed to another key. A last record cut short by a crash is not
 * an error: the reading stops before it and reports it ({@link #tornTail()}). Holds the opened inputs in
 * memory; {@link #close()} wipes them.
 */
public final class EscrowReplay implements AutoCloseable {
    private final String source;
    private final Map<String, List<Payload>> instances;
    private final TornTail tornTail;

    private EscrowReplay(String source, EscrowReader.Result read) {
        this.source = source;
        this.instances = read.instances();
        this.tornTail = read.tornTail();
    }

    /**
     * The record cut short at the end of the escrow, if there is one: a writer was killed while it
     * appended it. It was never forced, so no output depends on it; every whole record before it was
     * read and checked. A writer that reopens the file cuts it off.
     *
     * @return the torn last record, or empty when the escrow ends with a whole record
     */
    public java.util.Optional<TornTail> tornTail() {
        return java.util.Optional.ofNullable(tornTail);
    }

    /**
     * One DRBG instance found in the escrow.
     *
     * @param records       its escrow records
     * @param requests      its ordinary generate requests
     * @param generateCalls its other generate calls (round-seed draws), recorded one by one or in batches
     * @param outputBytes   the bytes of its output ({@link #output}): its ordinary requests' bytes, less those its
     *                      caller dropped unread before a reseed
     */
    public record Instance(String id, DrbgMechanism mechanism, int requestBytes, int records, long requests,
                           int generateCalls, boolean closed, long outputBytes) {
    }

    /**
     * A round's seed as recomputed from the escrow, with the instance and record that drew it.
     *
     * @param record the instance's record (its sequence number)
     * @param draw   the draw's position in a GENERATE_BATCH record; 0 in a GENERATE record
     */
    public record Round(String instanceId, long record, int draw, RoundSeed seed) {
    }

    /**
     * Reads and checks an escrow file.
     *
     * @param file the escrow file
     * @param auditorKey the auditor's X25519 private key, which opens the records
     * @return the checked records, ready to replay
     * @throws java.io.IOException when the file cannot be read
     */
    public static EscrowReplay read(Path file, PrivateKey auditorKey) throws IOException {
        if (Files.isDirectory(file)) {
            throw new FileSystemException(file.toString(), null, "is a folder, expected an escrow file");
        }
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString(), auditorKey);
        }
    }

    /**
     * Reads and checks escrow records from a stream (records of another {@link EscrowStore}, in order).
     *
     * @param source names the stream in error messages
     * @param in the records, read to their end (not closed)
     * @param auditorKey the auditor's X25519 private key, which opens the records
     * @return the checked records, ready to replay
     * @throws EscrowException          when a record is truncated, altered, moved, reordered, missing or
     *                                  sealed to another key
     * @throws IllegalArgumentException when the key is not an X25519 private key
     */
    public static EscrowReplay read(InputStream in, String source, PrivateKey auditorKey) throws IOException {
        AsymmetricCipherKeyPair recipient = Hpke.recipientPair(auditorKey);
        byte[] spki = SubjectPublicKeyInfoFactory.createSubjectPublicKeyInfo(recipient.getPublic()).getEncoded();
        return new EscrowReplay(source, EscrowReader.read(in, source, recipient, KeyFiles.keyIdBytes(spki)));
    }

    /**
     * The DRBG instances in the escrow, in the order of their first record.
     *
     * @return every instance, in the order of its first record
     */
    public List<Instance> instances() {
        List<Instance> list = new ArrayList<>();
        instances.forEach((id, records) -> {
            Payload instantiate = records.get(0);
            long requests = records.stream().mapToLong(p -> p.requestsBefore).sum();
            int generates = records.stream().mapToInt(p -> p.type == RecordType.GENERATE ? 1 : p.draws.size()).sum();
            boolean closed = records.get(records.size() - 1).type == RecordType.CLOSE;
            long dropped = records.stream().mapToLong(p -> p.type == RecordType.RESEED ? Integer.toUnsignedLong(p.unread)
                    : 0).sum();
            list.add(new Instance(id, DrbgMechanism.fromCliName(instantiate.mechanism), instantiate.requestBytes,
                    records.size(), requests, generates, closed, requests * instantiate.requestBytes - dropped));
        });
        return list;
    }

    /**
     * The output of instance {@code instanceId} as its generator handed it out: its ordinary generate
     * requests, concatenated, without the bytes its caller dropped unread before a reseed (RESEED records
     * say how many), read through derivation v1. For a {@code CertifiedRandom}, these are the bytes of
     * {@code nextBytes} and the words behind every outcome it gave, across every kind of reseed.
     *
     * @param instanceId the instance's identifier, 16 lowercase hex digits
     * @return a stream over the instance's output, from its first byte; close it when done, which wipes it
     * @throws IllegalArgumentException when there is no such instance
     */
    public Output output(String instanceId) {
        return new Output(new InstanceReplay(instanceId, records(instanceId)));
    }

    /**
     * A stream over one generator instance's replayed output ({@link #output}); closing it wipes the replayed
     * generator's state and the output it holds.
     */
    public static final class Output extends RandomStream implements AutoCloseable {
        private final InstanceReplay replay;
        private final byte[] word = new byte[Long.BYTES];

        private Output(InstanceReplay replay) {
            // Reads exactly the bytes asked for, no block ahead: an instance's output may end (at its CLOSE) anywhere.
            super(1);
            this.replay = replay;
        }

        @Override
        protected void nextBlock(byte[] destination, int offset) {
            replay.nextOutput(destination, offset, 1);
        }

        @Override
        protected int nextWord32() {
            replay.nextOutput(word, 0, Integer.BYTES);
            return ByteBuffer.wrap(word).getInt();
        }

        @Override
        protected long nextWord64() {
            replay.nextOutput(word, 0, Long.BYTES);
            return ByteBuffer.wrap(word).getLong();
        }

        @Override
        public void nextBytes(byte[] bytes) {
            replay.nextOutput(bytes, 0, bytes.length);
        }

        /** Wipes the replayed generator and the output bytes this stream holds. */
        @Override
        public void close() {
            Arrays.fill(word, (byte) 0);
            replay.close();
        }
    }

    /**
     * Recomputes the seed of round {@code roundId}: finds the generate request whose additional input is
     * {@link RoundSeed#drawInput}{@code (roundId)} and re-runs its instance up to it.
     *
     * @param roundId the round's identifier
     * @return the round's recomputed seed and where in the escrow it was drawn
     * @throws IllegalArgumentException when no seed, or more than one, was drawn for the round
     */
    public Round round(String roundId) {
        return rounds(List.of(roundId)).get(roundId);
    }

    /**
     * Recomputes the seeds of several rounds, re-running each instance once.
     *
     * @return the rounds by round id
     * @param roundIds the rounds' identifiers
     * @throws IllegalArgumentException when no seed, or more than one, was drawn for one of the rounds
     */
    public Map<String, Round> rounds(Collection<String> roundIds) {
        Map<ByteBuffer, String> wanted = new HashMap<>();
        for (String roundId : roundIds) {
            wanted.put(ByteBuffer.wrap(RoundSeed.drawInput(roundId)), roundId);
        }
        Map<String, List<Round>> found = locate(wanted);
        Map<String, TreeMap<Integer, Map<Integer, String>>> byInstance = new LinkedHashMap<>();
        for (String roundId : roundIds) {
            List<Round> places = found.getOrDefault(roundId, List.of());
            if (places.isEmpty()) {
                throw new IllegalArgumentException(source + ": no seed was drawn for round '" + roundId + "'");
            }
            if (places.size() > 1) {
                throw new IllegalArgumentException(source + ": round '" + roundId + "' was drawn " + places.size()
                        + " times (" + places.stream().map(r -> "DRBG " + r.instanceId() + " record " + r.record())
                        .collect(Collectors.joining(", ")) + "); a round id must be unique");
            }
            Round place = places.get(0);
            byInstance.computeIfAbsent(place.instanceId(), k -> new TreeMap<>())
                    .computeIfAbsent((int) place.record(), k -> new HashMap<>()).put(place.draw(), roundId);
        }
        Map<String, Round> rounds = new LinkedHashMap<>();
        byInstance.forEach((instanceId, records) -> replayRounds(instanceId, records, rounds));
        return rounds;
    }

    /** Where each wanted draw input occurs: round id to (instance, record, draw) places, seed not yet known. */
    private Map<String, List<Round>> locate(Map<ByteBuffer, String> wanted) {
        Map<String, List<Round>> found = new HashMap<>();
        instances.forEach((id, records) -> {
            for (int i = 0; i < records.size(); i++) {
                Payload p = records.get(i);
                List<Payload> draws = p.type == RecordType.GENERATE ? List.of(p) : p.draws;
                for (int d = 0; d < draws.size(); d++) {
                    String roundId = wanted.get(ByteBuffer.wrap(draws.get(d).additionalInput));
                    if (roundId != null) {
                        found.computeIfAbsent(roundId, k -> new ArrayList<>()).add(new Round(id, i, d, null));
                    }
                }
            }
        });
        return found;
    }

    /** Re-runs one instance through the given records (record index to draw position to round id), in order. */
    private void replayRounds(String instanceId, TreeMap<Integer, Map<Integer, String>> records,
                              Map<String, Round> rounds) {
        try (InstanceReplay replay = new InstanceReplay(instanceId, records(instanceId))) {
            records.forEach((index, draws) -> {
                byte[][] outputs = replay.runThrough(index);
                try {
                    draws.forEach((draw, roundId) -> rounds.put(roundId, new Round(instanceId, index, draw,
                            RoundSeed.of(replay.mechanism(), roundId, outputs[draw]))));
                } finally {
                    for (byte[] output : outputs) {
                        Arrays.fill(output, (byte) 0);
                    }
                }
            });
        }
    }

    private List<Payload> records(String instanceId) {
        List<Payload> records = instances.get(instanceId);
        if (records == null) {
            throw new IllegalArgumentException(source + ": no DRBG instance '" + instanceId + "'; the escrow holds "
                    + instances.keySet());
        }
        return records;
    }

    /** Overwrites the opened inputs with zeros. */
    @Override
    public void close() {
        instances.values().forEach(records -> records.forEach(Payload::wipe));
    }

    @Override
    public String toString() {
        return "EscrowReplay[" + source + ", " + instances.size() + " DRBG instances]";
    }
}
