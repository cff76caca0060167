package io.linkshelf.export;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;

/**
 * File names that work on Linux, macOS and Windows and in note vaults: the author's own name (CJK kept), without
 * the characters those systems or Markdown links reserve, trimmed, composed (NFC, so macOS and Linux agree) and short.
 */
final class SafeNames {

    private static final Set<String> RESERVED = Set.of("con", "prn", "aux", "nul", "com1", "com2", "com3", "com4", "com5",
            "com6", "com7", "com8", "com9", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9");
    /** Windows allows 255 UTF-16 units per name; 80 code points leave room for an extension and a deep vault path. */
    private static final int MAX = 80;

    private SafeNames() {}

    /** A safe name for {@code text}, or {@code fallback} (assumed safe) if nothing usable is left. */
    static String of(String text, String fallback) {
        String s = Normalizer.normalize(text, Normalizer.Form.NFC);
        StringBuilder out = new StringBuilder();
        s.codePoints().forEach(cp -> {
            if (cp < 0x20 || cp == 0x7F || "<>:\"/\\|?*#^[]%".indexOf(cp) >= 0 || Character.getType(cp) == Character.FORMAT
                    || Character.isSurrogate((char) cp) && cp <= 0xFFFF) {
                out.append('_');
            } else if (Character.isWhitespace(cp)) {
                out.append(' ');
            } else {
                out.appendCodePoint(cp);
            }
        });
        String name = out.toString().replaceAll(" {2,}", " ").replaceAll("_{2,}", "_").strip();
        if (name.codePointCount(0, name.length()) > MAX) {
            name = name.substring(0, name.offsetByCodePoints(0, MAX)).strip();
        }
        // Windows drops trailing dots and spaces; a leading dot hides the file on Unix.
        name = name.replaceAll("[. ]+$", "").replaceAll("^[. ]+", "");
        String stem = name.contains(".") ? name.substring(0, name.indexOf('.')) : name;
        if (name.isEmpty() || name.chars().allMatch(c -> c == '_') || RESERVED.contains(stem.toLowerCase(Locale.ROOT))) {
            return fallback;
        }
        return name;
    }
}
