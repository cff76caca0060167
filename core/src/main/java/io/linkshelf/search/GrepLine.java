package io.linkshelf.search;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One line of an article's grep result: a matching line, or a context line around one. The line
 * stays UTF-8 bytes in its file's buffer until asked for: {@link #copyBytes} writes it out as it is,
 * while {@link #text()} decodes it and {@link #spans()} finds the matches only when output needs
 * them (colour, {@code --json}), so plain output never turns lines into strings.
 */
public final class GrepLine {

    private final int number;
    private final boolean matched;
    private final byte[] source;
    private final int start;
    private final int end;
    private final @Nullable LineMatcher matcher;
    private @Nullable String text;
    private @Nullable List<Span> spans;
    private @Nullable List<Span> byteSpans;

    /**
     * A line of {@code source[start, end)}, without its line end.
     *
     * @param text the decoded line when the searcher already has it
     * @param matcher finds the line's matches; null for a context line
     */
    GrepLine(int number, byte[] source, int start, int end, @Nullable String text, @Nullable LineMatcher matcher) {
        Objects.checkFromToIndex(start, end, source.length);
        this.number = number;
        this.source = source;
        this.start = start;
        this.end = end;
        this.text = text;
        this.matcher = matcher;
        this.matched = matcher != null;
    }

    /** The same line holding a copy of its bytes, no longer a view of a reused buffer. */
    GrepLine detached() {
        GrepLine copy = new GrepLine(number, Arrays.copyOfRange(source, start, end), 0, end - start, text, matcher);
        copy.spans = spans;
        copy.byteSpans = byteSpans;
        return copy;
    }

    /** The line number in the text file (the body starts at line 8, after the header). */
    public int number() {
        return number;
    }

    /** Whether the line matches (a line can match with only empty matches, e.g. {@code ^}). */
    public boolean matched() {
        return matched;
    }

    /** The line, without its line end. */
    public String text() {
        String t = text;
        if (t == null) {
            t = new String(source, start, end - start, StandardCharsets.UTF_8);
            text = t;
        }
        return t;
    }

    /** The line's length in UTF-8 bytes. */
    public int byteLength() {
        return end - start;
    }

    /** Copies the line's UTF-8 bytes {@code [from, to)} into {@code dest} at {@code at}. */
    public void copyBytes(int from, int to, byte[] dest, int at) {
        Objects.checkFromToIndex(from, to, end - start);
        System.arraycopy(source, start + from, dest, at, to - from);
    }

    /** The matches in the line, in order, as {@code String} (UTF-16) indices (empty for a context line). */
    public List<Span> spans() {
        List<Span> s = spans;
        if (s == null) {
            LineMatcher m = matcher;
            if (m == null) {
                s = List.of();
            } else if (m.plainBytes() != null) {
                s = new ArrayList<>();
                for (Span b : byteSpans()) {
                    int a = Bytes.utf16Length(source, start, start + b.start());
                    s.add(new Span(a, a + Bytes.utf16Length(source, start + b.start(), start + b.end())));
                }
                s = List.copyOf(s);
            } else {
                s = List.copyOf(m.charSpans(text()));
            }
            spans = s;
        }
        return s;
    }

    /** The matches as UTF-8 byte offsets into the line (what {@link #copyBytes} counts in). */
    public List<Span> byteSpans() {
        List<Span> s = byteSpans;
        if (s == null) {
            LineMatcher m = matcher;
            if (m == null) {
                s = List.of();
            } else if (m.plainBytes() != null) {
                s = List.copyOf(m.byteSpans(source, start, end));
            } else {
                String t = text();
                List<Span> bytes = new ArrayList<>();
                int length = byteLength();
                for (Span c : spans()) {
                    int a = Math.min(length, Bytes.utf8Length(t, 0, c.start()));
                    int b = Math.min(length, a + Bytes.utf8Length(t, c.start(), c.end()));
                    bytes.add(new Span(a, b));
                }
                s = List.copyOf(bytes);
            }
            byteSpans = s;
        }
        return s;
    }

    /** The spans as code point offsets (what {@code --json} reports): an emoji counts as one character. */
    public List<int[]> codePointSpans() {
        String t = text();
        return spans().stream()
                .map(s -> new int[] {t.codePointCount(0, s.start()), t.codePointCount(0, s.end())})
                .toList();
    }

    @Override
    public String toString() {
        return number + (matched ? ":" : "-") + text() + " " + spans();
    }

    /**
     * One match, as indices into the line, end exclusive.
     *
     * @param start the first char (or byte) of the match
     * @param end one past its last
     */
    public record Span(int start, int end) {
        public Span {
            if (start < 0 || end < start) {
                throw new IllegalArgumentException("bad span " + start + ".." + end);
            }
        }
    }
}
