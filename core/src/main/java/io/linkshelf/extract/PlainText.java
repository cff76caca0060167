package io.linkshelf.extract;

import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/** Plain text of a clean body: blank lines between paragraphs, one line per list item, code verbatim. */
final class PlainText implements NodeFilter {
    private static final Set<String> LINES = Set.of("li", "tr", "dt", "dd", "figcaption");
    private static final Set<String> CELLS = Set.of("td", "th");

    private final StringBuilder out = new StringBuilder();
    private int pendingBreaks;
    private boolean pendingSpace;
    private boolean lineStart = true;

    private PlainText() {}

    static String of(Element body) {
        PlainText text = new PlainText();
        NodeTraversor.filter(text, body);
        return text.out.toString().strip();
    }

    @Override
    public FilterResult head(Node node, int depth) {
        if (node instanceof TextNode t) {
            inline(t.getWholeText());
            return FilterResult.CONTINUE;
        }
        if (!(node instanceof Element el) || depth == 0) {
            return FilterResult.CONTINUE;
        }
        String name = el.normalName();
        if (name.equals("br")) {
            pendingBreaks = Math.min(2, pendingBreaks + 1);
            pendingSpace = false;
        } else if (name.equals("pre")) {
            breaks(blockBreaks(el));
            flush();
            out.append(el.wholeText());
            lineStart = false;
            breaks(blockBreaks(el));
            return FilterResult.SKIP_CHILDREN;
        } else if (name.equals("img")) {
            if (el.hasClass("math")) {
                inline(el.attr("alt"));
            }
        } else if (CELLS.contains(name) && el.elementSiblingIndex() > 0) {
            inline(" | ");
        } else if (LINES.contains(name)) {
            breaks(1);
        } else if (BodyCleaner.BLOCKS.contains(name)) {
            breaks(blockBreaks(el));
        }
        return FilterResult.CONTINUE;
    }

    @Override
    public FilterResult tail(Node node, int depth) {
        if (node instanceof Element el && depth > 0) {
            String name = el.normalName();
            if (LINES.contains(name)) {
                breaks(1);
            } else if (BodyCleaner.BLOCKS.contains(name)) {
                breaks(blockBreaks(el));
            }
        }
        return FilterResult.CONTINUE;
    }

    /** Blocks inside list items, figures and tables only start a new line; elsewhere they are paragraphs. */
    private static int blockBreaks(Element el) {
        for (Element a = el.parent(); a != null; a = a.parent()) {
            String name = a.normalName();
            if (name.equals("li") || name.equals("figure") || name.equals("td") || name.equals("th")) {
                return 1;
            }
        }
        return 2;
    }

    private void breaks(int n) {
        pendingBreaks = Math.max(pendingBreaks, n);
        pendingSpace = false;
    }

    private void inline(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c) || c == '\u00a0') {
                pendingSpace |= !lineStart;
                continue;
            }
            flush();
            if (pendingSpace && !lineStart) {
                out.append(' ');
            }
            pendingSpace = false;
            out.append(c);
            lineStart = false;
        }
    }

    private void flush() {
        if (pendingBreaks > 0 && out.length() > 0) {
            out.append("\n".repeat(pendingBreaks));
            lineStart = true;
            pendingSpace = false;
        }
        pendingBreaks = 0;
    }

    /** CJK characters (Han, kana, Hangul) count one each; every other run of letters and digits counts one. */
    static int wordCount(String text) {
        int count = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            Character.UnicodeScript script = Character.UnicodeScript.of(cp);
            if (script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                    || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL) {
                count++;
                inWord = false;
            } else if (Character.isLetterOrDigit(cp)) {
                if (!inWord) {
                    count++;
                }
                inWord = true;
            } else if (!(inWord && (cp == '\'' || cp == '’' || cp == '-') && i < text.length()
                    && Character.isLetter(text.codePointAt(i)))) {
                inWord = false;
            }
        }
        return count;
    }
}
