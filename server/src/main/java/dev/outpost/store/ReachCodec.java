package dev.outpost.store;

import java.io.ByteArrayOutputStream;

/**
 * The compact byte form of a reach row (cells reached, ascending, and optionally the seconds to each): unsigned LEB128
 * varints — the count, then the cell indices as gaps from the previous one (the first from -1), then, when present,
 * the seconds. A city-scale row of a thousand cells takes about 3 bytes per cell with seconds, 1–2 without. Stateless.
 */
final class ReachCodec {
    private ReachCodec() {}

    /** Encodes cells (strictly increasing, not negative) and seconds (same length, or null for none). */
    static byte[] encode(int[] cells, int[] seconds) {
        if (seconds != null && seconds.length != cells.length) {
            throw new IllegalArgumentException(
                    "reach row has " + cells.length + " cells but " + seconds.length + " times");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(cells.length * (seconds == null ? 2 : 4) + 4);
        write(out, cells.length);
        int previous = -1;
        for (int c : cells) {
            if (c <= previous) {
                throw new IllegalArgumentException(
                        "reach row cells must be strictly increasing: " + c + " after " + previous);
            }
            write(out, c - previous - 1);
            previous = c;
        }
        if (seconds != null) {
            for (int s : seconds) {
                if (s < 0) {
                    throw new IllegalArgumentException("reach row time " + s + " s is negative");
                }
                write(out, s);
            }
        }
        return out.toByteArray();
    }

    /** The cell indices of an encoded row. */
    static int[] cells(byte[] bytes) {
        int[] pos = {0};
        int n = read(bytes, pos);
        int[] cells = new int[n];
        int previous = -1;
        for (int k = 0; k < n; k++) {
            previous = previous + 1 + read(bytes, pos);
            cells[k] = previous;
        }
        return cells;
    }

    /** The seconds of an encoded row; throws when the row was encoded without them. */
    static int[] seconds(byte[] bytes) {
        int[] pos = {0};
        int n = read(bytes, pos);
        for (int k = 0; k < n; k++) {
            read(bytes, pos);
        }
        if (n > 0 && pos[0] >= bytes.length) {
            throw new IllegalArgumentException("reach row was stored without times");
        }
        int[] seconds = new int[n];
        for (int k = 0; k < n; k++) {
            seconds[k] = read(bytes, pos);
        }
        if (pos[0] != bytes.length) {
            throw new IllegalArgumentException("reach row has " + (bytes.length - pos[0]) + " trailing bytes");
        }
        return seconds;
    }

    private static void write(ByteArrayOutputStream out, int value) {
        int v = value;
        while ((v & ~0x7F) != 0) {
            out.write((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        out.write(v);
    }

    private static int read(byte[] bytes, int[] pos) {
        int value = 0;
        int shift = 0;
        while (true) {
            if (pos[0] >= bytes.length) {
                throw new IllegalArgumentException("reach row is truncated at byte " + pos[0]);
            }
            int b = bytes[pos[0]++] & 0xFF;
            value |= (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
            shift += 7;
            if (shift > 28) {
                throw new IllegalArgumentException("reach row has a varint longer than 5 bytes at byte " + pos[0]);
            }
        }
    }
}
