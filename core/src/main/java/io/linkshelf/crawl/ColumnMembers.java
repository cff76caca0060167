package io.linkshelf.crawl;

import io.linkshelf.catalog.ArticleKeys;
import io.linkshelf.catalog.Placement;
import io.linkshelf.extract.Article;
import io.linkshelf.catalog.Platform;
import io.linkshelf.snapshot.ManifestEntry;
import io.linkshelf.snapshot.Outcome;
import io.linkshelf.snapshot.SnapshotManifest;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A listed Zhihu column is a series: the articles its page lists become entries of the snapshot, placed under the
 * column's author section in a sub-section named after the column, and are captured like listed articles (same
 * politeness, budget and outcomes). Their keys are the keys a listing of the same URL would get, so an article listed
 * later merges with the one found here. The column page's own data names its first articles; the items API that
 * pages through the rest (PLATFORMS.md §8) is not used.
 */
final class ColumnMembers {

    private static final Pattern COLUMN_PATH = Pattern.compile("^/column/[A-Za-z0-9_-]{1,64}/?$");
    private static final Pattern ARTICLE = Pattern.compile("^/p/(\\d{1,20})$");

    private ColumnMembers() {}

    /** Whether an entry's URL names a Zhihu column (new form, {@code /column/c_…}). */
    static boolean isColumn(URI url) {
        return url.getRawPath() != null && COLUMN_PATH.matcher(url.getRawPath()).matches();
    }

    /**
     * Adds the column's articles the snapshot does not have yet and queues their pages.
     *
     * @param column the column's entry, as just settled
     * @param listing what the extractor read from the column page
     */
    static void expand(RunContext run, ManifestEntry column, Article listing) throws IOException {
        URI seed = URI.create(column.seedUrl());
        if (listing.platform() != Platform.ZHIHU || !isColumn(seed)) {
            return;
        }
        List<String> titles = listing.text().lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        List<URI> members = new ArrayList<>();
        for (URI link : listing.links()) {
            memberUrl(seed, link).filter(m -> !members.contains(m)).ifPresent(members::add);
        }
        String author = column.sections().isEmpty() ? "(no section)" : column.sections().get(0).author();
        Placement placement = new Placement(author, Optional.of(listing.title()));
        int added = 0;
        for (int i = 0; i < members.size(); i++) {
            URI url = members.get(i);
            String key = ArticleKeys.keyOf(url);
            String title = titles.size() == listing.links().size() && i < titles.size() ? titles.get(i) : "";
            ManifestEntry member = ManifestEntry.pending(key, ArticleKeys.fetchUrl(url).toString(), List.of(placement), title);
            if (run.ledger().add(member)) {
                run.queue().page(key, member.seedUrl());
                added++;
            }
        }
        if (added > 0) {
            run.notices().accept("the column " + listing.title() + " lists " + added + " more "
                    + (added == 1 ? "article" : "articles") + "; archiving them as its members (--no-expand keeps to the list)");
        }
    }

    /**
     * The members of the previous snapshot's columns that this snapshot's entries still list (and did not skip), as
     * fresh pending entries: found by their placement, the column's author section and the column's title.
     */
    static List<ManifestEntry> carriedOver(SnapshotManifest previous, List<ManifestEntry> entries) {
        java.util.Set<String> keys = new java.util.HashSet<>();
        entries.forEach(e -> keys.add(e.key()));
        java.util.Set<Placement> series = new java.util.HashSet<>();
        for (ManifestEntry e : entries) {
            if (e.outcome() == Outcome.SKIPPED || e.sections().isEmpty() || !isColumn(URI.create(e.seedUrl()))) {
                continue;
            }
            previous.entry(e.key()).flatMap(p -> p.article().title())
                    .ifPresent(title -> series.add(new Placement(e.sections().get(0).author(), Optional.of(title))));
        }
        List<ManifestEntry> members = new ArrayList<>();
        for (ManifestEntry e : previous.entries()) {
            if (!keys.contains(e.key()) && e.sections().stream().anyMatch(series::contains)) {
                members.add(ManifestEntry.pending(e.key(), e.seedUrl(), e.sections(), e.seedTitle()));
            }
        }
        return members;
    }

    /**
     * A listed article's URL. On Zhihu, the canonical {@code zhuanlan.zhihu.com/p/<id>}; a column served from elsewhere
     * (a test server, a local copy) has its members fetched from the same origin.
     */
    private static Optional<URI> memberUrl(URI column, URI link) {
        Matcher m = ARTICLE.matcher(link.getRawPath() == null ? "" : link.getRawPath());
        if (!m.matches()) {
            return Optional.empty();
        }
        String host = column.getHost() == null ? "" : column.getHost().toLowerCase(Locale.ROOT);
        if (host.equals("zhihu.com") || host.endsWith(".zhihu.com")) {
            return Optional.of(URI.create("https://zhuanlan.zhihu.com/p/" + m.group(1)));
        }
        return Optional.of(column.resolve("/p/" + m.group(1)));
    }
}
