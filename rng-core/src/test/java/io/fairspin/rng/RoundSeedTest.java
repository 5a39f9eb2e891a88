package io.fairspin.rng;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.prng.drbg.SP80090DRBG;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Round seeds: the stream as specified, commitments, client seeds, replay from the seed alone. */
class RoundSeedTest {
    private static final String ROUND = "table-7/round-1041";

    /** SHA-256 (Bouncy Castle's) over length-prefixed parts, as docs/escrow-and-replay.md specifies. */
    private static byte[] lpSha256(byte[]... parts) {
        SHA256Digest digest = new SHA256Digest();
        for (byte[] part : parts) {
            digest.update(ByteBuffer.allocate(4).putInt(part.length).array(), 0, 4);
            digest.update(part, 0, part.length);
        }
        byte[] out = new byte[32];
        digest.doFinal(out, 0);
        return out;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] seedFor(DrbgMechanism mechanism) {
        return Arrays.copyOf(TestStreams.sha256("seed " + mechanism), RoundSeed.seedLength(mechanism));
    }

    @ParameterizedTest
    @EnumSource(value = DrbgMechanism.class, names = {"HMAC_SHA256", "HMAC_SHA512", "HASH_SHA256", "HASH_SHA512",
        "CTR_AES128", "CTR_AES256"})
    void theStreamIsTheSpecifiedDrbgAsBouncyCastleComputesIt(DrbgMechanism mechanism) {
        byte[] seed = seedFor(mechanism);
        byte[] clientSeed = utf8("lucky 7");
        byte[] nonce = Arrays.copyOf(lpSha256(utf8("fairspin/round-nonce/v1"), utf8(ROUND)), 16);
        byte[] personalization = lpSha256(utf8("fairspin/round/v1"), utf8(ROUND), clientSeed);
        int strength = mechanism.maxSecurityStrength();
        BouncyCastleDifferentialProperties.QueuedEntropy entropy =
                new BouncyCastleDifferentialProperties.QueuedEntropy(strength);
        entropy.add(seed);
        SP80090DRBG theirs = BouncyCastleDifferentialProperties.bouncyCastle(mechanism, strength, entropy,
                personalization, nonce);
        byte[] expected = new byte[3 * RoundSeed.STREAM_REQUEST_BYTES];
        for (int i = 0; i < 3; i++) {
            byte[] request = new byte[RoundSeed.STREAM_REQUEST_BYTES];
            theirs.generate(request, null, false);
            System.arraycopy(request, 0, expected, i * request.length, request.length);
        }
        byte[] actual = new byte[expected.length];
        RoundSeed.of(mechanism, ROUND, seed).stream(clientSeed).nextBytes(actual);
        assertArrayEquals(expected, actual);
    }

    @Test
    void theNoDfStreamUsesTheSeedAsFullEntropyInputAndNoNonce() {
        DrbgMechanism mechanism = DrbgMechanism.CTR_AES256_NO_DF;
        byte[] seed = seedFor(mechanism);
        assertEquals(48, seed.length);
        byte[] personalization = lpSha256(utf8("fairspin/round/v1"), utf8(ROUND), new byte[0]);
        byte[] expected = new byte[RoundSeed.STREAM_REQUEST_BYTES];
        mechanism.instantiate(seed, null, personalization).generate(expected);
        byte[] actual = new byte[expected.length];
        RoundSeed.of(mechanism, ROUND, seed).stream().nextBytes(actual);
        assertArrayEquals(expected, actual);
    }

