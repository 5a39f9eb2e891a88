package io.fairspin.cli.certify;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads the files {@code certify outcomes} tests: integers (text lines or 32-bit big-endian), shuffles
 * (one per line) and doubles (one per line). Every error names the input and the line (or integer).
 */
final class OutcomeFiles {
    private final String name;

    /** @param name the input's name in error messages, a file name or "stdin" */
    OutcomeFiles(String name) {
        this.name = name;
    }

    /** What is done with each non-blank line, stripped, with its 1-based number. */
    @FunctionalInterface
    interface LineHandler {
        void accept(String text, int lineNumber);
    }

    void forEachLine(InputStream in, LineHandler handler) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
        int lineNumber = 0;
        for (String line; (line = reader.readLine()) != null; ) {
            lineNumber++;
            String text = line.strip();
            if (!text.isEmpty()) {
                handler.accept(text, lineNumber);
            }
        }
    }

    /** The integers in [0, range) of a text or binary input, as unsigned 32-bit values; at least one. */
    int[] integers(InputStream in, long range, boolean binary) throws IOException {
        IntList values = new IntList();
        if (binary) {
            DataInputStream data = new DataInputStream(new BufferedInputStream(in, 1 << 16));
            while (true) {
                long v;
                try {
                    v = Integer.toUnsignedLong(data.readInt());
                } catch (EOFException e) {
                    break;
                }
                check(v, range, "integer " + (values.size + 1));
                values.add((int) v);
            }
        } else {
            forEachLine(in, (text, line) -> {
                long v;
                try {
                    v = Long.parseLong(text);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(name + ": line " + line + ": expected an integer in [0, " + range
                            + "), found '" + abbreviate(text) + "'");
                }
                check(v, range, "line " + line);
                values.add((int) v);
            });
        }
        if (values.size == 0) {
            throw new IllegalArgumentException(name + ": no outcomes");
        }
        return Arrays.copyOf(values.values, values.size);
    }

    private void check(long v, long range, String where) {
        if (v < 0 || v >= range) {
            throw new IllegalArgumentException(name + ": " + where + ": expected an integer in [0, " + range
                    + "), found " + v);
        }
    }

    /** One shuffle: the cards 0 .. deck-1 at positions 1 .. deck, separated by white space or commas. */
    int[] permutation(String text, int lineNumber, int deck) {
        String[] fields = text.split("[\\s,]+");
        String where = name + ": line " + lineNumber + ": ";
        if (fields.length != deck) {
            throw new IllegalArgumentException(where + "expected " + deck + " cards (a shuffle), found " + fields.length);
        }
        int[] order = new int[deck];
        boolean[] seen = new boolean[deck];
        for (int i = 0; i < deck; i++) {
            int card;
            try {
                card = Integer.parseInt(fields[i]);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(where + "position " + (i + 1) + ": expected a card 0 to " + (deck - 1)
                        + ", found '" + abbreviate(fields[i]) + "'");
            }
            if (card < 0 || card >= deck || seen[card]) {
                throw new IllegalArgumentException(where + "position " + (i + 1) + ": expected each card 0 to "
                        + (deck - 1) + " once, found " + card + (card >= 0 && card < deck ? " again" : ""));
            }
            seen[card] = true;
            order[i] = card;
        }
        return order;
    }

    /** One double in [0, 1). */
    double unitDouble(String text, int lineNumber) {
        double v;
        try {
            v = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            v = Double.NaN;
        }
        if (!(v >= 0 && v < 1)) {
            throw new IllegalArgumentException(name + ": line " + lineNumber + ": expected a number in [0, 1), found '"
                    + abbreviate(text) + "'");
        }
        return v;
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "...";
    }

    /** A growable array of ints. */
    private static final class IntList {
        int[] values = new int[1 << 16];
        int size;

        void add(int v) {
            if (size == values.length) {
                values = Arrays.copyOf(values, values.length * 2);
            }
            values[size++] = v;
        }
    }
}
