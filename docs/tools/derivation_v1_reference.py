#!/usr/bin/env python3
"""Independent reference for fairspin derivation v1, written from docs/derivation-v1.md alone.

It shares no code with the Java implementation: it follows the specification text with Python's
unbounded integers. Run it to print the test-vector block of docs/derivation-v1.md; the Java tests read
that block from the document, so the two implementations are checked against each other.

    python3 docs/tools/derivation_v1_reference.py
"""
import hashlib
import struct


class ByteSequence:
    """The input bytes, consumed strictly in order; running out is an error."""

    def __init__(self, data):
        self.data = data
        self.pos = 0

    def word(self, bits):
        n = bits // 8
        if self.pos + n > len(self.data):
            raise EOFError("input exhausted")
        chunk = self.data[self.pos:self.pos + n]
        self.pos += n
        return int.from_bytes(chunk, "big")


def uniform(s, n):
    """Section 3.1: Lemire's method, 32-bit words for n <= 2^32, 64-bit words above."""
    assert 1 <= n < 2 ** 64
    bits = 32 if n <= 2 ** 32 else 64
    modulus = 2 ** bits
    threshold = (modulus - n) % n
    while True:
        m = s.word(bits) * n
        if m % modulus >= threshold:
            return m // modulus


def signed(value, bits):
    return value - 2 ** bits if value >= 2 ** (bits - 1) else value


def op_int32(s):
    return [signed(s.word(32), 32)]


def op_int64(s):
    return [signed(s.word(64), 64)]


def op_uniform(s, n):
    return [uniform(s, n)]


def op_range(s, origin, bound):
    return [origin + uniform(s, bound - origin)]


def op_boolean(s):
    return ["true" if s.word(32) >= 2 ** 31 else "false"]


def op_shuffle(s, n):
    a = list(range(n))
    for i in range(n - 1, 0, -1):
        j = uniform(s, i + 1)
        a[i], a[j] = a[j], a[i]
    return a


def op_sample(s, n, k):
    a = list(range(n))
    out = []
    for i in range(k):
        j = i + uniform(s, n - i)
        a[i], a[j] = a[j], a[i]
        out.append(a[i])
    return out


def op_pick(s, weights):
    r = uniform(s, sum(weights))
    cumulative = 0
    for i, w in enumerate(weights):
        cumulative += w
        if r < cumulative:
            return [i]
    raise AssertionError("unreachable")


def op_double(s):
    return [repr((s.word(64) >> 11) * 2.0 ** -53)]


def op_float(s):
    value = (s.word(32) >> 8) * 2.0 ** -24
    return [repr(struct.unpack(">f", struct.pack(">f", value))[0])]


def stream_for(label, length=256):
    data = b""
    counter = 0
    while len(data) < length:
        data += hashlib.sha256(("fairspin derivation v1 " + label + " " + str(counter)).encode()).digest()
        counter += 1
    return data[:length]


def vector(name, args, fn, data):
    s = ByteSequence(data)
    out = fn(s, *args.values())
    consumed = data[:s.pos]
    arg_text = " ".join(f"{k}={','.join(map(str, v)) if isinstance(v, list) else v}" for k, v in args.items())
    return f"{name} {arg_text} : {consumed.hex()} -> {' '.join(map(str, out))}".replace("  ", " ")


def vectors():
    h = bytes.fromhex
    rows = [
        vector("int32", {}, op_int32, stream_for("int32")),
        vector("int64", {}, op_int64, stream_for("int64")),
        vector("boolean", {}, op_boolean, stream_for("boolean")),
        vector("uniform", {"n": 1}, op_uniform, stream_for("n1")),
        vector("uniform", {"n": 2}, op_uniform, stream_for("n2")),
        vector("uniform", {"n": 6}, op_uniform, stream_for("n6")),
        vector("uniform", {"n": 37}, op_uniform, stream_for("n37")),
        vector("uniform", {"n": 38}, op_uniform, stream_for("n38")),
        # 3: the word 0 is the only rejected 32-bit word (threshold 1).
        vector("uniform", {"n": 3}, op_uniform, h("00000000") + stream_for("n3")),
        # 2^31 + 1: threshold 2^31 - 1, so about half of all words are rejected; 2 is one of them.
        vector("uniform", {"n": 2 ** 31 + 1}, op_uniform, h("00000002") + stream_for("n2^31+1")),
        vector("uniform", {"n": 2 ** 31 - 1}, op_uniform, stream_for("n2^31-1")),
        vector("uniform", {"n": 3 * 2 ** 30}, op_uniform, stream_for("n3*2^30")),
        vector("uniform", {"n": 2 ** 32 - 1}, op_uniform, h("00000000") + stream_for("n2^32-1")),
        vector("uniform", {"n": 2 ** 32}, op_uniform, stream_for("n2^32")),
        # Above 2^32 the words are 64 bits; the word 0 is rejected whenever the threshold is positive.
        vector("uniform", {"n": 2 ** 32 + 1}, op_uniform, h("0000000000000000") + stream_for("n2^32+1")),
        vector("uniform", {"n": 10 ** 18}, op_uniform, stream_for("n10^18")),
        vector("uniform", {"n": 2 ** 63 - 1}, op_uniform, h("0000000000000000") + stream_for("n2^63-1")),
        vector("range", {"origin": -10, "bound": 10}, op_range, stream_for("range-10,10")),
        vector("range", {"origin": -2 ** 31, "bound": 2 ** 31 - 1}, op_range, stream_for("range-int")),
        vector("range", {"origin": -2 ** 63, "bound": 2 ** 63 - 1}, op_range, stream_for("range-long")),
        vector("shuffle", {"n": 10}, op_shuffle, stream_for("shuffle10")),
        vector("shuffle", {"n": 52}, op_shuffle, stream_for("shuffle52")),
        vector("sample", {"n": 80, "k": 20}, op_sample, stream_for("keno")),
        vector("sample", {"n": 5, "k": 5}, op_sample, stream_for("sample5")),
        vector("pick", {"weights": [1, 2, 3, 4]}, op_pick, stream_for("pick1234")),
        vector("pick", {"weights": [0, 5, 0, 0, 7, 0]}, op_pick, stream_for("pick-zeros")),
        vector("pick", {"weights": [2 ** 61, 2 ** 62, 1]}, op_pick, stream_for("pick-large")),
        vector("double", {}, op_double, stream_for("double")),
        vector("double", {}, op_double, h("0000000000000000")),
        vector("double", {}, op_double, h("ffffffffffffffff")),
        vector("float", {}, op_float, stream_for("float")),
    ]
    return rows


if __name__ == "__main__":
    print("```vectors")
    for row in vectors():
        print(row)
    print("```")
