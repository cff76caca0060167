package io.linkshelf.search;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Searches text files that are already in memory, one at a time, exactly as {@link Grep} searches the store's
 * files: for front ends that get the text from elsewhere (the Hadoop grep job renders each version from its WARC
 * record). Choosing which versions to search (latest only, or all) is the caller's part.
 */
public final class TextSearcher {

    private final DocSearcher searcher;

    /**
     * @throws java.util.regex.PatternSyntaxException if the pattern is not a valid regex
     */
    public TextSearcher(GrepQuery query) {
        this.searcher = new DocSearcher(CompiledQuery.of(query));
    }

    /**
     * Searches one text file's bytes, as the store would hold them at {@code file}. The hit's lines are views
     * of {@code text}: use the hit before {@code text} changes.
     */
    public Optional<ArticleHit> search(String key, Path file, boolean latest, byte[] text) {
        return searcher.search(key, file, latest, text, text.length);
    }
}
