package io.linkshelf.archive;

/**
 * The one HTML escaper of every view (mirror, reports, exports): text made safe for element content and for
 * double- or single-quoted attribute values.
 */
public final class Html {

    private Html() {}

    /** Escapes {@code & < > " '}; everything else, CJK included, stays as it is. */
    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
