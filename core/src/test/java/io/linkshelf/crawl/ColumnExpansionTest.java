package io.linkshelf.crawl;

import io.linkshelf.catalog.Catalog;
import io.linkshelf.catalog.CatalogReader;
import io.linkshelf.catalog.Placement;
import io.linkshelf.snapshot.ManifestEntry;
import io.linkshelf.snapshot.ManifestStore;
import io.linkshelf.snapshot.Outcome;
import io.linkshelf.snapshot.SnapshotId;
import io.linkshelf.snapshot.SnapshotManifest;
import io.linkshelf.testing.LifeArchive;
import io.linkshelf.testing.Response;
import io.linkshelf.testing.TestServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;

/** A listed Zhihu column is a series: the articles it lists are archived as its members. */
class ColumnExpansionTest {

    private static final String HOST = "127.0.0.6";

    @TempDir
    Path dir;

    private static Response column() {
        String data = "{\"initialState\":{\"entities\":{\"columns\":{\"c_777\":{\"title\":\"推荐系统实战专栏\",\"author\":{\"name\":\"专栏作者\"}}},"
                + "\"articles\":{\"901\":{\"id\":\"901\",\"title\":\"第一篇：召回\"},\"902\":{\"id\":\"902\",\"title\":\"第二篇：粗排\"},"
                + "\"903\":{\"id\":\"903\",\"title\":\"第三篇：精排\"},\"904\":{\"id\":\"904\",\"title\":\"第四篇：重排\"}}}}}";
        String html = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>推荐系统实战专栏 - 知乎</title></head><body>"
                + "<div class=\"ColumnHome\"><h1 class=\"ColumnHome-title\">推荐系统实战专栏</h1></div>"
                + "<script id=\"js-initialData\" type=\"text/json\">" + data + "</script></body></html>";
        return Response.ok("text/html; charset=utf-8", html, StandardCharsets.UTF_8);
    }

    private static Response article(String title, String text) {
        String html = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>" + title + " - 知乎</title></head><body>"
                + "<article class=\"Post-Main\"><h1 class=\"Post-Title\">" + title + "</h1>"
                + "<div class=\"AuthorInfo\"><meta itemprop=\"name\" content=\"专栏作者\"></div>"
                + "<div class=\"Post-RichTextContainer\"><div class=\"RichText ztext Post-RichText\"><p data-pid=\"a\">" + text
                + "</p></div></div></article></body></html>";
        return Response.ok("text/html; charset=utf-8", html, StandardCharsets.UTF_8);
    }

    private Map<String, ManifestEntry> crawl(boolean expand) throws Exception {
        return crawl(expand, 1).get(0);
    }

    /** Crawls {@code times} snapshots; the column page answers 304 from the second on. */
    private List<Map<String, ManifestEntry>> crawl(boolean expand, int times) throws Exception {
        try (TestServer server = TestServer.start(HOST)) {
            server.on(HOST, "/column/c_777").respond(column().withHeader("ETag", "\"c1\""), Response.status(304));
            server.on(HOST, "/p/901").respond(article("第一篇：召回", "召回是第一步。"));
            server.on(HOST, "/p/902").respond(article("第二篇：粗排", "粗排在召回之后。"));
            server.on(HOST, "/p/903").respond(article("第三篇：精排", "精排决定顺序。"));
            server.on(HOST, "/p/904").respond(article("第四篇：重排", "重排照顾多样性。"));
            Path seeds = Files.writeString(dir.resolve("links.md"), "# 专栏作者的系列文章\n\n"
                    + "[推荐系统实战专栏](" + server.uri(HOST, "/column/c_777") + ")\n\n"
                    + "[第一篇：召回](" + server.uri(HOST, "/p/901") + ")\n", StandardCharsets.UTF_8);
            Catalog catalog = CatalogReader.read(seeds);
            CrawlOptions o = LifeArchive.options(catalog, dir.resolve("archive"));
            CrawlOptions options = new CrawlOptions(o.catalog(), o.archive(), o.profiles(), o.coolDown(), o.robots(), o.userAgent(),
                    o.proxy(), o.cookies(), o.only(), o.limit(), o.refreshImages(), o.newSnapshot(), o.allowPrivateNetworks(),
                    o.recordSecrets(), o.maxPageBytes(), o.maxImageBytes(), o.timeout(), o.retryBackoff(), expand);
            List<Map<String, ManifestEntry>> snapshots = new java.util.ArrayList<>();
            for (int i = 1; i <= times; i++) {
                SnapshotId id = new Crawl(options, CrawlListener.SILENT).run().snapshot();
                SnapshotManifest manifest = new ManifestStore(dir.resolve("archive").resolve("snapshots")).read(id);
                assertThat(manifest.complete()).isTrue();
                assertThat(server.requestsTo(HOST, "/p/901")).as("a listed article is fetched once per snapshot, not again as a member")
                        .hasSize(i);
                snapshots.add(manifest.entries().stream().collect(Collectors.toMap(ManifestEntry::key, e -> e, (a, b) -> a,
                        java.util.LinkedHashMap::new)));
            }
            return snapshots;
        }
    }

