package io.linkshelf.search;

import java.util.Objects;
import java.util.Optional;

/**
 * What to look for, as {@code linkshelf grep} takes it.
 *
 * @param pattern a Java regular expression, or a fixed string with {@code fixed}
 * @param fixed the pattern is a literal string
 * @param ignoreCase ignore case and NFKC width differences ({@code ＤｅｅｐＦＭ} matches {@code deepfm})
 * @param word match whole words only (no letter, digit, mark or underscore on either side)
 * @param context lines of context before and after each matching line
 * @param author keep articles whose author or author section contains this (case-insensitive)
 * @param section keep articles whose seed-list section ({@code author › subsection}) contains this
 * @param allVersions search earlier versions too, not only each article's latest
 * @param firstMatchOnly stop reading an article at its first matching line (for listing articles)
 */
public record GrepQuery(String pattern, boolean fixed, boolean ignoreCase, boolean word, int context,
        Optional<String> author, Optional<String> section, boolean allVersions, boolean firstMatchOnly) {

    public GrepQuery {
        Objects.requireNonNull(pattern, "pattern");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(section, "section");
        if (context < 0) {
            throw new IllegalArgumentException("context lines must be 0 or more, not " + context);
        }
    }

    /** A plain regex query over the latest versions. */
    public static GrepQuery of(String pattern) {
        return new GrepQuery(pattern, false, false, false, 0, Optional.empty(), Optional.empty(), false, false);
    }
}
