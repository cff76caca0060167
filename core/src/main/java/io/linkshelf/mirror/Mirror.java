package io.linkshelf.mirror;

import io.linkshelf.archive.ArticleStory;
import io.linkshelf.archive.Stories;
import io.linkshelf.snapshot.ArchiveLayout;
import io.linkshelf.files.AtomicFiles;
import io.linkshelf.archive.ArchiveView;
import io.linkshelf.archive.ArticleVersion;
import io.linkshelf.catalog.Platform;
import io.linkshelf.snapshot.ManifestEntry;
import io.linkshelf.snapshot.Outcome;
import io.linkshelf.snapshot.SnapshotId;
import io.linkshelf.snapshot.SnapshotManifest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Builds the offline mirror from the archive alone (its manifests and WARC files): {@code index.html}, one page
 * per article under {@code a/}, earlier versions under {@code a/<key>/}, images under {@code img/}, and the
 * search index. Unless asked to rebuild, articles whose inputs are unchanged since the last build are skipped.
 * Reads the archive only, so it needs no archive lock; every file is written atomically.
 */
public final class Mirror {

    /** Bump when page markup changes, so the next build re-renders every page. */
    static final String RENDER_VERSION = "2";
    /** Files and directories the build owns in the site directory; --rebuild deletes only these. */
    static final List<String> OWNED = List.of("a", "img", "index.html", "search-index.js", "search.js", "site.css", SiteState.FILE);

    private Mirror() {}

    public static MirrorSummary build(MirrorOptions options) throws IOException {
        return build(ArchiveView.open(options.archive()), options);
    }

    /** Builds the mirror from a view already open on {@code options.archive()}. */
    public static MirrorSummary build(ArchiveView view, MirrorOptions options) throws IOException {
        ArchiveView.Snapshot newest = view.newest().orElseThrow(() -> new IOException(
                "no snapshot in " + ArchiveLayout.of(options.archive()).snapshots() + ": run linkshelf crawl first"));
        Path site = options.out();
        if (options.rebuild()) {
            for (String name : OWNED) {
                deleteTree(site.resolve(name));
            }
        }
        Files.createDirectories(site);
        SiteState state = options.rebuild() ? SiteState.EMPTY : SiteState.load(site);
        Layout layout = new Layout(view);
        Set<String> pages = new LinkedHashSet<>();
        Map<String, String> titles = new LinkedHashMap<>();
        for (String key : view.keys()) {
            if (!view.versions(key).isEmpty()) {
                pages.add(key);
            }
            titles.put(key, titleOf(view, key));
        }
        ImageStore images = new ImageStore(view, site, state.images());
        ArticlePages writer = new ArticlePages(view, new BodyRenderer(images, pages), site);
        Stories stories = view.stories();
        Map<String, String> storyHtml = new LinkedHashMap<>();
        for (String key : pages) {
            storyHtml.put(key, stories.story(key).map(s -> StorySection.html(s, id -> reportFromArticle(options, id))).orElse(""));
        }

        Map<String, SiteState.Rendered> rendered = new LinkedHashMap<>();
        int written = 0;
        int versionPages = 0;
        int missing = 0;
        for (String key : pages) {
            List<Optional<String>> around = layout.neighbours(key, pages);
            Optional<ArticlePage.Link> prev = around.get(0).map(k -> new ArticlePage.Link(titles.get(k), k + ".html"));
            Optional<ArticlePage.Link> next = around.get(1).map(k -> new ArticlePage.Link(titles.get(k), k + ".html"));
            Optional<SiteState.Rendered> before = state.article(key);
            String fingerprint = fingerprint(view, images, key, titles.get(key), layout.sectionLabel(key), prev, next,
                    before.map(SiteState.Rendered::linkKeys).orElse(List.of()), pages, storyHtml.get(key));
            if (before.isPresent() && before.get().fingerprint().equals(fingerprint)
                    && Files.isRegularFile(site.resolve(ArticlePages.path(key)))) {
                rendered.put(key, before.get());
                continue;
            }
            ArticlePages.Result result = writer.write(key, titles.get(key), layout.sectionLabel(key), prev, next,
                    storyHtml.get(key));
            // The fingerprint must cover the links just found, so the next build sees the same inputs.
            String settled = fingerprint(view, images, key, titles.get(key), layout.sectionLabel(key), prev, next,
                    result.linkKeys(), pages, storyHtml.get(key));
            rendered.put(key, new SiteState.Rendered(settled, result.linkKeys(), result.platform(), result.doc()));
            written++;
            versionPages += result.versionPages();
            missing += result.missingImages();
        }

        copyResource("site.css", site);
        copyResource("search.js", site);
        SearchIndex index = new SearchIndex(rendered.values().stream().map(SiteState.Rendered::doc).toList());
        long indexBytes = AtomicFiles.write(site.resolve(ArchiveLayout.MIRROR_SEARCH_INDEX), index.toJavaScript());
        Path indexHtml = site.resolve(ArchiveLayout.MIRROR_INDEX);
        AtomicFiles.write(indexHtml, indexPage(view, layout, rendered, titles, options, images, stories).html());
        new SiteState(SiteState.FORMAT, rendered, images.files()).save(site);

        int imageFiles = (int) images.files().values().stream().filter(f -> !f.isEmpty()).distinct().count();
        return new MirrorSummary(indexHtml, newest.id(), pages.size(), written, pages.size() - written, versionPages,
                images.written(), imageFiles, missing, sizeOf(site), indexBytes, index.terms());
    }

