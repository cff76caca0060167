package io.linkshelf.search;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The matches of one article version.
 *
 * @param key the article key
 * @param header the version's header lines
 * @param file the text file searched
 * @param latest whether it is the article's latest version
 * @param lines matching lines and their context, in file order
 * @param matchingLines how many lines match
 */
public record ArticleHit(String key, TextHeader header, Path file, boolean latest, List<GrepLine> lines, int matchingLines) {

    public ArticleHit {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(file, "file");
        lines = List.copyOf(lines);
    }

    /** The same hit with lines that own their bytes (a searcher's hit is a view of its read buffer). */
    ArticleHit detached() {
        return new ArticleHit(key, header, file, latest, lines.stream().map(GrepLine::detached).toList(), matchingLines);
    }
}
