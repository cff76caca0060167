package io.linkshelf.search;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Byte searches over UTF-8 text within a line or a few, eight bytes at a time, where a copy into a
 * Latin-1 {@code String} (for the JVM's vectorised {@code indexOf}) would cost more than it saves;
 * whole files are searched that way instead (see {@link DocSearcher}).
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
        long pattern = (b & 0xFFL) * ONES;
        int i = to - 8;
        for (; i >= from; i -= 8) {
            long zero = zeroBytes((long) LONGS.get(a, i) ^ pattern);
            if (zero != 0) {
                return i + 7 - (Long.numberOfLeadingZeros(zero) >>> 3);
            }
        }
        for (i += 7; i >= from; i--) {
            if (a[i] == b) {
                return i;
            }
        }
        return -1;
    }

    /** The high bit of every byte of {@code x} that is zero, and of no other byte. */
    private static long zeroBytes(long x) {
        long low7 = 0x7F7F7F7F7F7F7F7FL;
        return ~(((x & low7) + low7) | x | low7);
    }

    /**
     * A byte string to find. It is scanned for a pair of its bytes, eight positions at a time, the
     * pair chosen to be rare in CJK-and-Latin text: one byte alone (a CJK lead byte, a common
     * continuation byte) recurs every few dozen bytes, a pair of continuation bytes every few thousand.
     */
    static final class Needle {
        private final byte[] bytes;
        private final int pivot;
        private final byte first;
        private final byte second;

        Needle(byte[] bytes) {
            this(bytes, guessPivot(bytes));
        }

        private Needle(byte[] bytes, int pivot) {
            if (bytes.length == 0) {
                throw new IllegalArgumentException("empty needle");
            }
            this.bytes = bytes.clone();
            this.pivot = pivot;
            this.first = bytes[pivot];
            this.second = bytes.length > 1 ? bytes[pivot + 1] : bytes[pivot];
        }

        private static int guessPivot(byte[] bytes) {
            int best = Math.max(0, bytes.length - 2);
            for (int i = bytes.length - 2; i >= 0; i--) {
                if (rank(bytes[i]) + rank(bytes[i + 1]) > rank(bytes[best]) + rank(bytes[best + 1])) {
                    best = i;
                }
            }
            return best;
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
            int lastStart = to - bytes.length;
            if (lastStart < from) {
                return -1;
            }
            if (bytes.length == 1) {
                return indexOf(a, first, from, to);
            }
            int end = lastStart + pivot; // the last place the pair's first byte can be
            int i = from + pivot;
            long p0 = (first & 0xFFL) * ONES;
            long p1 = (second & 0xFFL) * ONES;
            for (; i + 9 <= to && i <= end; i += 8) {
                long z = ((long) LONGS.get(a, i) ^ p0) | ((long) LONGS.get(a, i + 1) ^ p1);
                // Every zero byte (a place the pair starts) is flagged; a flag above one may be false.
                long zero = (z - ONES) & ~z & HIGHS;
                while (zero != 0) {
                    int j = i + (Long.numberOfTrailingZeros(zero) >>> 3);
                    if (j > end) {
                        return -1;
                    }
                    if (a[j] == first && a[j + 1] == second && matchesAt(a, j - pivot)) {
                        return j - pivot;
                    }
                    zero &= zero - 1;
                }
            }
            for (; i <= end; i++) {
                if (a[i] == first && a[i + 1] == second && matchesAt(a, i - pivot)) {
                    return i - pivot;
                }
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