    private static String titleOf(ArchiveView view, String key) {
        return view.latestVersion(key).flatMap(v -> v.entry().article().title())
                .or(() -> view.latestEntry(key).map(ManifestEntry::seedTitle))
                .filter(t -> !t.isBlank())
                .orElse(key);
    }

    private static String fingerprint(ArchiveView view, ImageStore images, String key, String title, String section,
            Optional<ArticlePage.Link> prev, Optional<ArticlePage.Link> next, List<String> linkKeys, Set<String> pages,
            String story) {
        StringBuilder in = new StringBuilder(RENDER_VERSION).append('\n').append(title).append('\n').append(section).append('\n');
        in.append("story ").append(story).append('\n');
        prev.ifPresent(p -> in.append("prev ").append(p.href()).append(' ').append(p.label()).append('\n'));
        next.ifPresent(n -> in.append("next ").append(n.href()).append(' ').append(n.label()).append('\n'));
        view.latestEntry(key).ifPresent(e -> in.append("state ").append(e.outcome().label()).append('\n'));
        for (ArticleVersion v : view.versions(key)) {
            in.append("version ").append(v.snapshot()).append(' ').append(v.content().responseRecordId()).append('\n');
            v.entry().images().forEach(i -> in.append("image ").append(i.url()).append(' ').append(images.recordOf(i.url())).append('\n'));
        }
        linkKeys.forEach(k -> in.append("link ").append(k).append(' ').append(pages.contains(k)).append('\n'));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest(in.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-1", e);
        }
    }