    @Test
    void theCommitmentIsDomainSeparatedSha256AndVerifies() {
        byte[] seed = seedFor(DrbgMechanism.CTR_AES256);
        RoundSeed roundSeed = RoundSeed.of(DrbgMechanism.CTR_AES256, ROUND, seed);
        byte[] expected = lpSha256(utf8("fairspin/round-commitment/v1"), utf8("ctr-aes256"), utf8(ROUND), seed);
        assertArrayEquals(expected, roundSeed.commitment());
        roundSeed.verifyCommitment(expected);

        byte[] otherSeed = seed.clone();
        otherSeed[0] ^= 1;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RoundSeed.of(DrbgMechanism.CTR_AES256, ROUND, otherSeed).verifyCommitment(expected));
        assertEquals("round " + ROUND + ": the seed does not match the published commitment", e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> RoundSeed.of(DrbgMechanism.CTR_AES256, ROUND + "x", seed).verifyCommitment(expected));
        assertThrows(IllegalArgumentException.class,
                () -> RoundSeed.of(DrbgMechanism.HASH_SHA256, ROUND, seed).verifyCommitment(expected));
    }

    @Test
    void aDrawnRoundReplaysFromItsRevealedSeedAlone() {
        try (CertifiedRandom rng = CertifiedRandom.builder().build()) {
            RoundSeed drawn = rng.roundSeed(ROUND);
            int[] deck = java.util.stream.IntStream.range(0, 52).toArray();
            int[] replayedDeck = deck.clone();
            drawn.stream().shuffle(deck);
            RoundSeed replayed = RoundSeed.of(rng.mechanism(), ROUND, drawn.reveal());
            replayed.stream().shuffle(replayedDeck);
            assertArrayEquals(deck, replayedDeck);
            replayed.verifyCommitment(drawn.commitment());
            assertNotEquals(HexFormat.of().formatHex(drawn.reveal()), HexFormat.of().formatHex(rng.roundSeed(ROUND).reveal()),
                    "each draw takes fresh output");
        }
    }

    @Test
    void aClientSeedChangesTheStreamAndNoneIsTheEmptyOne() {
        RoundSeed seed = RoundSeed.of(DrbgMechanism.HMAC_SHA256, ROUND, seedFor(DrbgMechanism.HMAC_SHA256));
        long none = seed.stream().nextLong();
        assertEquals(none, seed.stream(new byte[0]).nextLong());
        assertNotEquals(none, seed.stream(utf8("player")).nextLong());
        assertNotEquals(none, RoundSeed.of(DrbgMechanism.HMAC_SHA256, ROUND + "b", seedFor(DrbgMechanism.HMAC_SHA256))
                .stream().nextLong(), "the round id is bound into the stream");
    }

    @Test
    void toStringShowsTheRoundAndCommitmentNeverTheSeed() {
        byte[] seed = seedFor(DrbgMechanism.CTR_AES256);
        RoundSeed roundSeed = RoundSeed.of(DrbgMechanism.CTR_AES256, ROUND, seed);
        String text = roundSeed.toString();
        assertEquals("RoundSeed[" + ROUND + ", ctr-aes256, commitment " + HexFormat.of().formatHex(roundSeed.commitment())
                + "]", text);
        assertFalse(text.contains(HexFormat.of().formatHex(seed, 0, 8)));
    }

    @Test
    void badRoundIdsAndSeedLengthsAreRejected() {
        byte[] seed = seedFor(DrbgMechanism.CTR_AES256);
        assertEquals("roundId: must not be empty", assertThrows(IllegalArgumentException.class,
                () -> RoundSeed.of(DrbgMechanism.CTR_AES256, "", seed)).getMessage());
        assertEquals("roundId: must not contain control characters", assertThrows(IllegalArgumentException.class,
                () -> RoundSeed.of(DrbgMechanism.CTR_AES256, "a\nb", seed)).getMessage());
        assertEquals("roundId: at most 256 bytes of UTF-8, was 257", assertThrows(IllegalArgumentException.class,
                () -> RoundSeed.drawInput("x".repeat(257))).getMessage());
        assertEquals("seed: a ctr-aes256 round seed has 32 bytes, was 31", assertThrows(IllegalArgumentException.class,
                () -> RoundSeed.of(DrbgMechanism.CTR_AES256, ROUND, Arrays.copyOf(seed, 31))).getMessage());
        try (CertifiedRandom rng = CertifiedRandom.builder().build()) {
            assertThrows(IllegalArgumentException.class, () -> rng.roundSeed(""));
            assertTrue(rng.instanceId().matches("[0-9a-f]{16}"), rng.instanceId());
        }
    }

    @Test
    void seedLengthsFollowTheMechanism() {
        assertEquals(32, RoundSeed.seedLength(DrbgMechanism.CTR_AES256));
        assertEquals(16, RoundSeed.seedLength(DrbgMechanism.CTR_AES128));
        assertEquals(48, RoundSeed.seedLength(DrbgMechanism.CTR_AES256_NO_DF));
        assertEquals(32, RoundSeed.seedLength(DrbgMechanism.CTR_AES128_NO_DF));
        assertEquals(32, RoundSeed.seedLength(DrbgMechanism.HASH_SHA512));
    }
}
