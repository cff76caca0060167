package io.linkshelf.export;

import java.util.Map;

/**
 * YAML front matter for a note. Every value is a double-quoted YAML scalar with everything YAML could misread
 * escaped, so titles with colons, quotes, {@code #} or {@code ---} stay strings and the block always parses.
 */
final class FrontMatter {

    private FrontMatter() {}

    /** The block, {@code ---} lines included, the fields in the order given. */
    static String of(Map<String, String> fields) {
        StringBuilder b = new StringBuilder("---\n");
        fields.forEach((name, value) -> b.append(name).append(": ").append(quote(value)).append('\n'));
        return b.append("---\n").toString();
    }

    static String quote(String value) {
        StringBuilder b = new StringBuilder("\"");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean unpaired = Character.isHighSurrogate(c) ? i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(i + 1))
                    : Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(value.charAt(i - 1)));
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c == '\n') {
                b.append("\\n");
            } else if (c == '\t') {
                b.append("\\t");
            } else if (c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == 0x2028 || c == 0x2029 || c == 0xFEFF
                    || c == 0xFFFE || c == 0xFFFF || unpaired) {
                // YAML readers refuse non-printable characters even inside quotes; escaped they are fine.
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append('"').toString();
    }
}