    private static IndexPage indexPage(ArchiveView view, Layout layout, Map<String, SiteState.Rendered> pages, Map<String, String> titles,
            MirrorOptions options, ImageStore images, Stories stories) {
        List<IndexPage.Group> groups = new ArrayList<>();
        layout.groups().forEach((author, subs) -> {
            List<IndexPage.Sub> subList = new ArrayList<>();
            subs.forEach((name, keys) -> subList.add(new IndexPage.Sub(name, keys.stream().map(key -> {
                Optional<ManifestEntry> latest = view.latestEntry(key);
                Optional<ManifestEntry> captured = view.latestVersion(key).map(ArticleVersion::entry);
                String platform = Optional.ofNullable(pages.get(key)).map(SiteState.Rendered::platform)
                        .or(() -> latest.map(ArticlePages::platformOf)).orElse(Platform.OTHER.label());
                return new IndexPage.Row(titles.get(key),
                        pages.containsKey(key) ? Optional.of(ArticlePages.path(key)) : Optional.empty(),
                        captured.flatMap(e -> PageFrame.instant(e.article().published())),
                        platform,
                        captured.map(e -> e.images().size()).orElse(0),
                        latest.map(ManifestEntry::outcome).orElse(Outcome.PENDING),
                        stories.story(key).map(Mirror::flags).orElse(Set.of()));
            }).toList())));
            groups.add(new IndexPage.Group(author, subList));
        });
        List<IndexPage.SnapshotRow> snapshots = new ArrayList<>();
        for (ArchiveView.Snapshot s : view.snapshots()) {
            Path report = ArchiveLayout.of(options.archive(), options.reports()).reportHtml(s.id());
            Optional<String> href = Files.isRegularFile(report) ? Optional.of(relativeHref(options.out(), report)) : Optional.empty();
            snapshots.add(new IndexPage.SnapshotRow(s.id().value(), s.start(), s.complete(), s.entries(), href));
        }
        snapshots.sort(Comparator.comparing(IndexPage.SnapshotRow::id).reversed());
        int deleted = 0;
        int blocked = 0;
        int withVersions = 0;
        for (String key : titles.keySet()) {
            Outcome o = view.latestEntry(key).map(ManifestEntry::outcome).orElse(Outcome.PENDING);
            deleted += o == Outcome.DELETED ? 1 : 0;
            blocked += o == Outcome.BLOCKED ? 1 : 0;
            withVersions += view.versions(key).size() > 1 ? 1 : 0;
        }
        int imageFiles = (int) images.files().values().stream().filter(f -> !f.isEmpty()).distinct().count();
        return new IndexPage(groups, snapshots,
                new IndexPage.Totals(titles.size(), pages.size(), withVersions, imageFiles, deleted, blocked));
    }

    /** The filters of the index an article belongs to, besides "all". */
    private static Set<IndexPage.Filter> flags(ArticleStory story) {
        Set<IndexPage.Filter> flags = java.util.EnumSet.noneOf(IndexPage.Filter.class);
        if (story.status() == ArticleStory.Status.GONE) {
            flags.add(IndexPage.Filter.GONE);
        }
        if (story.status() == ArticleStory.Status.BLOCKED) {
            flags.add(IndexPage.Filter.BLOCKED);
        }
        if (!story.edits().isEmpty()) {
            flags.add(IndexPage.Filter.CHANGED);
        }
        return flags;
    }

    /** A snapshot's report, linked from an article page under {@code a/}, when the report exists. */
    private static Optional<String> reportFromArticle(MirrorOptions options, SnapshotId snapshot) {
        Path report = ArchiveLayout.of(options.archive(), options.reports()).reportHtml(snapshot);
        return Files.isRegularFile(report) ? Optional.of("../" + relativeHref(options.out(), report)) : Optional.empty();
    }

    /** A relative URL from the site directory to a file, each path segment percent-encoded. */
    static String relativeHref(Path site, Path file) {
        Path rel = site.toAbsolutePath().normalize().relativize(file.toAbsolutePath().normalize());
        StringBuilder path = new StringBuilder();
        for (Path part : rel) {
            if (path.length() > 0) {
                path.append('/');
            }
            path.append(part);
        }
        try {
            return new URI(null, null, path.toString(), null).toASCIIString();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("cannot link " + file + " from " + site, e);
        }
    }

    private static void copyResource(String name, Path site) throws IOException {
        try (InputStream in = Mirror.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("resource missing from the build: io/linkshelf/mirror/" + name);
            }
            AtomicFiles.write(site.resolve(name), in.readAllBytes());
        }
    }

    private static long sizeOf(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    private static void deleteTree(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> all = Files.walk(path)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
