package io.linkshelf.search;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import org.jspecify.annotations.Nullable;

/**
 * Searches one text file, line by line as grep does, for a compiled query. The file stays UTF-8
 * bytes: a plain literal is found by its bytes and nothing is decoded; a regex with a required
 * literal decodes only the lines holding the literal; only a regex without one (or ignore-case,
 * which folds the text) decodes the whole body. Thread-safe: every call has its own state.
 */
final class DocSearcher {

    private final CompiledQuery compiled;
    private final LineMatcher lines;
    private final @Nullable String plain;
    /** What {@link #searchBytes} scans for: the plain literal's or the needle's bytes, one char per byte. */
    private final @Nullable String scan;
    private final boolean needsLineEnd;
    private final Optional<String> author;
    private final Optional<String> section;
    // Buffers per searching thread, reused from file to file, looked up once per file.
    private final ThreadLocal<Scratch> scratch = ThreadLocal.withInitial(() -> new Scratch(new ReadBuffer(), new CharLine()));

    private record Scratch(ReadBuffer buffer, CharLine chars) {}

    DocSearcher(CompiledQuery compiled) {
        this.compiled = compiled;
        this.lines = new LineMatcher(compiled);
        this.plain = compiled.plain().map(s -> latin1(s.getBytes(StandardCharsets.UTF_8))).orElse(null);
        String needle = compiled.needle().filter(b -> b.length > 0).map(DocSearcher::latin1).orElse(null);
        this.scan = plain != null ? plain : needle;
        // A literal holding a line end can never be within one line.
        this.needsLineEnd = compiled.needle().map(b -> Bytes.indexOf(b, (byte) '\n', 0, b.length) >= 0).orElse(false)
                || compiled.plain().map(s -> s.indexOf('\n') >= 0).orElse(false);
        this.author = compiled.query().author().map(Folding::forIndex);
        this.section = compiled.query().section().map(Folding::forIndex);
    }

