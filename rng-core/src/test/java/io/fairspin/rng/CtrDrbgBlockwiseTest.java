package io.fairspin.rng;

import static io.fairspin.rng.CtrDrbgWipeTest.allZero;
import static io.fairspin.rng.CtrDrbgWipeTest.field;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A stream that owns its CTR_DRBG ({@link DrbgStream#owning}, a round stream's) computes each output block when
 * it is read and a request's closing update when the next request starts: the bytes are those of successive
 * whole {@link Drbg#generate} requests, read in any sizes across many requests; the reseed interval counts its
 * requests as generate does; no update runs before the next request is needed; {@link Aes}'s schedule is zero
 * whenever a read returns, and closing leaves zeros and refuses further reads.
 */
class CtrDrbgBlockwiseTest {

    private static Drbg instantiate(DrbgMechanism mechanism, long seed, long reseedInterval) {
        Random random = new Random(seed);
        boolean df = mechanism.usesNonce();
        byte[] entropy = new byte[df ? 32 : mechanism.seedLengthBytes()];
        random.nextBytes(entropy);
        byte[] personalization = new byte[] {3, 1, 4, 1, 5};
        return mechanism.instantiate(entropy, df ? new byte[] {9, 8, 7, 6, 5, 4, 3, 2} : null, personalization,
                reseedInterval);
    }

    /** The first {@code length} bytes of successive whole generate requests of {@code requestBytes}. */
    private static byte[] wholeRequests(Drbg drbg, int requestBytes, int length) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (out.size() < length) {
            byte[] request = new byte[requestBytes];
            drbg.generate(request, 0, requestBytes, null);
            out.write(request, 0, requestBytes);
        }
        byte[] all = out.toByteArray();
        return java.util.Arrays.copyOf(all, length);
    }

    @ParameterizedTest
    @EnumSource(value = DrbgMechanism.class, names = "CTR_.*", mode = EnumSource.Mode.MATCH_ANY)
    void theBytesAreThoseOfWholeRequestsWhateverTheReads(DrbgMechanism mechanism) {
        for (int requestBytes : new int[] {16, 48, RoundSeed.STREAM_REQUEST_BYTES, CtrDrbg.JDK_OUTPUT_BYTES}) {
            int length = 5 * requestBytes + 40;
            byte[] expected = wholeRequests(instantiate(mechanism, requestBytes, 1L << 48), requestBytes, length);
            Random sizes = new Random(requestBytes);
            try (DrbgStream stream = DrbgStream.owning(instantiate(mechanism, requestBytes, 1L << 48),
                    requestBytes)) {
                byte[] actual = new byte[length];
                int position = 0;
                while (position < length) {
                    // Words, odd byte counts and reads longer than a block, across request boundaries.
                    int n = Math.min(length - position, 1 + sizes.nextInt(3 * Aes.BLOCK));
                    byte[] part = new byte[n];
                    stream.nextBytes(part);
                    System.arraycopy(part, 0, actual, position, n);
                    position += n;
                }
                assertArrayEquals(expected, actual, mechanism + ", requests of " + requestBytes + " bytes");
            }
        }
    }

    @Test
    void otherRequestSizesAndMechanismsReadWholeRequests() {
        for (int requestBytes : new int[] {100, CtrDrbg.JDK_OUTPUT_BYTES + 16}) {
            Drbg drbg = instantiate(DrbgMechanism.CTR_AES256, 1, 1L << 48);
            try (DrbgStream stream = DrbgStream.owning(drbg, requestBytes)) {
                stream.nextInt();
                assertEquals(requestBytes - 4, stream.buffered(), requestBytes + "-byte requests are read whole");
            }
        }
        Drbg hash = DrbgMechanism.HASH_SHA256.instantiate(new byte[32], new byte[16], null);
        try (DrbgStream stream = DrbgStream.owning(hash, RoundSeed.STREAM_REQUEST_BYTES)) {
            stream.nextInt();
            assertEquals(RoundSeed.STREAM_REQUEST_BYTES - 4, stream.buffered(), "Hash_DRBG's requests are read whole");
        }
    }

    @ParameterizedTest
    @EnumSource(value = DrbgMechanism.class, names = {"CTR_AES128", "CTR_AES256"})
    void theReseedIntervalCountsRequestsAsGenerateDoes(DrbgMechanism mechanism) {
        int requestBytes = 32;
        byte[] expected = wholeRequests(instantiate(mechanism, 5, 3), requestBytes, 3 * requestBytes);
        DrbgStream stream = DrbgStream.owning(instantiate(mechanism, 5, 3), requestBytes);
        byte[] read = new byte[3 * requestBytes];
        stream.nextBytes(read);
        assertArrayEquals(expected, read, "three requests within the interval");
        assertThrows(ReseedRequiredException.class, stream::nextInt, "the fourth request needs a reseed");
        stream.close();
    }

    @ParameterizedTest
    @EnumSource(value = DrbgMechanism.class, names = {"CTR_AES128", "CTR_AES256_NO_DF"})
    void aRequestsUpdateWaitsForTheNextRequest(DrbgMechanism mechanism) throws Exception {
        Drbg drbg = instantiate(mechanism, 7, 1L << 48);
        byte[] key = (byte[]) field(drbg, "key");
        byte[] value = (byte[]) field(drbg, "value");
        byte[] instantiatedKey = key.clone();
        byte[] instantiatedValue = value.clone();
        DrbgStream stream = DrbgStream.owning(drbg, RoundSeed.STREAM_REQUEST_BYTES);
        stream.nextBytes(new byte[RoundSeed.STREAM_REQUEST_BYTES]);
        assertArrayEquals(instantiatedKey, key, "K is unchanged while no second request is read");
        assertArrayEquals(instantiatedValue, value, "V too");
        stream.nextInt();
        assertFalse(java.util.Arrays.equals(instantiatedKey, key), "the second request ran the first one's update");
        stream.close();
    }

    @ParameterizedTest
    @EnumSource(value = DrbgMechanism.class, names = "CTR_.*", mode = EnumSource.Mode.MATCH_ANY)
    void noScheduleBetweenReadsAndZerosAfterClose(DrbgMechanism mechanism) throws Exception {
        Drbg drbg = instantiate(mechanism, 11, 1L << 48);
        Aes aes = (Aes) field(drbg, "aes");
        DrbgStream stream = DrbgStream.owning(drbg, 32);
        for (int i = 0; i < 7; i++) {
            stream.nextLong();
            stream.nextLong();
            assertTrue(aes.isWiped(), "AES's schedule is zero after block " + i);
        }
        assertFalse(allZero((byte[]) field(drbg, "counter")), "control: the counter is set before close");
        stream.close();
        for (String name : new String[] {"key", "value", "counter", "temp", "block"}) {
            assertTrue(allZero((byte[]) field(drbg, name)), name + " is zero after close");
        }
        assertTrue(aes.isWiped(), "AES's schedule is zero after close");
        assertThrows(IllegalStateException.class, stream::nextInt, "a closed stream's DRBG refuses a read");
    }
}
