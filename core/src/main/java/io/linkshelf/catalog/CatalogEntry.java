package io.linkshelf.catalog;

import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * One article of the catalog. An article listed in several places is one entry that remembers each.
 *
 * @param key the article's identity, safe as a file name on Linux, macOS and Windows
 * @param url the URL to fetch: the first seed URL of the article without its fragment
 * @param platform the site the article lives on
 * @param titles every distinct title the seed list gives it, in order of appearance
 * @param placements every distinct section it is listed under, in order of appearance
 * @param lines the 1-based line numbers of every link to it
 */
public record CatalogEntry(
        String key, URI url, Platform platform, List<String> titles, List<Placement> placements, List<Integer> lines) {

    public CatalogEntry {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(platform, "platform");
        titles = List.copyOf(titles);
        placements = List.copyOf(placements);
        lines = List.copyOf(lines);
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("an entry comes from at least one link: " + key);
        }
    }

    /** The first title, the one to show; the URL when the link text was empty. */
    public String title() {
        return titles.isEmpty() ? url.toString() : titles.get(0);
    }

    /** True when the seed list links to this article more than once. */
    public boolean isDuplicate() {
        return lines.size() > 1;
    }
}
