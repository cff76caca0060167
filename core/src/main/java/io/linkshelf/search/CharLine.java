package io.linkshelf.search;

import java.util.Objects;

/**
 * Decoded UTF-8 in a reusable char array, for running a regex over a line or a body without a new
 * {@code String} each time: the JDK's decoder allocates twice per call and is the slowest step of a
 * regex search. Only well-formed UTF-8 is decoded here; anything else is left to the JDK, whose
 * replacement of bad bytes is the one the rest of grep sees.
 */
final class CharLine implements CharSequence {

    private char[] chars = new char[4096];
    private int length;

    /** Decodes {@code a[from, to)}; false (and nothing usable) if the bytes are not well-formed UTF-8. */
    boolean decode(byte[] a, int from, int to) {
        if (chars.length < to - from) {
            chars = new char[Math.max(to - from, chars.length * 2)];
        }
        char[] out = chars;
        int n = 0;
        int i = from;
        while (i < to) {
            int b = a[i];
            if (b >= 0) {
                out[n++] = (char) b;
                i++;
            } else if ((b & 0xF0) == 0xE0 && i + 2 < to) {
                int b1 = a[i + 1];
                int b2 = a[i + 2];
                int c = ((b & 0x0F) << 12) | ((b1 & 0x3F) << 6) | (b2 & 0x3F);
                if ((b1 & 0xC0) != 0x80 || (b2 & 0xC0) != 0x80 || c < 0x800 || Character.isSurrogate((char) c)) {
                    return false;
                }
                out[n++] = (char) c;
                i += 3;
            } else if ((b & 0xE0) == 0xC0 && i + 1 < to) {
                int b1 = a[i + 1];
                int c = ((b & 0x1F) << 6) | (b1 & 0x3F);
                if ((b1 & 0xC0) != 0x80 || c < 0x80) {
                    return false;
                }
                out[n++] = (char) c;
                i += 2;
            } else if ((b & 0xF8) == 0xF0 && i + 3 < to) {
                int b1 = a[i + 1];
                int b2 = a[i + 2];
                int b3 = a[i + 3];
                int cp = ((b & 0x07) << 18) | ((b1 & 0x3F) << 12) | ((b2 & 0x3F) << 6) | (b3 & 0x3F);
                if ((b1 & 0xC0) != 0x80 || (b2 & 0xC0) != 0x80 || (b3 & 0xC0) != 0x80 || cp < 0x10000 || cp > 0x10FFFF) {
                    return false;
                }
                out[n++] = Character.highSurrogate(cp);
                out[n++] = Character.lowSurrogate(cp);
                i += 4;
            } else {
                return false;
            }
        }
        length = n;
        return true;
    }

    @Override
    public int length() {
        return length;
    }

    @Override
    public char charAt(int index) {
        return chars[Objects.checkIndex(index, length)];
    }

    @Override
    public String subSequence(int start, int end) {
        Objects.checkFromToIndex(start, end, length);
        return new String(chars, start, end - start);
    }

    @Override
    public String toString() {
        return new String(chars, 0, length);
    }
}
