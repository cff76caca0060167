package io.linkshelf.search;

import io.linkshelf.snapshot.ArchiveLayout;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code --json}: one JSON object per line of output. Per matching line: {@code key, title, author,
 * section, url, published, snapshot, latest, path, mirror, lineNumber, line, matches} (match offsets
 * {@code [[start,end],...]} in code points of {@code line}, end exclusive), plus {@code before} and
 * {@code after} context lines with {@code -C}. With {@code -l} or {@code -c}, one object per article
 * with {@code count} instead of the line fields. Written by hand so grep does not load Jackson. The
 * format of {@code linkshelf grep --json} and of the Hadoop grep job alike.
 */
public final class GrepJson {

    private GrepJson() {}

    /**
     * An article's {@code --json} output, every object ending in a line end; for other front ends that print
     * what {@code linkshelf grep --json} prints (the Hadoop grep job).
     *
     * @param archive the archive path as the user gave it; the {@code path} and {@code mirror} fields start with it
     * @param perArticle one object per article with its count ({@code -l}, {@code -c}) rather than one per line
     */
    public static String render(ArticleHit hit, Path archive, boolean perArticle) {
        StringBuilder b = new StringBuilder(512);
        if (perArticle) {
            articleFields(b.append('{'), hit, archive);
            b.append(",\"count\":").append(hit.matchingLines()).append("}\n");
            return b.toString();
        }
        List<GrepLine> lines = hit.lines();
        for (int i = 0; i < lines.size(); i++) {
            GrepLine line = lines.get(i);
            if (!line.matched()) {
                continue;
            }
            articleFields(b.append('{'), hit, archive);
            b.append(",\"lineNumber\":").append(line.number());
            b.append(",\"line\":");
            string(b, line.text());
            b.append(",\"matches\":[");
            List<int[]> spans = line.codePointSpans();
            for (int k = 0; k < spans.size(); k++) {
                b.append(k == 0 ? "" : ",").append('[').append(spans.get(k)[0]).append(',').append(spans.get(k)[1]).append(']');
            }
            b.append(']');
            contextField(b, "before", before(lines, i));
            contextField(b, "after", after(lines, i));
            b.append("}\n");
        }
        return b.toString();
    }

    private static List<GrepLine> before(List<GrepLine> lines, int i) {
        List<GrepLine> result = new ArrayList<>();
        for (int k = i - 1; k >= 0 && !lines.get(k).matched() && lines.get(k).number() == lines.get(k + 1).number() - 1; k--) {
            result.add(0, lines.get(k));
        }
        return result;
    }

    private static List<GrepLine> after(List<GrepLine> lines, int i) {
        List<GrepLine> result = new ArrayList<>();
        for (int k = i + 1; k < lines.size() && !lines.get(k).matched() && lines.get(k).number() == lines.get(k - 1).number() + 1; k++) {
            result.add(lines.get(k));
        }
        return result;
    }

    private static void contextField(StringBuilder b, String name, List<GrepLine> lines) {
        if (lines.isEmpty()) {
            return;
        }
        b.append(",\"").append(name).append("\":[");
        for (int k = 0; k < lines.size(); k++) {
            b.append(k == 0 ? "" : ",");
            string(b, lines.get(k).text());
        }
        b.append(']');
    }

    private static void articleFields(StringBuilder b, ArticleHit hit, Path archive) {
        TextHeader h = hit.header();
        b.append("\"key\":");
        string(b, hit.key());
        field(b, "title", h.title());
        field(b, "author", author(h));
        field(b, "section", h.section());
        field(b, "url", h.url());
        field(b, "published", h.published());
        field(b, "snapshot", h.snapshot());
        b.append(",\"latest\":").append(hit.latest());
        field(b, "path", textPath(archive, hit));
        field(b, "mirror", ArchiveLayout.of(archive).mirrorPage(hit.key()).toString());
    }

    private static void field(StringBuilder b, String name, String value) {
        b.append(",\"").append(name).append("\":");
        string(b, value);
    }

    static void string(StringBuilder b, String s) {
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x2028 || c == 0x2029 || (Character.isSurrogate(c) && !validPair(s, i))) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        b.append('"');
    }

    private static boolean validPair(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }

    /** Who wrote the article: its author, else the first author section the seed list puts it in. */
    public static String author(TextHeader h) {
        if (!h.author().isEmpty()) {
            return h.author();
        }
        return h.section().split(" › ")[0].split("; ")[0];
    }

    /** The text file a hit came from, under the archive path as the user gave it. */
    public static String textPath(Path archive, ArticleHit hit) {
        Path text = ArchiveLayout.of(archive).text();
        Path file = hit.file();
        if (file.startsWith(text)) {
            return file.toString(); // as the searcher made it: text.resolve(...)
        }
        Path relative = file.getFileName();
        return text.resolve(relative).toString();
    }
}
