package io.linkshelf.search;

import java.text.Normalizer;
import org.jspecify.annotations.Nullable;

/**
 * NFKC-like folding, one code point at a time, so a match in the folded text maps back to whole
 * code points of the original: full-width {@code ＤｅｅｐＦＭ} folds to {@code DeepFM}, half-width
 * katakana to full-width, {@code ①} to {@code 1}. Folding each code point alone (rather than the
 * whole string) keeps one promise the index relies on: if a text contains a string, the folded
 * text contains the folded string.
 */
final class Folding {

    // Per-BMP-char caches, filled lazily; racing writers store equal values, so no locking is needed.
    private static final String[] NFKC = new String[0x10000];
    private static final String[] INDEX = new String[0x10000];

    private Folding() {}

    /** NFKC of one code point, or null when it folds to itself. */
    static @Nullable String nfkc(int cp) {
        if (cp < 0x80 || (cp >= 0x4E00 && cp <= 0x9FFF)) {
            return null;
        }
        if (cp >= 0x10000) {
            String s = new String(Character.toChars(cp));
            String n = Normalizer.normalize(s, Normalizer.Form.NFKC);
            return n.equals(s) ? null : n;
        }
        String cached = NFKC[cp];
        if (cached == null) {
            String s = String.valueOf((char) cp);
            String n = Normalizer.normalize(s, Normalizer.Form.NFKC);
            cached = n.equals(s) ? "" : n;
            NFKC[cp] = cached;
        }
        return cached.isEmpty() ? null : cached;
    }

    /**
     * The index's fold of one BMP char: NFKC, then case (upper, then lower, so that {@code ı},
     * {@code ſ} and friends meet their ASCII letters as case-insensitive regexes do).
     */
    static @Nullable String indexFold(char c) {
        if (c < 0x80) {
            return null;
        }
        if (c >= 0x4E00 && c <= 0x9FFF) {
            return null;
        }
        String cached = INDEX[c];
        if (cached == null) {
            String n = nfkc(c);
            String base = n == null ? String.valueOf(c) : n;
            StringBuilder folded = new StringBuilder(base.length());
            base.codePoints().forEach(cp -> folded.appendCodePoint(Character.toLowerCase(Character.toUpperCase(cp))));
            cached = folded.toString().equals(String.valueOf(c)) ? "" : folded.toString();
            INDEX[c] = cached;
        }
        return cached.isEmpty() ? null : cached;
    }

    static char lowerAscii(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
    }

    /** The index fold of a whole string (for query literals). */
    static String forIndex(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (cp < 0x10000) {
                String f = indexFold((char) cp);
                if (f == null) {
                    out.append(lowerAscii((char) cp));
                } else {
                    out.append(f);
                }
            } else {
                String n = nfkc(cp);
                String base = n == null ? new String(Character.toChars(cp)) : n;
                base.codePoints().forEach(c -> out.appendCodePoint(Character.toLowerCase(Character.toUpperCase(c))));
            }
        }
        return out.toString();
    }

    /** The NFKC-per-code-point fold of a string, for a fixed string under {@code -i}. */
    static String forMatching(String text) {
        return Folded.of(text).text();
    }

    /**
     * A regular expression with its non-ASCII code points folded, so it meets folded text. Regex
     * syntax is ASCII, so non-ASCII code points are literals; where one folds to ASCII punctuation
     * (full-width {@code （} to {@code (}) the result is escaped so it stays a literal.
     */
    static String pattern(String regex) {
        StringBuilder out = new StringBuilder(regex.length() + 8);
        boolean quoted = false;
        for (int i = 0; i < regex.length(); ) {
            int cp = regex.codePointAt(i);
            int next = i + Character.charCount(cp);
            if (quoted) {
                if (regex.startsWith("\\E", i)) {
                    quoted = false;
                    out.append("\\E");
                    i += 2;
                    continue;
                }
                appendRaw(out, cp);
            } else if (cp == '\\' && next < regex.length()) {
                int escaped = regex.codePointAt(next);
                int after = next + Character.charCount(escaped);
                if (escaped == 'Q') {
                    quoted = true;
                    out.append("\\Q");
                } else if (escaped < 0x80) {
                    out.appendCodePoint('\\').appendCodePoint(escaped);
                } else {
                    appendEscaped(out, escaped);
                }
                i = after;
                continue;
            } else if (cp < 0x80) {
                out.appendCodePoint(cp);
            } else {
                appendEscaped(out, cp);
            }
            i = next;
        }
        return out.toString();
    }

    private static void appendRaw(StringBuilder out, int cp) {
        String f = nfkc(cp);
        if (f == null) {
            out.appendCodePoint(cp);
        } else {
            out.append(f);
        }
    }

    private static void appendEscaped(StringBuilder out, int cp) {
        String f = nfkc(cp);
        if (f == null) {
            out.appendCodePoint(cp);
            return;
        }
        for (int i = 0; i < f.length(); i++) {
            char c = f.charAt(i);
            if (c < 0x80 && !Character.isLetterOrDigit(c)) {
                out.append('\\');
            }
            out.append(c);
        }
    }

    /**
     * A folded text and, unless nothing changed, where each folded char came from.
     *
     * @param text the folded text
     * @param origin for each folded char, the original index of the code point it came from;
     *     null when the text folds to itself
     * @param originalLength the original text's length
     */
    record Folded(String text, int @Nullable [] origin, int originalLength) {

        static Folded of(String original) {
            if (Normalizer.isNormalized(original, Normalizer.Form.NFKC)) {
                // A normalized string holds no code point that NFKC changes on its own.
                return new Folded(original, null, original.length());
            }
            StringBuilder out = new StringBuilder(original.length());
            int[] origin = new int[original.length() + 16];
            for (int i = 0; i < original.length(); ) {
                int cp = original.codePointAt(i);
                String f = nfkc(cp);
                int start = out.length();
                if (f == null) {
                    out.appendCodePoint(cp);
                } else {
                    out.append(f);
                }
                if (out.length() > origin.length) {
                    origin = java.util.Arrays.copyOf(origin, Math.max(origin.length * 2, out.length() + 16));
                }
                for (int k = start; k < out.length(); k++) {
                    origin[k] = i;
                }
                i += Character.charCount(cp);
            }
            return new Folded(out.toString(), origin, original.length());
        }

        /** The original index where the folded char at {@code index} starts its code point. */
        int start(int index) {
            int[] map = origin;
            if (map == null) {
                return index;
            }
            return index >= text.length() ? originalLength : map[index];
        }

        /** The original index just after the code point that produced folded char {@code endExclusive - 1}. */
        int end(int endExclusive, String original) {
            int[] map = origin;
            if (map == null) {
                return endExclusive;
            }
            if (endExclusive <= 0) {
                return 0;
            }
            int o = map[endExclusive - 1];
            return o + Character.charCount(original.codePointAt(o));
        }
    }
}
