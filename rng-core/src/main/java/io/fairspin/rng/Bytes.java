package io.fairspin.rng;

/** Byte-array arithmetic and helpers shared by the DRBG mechanisms. */
final class Bytes {
    private Bytes() {
    }

    static boolean isEmpty(byte[] bytes) {
        return bytes == null || bytes.length == 0;
    }

    /** Concatenates byte arrays, treating null as empty. */
    static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] p : parts) {
            length += p == null ? 0 : p.length;
        }
        byte[] result = new byte[length];
        int position = 0;
        for (byte[] p : parts) {
            if (p != null) {
                System.arraycopy(p, 0, result, position, p.length);
                position += p.length;
            }
        }
        return result;
    }

    /** target = (target + addend) mod 2^(8 * target.length), both big-endian; addend may be shorter. */
    static void addInto(byte[] target, byte[] addend) {
        int carry = 0;
        int j = addend.length - 1;
        for (int i = target.length - 1; i >= 0; i--, j--) {
            int sum = (target[i] & 0xFF) + (j >= 0 ? addend[j] & 0xFF : 0) + carry;
            target[i] = (byte) sum;
            carry = sum >>> 8;
            if (j < 0 && carry == 0) {
                return;
            }
        }
    }

    /** target = (target + 1) mod 2^(8 * target.length), big-endian. */
    static void increment(byte[] target) {
        for (int i = target.length - 1; i >= 0; i--) {
            if (++target[i] != 0) {
                return;
            }
        }
    }

    /** The 8-byte big-endian encoding of {@code v}. */
    static byte[] bigEndian64(long v) {
        byte[] bytes = new byte[8];
        for (int i = 7; i >= 0; i--) {
            bytes[i] = (byte) v;
            v >>>= 8;
        }
        return bytes;
    }

    /** The 4-byte big-endian encoding of {@code v}. */
    static byte[] bigEndian32(int v) {
        return new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v};
    }
}
