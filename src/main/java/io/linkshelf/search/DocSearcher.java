package io.linkshelf.search;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;

/** Searches one text file, line by line as grep does, for a compiled query. */
final class DocSearcher {

    private final CompiledQuery compiled;
    private final String needle;
    private final Optional<String> author;
    private final Optional<String> section;

    DocSearcher(CompiledQuery compiled) {
        this.compiled = compiled;
        // A byte string seen through ISO-8859-1 is a String whose indexOf is the JDK's vectorised search.
        this.needle = compiled.needle().map(b -> new String(b, StandardCharsets.ISO_8859_1)).orElse("");
        this.author = compiled.query().author().map(Folding::forIndex);
        this.section = compiled.query().section().map(Folding::forIndex);
    }

    /** A matching line before context is added: its number, original text and spans. */
    private record Found(int number, String text, List<GrepLine.Span> spans) {}

    Optional<ArticleHit> search(String key, Path file, boolean latest) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        TextFiles.Parsed parsed = TextFiles.parse(bytes, bytes.length);
        TextHeader header = parsed.header();
        if (!passesFilters(header)) {
            return Optional.empty();
        }
        int firstLine = parsed.bodyStart() == 0 ? 1 : TextFiles.BODY_FIRST_LINE;
        List<Found> found = needle.isEmpty()
                ? searchDecoded(bytes, parsed.bodyStart(), firstLine)
                : searchBytes(bytes, parsed.bodyStart(), firstLine);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        List<GrepLine> lines = compiled.query().context() == 0
                ? found.stream().map(f -> new GrepLine(f.number(), f.text(), f.spans(), true)).toList()
                : withContext(found, bytes, parsed.bodyStart(), firstLine);
        return Optional.of(new ArticleHit(key, header, file, latest, lines, found.size()));
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

    private List<Found> searchBytes(byte[] bytes, int bodyStart, int firstLine) {
        List<Found> found = new ArrayList<>();
        String latin = new String(bytes, StandardCharsets.ISO_8859_1);
        int length = bytes.length;
        int lineNo = firstLine;
        int cursor = bodyStart;
        int pos = latin.indexOf(needle, bodyStart);
        while (pos >= 0) {
            int lineStart = Math.max(bodyStart, latin.lastIndexOf('\n', pos - 1) + 1);
            int lineEnd = latin.indexOf('\n', pos);
            if (lineEnd < 0) {
                lineEnd = length;
            }
            while (cursor < lineStart) {
                cursor = latin.indexOf('\n', cursor) + 1;
                lineNo++;
            }
            String line = new String(bytes, lineStart, lineEnd - lineStart, StandardCharsets.UTF_8);
            List<GrepLine.Span> spans = new ArrayList<>();
            if (matchLine(line, spans)) {
                found.add(new Found(lineNo, line, spans));
                if (compiled.query().firstMatchOnly()) {
                    break;
                }
            }
            pos = lineEnd + 1 >= length ? -1 : latin.indexOf(needle, lineEnd + 1);
        }
        return found;
    }

    private List<Found> searchDecoded(byte[] bytes, int bodyStart, int firstLine) {
        List<Found> found = new ArrayList<>();
        String body = new String(bytes, bodyStart, bytes.length - bodyStart, StandardCharsets.UTF_8);
        Folding.Folded folded = compiled.query().ignoreCase()
                ? Folding.Folded.of(body)
                : new Folding.Folded(body, null, body.length());
        String text = folded.text();
        Matcher matcher = compiled.pattern().matcher(text);
        int lineNo = firstLine;
        int cursor = 0;
        int from = 0;
        while (from <= text.length() && matcher.find(from)) {
            int s = matcher.start();
            if (s == text.length() && (text.isEmpty() || text.charAt(text.length() - 1) == '\n')) {
                break; // the empty "line" after the final line end is no line
            }
            int lineStart = text.lastIndexOf('\n', s - 1) + 1;
            int lineEnd = text.indexOf('\n', s);
            if (lineEnd < 0) {
                lineEnd = text.length();
            }
            while (cursor < lineStart) {
                cursor = text.indexOf('\n', cursor) + 1;
                lineNo++;
            }
            List<GrepLine.Span> foldedSpans = new ArrayList<>();
            if (matchLine(text.substring(lineStart, lineEnd), foldedSpans)) {
                int origStart = folded.start(lineStart);
                int origEnd = folded.start(lineEnd);
                List<GrepLine.Span> spans = new ArrayList<>(foldedSpans.size());
                for (GrepLine.Span span : foldedSpans) {
                    int a = folded.start(lineStart + span.start()) - origStart;
                    int b = span.end() == span.start() ? a : folded.end(lineStart + span.end(), body) - origStart;
                    spans.add(new GrepLine.Span(a, b));
                }
                found.add(new Found(lineNo, body.substring(origStart, origEnd), spans));
                if (compiled.query().firstMatchOnly()) {
                    break;
                }
            }
            from = lineEnd + 1;
        }
        return found;
    }

    /** Finds every match in a line; true if the line matches at all. */
    private boolean matchLine(String line, List<GrepLine.Span> spans) {
        if (compiled.plain().isPresent()) {
            String literal = compiled.plain().get();
            for (int at = line.indexOf(literal); at >= 0; at = line.indexOf(literal, at + literal.length())) {
                spans.add(new GrepLine.Span(at, at + literal.length()));
            }
            return !spans.isEmpty();
        }
        Matcher m = compiled.pattern().matcher(line);
        boolean matched = false;
        while (m.find()) {
            matched = true;
            spans.add(new GrepLine.Span(m.start(), m.end()));
        }
        return matched;
    }

    private List<GrepLine> withContext(List<Found> found, byte[] bytes, int bodyStart, int firstLine) {
        String body = new String(bytes, bodyStart, bytes.length - bodyStart, StandardCharsets.UTF_8);
        List<String> all = body.lines().toList();
        int context = compiled.query().context();
        Map<Integer, GrepLine> out = new LinkedHashMap<>();
        for (Found f : found) {
            int index = f.number() - firstLine;
            for (int i = Math.max(0, index - context); i < index; i++) {
                out.putIfAbsent(i, new GrepLine(firstLine + i, all.get(i), List.of(), false));
            }
            out.put(index, new GrepLine(f.number(), f.text(), f.spans(), true));
            for (int i = index + 1; i <= Math.min(all.size() - 1, index + context); i++) {
                out.putIfAbsent(i, new GrepLine(firstLine + i, all.get(i), List.of(), false));
            }
        }
        return out.values().stream().sorted(java.util.Comparator.comparingInt(GrepLine::number)).toList();
    }
}
