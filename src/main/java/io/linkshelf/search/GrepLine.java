package io.linkshelf.search;

import java.util.List;
import java.util.Objects;

/**
 * One line of an article's grep result: a matching line, or a context line around one.
 *
 * @param number the line number in the text file (the body starts at line 8, after the header)
 * @param text the line, without its line end
 * @param spans the matches in the line, in order (empty for a context line)
 * @param matched whether the line matches (a line can match with only empty matches, e.g. {@code ^})
 */
public record GrepLine(int number, String text, List<Span> spans, boolean matched) {

    public GrepLine {
        Objects.requireNonNull(text, "text");
        spans = List.copyOf(spans);
    }

    /**
     * One match, as {@code String} (UTF-16) indices into the line, end exclusive.
     *
     * @param start the first char of the match
     * @param end one past its last char
     */
    public record Span(int start, int end) {
        public Span {
            if (start < 0 || end < start) {
                throw new IllegalArgumentException("bad span " + start + ".." + end);
            }
        }
    }

    /** The spans as code point offsets (what {@code --json} reports): an emoji counts as one character. */
    public List<int[]> codePointSpans() {
        return spans.stream()
                .map(s -> new int[] {text.codePointCount(0, s.start()), text.codePointCount(0, s.end())})
                .toList();
    }
}
