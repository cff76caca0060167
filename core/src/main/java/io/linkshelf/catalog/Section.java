package io.linkshelf.catalog;

import java.util.List;
import java.util.Objects;

/**
 * An author section: a {@code #} heading with at least one article link under it.
 *
 * @param name the heading as written, e.g. {@code 石塔西的系列文章}
 * @param shortName the name without a trailing 的系列文章 / 系列文章, e.g. {@code 石塔西}
 * @param line the heading's 1-based line number
 * @param links how many article links the section holds, duplicates included
 * @param subsections the {@code ##} headings inside it that hold links, in order
 */
public record Section(String name, String shortName, int line, int links, List<String> subsections) {

    public Section {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(shortName, "shortName");
        subsections = List.copyOf(subsections);
    }

    /** The short name of an author heading: without a trailing 的系列文章 or 系列文章. */
    static String shortNameOf(String heading) {
        String name = heading.strip();
        for (String suffix : List.of("的系列文章", "系列文章")) {
            if (name.endsWith(suffix) && name.length() > suffix.length()) {
                return name.substring(0, name.length() - suffix.length()).strip();
            }
        }
        return name;
    }
}
