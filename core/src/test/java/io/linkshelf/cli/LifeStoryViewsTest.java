package io.linkshelf.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.linkshelf.archive.ArticleStory;
import io.linkshelf.testing.LifeArchive;
import java.io.IOException;
import java.nio.file.Path;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The life stories of the four-snapshot fixture as the mirror, the report and {@code report --article} show them. */
class LifeStoryViewsTest {

    @TempDir
    static Path dir;

    static LifeArchive fixture;
    static Path site;

    @BeforeAll
    static void crawlAndBuild() throws Exception {
        fixture = LifeArchive.create(dir);
        CliRun report = CliRun.of("report", "--archive", fixture.archive().toString(), "--reports", fixture.reports().toString());
        assertThat(report.exitCode()).as(report.toString()).isZero();
        site = dir.resolve("site");
        CliRun mirror = CliRun.of("mirror", "--archive", fixture.archive().toString(), "--out", site.toString(),
                "--reports", fixture.reports().toString());
        assertThat(mirror.exitCode()).as(mirror.toString()).isZero();
    }

    private static Document page(String name) throws IOException {
        return Jsoup.parse(site.resolve("a").resolve(fixture.keys().get(name) + ".html").toFile(), "UTF-8");
    }

    private static String day(int snapshot) {
        return ArticleStory.day(fixture.snapshots().get(snapshot).start());
    }

    @Test
    void theArticlePageOfATakenDownArticleSaysSinceWhenInThePlatformsWordsAndWhenItWasLastAlive() throws IOException {
        Element story = page("banned").selectFirst("section.story");
        assertThat(story).isNotNull();
        assertThat(story.selectFirst(".gone dd").text()).startsWith(day(2)).contains("此内容因违规无法查看")
                .contains("found gone by 2 snapshots");
        assertThat(story.selectFirst(".alive dd").text()).isEqualTo(day(1));
        assertThat(story.selectFirst(".first dd").text()).isEqualTo(day(0));
        assertThat(story.select("ol.timeline li")).extracting(Element::text)
                .containsExactly("since " + day(0) + " alive", "since " + day(2) + " gone · 此内容因违规无法查看");
    }

    @Test
    void theArticlePageOfAComebackShowsItsReturnAndNoGoneSpell() throws IOException {
        Element story = page("lazarus").selectFirst("section.story");
        assertThat(story.selectFirst(".back dd").text()).isEqualTo(day(3));
        assertThat(story.selectFirst("dl > .gone")).isNull();
        assertThat(story.select("ol.timeline li")).extracting(Element::className).containsExactly("alive", "gone", "alive");
        assertThat(story.select("ol.timeline li").get(1).text()).contains("该内容已被发布者删除");
        assertThat(story.selectFirst("dl > .alive")).as("an article alive now shows no last-seen date that every snapshot would move")
                .isNull();
    }

    @Test
    void theArticlePageListsBothEditsWithALinkToTheReportThatShowsTheDiff() throws IOException {
        Element edits = page("edited").selectFirst("section.story .edits");
        assertThat(edits.select("li")).hasSize(2);
        // only the newest snapshot's report was written: the older edit names its diff command and links nothing
        assertThat(edits.select("li").get(0).select("a")).isEmpty();
        Element link = edits.select("li").get(1).selectFirst("a");
        assertThat(link.attr("href")).endsWith(fixture.snapshots().get(3).value() + "/report.html#changes");
        Path target = site.resolve("a").resolve(link.attr("href").replace("#changes", "")).normalize();
        assertThat(target).exists();
        assertThat(edits.text()).contains("linkshelf report --diff " + fixture.snapshots().get(0).value() + ".."
                + fixture.snapshots().get(1).value());
    }

