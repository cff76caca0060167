package io.linkshelf.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.linkshelf.testing.FixtureArchive;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportCommandTest {

    @TempDir
    static Path dir;

    static FixtureArchive fixture;
    static String first;
    static String second;

    @BeforeAll
    static void crawlTwice() throws Exception {
        fixture = FixtureArchive.create(dir);
        first = fixture.snapshots().get(0).value();
        second = fixture.snapshots().get(1).value();
    }

    private static CliRun report(String... extra) {
        String[] base = {"report", "--archive", fixture.archive().toString(), "--reports", fixture.reports().toString()};
        String[] all = new String[base.length + extra.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(extra, 0, all, base.length, extra.length);
        return CliRun.of(all);
    }

    @Test
    void withoutOptionsPrintsTheNewestReportAsMarkdownAndRewritesItsFiles() throws Exception {
        Files.deleteIfExists(fixture.reports().resolve(second).resolve("report.html"));
        CliRun run = report();
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).startsWith("# Snapshot " + second).contains("## Needs attention")
                .contains("+ MMoE 用多个专家网络建模多目标；修订版补充了 PLE 的对比。");
        assertThat(fixture.reports().resolve(second).resolve("report.html")).isRegularFile();
        assertThat(fixture.reports().resolve("index.html")).isRegularFile();
    }

    @Test
    void aChosenSnapshotPrintsAsJson() throws Exception {
        CliRun run = report("--snapshot", first, "--format", "json");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.get("snapshot").asText()).isEqualTo(first);
        assertThat(json.get("outcomes").get("ok").asInt()).isEqualTo(7);
        assertThat(json.get("changes").get("added")).hasSize(7);
    }

    @Test
    void diffPrintsTheChangesBetweenTwoSnapshotsInEachFormat() throws Exception {
        CliRun md = report("--diff", first + ".." + second);
        assertThat(md.exitCode()).as(md.toString()).isZero();
        assertThat(md.out()).startsWith("# Changes from " + first + " to " + second)
                .contains("### New articles (1)").contains("### Changed articles (1)")
                .contains("### Deleted or gone at the source (2)").contains("+ MMoE 用多个专家网络建模多目标；修订版补充了 PLE 的对比。")
                .contains("- MMoE 用多个专家网络建模多目标。");

        CliRun json = report("--diff", "previous..latest", "--format", "json");
        assertThat(json.exitCode()).as(json.toString()).isZero();
        JsonNode diff = new ObjectMapper().readTree(json.out());
        assertThat(diff.get("from").asText()).isEqualTo(first);
        assertThat(diff.get("to").asText()).isEqualTo(second);
        assertThat(diff.get("changed").get(0).get("diff").get("lines").findValuesAsText("text"))
                .contains("MMoE 用多个专家网络建模多目标；修订版补充了 PLE 的对比。");
        assertThat(diff.get("removed").findValuesAsText("outcome")).containsExactlyInAnyOrder("deleted", "not-found");

        CliRun html = report("--diff", "previous..latest", "--format", "html");
        assertThat(html.exitCode()).as(html.toString()).isZero();
        Document doc = Jsoup.parse(html.out());
        assertThat(doc.select("script")).isEmpty();
        assertThat(doc.select("pre.diff .add").text()).contains("修订版补充了 PLE 的对比");
        assertThat(doc.select("h3").eachText()).contains("New articles (1)", "Changed articles (1)");
    }

    @Test
    void anUnknownSnapshotIsAUsageErrorListingTheAvailableOnes() {
        CliRun run = report("--snapshot", "20000101T000000Z");
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().lines().findFirst().orElseThrow()).contains("no snapshot '20000101T000000Z'")
                .contains(first + ", " + second).contains("latest, previous");

        CliRun diff = report("--diff", "latest..nonsense");
        assertThat(diff.exitCode()).as(diff.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(diff.err()).contains("no snapshot 'nonsense'");

        CliRun shape = report("--diff", first);
        assertThat(shape.exitCode()).as(shape.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(shape.err()).contains("A..B");
    }

    @Test
    void anArchiveWithoutSnapshotsIsUnusable() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty-archive"));
        CliRun run = CliRun.of("report", "--archive", empty.toString(), "--reports", dir.resolve("r").toString());
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.ARCHIVE_UNUSABLE);
        assertThat(run.err()).contains("no snapshots yet");
    }
}
