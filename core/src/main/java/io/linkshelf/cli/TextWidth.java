package io.linkshelf.cli;

/** Terminal column widths: CJK and other wide characters take two columns, so tables line up. */
final class TextWidth {

    private TextWidth() {}

    static int of(String text) {
        int width = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            width += isWide(cp) ? 2 : (Character.getType(cp) == Character.NON_SPACING_MARK ? 0 : 1);
            i += Character.charCount(cp);
        }
        return width;
    }

    /** Pads with spaces on the right to the given column width; never truncates. */
    static String padRight(String text, int columns) {
        return text + " ".repeat(Math.max(0, columns - of(text)));
    }

    /** Pads with spaces on the left to the given column width. */
    static String padLeft(String text, int columns) {
        return " ".repeat(Math.max(0, columns - of(text))) + text;
    }

    /** Cuts text to at most the given column width, ending in an ellipsis when cut. */
    static String truncate(String text, int columns) {
        if (of(text) <= columns) {
            return text;
        }
        StringBuilder cut = new StringBuilder();
        int width = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int w = isWide(cp) ? 2 : 1;
            if (width + w > columns - 1) {
                break;
            }
            cut.appendCodePoint(cp);
            width += w;
            i += Character.charCount(cp);
        }
        return cut + "…";
    }

    private static boolean isWide(int cp) {
        return (cp >= 0x1100 && cp <= 0x115F)
                || (cp >= 0x2E80 && cp <= 0xA4CF && cp != 0x303F)
                || (cp >= 0xAC00 && cp <= 0xD7A3)
                || (cp >= 0xF900 && cp <= 0xFAFF)
                || (cp >= 0xFE30 && cp <= 0xFE4F)
                || (cp >= 0xFF00 && cp <= 0xFF60)
                || (cp >= 0xFFE0 && cp <= 0xFFE6)
                || (cp >= 0x1F300 && cp <= 0x1FAFF)
                || (cp >= 0x20000 && cp <= 0x3FFFD);
    }
}
