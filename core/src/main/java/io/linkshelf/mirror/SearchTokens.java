package io.linkshelf.mirror;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The search tokens of a text: overlapping character bigrams of each CJK run (a lone CJK character is its own
 * token) and lower-cased words of other letters and digits. {@code search.js} tokenizes queries the same way, so
 * any change here must be made there too.
 */
final class SearchTokens {

    /** Longer words are cut, so a pasted hash or URL cannot bloat the index. */
    static final int MAX_WORD = 32;

    private SearchTokens() {}

    static List<String> of(String text) {
        String normal = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        List<String> tokens = new ArrayList<>();
        int[] cps = normal.codePoints().toArray();
        int i = 0;
        while (i < cps.length) {
            int start = i;
            if (isCjk(cps[i])) {
                while (i < cps.length && isCjk(cps[i])) {
                    i++;
                }
                if (i - start == 1) {
                    tokens.add(new String(cps, start, 1));
                }
                for (int k = start; k + 1 < i; k++) {
                    tokens.add(new String(cps, k, 2));
                }
            } else if (Character.isLetterOrDigit(cps[i])) {
                while (i < cps.length && Character.isLetterOrDigit(cps[i]) && !isCjk(cps[i])) {
                    i++;
                }
                tokens.add(new String(cps, start, Math.min(i - start, MAX_WORD)));
            } else {
                i++;
            }
        }
        return tokens;
    }

    /** Han (with extension A and compatibility ideographs), kana and Hangul syllables: the BMP ranges search.js uses. */
    static boolean isCjk(int cp) {
        return (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0xF900 && cp <= 0xFAFF)
                || (cp >= 0x3040 && cp <= 0x30FF) || (cp >= 0xAC00 && cp <= 0xD7AF);
    }
}
