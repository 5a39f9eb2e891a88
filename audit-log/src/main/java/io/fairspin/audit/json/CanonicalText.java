package io.fairspin.audit.json;

import java.util.Arrays;

/**
 * The canonical bytes of a JSON text without building a tree: one pass over the characters, writing UTF-8
 * as it goes and reordering an object's members only when they are not in order already. It takes only what
 * it can write exactly as {@link CanonicalJson}'s tree path writes it, and answers null for anything else
 * (an escape or a character beyond the BMP in a string (Jackson writes those as {@code \\u} escapes), a number with a fraction, an exponent or more than 18 digits, {@code -0}, a
 * duplicate name, a lone surrogate, invalid JSON, deep nesting, trailing text), which the tree path then
 * handles, with its errors. So the bytes are the tree path's whenever this answers.
 *
 * <p>Each thread keeps one writer and reuses its buffers (the text's characters, the output, the members of the
 * objects being written and the scratch of a reordering), so a call allocates only the bytes it returns. The
 * output never outgrows three bytes per character of the text (UTF-8 of a BMP character), so it is sized once
 * per call and written without bounds checks of its own.
 */
final class CanonicalText {
    private static final int MAX_DEPTH = 256;
    private static final int MAX_LENGTH = 1 << 20;
    /** Buffers of a text longer than this are not kept for the thread's next call. */
    private static final int KEPT_LENGTH = 1 << 14;
    /** Ints per member on the member stack: name start and end in the text, bytes start and end in the output. */
    private static final int MEMBER_INTS = 4;
    /** Objects with at most this many members are sorted in place; larger ones through boxed indices. */
    private static final int SMALL_OBJECT = 32;
    private static final ThreadLocal<CanonicalText> WRITER = ThreadLocal.withInitial(CanonicalText::new);

    /** The text's characters, then a NUL sentinel, which every reader stops at (no valid JSON has it there). */
    private char[] text = new char[256];
    private int length;
    private int at;
    private byte[] out = new byte[768];
    private int size;
    /** The members of the objects being written, innermost last, {@link #MEMBER_INTS} ints each. */
    private int[] members = new int[256];
    private int memberTop;
    private byte[] scratch = new byte[768];

    /** The canonical bytes of {@code text}, or null when the tree path must decide. */
    static byte[] encode(String text) {
        if (text.length() > MAX_LENGTH) {
            return null;
        }
        CanonicalText c = WRITER.get();
        c.start(text);
        byte[] encoded = c.document() ? Arrays.copyOf(c.out, c.size) : null;
        if (text.length() > KEPT_LENGTH) {
            WRITER.remove();
        }
        return encoded;
    }

    private void start(String value) {
        length = value.length();
        if (text.length <= length) {
            text = new char[length + 1];
            out = new byte[3 * length + 16];
            scratch = new byte[out.length];
        }
        value.getChars(0, length, text, 0);
        text[length] = 0;
        at = 0;
        size = 0;
        memberTop = 0;
    }

    private boolean document() {
        skipSpace();
        if (!value(0)) {
            return false;
        }
        skipSpace();
        return at == length;
    }

