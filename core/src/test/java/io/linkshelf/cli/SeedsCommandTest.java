package io.linkshelf.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SeedsCommandTest {

    @TempDir
    Path dir;

    @Test
    void printsATablePerSectionWithTotalsDuplicatesAndWarnings() {
        CliRun run = CliRun.of("seeds");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out())
                .contains("小小挖掘机")
                .containsPattern("total\\s+1100\\s+1099\\s+994\\s+105\\s+0")
                .contains("Listed more than once: 1")
                .contains("授人以渔：分享我的算法学习经验")
                .contains("line 2373: names an article but carries no link: 盘一盘 Python 系列特别篇 - 错误类型")
                .contains("skipped 17 table-of-contents links");
    }

    @Test
    void printsOneJsonDocumentInThePromisedShape() throws Exception {
        CliRun run = CliRun.of("seeds", "--format", "json");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        JsonNode doc = new ObjectMapper().readTree(run.out());
        assertThat(doc.get("links").asInt()).isEqualTo(1100);
        assertThat(doc.get("articles").asInt()).isEqualTo(1099);
        assertThat(doc.get("sections")).hasSize(17);
        assertThat(doc.get("sections").get(0).get("shortName").asText()).isEqualTo("石塔西");
        assertThat(doc.get("sections").get(0).get("name").asText()).isEqualTo("石塔西的系列文章");
        JsonNode first = doc.get("entries").get(0);
        assertThat(first.get("key").asText()).isEqualTo("wx-3295568432-2247484474-1");
        assertThat(first.get("platform").asText()).isEqualTo("wechat");
        assertThat(first.get("titles").get(0).asText()).isEqualTo("一桥飞架双塔：腾讯“虚拟内核”双塔");
        assertThat(first.get("sections").get(0).get("author").asText()).isEqualTo("石塔西");
        assertThat(first.get("sections").get(0).get("subsection").isNull()).isTrue();
        assertThat(doc.get("warnings")).hasSize(23);
        assertThat(doc.get("warnings").get(0).get("line").asInt()).isEqualTo(9);
    }

    @Test
    void printsOneCsvRowPerEntryWithQuoting() throws Exception {
        Path seeds = Files.writeString(dir.resolve("list.md"),
                "# 作者\n\n[a, \"quoted\" title](https://example.com/a)\n\n[b](https://zhuanlan.zhihu.com/p/42)\n",
                StandardCharsets.UTF_8);
        CliRun run = CliRun.of("seeds", "--seeds", seeds.toString(), "--format", "csv");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out().split("\r\n")).hasSize(3);
        assertThat(run.out()).contains(",\"a, \"\"quoted\"\" title\",").contains("zhihu-p-42,https://zhuanlan.zhihu.com/p/42,zhihu,b,作者,,5");
    }

    @Test
    void aMissingSeedFileIsOneLineAndExitCodeTwo() {
        CliRun run = CliRun.of("seeds", "--seeds", dir.resolve("missing.md").toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err().strip().lines()).singleElement().satisfies(line -> assertThat(line).contains("missing.md").contains("no such file"));
        assertThat(run.err()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void anUnknownOptionIsAUsageError() {
        CliRun run = CliRun.of("seeds", "--frobnicate");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("--frobnicate").contains("--help");
    }

    @Test
    void versionPrintsToolJvmAndOs() {
        CliRun run = CliRun.of("--version");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("linkshelf ").contains("JVM: ").contains("OS: ");
    }
}
