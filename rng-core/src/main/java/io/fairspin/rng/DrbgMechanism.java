package io.fairspin.rng;

import java.util.Arrays;
import java.util.Locale;

/**
 * The SP 800-90A Rev.1 DRBG mechanisms fairspin implements, with their fixed parameters.
 *
 * <p>Each constant can instantiate a {@link Drbg} from caller-supplied entropy input, nonce and
 * personalization string. That is the raw, deterministic mechanism (what NIST's CAVP vectors test);
 * production code draws from a {@link CertifiedRandom}, which feeds the mechanism from a
 * health-tested entropy source.
 */
public enum DrbgMechanism {
    /** HMAC_DRBG with HMAC-SHA-256 (SP 800-90A section 10.1.2). */
    HMAC_SHA256("hmac-sha256", Family.HMAC, "SHA-256", 32, 256, 0),
    /** HMAC_DRBG with HMAC-SHA-512. */
    HMAC_SHA512("hmac-sha512", Family.HMAC, "SHA-512", 64, 256, 0),
    /** Hash_DRBG with SHA-256 (section 10.1.1); seedlen 440 bits. */
    HASH_SHA256("hash-sha256", Family.HASH, "SHA-256", 32, 256, 55),
    /** Hash_DRBG with SHA-512; seedlen 888 bits. */
    HASH_SHA512("hash-sha512", Family.HASH, "SHA-512", 64, 256, 111),
    /** CTR_DRBG with AES-128 and the block cipher derivation function (section 10.2). */
    CTR_AES128("ctr-aes128", Family.CTR, "AES", 16, 128, 32),
    /** CTR_DRBG with AES-256 and the block cipher derivation function. */
    CTR_AES256("ctr-aes256", Family.CTR, "AES", 32, 256, 48),
    /** CTR_DRBG with AES-128 without a derivation function: needs full-entropy input of seedlen bits. */
    CTR_AES128_NO_DF("ctr-aes128-nodf", Family.CTR_NO_DF, "AES", 16, 128, 32),
    /** CTR_DRBG with AES-256 without a derivation function: needs full-entropy input of seedlen bits. */
    CTR_AES256_NO_DF("ctr-aes256-nodf", Family.CTR_NO_DF, "AES", 32, 256, 48);

    /** The largest generate request SP 800-90A allows for every mechanism here: 2^19 bits. */
    public static final int MAX_BYTES_PER_REQUEST = 1 << 16;

    /** The longest input (other than for CTR_DRBG without df) fairspin's mechanisms take: 2^16 bytes. */
    static final int MAX_INPUT_BYTES = 1 << 16;

    /** The largest reseed interval SP 800-90A allows: 2^48 generate requests. */
    public static final long MAX_RESEED_INTERVAL = 1L << 48;

    enum Family { HMAC, HASH, CTR, CTR_NO_DF }

    private final String cliName;
    private final Family family;
    private final String jceAlgorithm;
    private final int keyOrOutputBytes;
    private final int maxSecurityStrength;
    private final int seedLengthBytes;

    DrbgMechanism(String cliName, Family family, String jceAlgorithm, int keyOrOutputBytes,
                  int maxSecurityStrength, int seedLengthBytes) {
        this.cliName = cliName;
        this.family = family;
        this.jceAlgorithm = jceAlgorithm;
        this.keyOrOutputBytes = keyOrOutputBytes;
        this.maxSecurityStrength = maxSecurityStrength;
        this.seedLengthBytes = seedLengthBytes;
    }

    /**
     * The name used on the command line and in reports, for example {@code ctr-aes256}.
     *
     * @return the lowercase command-line name, such as {@code hash-sha256}
     */
    public String cliName() {
        return cliName;
    }

    /**
     * The highest security strength in bits this mechanism supports (SP 800-57 Part 1).
     *
     * @return the highest security strength in bits: 128 for the AES-128 mechanisms, 256 for the others
     */
    public int maxSecurityStrength() {
        return maxSecurityStrength;
    }

