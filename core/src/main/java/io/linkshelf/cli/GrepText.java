package io.linkshelf.cli;

import io.linkshelf.search.ArticleHit;
import io.linkshelf.search.Grep;
import io.linkshelf.search.GrepJson;
import io.linkshelf.search.GrepLine;
import io.linkshelf.search.TextHeader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Human grep output: per article a header {@code author › title  (url, captured date)}, then its
 * lines as {@code N:text} (matches) and {@code N-text} (context), {@code --} between separate
 * groups, and a count line at the end. Matches are highlighted when colour is on.
 */
final class GrepText implements GrepPrinter {

    private static final String MATCH = "\u001b[1;31m";
    private static final String BOLD = "\u001b[1m";
    private static final String DIM = "\u001b[2m";
    private static final String GREEN = "\u001b[32m";
    private static final String RESET = "\u001b[0m";
    private static final byte[] BLANK = {'\n'};

    private final GrepOutput out;
    private final Path archive;
    private final boolean color;
    private final boolean list;
    private final boolean count;
    private final GrepBytes.Pool pool = new GrepBytes.Pool();
    private boolean first = true;

    GrepText(GrepOutput out, Path archive, boolean color, boolean list, boolean count) {
        this.out = out;
        this.archive = archive;
        this.color = color;
        this.list = list;
        this.count = count;
    }

    @Override
    public void print(GrepBytes rendered) {
        if (!first && !list && !count) {
            out.write(BLANK, 1);
        }
        first = false;
        out.write(rendered);
        pool.give(rendered);
    }

    @Override
    public GrepBytes render(ArticleHit hit) {
        if (list) {
            String path = GrepJson.textPath(archive, hit);
            return new GrepBytes(path.length() * 3 + 1).append(path).append('\n');
        }
        if (count) {
            String path = GrepJson.textPath(archive, hit);
            return new GrepBytes(path.length() * 3 + 12).append(path).append(':').append(hit.matchingLines()).append('\n');
        }
        int size = 512;
        for (GrepLine line : hit.lines()) {
            size += line.byteLength() + (color ? 48 : 12);
        }
        GrepBytes b = pool.take(size);
        TextHeader h = hit.header();
        String title = h.title().isEmpty() ? hit.key() : h.title();
        String who = GrepJson.author(h);
        // Appended piece by piece: no string is built per article only to be copied into the buffer.
        style(b, BOLD);
        if (!who.isEmpty()) {
            b.append(who).append(" › ");
        }
        b.append(title);
        style(b, RESET);
        style(b, DIM);
        b.append("  (").append(h.url().isEmpty() ? hit.key() : h.url());
        String captured = h.capturedDate();
        if (!captured.isEmpty()) {
            b.append(", captured ").append(captured);
        }
        if (!hit.latest()) {
            b.append(", earlier version");
        }
        b.append(')');
        style(b, RESET);
        b.append('\n');
        int previous = -1;
        for (GrepLine line : hit.lines()) {
            if (previous >= 0 && line.number() > previous + 1) {
                b.append("--\n");
            }
            previous = line.number();
            if (color) {
                b.append(GREEN).append(line.number()).append(RESET);
            } else {
                b.append(line.number());
            }
            b.append(line.matched() ? ':' : '-');
            appendLine(b, line);
            b.append('\n');
        }
        return b;
    }

    private void appendLine(GrepBytes b, GrepLine line) {
        if (!color || !line.matched()) {
            b.append(line, 0, line.byteLength());
            return;
        }
        int at = 0;
        for (GrepLine.Span span : line.byteSpans()) {
            if (span.end() == span.start() || span.start() < at) {
                continue;
            }
            b.append(line, at, span.start()).append(MATCH).append(line, span.start(), span.end()).append(RESET);
            at = span.end();
        }
        b.append(line, at, line.byteLength());
    }

    private void style(GrepBytes b, String style) {
        if (color) {
            b.append(style);
        }
    }

    @Override
    public void finish(Grep.Summary summary, PrintWriter err) {
        if (list || count) {
            return;
        }
        if (summary.matchingLines() == 0) {
            err.println("linkshelf: no match in " + plural(summary.articles(), "article"));
            return;
        }
        GrepBytes line = new GrepBytes(80).append("\n" + plural(summary.matchingLines(), "matching line") + " in "
                + summary.matchingArticles() + " of " + plural(summary.articles(), "article") + "\n");
        out.write(line);
    }



    static String plural(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    static String describe(IOException e) {
        if (e instanceof NoSuchFileException missing) {
            return missing.getFile() + ": " + (missing.getReason() == null ? "no such file" : missing.getReason());
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
