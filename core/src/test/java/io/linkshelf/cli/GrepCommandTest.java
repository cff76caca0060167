package io.linkshelf.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.linkshelf.search.TextStore;
import io.linkshelf.testing.FixtureArchive;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GrepCommandTest {

    @TempDir
    static Path dir;

    static FixtureArchive fixture;
    static String archive;

    @TempDir
    Path work;

    @BeforeAll
    static void crawlTwiceAndWriteTheTextStore() throws Exception {
        fixture = FixtureArchive.create(dir);
        TextStore.update(fixture.archive());
        archive = fixture.archive().toString();
    }

    private static CliRun grep(String... args) {
        List<String> all = new ArrayList<>(List.of("grep", "--archive", archive));
        all.addAll(List.of(args));
        return CliRun.of(all.toArray(String[]::new));
    }

    private static List<JsonNode> json(CliRun run) throws Exception {
        List<JsonNode> nodes = new ArrayList<>();
        for (String line : run.out().strip().split("\n")) {
            nodes.add(new ObjectMapper().readTree(line));
        }
        return nodes;
    }

    private String key(String name) {
        return fixture.keys().get(name);
    }

    @Test
    void aRegexMatchPrintsTheArticleHeaderTheLineAndACountLine() {
        CliRun run = grep("MMoE.{2}多个");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("搜广推小站 › 多目标排序：MMoE 实践  (http://127.0.0.2:")
                .contains(", captured " + fixture.snapshots().get(1).value().substring(0, 4) + "-")
                .contains("8:MMoE 用多个专家网络建模多目标；修订版补充了 PLE 的对比。")
                .endsWith("\n1 matching line in 1 of 8 articles\n");
        assertThat(run.out()).as("plain when not on a terminal").doesNotContain("\u001b[");
    }

    @Test
    void aFixedStringTakesMetacharactersLiterally() {
        assertThat(grep("-F", "alert(1)</script>").exitCode()).isZero();
        assertThat(grep("alert(1)</script>").exitCode()).as("as a regex, (1) is a group").isEqualTo(1);
        assertThat(grep("-F", "alert(1)</script>").out()).contains(FixtureArchive.TITLES.get("tricky"));
    }

    @Test
    void ignoreCaseAlsoFoldsFullWidthLettersAndReportsOffsetsInTheOriginal() throws Exception {
        assertThat(grep("ＤｅｅｐＦＭ").exitCode()).isEqualTo(1);
        assertThat(grep("deepfm").exitCode()).isEqualTo(1);
        CliRun run = grep("-i", "--json", "ｄｅｅｐｆｍ");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        JsonNode match = json(run).get(0);
        assertThat(match.get("key").asText()).isEqualTo(key("blocked"));
        assertThat(match.get("line").asText()).startsWith("DeepFM 结合了");
        assertThat(match.get("matches").toString()).isEqualTo("[[0,6]]");
    }

    @Test
    void wordMatchesOnlyWholeWords() throws Exception {
        CliRun run = grep("-w", "--json", "FM");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(json(run)).singleElement().satisfies(m -> {
            assertThat(m.get("line").asText()).isEqualTo("DeepFM 结合了 FM 与深度网络。");
            assertThat(m.get("matches").toString()).isEqualTo("[[11,13]]");
        });
        assertThat(grep("-w", "Deep").exitCode()).isEqualTo(1);
        assertThat(grep("Deep").exitCode()).isZero();
    }

    @Test
    void contextLinesSurroundTheMatchAndSeparateGroups() {
        CliRun run = grep("-C", "2", "--author", "搜广推", "双塔模型把用户");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("8:双塔模型把用户和物品分别编码，召回阶段用向量检索。\n9-\n10-多目标建模需要平衡点击率与转化率。\n");
        CliRun groups = grep("-C", "0", "--section", "召回", "双塔|多目标建模");
        assertThat(groups.out()).contains("8:双塔模型").contains("\n--\n10:多目标建模");
    }

    @Test
    void authorAndSectionFiltersKeepOnlyThoseArticles() {
        assertThat(grep("-c", "多目标建模").out().lines()).hasSize(8);
        assertThat(grep("-c", "--author", "炼丹", "多目标建模").out().lines())
                .hasSize(5)
                .allSatisfy(line -> assertThat(line).endsWith(":1"));
        assertThat(grep("-l", "--section", "排序", "多目标建模").out().lines()).containsExactlyInAnyOrder(
                fixture.archive().resolve("text").resolve(key("changed") + ".txt").toString(),
                fixture.archive().resolve("text").resolve(key("deleted") + ".txt").toString());
        assertThat(grep("--author", "nobody", "多目标建模").exitCode()).isEqualTo(1);
    }

    @Test
    void allVersionsFindsThePreChangeTextTheDefaultDoesNot() {
        CliRun latest = grep("建模多目标。");
        assertThat(latest.exitCode()).as(latest.toString()).isEqualTo(1);
        assertThat(latest.err()).contains("no match in 8 articles");
        CliRun all = grep("--all-versions", "建模多目标。");
        assertThat(all.exitCode()).as(all.toString()).isZero();
        assertThat(all.out()).contains("多目标排序：MMoE 实践").contains("earlier version")
                .contains("8:MMoE 用多个专家网络建模多目标。")
                .contains("1 matching line in 1 of 9 articles");
    }

    @Test
    void jsonIsOneObjectPerMatchingLineInThePromisedShape() throws Exception {
        CliRun run = grep("--json", "-C", "1", "检索");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        JsonNode m = json(run).get(0);
        assertThat(m.get("key").asText()).isEqualTo(key("same"));
        assertThat(m.get("title").asText()).isEqualTo(FixtureArchive.TITLES.get("same"));
        assertThat(m.get("author").asText()).isEqualTo("搜广推小站");
        assertThat(m.get("url").asText()).startsWith("http://127.0.0.2:");
        assertThat(m.get("path").asText()).isEqualTo(fixture.archive().resolve("text").resolve(key("same") + ".txt").toString());
        assertThat(m.get("mirror").asText()).isEqualTo(fixture.archive().resolve("mirror/a").resolve(key("same") + ".html").toString());
        assertThat(m.get("lineNumber").asInt()).isEqualTo(8);
        assertThat(m.get("line").asText()).isEqualTo("双塔模型把用户和物品分别编码，召回阶段用向量检索。");
        assertThat(m.get("matches").toString()).isEqualTo("[[22,24]]");
        assertThat(m.get("after").toString()).isEqualTo("[\"\"]");
        assertThat(m.get("latest").asBoolean()).isTrue();
        assertThat(m.get("snapshot").asText()).isEqualTo(fixture.snapshots().get(0).value());
    }

    @Test
    void exitCodesFollowGrep() {
        assertThat(grep("召回").exitCode()).isZero();
        assertThat(grep("此文不存在的词").exitCode()).isEqualTo(1);
        assertThat(CliRun.of("grep", "--archive", work.resolve("nothing").toString(), "x").exitCode()).isEqualTo(2);
        assertThat(grep().exitCode()).as("no pattern").isEqualTo(2);
    }

    @Test
    void aBadRegexIsOneLineNamingThePosition() {
        CliRun run = grep("召回(阶段");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip().lines()).singleElement().satisfies(line ->
                assertThat(line).startsWith("linkshelf: bad regular expression at position 5: ").contains("召回(阶段"));
    }

    @Test
    void chineseOffsetsCountAnEmojiAsOneCharacterAndColourWrapsTheMatch() throws Exception {
        Path store = work.resolve("archive");
        Path text = Files.createDirectories(store.resolve("text"));
        Files.writeString(text.resolve("wx-emoji-1-1.txt"), "Title: 表情\nAuthor: 测试号\nSection: 测试号\nURL: https://mp.weixin.qq.com/s/x\n"
                + "Published: \nSnapshot: 20260101T000000Z\n\n第一段。\n😀 推荐系统里的 ＤｅｅｐＦＭ 模型\n", StandardCharsets.UTF_8);
        TextStore.reindex(store);

        CliRun run = CliRun.of("grep", "--archive", store.toString(), "--json", "推荐");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(json(run).get(0).get("matches").toString()).isEqualTo("[[2,4]]");
        assertThat(json(run).get(0).get("lineNumber").asInt()).isEqualTo(9);

        CliRun folded = CliRun.of("grep", "--archive", store.toString(), "--json", "-i", "deepfm");
        assertThat(json(folded).get(0).get("matches").toString()).isEqualTo("[[9,15]]");

        CliRun colour = CliRun.of("grep", "--archive", store.toString(), "--color", "always", "-i", "deepfm|推荐");
        assertThat(colour.out()).contains("😀 \u001b[1;31m推荐\u001b[0m系统里的 \u001b[1;31mＤｅｅｐＦＭ\u001b[0m 模型");
    }

    @Test
    void aStoreWithoutItsIndexIsSearchedFileByFile() throws Exception {
        Path store = work.resolve("archive");
        Path text = Files.createDirectories(store.resolve("text"));
        Files.writeString(text.resolve("web-a.txt"), "Title: A\nAuthor: \nSection: 甲\nURL: \nPublished: \nSnapshot: 20260101T000000Z\n\n召回与排序\n",
                StandardCharsets.UTF_8);
        CliRun run = CliRun.of("grep", "--archive", store.toString(), "-c", "排序");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).isEqualTo(text.resolve("web-a.txt") + ":1\n");
    }
}
