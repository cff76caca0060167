package io.linkshelf.mirror;

import io.linkshelf.snapshot.ArchiveLayout;
import io.linkshelf.files.AtomicFiles;
import io.linkshelf.archive.ArchiveView;
import io.linkshelf.archive.ArticleVersion;
import io.linkshelf.catalog.Platform;
import io.linkshelf.snapshot.ManifestEntry;
import io.linkshelf.snapshot.Outcome;
import io.linkshelf.extract.Article;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Writes one article's page and the pages of its earlier versions, and says what the search index should know of it. */
final class ArticlePages {

    /** What rendering one article produced. */
    record Result(SearchDoc doc, List<String> linkKeys, String platform, int versionPages, int missingImages) {
        Result {
            linkKeys = List.copyOf(linkKeys);
        }
    }

    private final ArchiveView view;
    private final BodyRenderer bodies;
    private final Path site;

    ArticlePages(ArchiveView view, BodyRenderer bodies, Path site) {
        this.view = view;
        this.bodies = bodies;
        this.site = site;
    }

    static String path(String key) {
        return ArchiveLayout.mirrorPagePath(key);
    }

    static String versionPath(String key, ArticleVersion version) {
        return ArchiveLayout.mirrorVersionPath(key, version.snapshot());
    }

    /**
     * @param section the article's section label
     * @param prev the previous article's link, relative to {@code a/}
     * @param next the next article's link, relative to {@code a/}
     * @param story the article's life story as HTML, shown on its current page
     */
    Result write(String key, String title, String section, Optional<ArticlePage.Link> prev, Optional<ArticlePage.Link> next,
            String story) throws IOException {
        List<ArticleVersion> versions = view.versions(key);
        List<Optional<Article>> articles = new ArrayList<>();
        for (ArticleVersion v : versions) {
            articles.add(view.article(v));
        }
        // Only versions whose text differs from the one before are worth reading; the last of them is the current one.
        List<Integer> distinct = new ArrayList<>();
        for (int i = 0; i < versions.size(); i++) {
            String text = articles.get(i).map(Article::text).orElse("");
            if (distinct.isEmpty() || !text.equals(articles.get(distinct.get(distinct.size() - 1)).map(Article::text).orElse(""))) {
                distinct.add(i);
            }
        }
        List<Integer> earlier = distinct.subList(0, distinct.size() - 1);
        int latest = versions.size() - 1;
        Optional<Outcome> state = view.latestEntry(key).map(ManifestEntry::outcome);
        Set<String> linkKeys = new LinkedHashSet<>();
        int missing = 0;

        List<ArticlePage.Link> fromMain = new ArrayList<>();
        for (int i : earlier) {
            fromMain.add(new ArticlePage.Link(versionLabel(versions.get(i)), key + "/v" + versions.get(i).snapshot().value() + ".html"));
        }
        BodyRenderer.Rendered body = render(articles.get(latest), "../");
        linkKeys.addAll(body.linkedKeys());
        missing += body.missingImages();
        AtomicFiles.write(site.resolve(path(key)), page(versions.get(latest), articles.get(latest), title, section, state,
                body.html(), fromMain, Optional.empty(), prev, next, story).html("../"));

        for (int i : earlier) {
            List<ArticlePage.Link> others = new ArrayList<>();
            for (int j : earlier) {
                if (j != i) {
                    others.add(new ArticlePage.Link(versionLabel(versions.get(j)), "v" + versions.get(j).snapshot().value() + ".html"));
                }
            }
            BodyRenderer.Rendered old = render(articles.get(i), "../../");
            linkKeys.addAll(old.linkedKeys());
            missing += old.missingImages();
            ArticlePage.Link current = new ArticlePage.Link("Read the current version.", "../" + key + ".html");
            AtomicFiles.write(site.resolve(versionPath(key, versions.get(i))), page(versions.get(i), articles.get(i), title,
                    section, Optional.empty(), old.html(), others, Optional.of(current),
                    prev.map(p -> up(p)), next.map(n -> up(n)), "").html("../../"));
        }

        Optional<Article> current = articles.get(latest);
        String author = current.flatMap(Article::author).orElse("");
        String date = current.flatMap(Article::published).map(PageFrame::day).orElse("");
        SearchDoc doc = new SearchDoc(path(key), title, author, date, current.map(Article::text).orElse(""));
        String platform = current.map(a -> platformOf(a, versions.get(latest).entry())).orElse(platformOf(versions.get(latest).entry()));
        return new Result(doc, List.copyOf(linkKeys), platform, earlier.size(), missing);
    }

    private BodyRenderer.Rendered render(Optional<Article> article, String prefix) throws IOException {
        if (article.isEmpty()) {
            return new BodyRenderer.Rendered("<p class=\"notice\">The archived page could not be read as an article.</p>",
                    Set.of(), 0, 0);
        }
        return bodies.render(article.get(), prefix);
    }

    private static ArticlePage page(ArticleVersion version, Optional<Article> article, String title, String section,
            Optional<Outcome> state, String body, List<ArticlePage.Link> versions, Optional<ArticlePage.Link> current,
            Optional<ArticlePage.Link> prev, Optional<ArticlePage.Link> next, String story) {
        ManifestEntry entry = version.entry();
        String original = entry.finalUrl().orElse(entry.seedUrl());
        Optional<Instant> published = article.flatMap(Article::published);
        Optional<String> author = article.flatMap(Article::author);
        String platform = article.map(a -> platformOf(a, entry)).orElse(platformOf(entry));
        return new ArticlePage(title, author, published, platform, section, version.content().date(), original,
                state.filter(s -> PageFrame.badge(s).isPresent()), body, versions, current, prev, next, story);
    }

    /** The extractor knows the page's shape; a generic page falls back to what the URL says. */
    private static String platformOf(Article article, ManifestEntry entry) {
        return article.platform() == Platform.OTHER ? platformOf(entry) : article.platform().label();
    }

    static String platformOf(ManifestEntry entry) {
        return Platform.of(URI.create(entry.seedUrl())).label();
    }

    private static String versionLabel(ArticleVersion v) {
        return "captured " + PageFrame.minute(v.content().date()) + " (snapshot " + v.snapshot().value() + ")";
    }

    private static ArticlePage.Link up(ArticlePage.Link link) {
        return new ArticlePage.Link(link.label(), "../" + link.href());
    }
}