    private boolean value(int depth) {
        char c = text[at];
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

    private boolean object(int depth) {
        at++;
        int objectStart = size;
        out[size++] = '{';
        skipSpace();
        if (text[at] == '}') {
            at++;
            out[size++] = '}';
            return true;
        }
        int first = memberTop;
        boolean ordered = true;
        try {
            while (true) {
                skipSpace();
                if (text[at] != '"') {
                    return false;
                }
                int start = size;
                int nameStart = at + 1;
                if (!string()) {
                    return false;
                }
                int nameEnd = at - 1;
                skipSpace();
                if (text[at] != ':') {
                    return false;
                }
                at++;
                out[size++] = ':';
                skipSpace();
                if (!value(depth)) {
                    return false;
                }
                if (memberTop > first) {
                    int order = compareNames(memberTop - MEMBER_INTS, nameStart, nameEnd);
                    if (order == 0) {
                        return false;
                    }
                    ordered &= order < 0;
                }
                pushMember(nameStart, nameEnd, start, size);
                skipSpace();
                char next = text[at];
                at++;
                if (next == '}') {
                    break;
                }
                if (next != ',') {
                    return false;
                }
                out[size++] = ',';
            }
            if (!ordered && !reorder(objectStart, first)) {
                return false;
            }
            out[size++] = '}';
            return true;
        } finally {
            memberTop = first;
        }
    }

    private void pushMember(int nameStart, int nameEnd, int start, int end) {
        if (memberTop + MEMBER_INTS > members.length) {
            members = Arrays.copyOf(members, 2 * members.length);
        }
        members[memberTop] = nameStart;
        members[memberTop + 1] = nameEnd;
        members[memberTop + 2] = start;
        members[memberTop + 3] = end;
        memberTop += MEMBER_INTS;
    }

    /**
     * Sorts the object's members (at {@code first} on the member stack) by name and writes them again after the
     * object's opening brace; false when two names are equal.
     */
    private boolean reorder(int objectStart, int first) {
        int count = (memberTop - first) / MEMBER_INTS;
        int[] order = sortedMembers(first, count);
        for (int i = 1; i < count; i++) {
            if (compareMembers(order[i - 1], order[i]) == 0) {
                return false;
            }
        }
        int written = size - objectStart;
        System.arraycopy(out, objectStart, scratch, 0, written);
        size = objectStart + 1;
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                out[size++] = ',';
            }
            int m = order[i];
            int start = members[m + 2];
            int end = members[m + 3];
            System.arraycopy(scratch, start - objectStart, out, size, end - start);
            size += end - start;
        }
        return true;
    }

    /** The member stack positions of the object's members, in name order. */
    private int[] sortedMembers(int first, int count) {
        int[] order = new int[count];
        for (int i = 0; i < count; i++) {
            order[i] = first + i * MEMBER_INTS;
        }
        if (count <= SMALL_OBJECT) {
            for (int i = 1; i < count; i++) {
                int m = order[i];
                int j = i - 1;
                for (; j >= 0 && compareMembers(order[j], m) > 0; j--) {
                    order[j + 1] = order[j];
                }
                order[j + 1] = m;
            }
            return order;
        }
        Integer[] boxed = Arrays.stream(order).boxed().toArray(Integer[]::new);
        Arrays.sort(boxed, this::compareMembers);
        return Arrays.stream(boxed).mapToInt(Integer::intValue).toArray();
    }

    private int compareMembers(int a, int b) {
        return compareNames(a, members[b], members[b + 1]);
    }

    /**
     * Compares the name of the member at {@code m} on the member stack with the name {@code text[start, end)}, as
     * {@link String#compareTo} compares them (UTF-16 code units, then length).
     */
    private int compareNames(int m, int start, int end) {
        int aStart = members[m];
        int aLength = members[m + 1] - aStart;
        int bLength = end - start;
        int common = Math.min(aLength, bLength);
        for (int i = 0; i < common; i++) {
            int d = text[aStart + i] - text[start + i];
            if (d != 0) {
                return d;
            }
        }
        return aLength - bLength;
    }

    private boolean array(int depth) {
        at++;
        out[size++] = '[';
        skipSpace();
        if (text[at] == ']') {
            at++;
            out[size++] = ']';
            return true;
        }
        while (true) {
            skipSpace();
            if (!value(depth)) {
                return false;
            }
            skipSpace();
            char next = text[at];
            at++;
            if (next == ']') {
                out[size++] = ']';
                return true;
            }
            if (next != ',') {
                return false;
            }
            out[size++] = ',';
        }
    }

    /**
     * A string without escapes, written with its quotes as UTF-8; false for anything the tree path must handle (an
     * escape, a control character, a surrogate, no closing quote: the sentinel is a control character).
     */
    private boolean string() {
        at++;
        out[size++] = '"';
        while (true) {
            char c = text[at];
            if (c == '"') {
                break;
            }
            if (c == '\\' || c < 0x20) {
                return false;
            }
            if (c < 0x80) {
                out[size++] = (byte) c;
            } else if (c < 0x800) {
                out[size++] = (byte) (0xc0 | (c >> 6));
                out[size++] = (byte) (0x80 | (c & 0x3f));
            } else if (Character.isSurrogate(c)) {
                // Jackson writes a character beyond the BMP as two \\u escapes, not as 4 UTF-8 bytes: its call.
                return false;
            } else {
                out[size++] = (byte) (0xe0 | (c >> 12));
                out[size++] = (byte) (0x80 | ((c >> 6) & 0x3f));
                out[size++] = (byte) (0x80 | (c & 0x3f));
            }
            at++;
        }
        at++;
        out[size++] = '"';
        return true;
    }

    /** An integer as the tree path writes it back: no {@code -0}, no fraction or exponent, at most 18 digits. */
    private boolean number() {
        int start = at;
        if (text[at] == '-') {
            at++;
        }
        int digits = at;
        while (text[at] >= '0' && text[at] <= '9') {
            at++;
        }
        int n = at - digits;
        if (n == 0 || n > 18 || (n > 1 && text[digits] == '0') || (digits > start && n == 1 && text[digits] == '0')) {
            return false;
        }
        char next = text[at];
        if (next == '.' || next == 'e' || next == 'E') {
            return false;
        }
        for (int i = start; i < at; i++) {
            out[size++] = (byte) text[i];
        }
        return true;
    }

    private boolean literal(String word) {
        if (length - at < word.length()) {
            return false;
        }
        for (int i = 0; i < word.length(); i++) {
            if (text[at + i] != word.charAt(i)) {
                return false;
            }
        }
        for (int i = 0; i < word.length(); i++) {
            out[size++] = (byte) word.charAt(i);
        }
        at += word.length();
        return true;
    }

    private void skipSpace() {
        while (true) {
            char c = text[at];
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
                return;
            }
            at++;
        }
    }
}
