package io.fairspin.audit.json;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The canonical bytes of a JSON text without building a tree: one pass over the characters, writing UTF-8
 * as it goes and reordering an object's members only when they are not in order already. It takes only what
 * it can write exactly as {@link CanonicalJson}'s tree path writes it, and answers null for anything else
 * (an escape or a character beyond the BMP in a string (Jackson writes those as {@code \\u} escapes), a number with a fraction, an exponent or more than 18 digits, {@code -0}, a
 * duplicate name, a lone surrogate, invalid JSON, deep nesting, trailing text), which the tree path then
 * handles, with its errors. So the bytes are the tree path's whenever this answers.
 */
final class CanonicalText {
    private static final int MAX_DEPTH = 256;
    private static final int MAX_LENGTH = 1 << 20;

    private final String text;
    private int at;
    private byte[] out;
    private int size;

    private CanonicalText(String text) {
        this.text = text;
        this.out = new byte[Math.max(64, text.length() + 16)];
    }

    /** The canonical bytes of {@code text}, or null when the tree path must decide. */
    static byte[] encode(String text) {
        if (text.length() > MAX_LENGTH) {
            return null;
        }
        CanonicalText c = new CanonicalText(text);
        try {
            c.skipSpace();
            if (!c.value(0)) {
                return null;
            }
            c.skipSpace();
            if (c.at != text.length()) {
                return null;
            }
        } catch (StringIndexOutOfBoundsException e) {
            return null;
        }
        return Arrays.copyOf(c.out, c.size);
    }

    private boolean value(int depth) {
        if (at >= text.length()) {
            return false;
        }
        char c = text.charAt(at);
        switch (c) {
            case '{':
                return depth < MAX_DEPTH && object(depth + 1);
            case '[':
                return depth < MAX_DEPTH && array(depth + 1);
            case '"':
                return string();
            case 't':
                return literal("true");
            case 'f':
                return literal("false");
            case 'n':
                return literal("null");
            default:
                return (c == '-' || (c >= '0' && c <= '9')) && number();
        }
    }

    /** A member of an object being written: its name and where its bytes ({@code "name":value}) lie in out. */
    private record Member(String name, int start, int end) {
    }

    private boolean object(int depth) {
        at++;
        int objectStart = size;
        put('{');
        skipSpace();
        if (peek() == '}') {
            at++;
            put('}');
            return true;
        }
        List<Member> members = new ArrayList<>();
        boolean ordered = true;
        while (true) {
            skipSpace();
            if (peek() != '"') {
                return false;
            }
            int start = size;
            int nameStart = at + 1;
            if (!string()) {
                return false;
            }
            String name = text.substring(nameStart, at - 1);
            skipSpace();
            if (peek() != ':') {
                return false;
            }
            at++;
            put(':');
            skipSpace();
            if (!value(depth)) {
                return false;
            }
            if (!members.isEmpty()) {
                int order = members.get(members.size() - 1).name().compareTo(name);
                if (order == 0) {
                    return false;
                }
                ordered &= order < 0;
            }
            members.add(new Member(name, start, size));
            skipSpace();
            char next = peek();
            at++;
            if (next == '}') {
                break;
            }
            if (next != ',') {
                return false;
            }
            put(',');
        }
        if (!ordered) {
            members.sort((a, b) -> a.name().compareTo(b.name()));
            for (int i = 1; i < members.size(); i++) {
                if (members.get(i - 1).name().equals(members.get(i).name())) {
                    return false;
                }
            }
            byte[] written = Arrays.copyOfRange(out, objectStart, size);
            size = objectStart + 1;
            for (int i = 0; i < members.size(); i++) {
                if (i > 0) {
                    put(',');
                }
                Member m = members.get(i);
                int length = m.end() - m.start();
                ensure(length);
                System.arraycopy(written, m.start() - objectStart, out, size, length);
                size += length;
            }
        }
        put('}');
        return true;
    }

    private boolean array(int depth) {
        at++;
        put('[');
        skipSpace();
        if (peek() == ']') {
            at++;
            put(']');
            return true;
        }
        while (true) {
            skipSpace();
            if (!value(depth)) {
                return false;
            }
            skipSpace();
            char next = peek();
            at++;
            if (next == ']') {
                put(']');
                return true;
            }
            if (next != ',') {
                return false;
            }
            put(',');
        }
    }

    /**
     * A string without escapes, written with its quotes as UTF-8; false for anything the tree path must handle (an
     * escape, a control character, a surrogate, no closing quote).
     */
    private boolean string() {
        at++;
        put('"');
        while (true) {
            char c = text.charAt(at);
            if (c == '"') {
                break;
            }
            if (c == '\\' || c < 0x20) {
                return false;
            }
            if (c < 0x80) {
                put(c);
            } else if (c < 0x800) {
                ensure(2);
                out[size++] = (byte) (0xc0 | (c >> 6));
                out[size++] = (byte) (0x80 | (c & 0x3f));
            } else if (Character.isSurrogate(c)) {
                // Jackson writes a character beyond the BMP as two \\u escapes, not as 4 UTF-8 bytes: its call.
                return false;
            } else {
                ensure(3);
                out[size++] = (byte) (0xe0 | (c >> 12));
                out[size++] = (byte) (0x80 | ((c >> 6) & 0x3f));
                out[size++] = (byte) (0x80 | (c & 0x3f));
            }
            at++;
        }
        at++;
        put('"');
        return true;
    }

    /** An integer as the tree path writes it back: no {@code -0}, no fraction or exponent, at most 18 digits. */
    private boolean number() {
        int start = at;
        if (text.charAt(at) == '-') {
            at++;
        }
        int digits = at;
        while (at < text.length() && text.charAt(at) >= '0' && text.charAt(at) <= '9') {
            at++;
        }
        int n = at - digits;
        if (n == 0 || n > 18 || (n > 1 && text.charAt(digits) == '0')
                || (digits > start && n == 1 && text.charAt(digits) == '0')) {
            return false;
        }
        if (at < text.length()) {
            char next = text.charAt(at);
            if (next == '.' || next == 'e' || next == 'E') {
                return false;
            }
        }
        ensure(at - start);
        for (int i = start; i < at; i++) {
            out[size++] = (byte) text.charAt(i);
        }
        return true;
    }

    private boolean literal(String word) {
        if (!text.startsWith(word, at)) {
            return false;
        }
        at += word.length();
        ensure(word.length());
        for (int i = 0; i < word.length(); i++) {
            out[size++] = (byte) word.charAt(i);
        }
        return true;
    }

    private char peek() {
        return text.charAt(at);
    }

    private void skipSpace() {
        while (at < text.length()) {
            char c = text.charAt(at);
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
                return;
            }
            at++;
        }
    }

    private void put(char c) {
        ensure(1);
        out[size++] = (byte) c;
    }

    private void ensure(int more) {
        if (size + more > out.length) {
            out = Arrays.copyOf(out, Math.max(out.length * 2, size + more));
        }
    }
}
