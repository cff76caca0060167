package io.linkshelf.mirror;

import java.util.List;

/**
 * The text encodings of {@code search-index.js}, chosen so the browser parses a few long string literals instead of
 * hundreds of thousands of object properties, and so every byte but the terms themselves is ASCII. {@code search.js}
 * decodes them; any change here must be made there too.
 *
 * <p>Terms (sorted by UTF-16 code units, the order of both Java's and JavaScript's string comparison) are written
 * as space-separated chunks: a chunk is a whole term, and when that term is a CJK bigram, numbers may follow, each
 * one more bigram with the same first character whose second character is that many code units (plus one) after the
 * previous bigram's.
 *
 * <p>Numbers are base {@value #BASE} in {@link #ALPHABET}: every digit but the last from its upper half, most
 * significant first. Postings, one record per term in term order, space-separated: either doc gaps (the distance to
 * the previous doc id minus one, starting before doc 0), then, when some tf is not 1, {@code !} and pairs of
 * (posting gap, tf - 2), where the posting gap counts postings the same way; or {@code #} and a bitmap over all
 * documents, six a character (bit {@code d % 6} of character {@code d / 6}), for terms counted tf 1 everywhere.
 */
final class SearchCodec {

    /** Printable ASCII from {@code (} to {@code ~} without the backslash: needs no escaping in a JSON string. */
    static final String ALPHABET = alphabet();
    /** Numbers are written in base {@value}: digits before the last come from the upper half of the alphabet. */
    static final int BASE = 43;
    static final char BITMAP = '#';
    static final char TF = '!';

    private SearchCodec() {}

    private static String alphabet() {
        StringBuilder sb = new StringBuilder();
        for (char c = '('; c <= '~'; c++) {
            if (c != '\\') {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** The sorted terms as space-separated chunks, bigrams sharing a first character folded into one chunk. */
    static String terms(List<String> sorted) {
        StringBuilder sb = new StringBuilder(sorted.size() * 2);
        String previous = "";
        for (String term : sorted) {
            if (term.isEmpty() || term.indexOf(' ') >= 0) {
                throw new IllegalArgumentException("not a search term: '" + term + "'");
            }
            if (bigram(term) && bigram(previous) && term.charAt(0) == previous.charAt(0)) {
                number(sb, term.charAt(1) - previous.charAt(1) - 1);
            } else {
                if (sb.length() > 0) {
                    sb.append(' ');
                }
                sb.append(term);
            }
            previous = term;
        }
        return sb.toString();
    }

    /** Two BMP CJK characters: the only terms whose chunks may carry more bigrams. */
    static boolean bigram(String term) {
        return term.length() == 2 && SearchTokens.isCjk(term.charAt(0)) && SearchTokens.isCjk(term.charAt(1));
    }

    /** One term's postings as a number list; {@code pairs} is doc, tf, doc, tf, ... with doc ids ascending. */
    static void list(StringBuilder out, int[] pairs, int size) {
        int last = -1;
        for (int i = 0; i < size; i += 2) {
            int gap = pairs[i] - last - 1;
            if (gap < 0 || pairs[i + 1] < 1) {
                throw new IllegalArgumentException("postings must have ascending doc ids and tf >= 1");
            }
            number(out, gap);
            last = pairs[i];
        }
        // Most body postings have tf 1: the others follow as exceptions rather than costing every posting a flag.
        int lastAt = -1;
        for (int i = 0; i < size; i += 2) {
            if (pairs[i + 1] > 1) {
                if (lastAt < 0) {
                    out.append(TF);
                }
                number(out, i / 2 - lastAt - 1);
                number(out, pairs[i + 1] - 2);
                lastAt = i / 2;
            }
        }
    }

    /** One term's documents as a bitmap over {@code docs} documents. */
    static void bitmap(StringBuilder out, int[] pairs, int size, int docs) {
        int[] sixes = new int[(docs + 5) / 6];
        for (int i = 0; i < size; i += 2) {
            sixes[pairs[i] / 6] |= 1 << (pairs[i] % 6);
        }
        out.append(BITMAP);
        for (int six : sixes) {
            out.append(ALPHABET.charAt(six));
        }
    }

    /** The length of a bitmap record, to compare with a list's. */
    static int bitmapLength(int docs) {
        return 1 + (docs + 5) / 6;
    }

    static void number(StringBuilder out, int value) {
        if (value < 0) {
            throw new IllegalArgumentException("negative: " + value);
        }
        int start = out.length();
        out.append(ALPHABET.charAt(value % BASE));
        for (int v = value / BASE; v > 0; v /= BASE) {
            out.insert(start, ALPHABET.charAt(BASE + v % BASE));
        }
    }
}
