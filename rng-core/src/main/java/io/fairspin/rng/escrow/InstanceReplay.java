package io.fairspin.rng.escrow;

import static io.fairspin.rng.internal.SecretBuffers.secret;

import io.fairspin.rng.Drbg;
import io.fairspin.rng.DrbgMechanism;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Re-runs one DRBG instance from its escrow records: instantiates it from the INSTANTIATE record, makes
 * the recorded number of ordinary requests between records, and applies each RESEED, GENERATE and
 * CLOSE record in turn. Beyond the last record of an instance that was not closed, it goes on making
 * ordinary requests, as the generator would have. Its output ({@link #nextOutput}) is the ordinary
 * requests as the generator's caller read them: without the unread bytes a RESEED record says were dropped.
 */
final class InstanceReplay implements AutoCloseable {
    private final String instanceId;
    private final List<Payload> records;
    private final Drbg drbg;
    private final int requestBytes;
    private int next = 1;
    private long ordinaryBeforeNext;
    private long ordinaryDone;
    private boolean closed;
    /** Ordinary request (counted from 0) to the bytes dropped unread at its end, from the RESEED records. */
    private final Map<Long, Integer> unread = new HashMap<>();
    private byte[] request;
    private int requestPosition;
    private int requestEnd;

    InstanceReplay(String instanceId, List<Payload> records) {
        this.instanceId = instanceId;
        this.records = records;
        Payload instantiate = records.get(0);
        this.drbg = DrbgMechanism.fromCliName(instantiate.mechanism)
                .instantiate(instantiate.entropyInput, instantiate.nonce, instantiate.personalization);
        this.requestBytes = instantiate.requestBytes;
        this.ordinaryBeforeNext = ordinaryBefore(next);
        long ordinary = 0;
        for (Payload record : records) {
            ordinary += record.requestsBefore;
            if (record.type == RecordType.RESEED && record.unread > 0) {
                unread.put(ordinary - 1, record.unread);
            }
        }
    }

    int requestBytes() {
        return requestBytes;
    }

    DrbgMechanism mechanism() {
        return drbg.mechanism();
    }

    /**
     * Writes the instance's next ordinary request at {@code offset}.
     *
     * @throws IllegalStateException when the instance was closed before making it
     */
    void nextOrdinary(byte[] destination, int offset) {
        while (ordinaryBeforeNext == 0) {
            if (closed) {
                throw new IllegalStateException("DRBG " + instanceId + " was closed after " + ordinaryDone
                        + " requests of " + requestBytes + " bytes; its output ends there");
            }
            wipe(applyNext()); // a GENERATE record's outputs went to its caller, not to this output
        }
        drbg.generate(destination, offset, requestBytes, null);
        ordinaryBeforeNext--;
        ordinaryDone++;
    }

    /**
     * Writes the next {@code length} bytes of the instance's output at {@code offset}: its ordinary requests
     * in order, each without the bytes its caller dropped unread.
     *
     * @throws IllegalStateException when the instance was closed before making the requests needed
     */
    void nextOutput(byte[] destination, int offset, int length) {
        while (length > 0) {
            if (requestPosition == requestEnd) {
                if (request == null) {
                    request = secret(new byte[requestBytes]);
                }
                long index = ordinaryDone;
                nextOrdinary(request, 0);
                requestPosition = 0;
                requestEnd = requestBytes - unread.getOrDefault(index, 0);
            }
            int copied = Math.min(length, requestEnd - requestPosition);
            System.arraycopy(request, requestPosition, destination, offset, copied);
            requestPosition += copied;
            offset += copied;
            length -= copied;
        }
    }

    /**
     * Runs forward through record {@code index} and returns that record's outputs: one for a GENERATE
     * record, one per call for a GENERATE_BATCH record, none for the others.
     */
    byte[][] runThrough(int index) {
        byte[] scratch = new byte[requestBytes];
        byte[][] output = null;
        while (next <= index) {
            while (ordinaryBeforeNext > 0) {
                nextOrdinary(scratch, 0);
            }
            if (output != null) {
                wipe(output); // a record passed on the way: its outputs are no one's
            }
            output = applyNext();
        }
        return output;
    }

    private byte[][] applyNext() {
        Payload record = records.get(next++);
        byte[][] output = new byte[0][];
        switch (record.type) {
            case RESEED:
                drbg.reseed(record.entropyInput, record.additionalInput);
                break;
            case GENERATE:
                output = new byte[][] {generate(record)};
                break;
            case GENERATE_BATCH:
                output = record.draws.stream().map(this::generate).toArray(byte[][]::new);
                break;
            default:
                closed = true;
        }
        ordinaryBeforeNext = ordinaryBefore(next);
        return output;
    }

    private static void wipe(byte[][] outputs) {
        for (byte[] output : outputs) {
            Arrays.fill(output, (byte) 0);
        }
    }

    private byte[] generate(Payload call) {
        byte[] output = secret(new byte[call.length]);
        drbg.generate(output, 0, call.length, call.additionalInput);
        return output;
    }

    /** Ordinary requests before record {@code index}; unbounded past the last record of an open instance. */
    private long ordinaryBefore(int index) {
        if (index < records.size()) {
            return records.get(index).requestsBefore;
        }
        return closed ? 0 : Long.MAX_VALUE;
    }

    @Override
    public void close() {
        if (request != null) {
            Arrays.fill(request, (byte) 0);
        }
        drbg.close();
    }
}
