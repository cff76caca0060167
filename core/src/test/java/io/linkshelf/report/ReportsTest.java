package io.linkshelf.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.linkshelf.archive.ArchiveView;
import io.linkshelf.snapshot.ArchiveLayout;
import io.linkshelf.snapshot.Outcome;
import io.linkshelf.snapshot.SnapshotId;
import io.linkshelf.testing.FixtureArchive;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportsTest {

    @TempDir
    static Path dir;

    static FixtureArchive fixture;
    static SnapshotId first;
    static SnapshotId second;
    static Path reportHtml;

    @BeforeAll
    static void crawlTwiceAndReport() throws Exception {
        fixture = FixtureArchive.create(dir);
        first = fixture.snapshots().get(0);
        second = fixture.snapshots().get(1);
        Reports.write(fixture.archive(), fixture.reports(), first);
        reportHtml = Reports.write(fixture.archive(), fixture.reports(), second);
    }

    private static String key(String name) {
        return fixture.keys().get(name);
    }

    private static SnapshotReport secondReport() throws Exception {
        return Reports.report(ArchiveView.open(fixture.archive()), second, fixture.reports());
    }

    @Test
    void writesReportJsonAndHtmlUnderTheSnapshotsFolder() throws Exception {
        Path folder = fixture.reports().resolve(second.value());
        assertThat(reportHtml).isEqualTo(folder.resolve("report.html"));
        assertThat(folder.resolve("report.json")).isRegularFile();
        String json = Files.readString(folder.resolve("report.json"), StandardCharsets.UTF_8);
        assertThat(json).contains("\"snapshot\" : \"" + second.value() + "\"").contains("\"not-found\" : 1")
                .contains("修订版补充了 PLE 的对比");
        try (var leftovers = Files.list(folder)) {
            assertThat(leftovers.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
    }

    @Test
    void countsEveryOutcomeOverallAndPerAuthorSection() throws Exception {
        SnapshotReport report = secondReport();
        assertThat(report.outcomes()).containsEntry("ok", 2).containsEntry("unchanged", 3).containsEntry("deleted", 1)
                .containsEntry("blocked", 1).containsEntry("not-found", 1);
        assertThat(report.sections()).extracting(SnapshotReport.SectionCounts::author).containsExactly("搜广推小站", "炼丹笔记");
        assertThat(report.sections().get(0).outcomes()).containsOnlyKeys("unchanged", "ok", "deleted");
        assertThat(report.sections().get(1).articles()).isEqualTo(5);
        assertThat(report.hosts()).anySatisfy(h -> {
            assertThat(h.host()).contains("127.0.0.2");
            assertThat(h.requests()).isPositive();
        });
        assertThat(report.complete()).isTrue();
        assertThat(report.durationSeconds()).isPresent();
    }

    @Test
    void listsEveryEntryThatNeedsAttentionWithItsReasonAndLastGoodCopy() throws Exception {
        SnapshotReport report = secondReport();
        assertThat(report.attention()).extracting(SnapshotDiff.ArticleRef::key)
                .containsExactlyInAnyOrder(key("deleted"), key("blocked"), key("gone"));
        SnapshotDiff.ArticleRef deleted = report.attention().stream().filter(a -> a.key().equals(key("deleted"))).findFirst()
                .orElseThrow();
        assertThat(deleted.outcome()).isEqualTo(Outcome.DELETED);
        assertThat(deleted.reason()).isNotBlank();
        assertThat(deleted.mirror()).contains("../../archive/mirror/a/" + key("deleted") + ".html");
        Path resolved = fixture.reports().resolve(second.value()).resolve(deleted.mirror().orElseThrow()).normalize();
        assertThat(resolved).isEqualTo(fixture.archive().resolve("mirror/a/" + key("deleted") + ".html").normalize());
        assertThat(report.imageProblems()).singleElement().satisfies(p -> {
            assertThat(p.key()).isEqualTo(key("failing"));
            assertThat(p.url()).contains("/broken/");
            assertThat(p.outcome()).isEqualTo("failed");
        });
    }

    @Test
    void mirrorLinksPointAtTheMirrorWhereverMirrorOutPutIt() throws Exception {
        Path site = dir.resolve("elsewhere").resolve("site");
        Path reports = dir.resolve("other-reports");
        Path html = Reports.write(ArchiveLayout.of(fixture.archive(), reports).withMirror(site), second);
        Element copy = Jsoup.parse(Files.readString(html, StandardCharsets.UTF_8)).select("a:contains(mirror copy)").first();
        assertThat(copy).isNotNull();
        Path target = html.getParent().resolve(copy.attr("href")).normalize();
        assertThat(target.getParent()).isEqualTo(site.resolve("a").normalize());
    }

    @Test
    void theChangesSinceThePreviousSnapshotHoldOneArticleOfEachKind() throws Exception {
        SnapshotDiff changes = secondReport().changes();
        assertThat(changes.from()).contains(first.value());
        assertThat(changes.added()).extracting(SnapshotDiff.ArticleRef::key).containsExactly(key("fresh"));
        assertThat(changes.changed()).extracting(c -> c.article().key()).containsExactly(key("changed"));
        assertThat(changes.removed()).extracting(SnapshotDiff.ArticleRef::key)
                .containsExactlyInAnyOrder(key("deleted"), key("gone"));
        assertThat(changes.cameBack()).isEmpty();
        TextDiff diff = changes.changed().get(0).diff();
        assertThat(diff.lines()).containsExactly(
                new TextDiff.Line(TextDiff.Sign.REMOVED, "MMoE 用多个专家网络建模多目标。"),
                new TextDiff.Line(TextDiff.Sign.ADDED, "MMoE 用多个专家网络建模多目标；修订版补充了 PLE 的对比。"));
    }

    @Test
    void theFirstSnapshotListsEverythingItCapturedAsNew() throws Exception {
        SnapshotReport report = Reports.report(ArchiveView.open(fixture.archive()), first, fixture.reports());
        assertThat(report.changes().from()).isEmpty();
        assertThat(report.changes().added()).hasSize(7).extracting(SnapshotDiff.ArticleRef::key).contains(key("tricky"))
                .doesNotContain(key("fresh"));
        assertThat(report.attention()).isEmpty();
        assertThat(Files.readString(fixture.reports().resolve(first.value()).resolve("report.html"), StandardCharsets.UTF_8))
                .contains("This is the first snapshot: everything it captured is new.");
    }

    @Test
    void htmlShowsTheTrickyTitleAsTextAndRunsNothing() throws Exception {
        String html = Files.readString(fixture.reports().resolve(first.value()).resolve("report.html"), StandardCharsets.UTF_8);
        assertThat(html).doesNotContain("<img src=x").doesNotContain("<script")
                .contains("&lt;img src=x onerror=alert(1)&gt; 与 &quot;引号&quot; &amp; 符号");
        Document doc = Jsoup.parse(html);
        assertThat(doc.select("script, img, iframe, link, object, embed, [src]")).isEmpty();
        assertThat(doc.getAllElements()).noneMatch(e -> e.attributes().asList().stream()
                .anyMatch(a -> a.getKey().toLowerCase(java.util.Locale.ROOT).startsWith("on")));
        assertThat(doc.select("li").eachText()).anyMatch(t -> t.startsWith(FixtureArchive.TITLES.get("tricky")));
    }

    @Test
    void htmlIsSelfContainedAndShowsFactsChartsHostsAndTheDiff() throws Exception {
        Document doc = Jsoup.parse(Files.readString(reportHtml, StandardCharsets.UTF_8));
        assertThat(doc.select("style").html()).contains("prefers-color-scheme: dark").contains("PingFang SC");
        assertThat(doc.select("svg.bar")).hasSize(3); // two author sections and the total
        assertThat(doc.select("svg.bar rect title").eachText()).contains("deleted 1", "not-found 1");
        assertThat(doc.text()).contains("127.0.0.2").contains("Waiting for politeness");
        assertThat(doc.select("pre.diff .add").text()).contains("修订版补充了 PLE 的对比");
        assertThat(doc.select("pre.diff .del").text()).contains("MMoE 用多个专家网络建模多目标。");
        Element copy = doc.select("a:contains(mirror copy)").first();
        assertThat(copy).isNotNull();
        assertThat(copy.attr("href")).startsWith("../../archive/mirror/a/").endsWith(".html");
        assertThat(doc.select("a[href]").eachAttr("href"))
                .allMatch(h -> h.startsWith("../") || h.startsWith("http://127.0.0.2:"));
    }

    @Test
    void indexListsBothSnapshotsNewestFirstWithTheirCounts() throws Exception {
        Document index = Jsoup.parse(Files.readString(fixture.reports().resolve("index.html"), StandardCharsets.UTF_8));
        List<String> links = index.select("tr.snapshot a").eachAttr("href");
        assertThat(links).containsExactly(second.value() + "/report.html", first.value() + "/report.html");
        assertThat(index.select("tr.snapshot").get(1).text()).contains("ok 7");
        assertThat(index.select("tr.snapshot").get(0).text()).contains("deleted 1").contains("blocked 1");
    }

    @Test
    void diffCanCompareAnyTwoSnapshotsInEitherDirection() throws Exception {
        ArchiveView view = ArchiveView.open(fixture.archive());
        SnapshotDiff backwards = Reports.diff(view, second, first, fixture.reports());
        // seen from the second snapshot, the first has the deleted and gone articles back and lacks the fresh one
        assertThat(backwards.cameBack()).extracting(SnapshotDiff.ArticleRef::key)
                .containsExactlyInAnyOrder(key("deleted"), key("gone"), key("blocked"));
        assertThat(backwards.added()).isEmpty();
        assertThat(Reports.diff(view, second, second, fixture.reports()).isEmpty()).isTrue();
    }

    @Test
    void aliasesNameTheNewestAndThePreviousSnapshot() throws Exception {
        ArchiveView view = ArchiveView.open(fixture.archive());
        assertThat(Reports.resolve(view, "latest")).contains(second);
        assertThat(Reports.resolve(view, "previous")).contains(first);
        assertThat(Reports.resolve(view, first.value())).contains(first);
        assertThat(Reports.resolve(view, "20000101T000000Z")).isEmpty();
        assertThat(Reports.resolve(view, "nonsense")).isEmpty();
    }

    @Test
    void markdownEscapesMarkupInTitles() throws Exception {
        String md = Reports.render(secondReport(), ReportFormat.MD);
        assertThat(md).contains("## Changes since the previous snapshot")
                .contains("+ MMoE 用多个专家网络建模多目标；修订版补充了 PLE 的对比。");
        String first = Reports.render(Reports.report(ArchiveView.open(fixture.archive()), ReportsTest.first, fixture.reports()),
                ReportFormat.MD);
        assertThat(first).contains("\\<img src=x onerror=alert(1)\\> 与 \"引号\" & 符号");
        String rendered = org.commonmark.renderer.html.HtmlRenderer.builder().build()
                .render(org.commonmark.parser.Parser.builder().build().parse(first));
        assertThat(rendered).doesNotContain("<img").contains("&lt;img src=x onerror=alert(1)&gt; 与");
    }
}