    /**
     * Whether this mechanism is CTR_DRBG without a derivation function, which needs full-entropy input.
     *
     * @return true for CTR_DRBG without derivation function
     */
    public boolean requiresFullEntropy() {
        return family == Family.CTR_NO_DF;
    }

    /**
     * The seed length of a CTR_DRBG without derivation function, in bytes: the exact entropy input size.
     *
     * @return the seed length in bytes (key length plus block length)
     */
    public int seedLengthBytes() {
        return seedLengthBytes;
    }

    /**
     * The longest additional input (and personalization string) the mechanism takes, in bytes: seedlen for
     * CTR_DRBG without derivation function, 65,536 for the others (fairspin's limit, well within SP 800-90A's).
     *
     * @return the limit in bytes
     */
    public int maxAdditionalInputBytes() {
        return family == Family.CTR_NO_DF ? seedLengthBytes : MAX_INPUT_BYTES;
    }

    /**
     * Whether the mechanism takes a nonce at instantiation (all but CTR_DRBG without derivation function).
     *
     * @return false only for CTR_DRBG without derivation function
     */
    public boolean usesNonce() {
        return family != Family.CTR_NO_DF;
    }

    /**
     * Instantiates the mechanism (SP 800-90A Instantiate_algorithm) with the largest reseed interval.
     *
     * @param entropyInput    the entropy input; never retained, the caller should wipe it
     * @param nonce           the nonce, or null (must be null or empty for CTR_DRBG without df)
     * @param personalization the personalization string, or null
     * @return a new DRBG in its instantiated state
     */
    public Drbg instantiate(byte[] entropyInput, byte[] nonce, byte[] personalization) {
        return instantiate(entropyInput, nonce, personalization, MAX_RESEED_INTERVAL);
    }

    /**
     * Instantiates the mechanism with a chosen reseed interval: the number of generate requests allowed
     * before {@link Drbg#generate} throws {@link ReseedRequiredException}.
     *
     * @param entropyInput the entropy input; never retained, the caller should wipe it
     * @param nonce the nonce, or null (must be null or empty for CTR_DRBG without derivation function)
     * @param personalization the personalization string, or null for none
     * @param reseedInterval generate requests allowed before a reseed is required, 1 to 2^48
     * @return a new DRBG in its instantiated state
     */
    public Drbg instantiate(byte[] entropyInput, byte[] nonce, byte[] personalization, long reseedInterval) {
        if (reseedInterval < 1 || reseedInterval > MAX_RESEED_INTERVAL) {
            throw new IllegalArgumentException("reseedInterval must be in [1, 2^48], was " + reseedInterval);
        }
        switch (family) {
            case HMAC:
                // SHA-256 and SHA-512 hash blocks of twice their output length.
                return new HmacDrbg(this, jceAlgorithm, 2 * keyOrOutputBytes, entropyInput, nonce, personalization,
                        reseedInterval);
            case HASH:
                return new HashDrbg(this, jceAlgorithm, keyOrOutputBytes, seedLengthBytes,
                        entropyInput, nonce, personalization, reseedInterval);
            default:
                return new CtrDrbg(this, keyOrOutputBytes, family == Family.CTR,
                        entropyInput, nonce, personalization, reseedInterval);
        }
    }

    /**
     * Looks a mechanism up by its command-line name.
     *
     * @param name a command-line name such as {@code ctr-aes256}, case-sensitive
     * @return the mechanism of that name
     * @throws IllegalArgumentException naming the accepted names when there is no such mechanism
     */
    public static DrbgMechanism fromCliName(String name) {
        String wanted = name.toLowerCase(Locale.ROOT);
        for (DrbgMechanism m : values()) {
            if (m.cliName.equals(wanted)) {
                return m;
            }
        }
        throw new IllegalArgumentException("mechanism: unknown name '" + name + "', expected one of "
                + Arrays.stream(values()).map(DrbgMechanism::cliName).toList());
    }

    @Override
    public String toString() {
        return cliName;
    }
}