    @Test
    void theArticlePageOfTheOnceBlockedArticleKeepsTheBlockApartFromGone() throws IOException {
        Element story = page("blocked").selectFirst("section.story");
        assertThat(story.selectFirst(".blocked dd").text()).isEqualTo(day(1));
        assertThat(story.selectFirst("dl > .gone")).isNull();
        assertThat(story.selectFirst(".status dd").text()).startsWith("alive");
    }

    @Test
    void aSecondMirrorBuildAfterNothingNewRendersNoArticleAgain() {
        CliRun again = CliRun.of("mirror", "--archive", fixture.archive().toString(), "--out", site.toString(),
                "--reports", fixture.reports().toString());
        assertThat(again.exitCode()).as(again.toString()).isZero();
        assertThat(again.out()).contains("(0 rendered, 6 unchanged)");
    }

    @Test
    void theIndexOffersScriptFreeFiltersAndMarksEachRowWithItsFilters() throws IOException {
        Document index = Jsoup.parse(site.resolve("index.html").toFile(), "UTF-8");
        assertThat(index.select("main > input.filter[type=radio]")).extracting(e -> e.id())
                .containsExactly("f-all", "f-gone", "f-blocked", "f-changed");
        assertThat(index.selectFirst("label[for=f-gone]").text()).contains("(3)");
        assertThat(index.selectFirst("label[for=f-changed]").text()).contains("(1)");
        assertThat(index.select("section.author li.gone").text()).contains(LifeArchive.TITLES.get("banned"),
                LifeArchive.TITLES.get("vanished"), LifeArchive.TITLES.get("never"));
        assertThat(index.select("section.author li.changed").text()).contains(LifeArchive.TITLES.get("edited"));
        assertThat(index.select("section.author li.gone").text()).doesNotContain(LifeArchive.TITLES.get("lazarus"));
        // the filter is CSS: the radios are siblings before the sections, and site.css hides the rows without the class
        String css = java.nio.file.Files.readString(site.resolve("site.css"));
        assertThat(css).contains("#f-gone:checked ~ section.author li:not(.gone)");
        assertThat(index.select("main > input.filter + label.filter ~ section.author")).isNotEmpty();
    }

    @Test
    void theReportLeadsWithTheNewsAndTellsTheEventfulStories() {
        CliRun md = CliRun.of("report", "--archive", fixture.archive().toString(), "--reports", fixture.reports().toString());
        String lead = md.out().lines().skip(2).findFirst().orElseThrow();
        assertThat(lead).contains("1 article disappeared since " + day(2)).contains("1 came back").contains("1 edited");
        assertThat(md.out()).contains("## Life stories").contains(LifeArchive.TITLES.get("banned") + " — gone since " + day(2));
        assertThat(md.out()).doesNotContain(LifeArchive.TITLES.get("steady") + " — ");
    }

    @Test
    void reportArticleTellsOneStoryByKeyOrByUrlInEveryFormat() throws IOException {
        String key = fixture.keys().get("lazarus");
        CliRun md = CliRun.of("report", "--archive", fixture.archive().toString(), "--article", key);
        assertThat(md.exitCode()).as(md.toString()).isZero();
        assertThat(md.out()).contains("came back: " + day(3)).contains("| deleted |").contains("该内容已被发布者删除");

        String url = java.nio.file.Files.readString(fixture.seeds()).lines().filter(l -> l.contains(LifeArchive.TITLES.get("banned")))
                .findFirst().orElseThrow().replaceAll(".*\\((.*)\\)", "$1");
        CliRun json = CliRun.of("report", "--archive", fixture.archive().toString(), "--article", url, "--format", "json");
        JsonNode story = new ObjectMapper().readTree(json.out());
        assertThat(story.path("status").asText()).isEqualTo("gone");
        assertThat(story.path("goneSince").path("steps").get(0).path("words").asText()).isEqualTo("此内容因违规无法查看");
        assertThat(story.path("goneSince").path("steps").get(0).path("snapshot").asText())
                .isEqualTo(fixture.snapshots().get(2).value());

        CliRun html = CliRun.of("report", "--archive", fixture.archive().toString(), "--article", key, "--format", "html");
        assertThat(Jsoup.parse(html.out()).select("script")).isEmpty();
        assertThat(html.out()).contains("Came back");

        CliRun missing = CliRun.of("report", "--archive", fixture.archive().toString(), "--article", "no-such-article");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("no article 'no-such-article'");
    }