    private static String latin1(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    /** A matching line before context is added: its number, byte range and text if decoded. */
    private record Found(int number, int start, int end, @Nullable String text) {}

    /**
     * Searches a file. The hit's lines are views of this thread's read buffer, valid until the
     * thread searches its next file: use it right away, or {@link ArticleHit#detached()} it.
     */
    Optional<ArticleHit> search(String key, Path file, boolean latest) throws IOException {
        Scratch own = scratch.get();
        ReadBuffer buffer = own.buffer();
        int length = buffer.read(file);
        return search(key, file, latest, buffer.bytes(), length, own);
    }

    /** Searches a text file's bytes {@code bytes[0, length)}; the hit's lines are views of {@code bytes}. */
    Optional<ArticleHit> search(String key, Path file, boolean latest, byte[] bytes, int length) {
        return search(key, file, latest, bytes, length, scratch.get());
    }

    private Optional<ArticleHit> search(String key, Path file, boolean latest, byte[] bytes, int length, Scratch own) {
        TextFiles.Parsed parsed = TextFiles.parse(bytes, length);
        TextHeader header = parsed.header();
        if (!passesFilters(header)) {
            return Optional.empty();
        }
        int firstLine = parsed.bodyStart() == 0 ? 1 : TextFiles.BODY_FIRST_LINE;
        List<Found> found;
        if (needsLineEnd) {
            return Optional.empty();
        } else if (scan != null) {
            found = searchBytes(bytes, length, parsed.bodyStart(), firstLine, own.chars());
        } else {
            found = searchDecoded(bytes, length, parsed.bodyStart(), firstLine, own.chars());
        }
        if (found.isEmpty()) {
            return Optional.empty();
        }
        List<GrepLine> result = compiled.query().context() == 0
                ? matchedLines(found, bytes)
                : withContext(found, bytes, length, parsed.bodyStart());
        return Optional.of(new ArticleHit(key, header, file, latest, result, found.size()));
    }

    private boolean passesFilters(TextHeader header) {
        if (author.isPresent()) {
            StringBuilder names = new StringBuilder(header.author());
            for (String placement : header.section().split("; ")) {
                names.append('\n').append(placement.split(" › ")[0]);
            }
            if (!Folding.forIndex(names.toString()).contains(author.get())) {
                return false;
            }
        }
        return section.isEmpty() || Folding.forIndex(header.section()).contains(section.get());
    }

    /**
     * Lines holding the needle's bytes; with a plain literal those are the matches, with a regex
     * each such line is decoded and tried. The bytes are searched as a Latin-1 {@code String}, one
     * char per byte: {@code String.indexOf} (of the needle, of line ends) is vectorised by the JVM,
     * which makes the one copy cheaper than searching the {@code byte[]} in Java code.
     */
    private List<Found> searchBytes(byte[] bytes, int length, int bodyStart, int firstLine, CharLine chars) {
        List<Found> found = new ArrayList<>();
        String find = scan;
        if (find == null) {
            throw new IllegalStateException("no needle");
        }
        String text = new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
        Matcher matcher = plain == null ? compiled.pattern().matcher("") : null;
        int offset = compiled.needleOffset();
        int lineNo = firstLine;
        int lineStart = bodyStart;
        int pos = text.indexOf(find, bodyStart);
        while (pos >= 0) {
            // Walk to the hit's line, counting the line ends passed; no needle holds a line end.
            int lineEnd = text.indexOf('\n', lineStart);
            while (lineEnd >= 0 && lineEnd < pos) {
                lineNo++;
                lineStart = lineEnd + 1;
                lineEnd = text.indexOf('\n', lineStart);
            }
            if (lineEnd < 0) {
                lineEnd = length;
            }
            int next = -2; // the needle's next place after this line, when already found
            String decoded = null;
            boolean matches = true;
            if (matcher != null && offset >= 0) {
                matches = false;
                int at = pos;
                while (true) {
                    int start = at - offset;
                    if (start >= lineStart && ascii(bytes, start, at)) {
                        if (!chars.decode(bytes, start, lineEnd)) {
                            decoded = new String(bytes, lineStart, lineEnd - lineStart, StandardCharsets.UTF_8);
                            matches = lines.matches(matcher, decoded);
                            break;
                        }
                        if (matcher.reset(chars).lookingAt()) {
                            matches = true;
                            break;
                        }
                    }
                    at = text.indexOf(find, at + 1);
                    if (at < 0 || at > lineEnd) {
                        next = at;
                        break;
                    }
                }
            } else if (matcher != null) {
                if (chars.decode(bytes, lineStart, lineEnd)) {
                    matches = lines.matches(matcher, chars);
                } else {
                    decoded = new String(bytes, lineStart, lineEnd - lineStart, StandardCharsets.UTF_8);
                    matches = lines.matches(matcher, decoded);
                }
            }
            if (matches) {
                found.add(new Found(lineNo, lineStart, lineEnd, decoded));
                if (compiled.query().firstMatchOnly()) {
                    break;
                }
            }
            if (lineEnd + 1 >= length) {
                break;
            }
            lineNo++;
            lineStart = lineEnd + 1;
            pos = next != -2 ? next : text.indexOf(find, lineStart);
        }
        return found;
    }

    private static boolean ascii(byte[] a, int from, int to) {
        for (int i = from; i < to; i++) {
            if (a[i] < 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * The whole body decoded (and folded under ignore-case) with the regex run over it, for a regex
     * with no literal every match must hold; each line it finds a match in is then tried alone.
     */
    private List<Found> searchDecoded(byte[] bytes, int length, int bodyStart, int firstLine, CharLine decoded) {
        List<Found> found = new ArrayList<>();
        CharSequence text;
        String body = null;
        Folding.Folded folded = null;
        if (!compiled.query().ignoreCase() && decoded.decode(bytes, bodyStart, length)) {
            text = decoded;
        } else {
            body = new String(bytes, bodyStart, length - bodyStart, StandardCharsets.UTF_8);
            folded = compiled.query().ignoreCase() ? Folding.Folded.of(body) : new Folding.Folded(body, null, body.length());
            text = folded.text();
        }
        Matcher matcher = compiled.pattern().matcher(text);
        Matcher lineMatcher = compiled.pattern().matcher("");
        int lineNo = firstLine;
        int cursor = 0;
        int byteLineNo = firstLine;
        int byteLineStart = bodyStart;
        int from = 0;
        int size = text.length();
        while (from <= size && matcher.find(from)) {
            int s = matcher.start();
            if (s == size && (size == 0 || text.charAt(size - 1) == '\n')) {
                break; // the empty "line" after the final line end is no line
            }
            int lineStart = lastIndexOf(text, '\n', s - 1) + 1;
            int lineEnd = indexOf(text, '\n', s);
            if (lineEnd < 0) {
                lineEnd = size;
            }
            while (cursor < lineStart) {
                cursor = indexOf(text, '\n', cursor) + 1;
                lineNo++;
            }
            String line = text.subSequence(lineStart, lineEnd).toString();
            if (lines.matches(lineMatcher, line)) {
                // Decoding and folding keep line ends where they were, so line N of the bytes is line N here.
                while (byteLineNo < lineNo) {
                    byteLineStart = Bytes.indexOf(bytes, (byte) '\n', byteLineStart, length) + 1;
                    byteLineNo++;
                }
                int byteLineEnd = Bytes.indexOf(bytes, (byte) '\n', byteLineStart, length);
                if (byteLineEnd < 0) {
                    byteLineEnd = length;
                }
                String original = folded == null || body == null ? line : body.substring(folded.start(lineStart), folded.start(lineEnd));
                found.add(new Found(lineNo, byteLineStart, byteLineEnd, original));
                if (compiled.query().firstMatchOnly()) {
                    break;
                }
            }
            from = lineEnd + 1;
        }
        return found;
    }

    private static int indexOf(CharSequence text, char c, int from) {
        for (int i = Math.max(0, from); i < text.length(); i++) {
            if (text.charAt(i) == c) {
                return i;
            }
        }
        return -1;
    }

    private static int lastIndexOf(CharSequence text, char c, int before) {
        for (int i = Math.min(before, text.length() - 1); i >= 0; i--) {
            if (text.charAt(i) == c) {
                return i;
            }
        }
        return -1;
    }

    private List<GrepLine> matchedLines(List<Found> found, byte[] bytes) {
        List<GrepLine> out = new ArrayList<>(found.size());
        for (Found f : found) {
            out.add(new GrepLine(f.number(), bytes, f.start(), f.end(), f.text(), lines));
        }
        return out;
    }

    /** The matching lines with up to {@code context} lines either side, each line once, in file order. */
    private List<GrepLine> withContext(List<Found> found, byte[] bytes, int length, int bodyStart) {
        int context = compiled.query().context();
        List<GrepLine> out = new ArrayList<>();
        int lastNumber = Integer.MIN_VALUE;
        int lastEnd = bodyStart - 1;
        for (int i = 0; i < found.size(); i++) {
            Found f = found.get(i);
            // Lines before: walk back from the match, but not into the header or lines already out.
            List<GrepLine> before = new ArrayList<>();
            int end = f.start() - 1;
            for (int n = f.number() - 1; n >= f.number() - context && n > lastNumber && end > lastEnd && end >= bodyStart; n--) {
                int start = Bytes.lastIndexOf(bytes, (byte) '\n', bodyStart, end) + 1;
                start = Math.max(start, bodyStart);
                before.add(new GrepLine(n, bytes, start, end, null, null));
                end = start - 1;
            }
            for (int k = before.size() - 1; k >= 0; k--) {
                out.add(before.get(k));
            }
            out.add(new GrepLine(f.number(), bytes, f.start(), f.end(), f.text(), lines));
            lastNumber = f.number();
            lastEnd = f.end();
            int next = i + 1 < found.size() ? found.get(i + 1).number() : Integer.MAX_VALUE;
            for (int n = f.number() + 1; n <= f.number() + context && n < next && lastEnd + 1 < length; n++) {
                int start = lastEnd + 1;
                int lineEnd = Bytes.indexOf(bytes, (byte) '\n', start, length);
                if (lineEnd < 0) {
                    lineEnd = length;
                }
                out.add(new GrepLine(n, bytes, start, lineEnd, null, null));
                lastNumber = n;
                lastEnd = lineEnd;
            }
        }
        return out;
    }
}
