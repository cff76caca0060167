package io.linkshelf.cli;

import io.linkshelf.search.ArticleHit;
import io.linkshelf.search.Grep;
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

    private final PrintWriter out;
    private final Path archive;
    private final boolean color;
    private final boolean list;
    private final boolean count;
    private boolean first = true;

    GrepText(PrintWriter out, Path archive, boolean color, boolean list, boolean count) {
        this.out = out;
        this.archive = archive;
        this.color = color;
        this.list = list;
        this.count = count;
    }

    @Override
    public void print(String rendered) {
        // One print per article: the writer flushes on println, which would cost a write per line.
        if (!first && !list && !count) {
            out.print('\n');
        }
        first = false;
        out.print(rendered);
    }

    @Override
    public String render(ArticleHit hit) {
        String path = textPath(archive, hit);
        if (list) {
            return path + "\n";
        }
        if (count) {
            return path + ":" + hit.matchingLines() + "\n";
        }
        int size = 256;
        for (GrepLine line : hit.lines()) {
            size += line.text().length() + 16;
        }
        StringBuilder b = new StringBuilder(size);
        TextHeader h = hit.header();
        String title = h.title().isEmpty() ? hit.key() : h.title();
        String who = author(h);
        paint(b, BOLD, (who.isEmpty() ? "" : who + " › ") + title);
        StringBuilder meta = new StringBuilder("  (");
        meta.append(h.url().isEmpty() ? hit.key() : h.url());
        if (!h.capturedDate().isEmpty()) {
            meta.append(", captured ").append(h.capturedDate());
        }
        if (!hit.latest()) {
            meta.append(", earlier version");
        }
        meta.append(')');
        paint(b, DIM, meta.toString());
        b.append('\n');
        int previous = -1;
        for (GrepLine line : hit.lines()) {
            if (previous >= 0 && line.number() > previous + 1) {
                b.append("--\n");
            }
            previous = line.number();
            paint(b, GREEN, Integer.toString(line.number()));
            b.append(line.matched() ? ':' : '-');
            appendLine(b, line);
            b.append('\n');
        }
        return b.toString();
    }

    private void appendLine(StringBuilder b, GrepLine line) {
        String text = line.text();
        if (!color || line.spans().isEmpty()) {
            b.append(text);
            return;
        }
        int at = 0;
        for (GrepLine.Span span : line.spans()) {
            if (span.end() == span.start() || span.start() < at) {
                continue;
            }
            b.append(text, at, span.start()).append(MATCH).append(text, span.start(), span.end()).append(RESET);
            at = span.end();
        }
        b.append(text, at, text.length());
    }

    private void paint(StringBuilder b, String style, String text) {
        if (color) {
            b.append(style).append(text).append(RESET);
        } else {
            b.append(text);
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
        out.print("\n" + plural(summary.matchingLines(), "matching line") + " in " + summary.matchingArticles()
                + " of " + plural(summary.articles(), "article") + "\n");
    }

    static String author(TextHeader h) {
        if (!h.author().isEmpty()) {
            return h.author();
        }
        return h.section().split(" › ")[0].split("; ")[0];
    }

    static String textPath(Path archive, ArticleHit hit) {
        Path text = archive.resolve("text");
        Path file = hit.file();
        Path relative = file.startsWith(text) ? text.relativize(file) : file.getFileName();
        return text.resolve(relative).toString();
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