    @Test
    void aColumnPageThatAnswersNotModifiedKeepsItsMembersInTheNextSnapshot() throws Exception {
        Map<String, ManifestEntry> second = crawl(true, 2).get(1);
        assertThat(second).hasSize(5);
        List<ManifestEntry> members = second.values().stream().filter(e -> e.sections().stream()
                .anyMatch(p -> p.subsection().equals(Optional.of("推荐系统实战专栏")))).toList();
        assertThat(members).hasSize(3).allSatisfy(m -> assertThat(m.outcome()).isEqualTo(Outcome.UNCHANGED));
        ManifestEntry column = second.values().stream().filter(e -> e.seedUrl().contains("/column/")).findFirst().orElseThrow();
        assertThat(column.reason()).contains("304");
    }

    @Test
    void aListedColumnsArticlesNotInTheListAreArchivedAsMembersInASubSectionNamedAfterTheColumn() throws Exception {
        Map<String, ManifestEntry> entries = crawl(true);
        assertThat(entries).hasSize(5);
        List<ManifestEntry> members = entries.values().stream()
                .filter(e -> e.sections().equals(List.of(new Placement("专栏作者", Optional.of("推荐系统实战专栏"))))).toList();
        assertThat(members).extracting(ManifestEntry::seedTitle).containsExactly("第二篇：粗排", "第三篇：精排", "第四篇：重排");
        assertThat(members).allSatisfy(m -> {
            assertThat(m.outcome()).isEqualTo(Outcome.OK);
            assertThat(m.content()).isPresent();
            assertThat(m.article().title()).isPresent();
        });
        // the listed article keeps its own place; its key is the one a member of that URL gets, so it was not doubled
        ManifestEntry listed = entries.values().stream().filter(e -> e.seedTitle().equals("第一篇：召回")).findFirst().orElseThrow();
        assertThat(listed.sections()).containsExactly(new Placement("专栏作者", Optional.empty()));
        // the mirror shows the members as a sub-section named after the column
        io.linkshelf.mirror.Mirror.build(new io.linkshelf.mirror.MirrorOptions(dir.resolve("archive"), dir.resolve("site"),
                dir.resolve("reports"), false));
        org.jsoup.nodes.Document index = org.jsoup.Jsoup.parse(dir.resolve("site/index.html").toFile(), "UTF-8");
        org.jsoup.nodes.Element heading = index.select("section.author h3").stream()
                .filter(h -> h.text().equals("推荐系统实战专栏")).findFirst().orElseThrow();
        assertThat(heading.nextElementSibling().select("li a")).extracting(org.jsoup.nodes.Element::text)
                .containsExactly("第二篇：粗排", "第三篇：精排", "第四篇：重排");
    }

    @Test
    void noExpandArchivesTheColumnPageOnly() throws Exception {
        Map<String, ManifestEntry> entries = crawl(false);
        assertThat(entries).hasSize(2);
    }
}
