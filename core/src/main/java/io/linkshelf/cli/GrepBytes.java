package io.linkshelf.cli;

import io.linkshelf.search.GrepLine;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.ConcurrentLinkedQueue;

/** A growable UTF-8 byte buffer that grep output is rendered into, one article per buffer. */
final class GrepBytes {

    private byte[] bytes;
    private int length;

    GrepBytes(int capacity) {
        bytes = new byte[Math.max(16, capacity)];
    }

    private GrepBytes(byte[] bytes) {
        this.bytes = bytes;
        this.length = bytes.length;
    }

    /** A string's UTF-8 bytes. */
    static GrepBytes of(String s) {
        return new GrepBytes(s.getBytes(StandardCharsets.UTF_8));
    }

    byte[] array() {
        return bytes;
    }

    int length() {
        return length;
    }

    private void ensure(int more) {
        if (length + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
        }
    }

    GrepBytes append(char ascii) {
        ensure(1);
        bytes[length++] = (byte) ascii;
        return this;
    }

    /** Appends a string's UTF-8 bytes (ASCII without an intermediate array). */
    GrepBytes append(String s) {
        int n = s.length();
        ensure(n);
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                byte[] utf8 = s.substring(i).getBytes(StandardCharsets.UTF_8);
                ensure(utf8.length);
                System.arraycopy(utf8, 0, bytes, length, utf8.length);
                length += utf8.length;
                return this;
            }
            bytes[length++] = (byte) c;
        }
        return this;
    }

    GrepBytes append(long n) {
        if (n >= 0 && n < 10) {
            return append((char) ('0' + n));
        }
        return append(Long.toString(n));
    }

    /** Appends bytes {@code [from, to)} of a line. */
    GrepBytes append(GrepLine line, int from, int to) {
        ensure(to - from);
        line.copyBytes(from, to, bytes, length);
        length += to - from;
        return this;
    }

    /**
     * Buffers handed back once printed, for later articles, so output memory stays at the search's
     * window of articles in flight rather than growing with the output.
     */
    static final class Pool {
        private static final int LARGEST_KEPT = 1 << 20;
        private final ConcurrentLinkedQueue<GrepBytes> free = new ConcurrentLinkedQueue<>();

        GrepBytes take(int capacity) {
            GrepBytes b = free.poll();
            if (b == null) {
                return new GrepBytes(capacity);
            }
            b.length = 0;
            b.ensure(capacity);
            return b;
        }

        void give(GrepBytes b) {
            if (b.bytes.length <= LARGEST_KEPT) {
                free.offer(b);
            }
        }
    }

    @Override
    public String toString() {
        return new String(bytes, 0, length, StandardCharsets.UTF_8);
    }
}