    @Test
    void theAnnotatedListMarksEachLinkWithItsStatusSinceWhenAndARelativeLinkToItsCopy() throws IOException {
        CliRun run = CliRun.of("annotate", "--archive", fixture.archive().toString(), "--reports", fixture.reports().toString(),
                "--seeds", fixture.seeds().toString(), "--mirror", site.toString());
        assertThat(run.exitCode()).as(run.toString()).isZero();
        String annotated = java.nio.file.Files.readString(fixture.reports().resolve("links.md"));
        assertThat(io.linkshelf.catalog.AnnotatedList.strip(annotated)).isEqualTo(java.nio.file.Files.readString(fixture.seeds()));
        String banned = annotated.lines().filter(l -> l.startsWith("[" + LifeArchive.TITLES.get("banned"))).findFirst().orElseThrow();
        String copy = "../site/a/" + fixture.keys().get("banned") + ".html";
        assertThat(banned).endsWith("<!--linkshelf--> · 已删除 since " + day(2) + " · [copy](" + copy + ")<!--/linkshelf-->");
        assertThat(fixture.reports().resolve(copy).normalize()).exists();
        String never = annotated.lines().filter(l -> l.startsWith("[" + LifeArchive.TITLES.get("never"))).findFirst().orElseThrow();
        assertThat(never).endsWith("<!--linkshelf--> · 已删除 since " + day(0) + "<!--/linkshelf-->");
        String lazarus = annotated.lines().filter(l -> l.startsWith("[" + LifeArchive.TITLES.get("lazarus"))).findFirst().orElseThrow();
        assertThat(lazarus).contains(" · 在线 · [copy](");
        assertThat(annotated).contains("7 articles — 4 alive · 3 gone · 0 blocked · 0 not checked · 1 never captured.")
                .contains("1 article disappeared since " + day(2))
                .contains("Gone: " + LifeArchive.TITLES.get("banned") + " (since " + day(2) + ", 此内容因违规无法查看)");
    }

    @Test
    void aPublishedMirrorsUrlOrNoneSetsTheCopyLinksAndTheJsonCarriesTheDates() throws IOException {
        CliRun published = CliRun.of("annotate", "--archive", fixture.archive().toString(), "--seeds", fixture.seeds().toString(),
                "--copy-base", "https://example.org/shelf", "--label", "gone=Deleted", "--out", "-");
        assertThat(published.out()).contains(" · Deleted since " + day(2) + " · [copy](https://example.org/shelf/a/"
                + fixture.keys().get("banned") + ".html)");
        CliRun none = CliRun.of("annotate", "--archive", fixture.archive().toString(), "--seeds", fixture.seeds().toString(),
                "--copy-base", "none", "--out", "-");
        assertThat(io.linkshelf.catalog.AnnotatedList.marks(none.out())).hasSize(7).noneMatch(m -> m.contains("copy"));
        CliRun json = CliRun.of("annotate", "--archive", fixture.archive().toString(), "--seeds", fixture.seeds().toString(),
                "--format", "json", "--out", "-");
        JsonNode links = new ObjectMapper().readTree(json.out()).path("links");
        JsonNode lazarus = links.get(0);
        assertThat(lazarus.path("status").asText()).isEqualTo("alive");
        assertThat(lazarus.path("cameBack").asText()).isEqualTo(day(3));
        assertThat(lazarus.path("firstCaptured").asText()).isEqualTo(day(0));
        assertThat(links.get(1).path("edits").asInt()).isEqualTo(2);
    }
}
