package io.linkshelf.warc;

import java.util.Map;

/**
 * Writes a flat JSON object of strings byte for byte as Python's {@code json.dumps} does with its defaults, which is
 * how pywb's cdxj-indexer writes CDXJ: {@code ", "} and {@code ": "} separators, non-ASCII escaped as lowercase
 * {@code \\uXXXX}.
 */
final class CdxjJson {
    private CdxjJson() {
    }

    static String write(Map<String, String> fields) {
        StringBuilder out = new StringBuilder(256).append('{');
        boolean first = true;
        for (Map.Entry<String, String> field : fields.entrySet()) {
            if (!first) {
                out.append(", ");
            }
            first = false;
            string(out, field.getKey());
            out.append(": ");
            string(out, field.getValue());
        }
        return out.append('}').toString();
    }

    private static void string(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        // UTF-16 units, so characters beyond the BMP come out as a surrogate pair, as in Python
                        out.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
