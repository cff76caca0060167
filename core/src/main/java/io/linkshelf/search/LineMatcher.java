package io.linkshelf.search;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import org.jspecify.annotations.Nullable;

/**
 * Finds the matches within one line, for a line the searcher has already found to match: the spans
 * are worked out only when output asks for them (colour, {@code --json}), not for every line.
 */
final class LineMatcher {

    private final CompiledQuery compiled;
    private final Bytes.@Nullable Needle plainBytes;

    LineMatcher(CompiledQuery compiled) {
        this.compiled = compiled;
        Optional<String> plain = compiled.plain();
        this.plainBytes = plain.map(s -> new Bytes.Needle(s.getBytes(StandardCharsets.UTF_8))).orElse(null);
    }

    /** The plain literal's bytes, when the query is one: then a line matches where its bytes occur. */
    Bytes.@Nullable Needle plainBytes() {
        return plainBytes;
    }

    /** Whether the pattern finds a match in a line as the pattern meets it (folded under ignore-case). */
    boolean matches(Matcher reusable, CharSequence prepared) {
        return reusable.reset(prepared).find();
    }

    /** The matches in a line, as UTF-16 indices into the original line. */
    List<GrepLine.Span> charSpans(String line) {
        List<GrepLine.Span> spans = new ArrayList<>();
        if (compiled.plain().isPresent()) {
            String literal = compiled.plain().get();
            for (int at = line.indexOf(literal); at >= 0; at = line.indexOf(literal, at + literal.length())) {
                spans.add(new GrepLine.Span(at, at + literal.length()));
            }
            return spans;
        }
        if (!compiled.query().ignoreCase()) {
            Matcher m = compiled.pattern().matcher(line);
            while (m.find()) {
                spans.add(new GrepLine.Span(m.start(), m.end()));
            }
            return spans;
        }
        Folding.Folded folded = Folding.Folded.of(line);
        Matcher m = compiled.pattern().matcher(folded.text());
        while (m.find()) {
            int a = folded.start(m.start());
            int b = m.end() == m.start() ? a : folded.end(m.end(), line);
            spans.add(new GrepLine.Span(a, b));
        }
        return spans;
    }

    /** The plain literal's occurrences in {@code a[start, end)}, as byte offsets from {@code start}. */
    List<GrepLine.Span> byteSpans(byte[] a, int start, int end) {
        Bytes.Needle needle = plainBytes;
        if (needle == null) {
            throw new IllegalStateException("byte spans need a plain literal");
        }
        List<GrepLine.Span> spans = new ArrayList<>();
        for (int at = needle.find(a, start, end); at >= 0; at = needle.find(a, at + needle.length(), end)) {
            spans.add(new GrepLine.Span(at - start, at - start + needle.length()));
        }
        return spans;
    }
}
