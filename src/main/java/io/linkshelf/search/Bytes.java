package io.linkshelf.search;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Byte searches over UTF-8 text, eight bytes at a time: the JDK has no vectorised {@code indexOf}
 * for a {@code byte[]}, and copying every file into a Latin-1 {@code String} to get one costs a
 * second pass and twice the garbage.
 */
final class Bytes {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;

    private Bytes() {}

    /** The first index of {@code b} in {@code a[from, to)}, or -1. */
    static int indexOf(byte[] a, byte b, int from, int to) {
        long pattern = (b & 0xFFL) * ONES;
        int i = from;
        for (; i + 8 <= to; i += 8) {
            long x = (long) LONGS.get(a, i) ^ pattern;
            // The lowest flagged byte is always a true zero (a borrow only flags bytes above one).
            long zero = (x - ONES) & ~x & HIGHS;
            if (zero != 0) {
                return i + (Long.numberOfTrailingZeros(zero) >>> 3);
            }
        }
        for (; i < to; i++) {
            if (a[i] == b) {
                return i;
            }
        }
        return -1;
    }

    /** The last index of {@code b} in {@code a[from, to)}, or -1. */
    static int lastIndexOf(byte[] a, byte b, int from, int to) {
        for (int i = to - 1; i >= from; i--) {
            if (a[i] == b) {
                return i;
            }
        }
        return -1;
    }

    /** A byte string to find, with the byte it is scanned for chosen to be rare in CJK-and-Latin text. */
    static final class Needle {
        private final byte[] bytes;
        private final int pivot;
        private final byte pivotByte;

        Needle(byte[] bytes) {
            if (bytes.length == 0) {
                throw new IllegalArgumentException("empty needle");
            }
            this.bytes = bytes.clone();
            int best = bytes.length - 1;
            for (int i = bytes.length - 1; i >= 0; i--) {
                if (rank(bytes[i]) > rank(bytes[best])) {
                    best = i;
                }
            }
            this.pivot = best;
            this.pivotByte = bytes[best];
        }

        /**
         * How rare a byte tends to be: a UTF-8 continuation byte spreads over 64 values, a lead byte
         * of a CJK char over a handful, lower-case letters and spaces are everywhere.
         */
        private static int rank(byte b) {
            int v = b & 0xFF;
            if (v >= 0x80 && v < 0xC0) {
                return 4;
            }
            if ((v >= 'A' && v <= 'Z') || (v >= '0' && v <= '9') || (v > ' ' && v < 0x80 && !Character.isLetter(v))) {
                return 3;
            }
            if (v >= 0xC0) {
                return 1;
            }
            return v == ' ' ? 0 : 2;
        }

        int length() {
            return bytes.length;
        }

        /** The first index at which the needle starts in {@code a[from, to)}, or -1. */
        int find(byte[] a, int from, int to) {
            int last = to - bytes.length;
            int at = from + pivot;
            while (at - pivot <= last) {
                int hit = indexOf(a, pivotByte, at, last + pivot + 1);
                if (hit < 0) {
                    return -1;
                }
                int start = hit - pivot;
                if (matchesAt(a, start)) {
                    return start;
                }
                at = hit + 1;
            }
            return -1;
        }

        private boolean matchesAt(byte[] a, int start) {
            for (int k = 0; k < bytes.length; k++) {
                if (a[start + k] != bytes[k]) {
                    return false;
                }
            }
            return true;
        }
    }

    /** UTF-16 units that the valid UTF-8 in {@code a[from, to)} decodes to. */
    static int utf16Length(byte[] a, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            int v = a[i] & 0xFF;
            if (v < 0x80 || v >= 0xC0) {
                n += v >= 0xF0 ? 2 : 1;
            }
        }
        return n;
    }

    /** UTF-8 bytes that {@code s[from, to)} encodes to (a lone surrogate as the encoder's one-byte '?'). */
    static int utf8Length(CharSequence s, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                n++;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < to && Character.isLowSurrogate(s.charAt(i + 1))) {
                n += 4;
                i++;
            } else if (Character.isSurrogate(c)) {
                n++;
            } else {
                n += 3;
            }
        }
        return n;
    }
}
