package io.linkshelf.search;

/**
 * Hashes the trigrams (three consecutive code points, after the index fold) of a text into
 * {@link #HASHES} bit positions each out of {@link #BITS}: a document's signature, and the bits
 * a query literal needs. Trigrams never span a line end, since grep matches within a line.
 */
final class Trigrams {

    /** Signature bits per document; a 20 KB Chinese article sets roughly a fifth of them. */
    static final int BITS = 1 << 16;
    /** Bit positions per trigram. */
    static final int HASHES = 2;

    private Trigrams() {}

    /** Receives the bit positions of every trigram. */
    interface Sink {
        void bit(int position);
    }

    /** The signature of a text, as {@code BITS / 64} longs. */
    static long[] signature(CharSequence text) {
        long[] bits = new long[BITS / 64];
        each(text, p -> bits[p >>> 6] |= 1L << p);
        return bits;
    }

    static void each(CharSequence text, Sink sink) {
        int a = -1;
        int b = -1;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            int cp;
            if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                cp = Character.toCodePoint(c, text.charAt(++i));
                String f = Folding.nfkc(cp);
                if (f != null) {
                    String folded = Folding.forIndex(f);
                    for (int k = 0; k < folded.length(); ) {
                        int fc = folded.codePointAt(k);
                        k += Character.charCount(fc);
                        if (a >= 0) {
                            emit(a, b, fc, sink);
                        }
                        a = b;
                        b = fc;
                    }
                    continue;
                }
                cp = Character.toLowerCase(Character.toUpperCase(cp));
            } else if (c == '\n') {
                a = -1;
                b = -1;
                continue;
            } else {
                String f = Folding.indexFold(c);
                if (f != null) {
                    for (int k = 0; k < f.length(); ) {
                        int fc = f.codePointAt(k);
                        k += Character.charCount(fc);
                        if (a >= 0) {
                            emit(a, b, fc, sink);
                        }
                        a = b;
                        b = fc;
                    }
                    continue;
                }
                cp = Folding.lowerAscii(c);
            }
            if (a >= 0) {
                emit(a, b, cp, sink);
            }
            a = b;
            b = cp;
        }
    }

    private static void emit(int a, int b, int c, Sink sink) {
        long h = ((a * 0x9E3779B97F4A7C15L + b) * 0x9E3779B97F4A7C15L + c) * 0xBF58476D1CE4E5B9L;
        h ^= h >>> 31;
        h *= 0x94D049BB133111EBL;
        h ^= h >>> 29;
        sink.bit((int) (h & (BITS - 1)));
        sink.bit((int) ((h >>> 20) & (BITS - 1)));
    }
}
