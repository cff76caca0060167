package io.linkshelf.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.linkshelf.catalog.AnnotatedList;
import io.linkshelf.catalog.Catalog;
import io.linkshelf.catalog.CatalogEntry;
import io.linkshelf.catalog.CatalogReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code linkshelf annotate} on the bundled list and an empty archive: bytes kept, marks replaced, every link listed once. */
class AnnotateCommandTest {

    @TempDir
    Path dir;

    private CliRun annotate(String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("annotate", "--archive", dir.resolve("archive").toString(),
                "--reports", dir.resolve("reports").toString()));
        args.addAll(List.of(more));
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.toString()).isZero();
        return run;
    }

    @Test
    void theJsonListsEveryLinkOfTheBundledListExactlyOnceTheDuplicateIncluded() throws IOException {
        annotate("--format", "json");
        JsonNode doc = new ObjectMapper().readTree(dir.resolve("reports/links.json").toFile());
        Catalog catalog = CatalogReader.bundled();
        JsonNode links = doc.path("links");
        assertThat(links.size()).isEqualTo(1100).isEqualTo(catalog.links());
        Map<String, Integer> perKey = new HashMap<>();
        links.forEach(l -> perKey.merge(l.path("key").asText(), 1, Integer::sum));
        for (CatalogEntry e : catalog.entries()) {
            assertThat(perKey.get(e.key())).as(e.key()).isEqualTo(e.lines().size());
        }
        assertThat(perKey.values().stream().filter(n -> n > 1)).isNotEmpty();
        // each row names its own line: no link is listed twice
        assertThat(StreamSupport.stream(links.spliterator(), false).map(l -> l.path("line").asInt() + " " + l.path("url").asText())
                .distinct().count()).isEqualTo(1100);
        assertThat(doc.path("summary").path("unknown").asInt()).isEqualTo(catalog.entries().size());
        assertThat(links.get(0).path("status").asText()).isEqualTo("unknown");
    }

    @Test
    void theMarkdownKeepsEveryByteOfTheListOutsideItsMarksAndMarksEachLink() throws IOException {
        annotate();
        byte[] original = CatalogReader.bundledBytes();
        String annotated = Files.readString(dir.resolve("reports/links.md"), StandardCharsets.UTF_8);
        assertThat(AnnotatedList.strip(annotated).getBytes(StandardCharsets.UTF_8)).isEqualTo(original);
        assertThat(AnnotatedList.marks(annotated)).hasSize(1100).allMatch(m -> m.equals(" · 未检查"));
        assertThat(annotated).startsWith("<!--linkshelf:summary-->\n> **linkshelf** · no snapshot yet");
    }

    @Test
    void annotatingAnAnnotatedListReplacesItsMarksInsteadOfStackingThem() throws IOException {
        Path seeds = dir.resolve("links.md");
        Files.write(seeds, CatalogReader.bundledBytes());
        Path once = dir.resolve("once.md");
        annotate("--seeds", seeds.toString(), "--out", once.toString(), "--label", "unknown=?");
        Path twice = dir.resolve("twice.md");
        annotate("--seeds", once.toString(), "--out", twice.toString(), "--label", "unknown=?");
        assertThat(Files.readAllBytes(twice)).isEqualTo(Files.readAllBytes(once));
        // and a crawl reads the annotated copy as the list itself
        assertThat(CatalogReader.read(twice).entries()).extracting(CatalogEntry::key, CatalogEntry::titles)
                .isEqualTo(CatalogReader.read(seeds).entries().stream().map(e -> org.assertj.core.groups.Tuple.tuple(e.key(), e.titles()))
                        .toList());
    }

    @Test
    void marksGoAfterTheLinkAndCrlfBomAndLinksAcrossLinesSurvive() throws IOException {
        String text = "\uFEFF# 作者\r\n\r\n- [第一篇](https://mp.weixin.qq.com/s?__biz=MzA&mid=1&idx=1&sn=a) 说明\r\n"
                + "- [跨行\r\n的标题](https://zhuanlan.zhihu.com/p/123)\r\n\r\n<https://zhuanlan.zhihu.com/p/456>\r\n";
        Path seeds = dir.resolve("crlf.md");
        Files.writeString(seeds, text, StandardCharsets.UTF_8);
        CliRun run = annotate("--seeds", seeds.toString(), "--out", "-");
        String out = run.out();
        assertThat(AnnotatedList.strip(out)).isEqualTo(text);
        assertThat(out).contains("sn=a)<!--linkshelf--> · 未检查<!--/linkshelf--> 说明\r\n")
                .contains("p/123)<!--linkshelf-->").contains("p/456><!--linkshelf-->");
    }

    @Test
    void theCsvHasAHeaderAndOneRowPerLink() throws IOException {
        annotate("--format", "csv");
        List<String> lines = Files.readAllLines(dir.resolve("reports/links.csv"), StandardCharsets.UTF_8);
        assertThat(lines.get(0)).startsWith("line,key,title,url,section,status,since");
        assertThat(lines).hasSize(1101);
    }

    @Test
    void aCopyBaseThatIsNotAnHttpUrlIsAUsageError() {
        CliRun run = CliRun.of("annotate", "--archive", dir.resolve("archive").toString(), "--copy-base", "javascript:alert(1)",
                "--out", "-");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--copy-base wants the published mirror's http(s) URL");
    }

    @Test
    void anUnknownLabelOrAListThatIsNotUtf8IsAOneLineUsageError() throws IOException {
        CliRun label = CliRun.of("annotate", "--archive", dir.resolve("archive").toString(), "--label", "dead=x", "--out", "-");
        assertThat(label.exitCode()).isEqualTo(2);
        assertThat(label.err()).contains("no label 'dead'").contains("alive");
        Path latin1 = dir.resolve("latin1.md");
        Files.write(latin1, "# Caf\u00e9\n\n[caf\u00e9](https://example.org/a)\n".getBytes(StandardCharsets.ISO_8859_1));
        CliRun bytes = CliRun.of("annotate", "--archive", dir.resolve("archive").toString(), "--seeds", latin1.toString(), "--out", "-");
        assertThat(bytes.exitCode()).isEqualTo(2);
        assertThat(bytes.err().strip()).contains("not valid UTF-8").doesNotContain("\n");
    }
}
