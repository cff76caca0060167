package io.linkshelf.mirror;

import static org.assertj.core.api.Assertions.assertThat;

import io.linkshelf.archive.ArchiveView;
import io.linkshelf.extract.Article;
import io.linkshelf.extract.ImageRef;
import io.linkshelf.catalog.Platform;
import io.linkshelf.testing.FixtureArchive;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MirrorSiteTest {

    @TempDir
    static Path dir;

    static FixtureArchive fixture;
    static Path site;
    static Path reports;
    static MirrorSummary first;

    @BeforeAll
    static void build() throws Exception {
        fixture = FixtureArchive.create(Files.createDirectories(dir.resolve("fixture")));
        reports = dir.resolve("my reports");
        Files.createDirectories(reports.resolve(fixture.snapshots().get(0).value()));
        Files.writeString(reports.resolve(fixture.snapshots().get(0).value()).resolve("report.html"), "<p>report</p>");
        site = dir.resolve("out").resolve("mirror");
        first = Mirror.build(new MirrorOptions(fixture.archive(), site, reports, false));
    }

    private static Path page(String name) {
        return site.resolve("a").resolve(fixture.keys().get(name) + ".html");
    }

    private static Document parse(Path file) throws IOException {
        return Jsoup.parse(file.toFile(), "UTF-8");
    }

    private static List<Path> htmlPages() throws IOException {
        try (Stream<Path> files = Files.walk(site)) {
            return files.filter(p -> p.toString().endsWith(".html")).sorted().toList();
        }
    }

    @Test
    void buildsAnIndexAndOnePagePerArchivedArticleAndAVersionPageForTheChangedOne() throws IOException {
        assertThat(site.resolve("index.html")).isRegularFile();
        assertThat(site.resolve("site.css")).isRegularFile();
        assertThat(site.resolve("search.js")).isRegularFile();
        for (String name : FixtureArchive.TITLES.keySet()) {
            assertThat(page(name)).as(name).isRegularFile();
        }
        assertThat(first.articles()).isEqualTo(8);
        assertThat(first.rendered()).isEqualTo(8);
        Path versions = site.resolve("a").resolve(fixture.keys().get("changed"));
        assertThat(versions.resolve("v" + fixture.snapshots().get(0).value() + ".html")).isRegularFile();
        assertThat(first.versionPages()).as("only 'changed' has text that changed").isEqualTo(1);

        Document changed = parse(page("changed"));
        assertThat(changed.select("section.versions a").eachAttr("href"))
                .containsExactly(fixture.keys().get("changed") + "/v" + fixture.snapshots().get(0).value() + ".html");
        assertThat(changed.select(".body").text()).contains("修订版补充了 PLE 的对比");
        Document old = parse(versions.resolve("v" + fixture.snapshots().get(0).value() + ".html"));
        assertThat(old.select(".body").text()).contains("MMoE 用多个专家网络建模多目标。").doesNotContain("修订版");
        assertThat(parse(page("same")).select("section.versions")).isEmpty();
    }

    @Test
    void theArticlePageShowsTitleAuthorDatesOriginAndNeighbours() throws IOException {
        Document same = parse(page("same"));
        assertThat(same.select("h1").text()).isEqualTo(FixtureArchive.TITLES.get("same"));
        assertThat(same.select(".author").text()).isEqualTo("搜广推小站");
        assertThat(same.select("p.meta time").text()).isEqualTo("2023-11-15");
        assertThat(same.select("p.captured").text()).startsWith("captured ").contains("from http://127.0.0.2:");
        // 'changed' and 'deleted' share the sub-section 排序, so they link to each other
        Document changed = parse(page("changed"));
        assertThat(changed.select("a[rel=next]").attr("href")).isEqualTo(fixture.keys().get("deleted") + ".html");
        assertThat(changed.select("a[rel=prev]")).isEmpty();
        assertThat(parse(page("deleted")).select("a[rel=prev]").attr("href")).isEqualTo(fixture.keys().get("changed") + ".html");
    }

    @Test
    void theIndexGroupsArticlesBySectionAsTheSeedListDoes() throws IOException {
        Document index = parse(site.resolve("index.html"));
        assertThat(index.select("section.author h2").eachText()).containsExactly("搜广推小站", "炼丹笔记");
        assertThat(index.select("section.author").get(0).select("h3").eachText()).containsExactly("召回", "排序");
        assertThat(index.select("section.author").get(1).select("ol.articles > li > a").eachText())
                .containsExactly(FixtureArchive.TITLES.get("blocked"), FixtureArchive.TITLES.get("gone"),
                        FixtureArchive.TITLES.get("failing"), FixtureArchive.TITLES.get("tricky"), FixtureArchive.TITLES.get("fresh"));
        String changedRow = index.select("li:has(a[href=a/" + fixture.keys().get("changed") + ".html])").text();
        assertThat(changedRow).contains("2023-11-15").contains("wechat").contains("2 images");
        assertThat(index.select("p.totals").text()).startsWith("8 articles, 8 readable offline");
        assertThat(index.select("input#q")).hasSize(1);
    }

    @Test
    void theTrickyTitleRendersAsTextEverywhere() throws IOException {
        String tricky = FixtureArchive.TITLES.get("tricky");
        for (Path file : List.of(site.resolve("index.html"), page("tricky"), page("failing"), page("fresh"))) {
            Document doc = parse(file);
            assertThat(doc.select("img[src=x]")).as(file.toString()).isEmpty();
            assertThat(doc.select("[onerror]")).as(file.toString()).isEmpty();
        }
        assertThat(parse(page("tricky")).select("h1").text()).isEqualTo(tricky);
        assertThat(parse(page("tricky")).title()).startsWith(tricky);
        assertThat(Files.readString(page("tricky"), StandardCharsets.UTF_8))
                .contains("&lt;img src=x onerror=alert(1)&gt; 与 &quot;引号&quot; &amp; 符号");
        assertThat(parse(site.resolve("index.html")).select("ol.articles a").eachText()).contains(tricky);
    }

    @Test
    void noScriptHandlerJavascriptUrlFormOrFrameSurvivesOnAnyPage() throws IOException {
        for (Path file : htmlPages()) {
            Document doc = parse(file);
            String where = site.relativize(file).toString();
            for (Element script : doc.select("script")) {
                assertThat(script.attr("src")).as(where).isIn("search-index.js", "search.js");
                assertThat(script.data()).as(where).isEmpty();
            }
            if (!where.equals("index.html")) {
                assertThat(doc.select("script")).as(where).isEmpty();
            }
            assertThat(doc.select("iframe, frame, object, embed, form, base, style")).as(where).isEmpty();
            for (Element el : doc.getAllElements()) {
                for (Attribute attr : el.attributes()) {
                    assertThat(attr.getKey().toLowerCase()).as(where + " " + el.tagName()).doesNotStartWith("on");
                    assertThat(attr.getValue().toLowerCase().strip()).as(where).doesNotStartWith("javascript:");
                }
            }
        }
    }

    @Test
    void everyPageForbidsNetworkLoadsAndLoadsNothingFromTheWeb() throws IOException {
        for (Path file : htmlPages()) {
            Document doc = parse(file);
            String where = site.relativize(file).toString();
            String csp = doc.select("meta[http-equiv=Content-Security-Policy]").attr("content");
            assertThat(csp).as(where).startsWith("default-src 'none';").contains("img-src 'self' file:")
                    .doesNotContain("http:").doesNotContain("https:").doesNotContain("*");
            for (Element el : doc.select("img[src], script[src], link[href], source, video, audio")) {
                String url = el.hasAttr("src") ? el.attr("src") : el.attr("href");
                assertThat(url).as(where + " " + el).doesNotContain("//").doesNotStartWith("data:");
            }
        }
    }

    @Test
    void everyRelativeLinkAndSourceResolvesToAFileThatExists() throws IOException {
        List<String> broken = new ArrayList<>();
        int checked = 0;
        for (Path file : htmlPages()) {
            for (Element el : parse(file).select("[href], [src]")) {
                String url = el.hasAttr("src") ? el.attr("src") : el.attr("href");
                if (url.startsWith("http://") || url.startsWith("https://") || url.startsWith("#")) {
                    continue;
                }
                String path = URI.create(url).getPath();
                checked++;
                if (!Files.isRegularFile(file.getParent().resolve(path).normalize())) {
                    broken.add(site.relativize(file) + " → " + url);
                }
            }
        }
        assertThat(broken).isEmpty();
        assertThat(checked).isGreaterThan(40);
    }

    @Test
    void snapshotsLinkTheirReportWhenOneExistsThroughARelativePath() throws IOException {
        Document index = parse(site.resolve("index.html"));
        List<Element> rows = index.select("section.snapshots li");
        assertThat(rows).hasSize(2);
        Element older = rows.get(1);
        assertThat(older.text()).contains(fixture.snapshots().get(0).value());
        assertThat(older.select("a").attr("href")).isEqualTo("../../my%20reports/" + fixture.snapshots().get(0).value() + "/report.html");
        assertThat(rows.get(0).select("a")).as("no report.html for the newer snapshot").isEmpty();
    }

    @Test
    void deletedAndBlockedArticlesCarryTheirBadges() throws IOException {
        Document index = parse(site.resolve("index.html"));
        assertThat(index.select("li:has(a[href=a/" + fixture.keys().get("deleted") + ".html]) .badge.deleted")).hasSize(1);
        assertThat(index.select("li:has(a[href=a/" + fixture.keys().get("blocked") + ".html]) .badge.blocked")).hasSize(1);
        assertThat(index.select(".badge.deleted")).hasSize(1);
        assertThat(index.select(".badge.blocked")).hasSize(1);
        assertThat(index.select("li:has(a[href=a/" + fixture.keys().get("same") + ".html]) .badge")).isEmpty();
        assertThat(parse(page("deleted")).select("p.meta .badge.deleted")).hasSize(1);
        assertThat(parse(page("deleted")).select(".body").text()).contains("出价策略包括 oCPC 与 oCPM。");
        assertThat(parse(page("blocked")).select("p.meta .badge.blocked")).hasSize(1);
    }

    @Test
    void anImageThatWasNeverCapturedShowsItsAltTextAndANoteNotABrokenImage() throws IOException {
        Document failing = parse(page("failing"));
        assertThat(failing.select(".body img")).isEmpty();
        Element missing = failing.selectFirst(".body .img-missing");
        assertThat(missing).isNotNull();
        assertThat(missing.select(".img-alt").text()).isEqualTo("（图片）");
        assertThat(missing.select("small").text()).isEqualTo("image not archived: HTTP 404");
        assertThat(first.missingImages()).isEqualTo(1);
    }

    @Test
    void aSharedImageIsOneFileNamedByItsDigestWithTheExtensionOfItsBytes() throws IOException {
        String sameSrc = parse(page("same")).select(".body img").attr("src");
        String freshSrc = parse(page("fresh")).select(".body img").attr("src");
        assertThat(sameSrc).matches("\\.\\./img/[0-9a-f]{40}\\.png").isEqualTo(freshSrc);
        assertThat(parse(page("changed")).select(".body img").eachAttr("src")).hasSize(2).contains(sameSrc);
        try (Stream<Path> images = Files.list(site.resolve("img"))) {
            assertThat(images.map(p -> p.getFileName().toString()).toList()).hasSize(2).allMatch(n -> n.endsWith(".png"));
        }
        byte[] bytes = Files.readAllBytes(page("same").getParent().resolve(sameSrc).normalize());
        assertThat(sameSrc).contains(ImageStore.sha1Hex(bytes));
        assertThat(first.imageFiles()).isEqualTo(2);
    }

    @Test
    void theSearchIndexCoversTitlesAuthorsAndBodies() throws IOException {
        String js = Files.readString(site.resolve("search-index.js"), StandardCharsets.UTF_8);
        assertThat(js).startsWith("window.LINKSHELF_SEARCH = ");
        // each a whole chunk of a "terms" string (format 2, see SearchCodec)
        for (String term : List.of("召回", "deepfm", "mmoe", "炼丹", "ocpc")) {
            assertThat(js).containsPattern("\"terms\":\"([^\"]* )?" + term + "[ \"]");
        }
        assertThat(first.searchIndexBytes()).isEqualTo(Files.size(site.resolve("search-index.js")));
    }

    @Test
    void aSecondBuildRendersNothingWhenNothingChangedAndRebuildRendersEverything() throws Exception {
        Path other = dir.resolve("incremental");
        MirrorSummary full = Mirror.build(new MirrorOptions(fixture.archive(), other, reports, false));
        assertThat(full.rendered()).isEqualTo(8);
        long before = Files.getLastModifiedTime(other.resolve("a").resolve(fixture.keys().get("same") + ".html")).toMillis();
        MirrorSummary again = Mirror.build(new MirrorOptions(fixture.archive(), other, reports, false));
        assertThat(again.rendered()).isZero();
        assertThat(again.skipped()).isEqualTo(8);
        assertThat(again.imagesWritten()).isZero();
        assertThat(Files.getLastModifiedTime(other.resolve("a").resolve(fixture.keys().get("same") + ".html")).toMillis())
                .isEqualTo(before);
        Files.delete(other.resolve("a").resolve(fixture.keys().get("fresh") + ".html"));
        assertThat(Mirror.build(new MirrorOptions(fixture.archive(), other, reports, false)).rendered())
                .as("a missing page is rendered again").isEqualTo(1);
        Files.writeString(other.resolve("notes.txt"), "mine");
        MirrorSummary rebuilt = Mirror.build(new MirrorOptions(fixture.archive(), other, reports, true));
        assertThat(rebuilt.rendered()).isEqualTo(8);
        assertThat(rebuilt.imagesWritten()).isEqualTo(2);
        assertThat(other.resolve("notes.txt")).as("--rebuild deletes only what the build owns").exists();
    }

    @Test
    void theRendererSanitisesHostileBodiesAndPointsArchivedLinksAtTheirPages() throws IOException {
        ArchiveView view = ArchiveView.open(fixture.archive());
        String sameUrl = view.latestEntry(fixture.keys().get("same")).orElseThrow().seedUrl();
        ImageStore images = new ImageStore(view, dir.resolve("renderer"), Map.of());
        BodyRenderer renderer = new BodyRenderer(images, Set.copyOf(fixture.keys().values()));
        String body = "<p onclick=\"steal()\">text <a href=\"" + sameUrl.replace("&", "&amp;") + "\">archived</a>"
                + " <a href=\"https://example.com/x\">web</a> <a href=\"javascript:alert(1)\">js</a></p>"
                + "<script>alert(1)</script><iframe src=\"https://evil.example/\"></iframe>"
                + "<form action=\"https://evil.example/\"><input name=q></form><style>p{}</style>"
                + "<img src=\"https://cdn.example/never.png\" alt=\"一张图\" onerror=\"alert(1)\">"
                + "<svg><script>alert(2)</script></svg><object data=\"x.swf\"></object>";
        Article article = new Article(Platform.OTHER, "t", Optional.empty(), Optional.empty(), false,
                URI.create("https://example.com/post"), URI.create("https://example.com/post"), body, "text",
                List.of(new ImageRef(URI.create("https://cdn.example/never.png"), "一张图", "k")), List.of(), 1);
        BodyRenderer.Rendered out = renderer.render(article, "../");
        Document doc = Jsoup.parseBodyFragment(out.html());
        assertThat(out.html()).doesNotContainIgnoringCase("<script").doesNotContainIgnoringCase("onclick")
                .doesNotContainIgnoringCase("onerror").doesNotContainIgnoringCase("javascript:")
                .doesNotContainIgnoringCase("<iframe").doesNotContainIgnoringCase("<form")
                .doesNotContainIgnoringCase("<style").doesNotContainIgnoringCase("<object").doesNotContain("<input");
        assertThat(doc.select("a:contains(archived)").attr("href")).isEqualTo("../a/" + fixture.keys().get("same") + ".html");
        assertThat(doc.select("a:contains(web)").attr("href")).isEqualTo("https://example.com/x");
        assertThat(doc.select("img")).isEmpty();
        assertThat(doc.select(".img-missing .img-alt").text()).isEqualTo("一张图");
        assertThat(doc.select(".img-missing small").text()).isEqualTo("image not archived: not captured");
        assertThat(out.linkedKeys()).contains(fixture.keys().get("same"));
        assertThat(out.missingImages()).isEqualTo(1);
    }
}
