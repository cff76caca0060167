package io.linkshelf.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.linkshelf.archive.ArchiveView;
import io.linkshelf.extract.Article;
import io.linkshelf.testing.FixtureArchive;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MarkdownExportTest {

    @TempDir
    static Path dir;

    static FixtureArchive fixture;
    static ExportArchive extra;
    static Path md;
    static Path extraMd;
    static ExportSummary first;

    @BeforeAll
    static void export() throws Exception {
        fixture = FixtureArchive.create(Files.createDirectories(dir.resolve("fixture")));
        extra = ExportArchive.create(Files.createDirectories(dir.resolve("extra")));
        first = Export.run(options(fixture.archive(), dir.resolve("exports")), ExportProgress.SILENT);
        md = dir.resolve("exports").resolve("md");
        Export.run(options(extra.archive(), dir.resolve("extra-out")), ExportProgress.SILENT);
        extraMd = dir.resolve("extra-out").resolve("md");
    }

    static ExportOptions options(Path archive, Path out) {
        return new ExportOptions(archive, out, ExportOptions.Format.MD, ExportOptions.Grouping.AUTHOR, Optional.empty(), Optional.empty());
    }

    static List<Path> notes(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith(".md")).sorted().toList();
        }
    }

    /** The front matter of a note, parsed as YAML. */
    static JsonNode frontMatter(Path note) throws IOException {
        String text = Files.readString(note);
        assertThat(text).as(note.toString()).startsWith("---\n");
        int end = text.indexOf("\n---\n", 4);
        assertThat(end).as(note.toString()).isPositive();
        return new ObjectMapper(new YAMLFactory()).readTree(text.substring(4, end + 1));
    }

    static String body(Path note) throws IOException {
        String text = Files.readString(note);
        return text.substring(text.indexOf("\n---\n", 4) + 5);
    }

    @Test
    void writesOneNotePerCapturedArticleWhereTheListPlacesItAndAnIndexPerAuthor() throws IOException {
        for (String name : FixtureArchive.TITLES.keySet()) {
            String key = fixture.keys().get(name);
            Path expected = switch (name) {
                case "same" -> md.resolve("搜广推小站/召回/" + key + ".md");
                case "changed", "deleted" -> md.resolve("搜广推小站/排序/" + key + ".md");
                default -> md.resolve("炼丹笔记/" + key + ".md");
            };
            assertThat(expected).as(name).isRegularFile();
        }
        String index = Files.readString(md.resolve("搜广推小站/index.md"));
        assertThat(index.indexOf("## 召回")).isPositive().isLessThan(index.indexOf("## 排序"));
        assertThat(index).contains("](召回/" + fixture.keys().get("same") + ".md)");
        assertThat(first.articles()).isEqualTo(8);
    }

    @Test
    void everyNoteParsesWithValidFrontMatterAndEveryRelativeLinkResolves() throws IOException {
        Parser parser = Parser.builder().build();
        List<Path> all = new ArrayList<>(notes(md));
        all.addAll(notes(extraMd));
        assertThat(all).hasSizeGreaterThan(10);
        int images = 0;
        for (Path note : all) {
            JsonNode yaml = frontMatter(note);
            assertThat(yaml.path("title").asText()).as(note.toString()).isNotBlank();
            Node doc = parser.parse(body(note));
            List<String> targets = new ArrayList<>();
            doc.accept(new AbstractVisitor() {
                @Override
                public void visit(Image image) {
                    targets.add(image.getDestination());
                }

                @Override
                public void visit(Link link) {
                    if (!link.getDestination().startsWith("http")) {
                        targets.add(link.getDestination());
                    }
                    visitChildren(link);
                }
            });
            for (String target : targets) {
                assertThat(target).as(note + " links relatively").doesNotStartWith("/").doesNotContain("://");
                Path resolved = note.getParent().resolve(URLDecoder.decode(target, StandardCharsets.UTF_8)).normalize();
                assertThat(resolved).as(note + " → " + target).isRegularFile();
            }
            images += (int) targets.stream().filter(t -> t.endsWith(".png")).count();
        }
        assertThat(images).isGreaterThanOrEqualTo(6);
    }

    @Test
    void frontMatterCarriesTheArticlesFactsAndItsStateAndTheBodyItsText() throws Exception {
        ArchiveView view = ArchiveView.open(fixture.archive());
        String key = fixture.keys().get("deleted");
        Path note = md.resolve("搜广推小站/排序/" + key + ".md");
        JsonNode yaml = frontMatter(note);
        assertThat(yaml.path("title").asText()).isEqualTo(FixtureArchive.TITLES.get("deleted"));
        assertThat(yaml.path("author").asText()).isEqualTo("搜广推小站");
        assertThat(yaml.path("account").asText()).isEqualTo("搜广推小站");
        assertThat(yaml.path("status").asText()).isEqualTo("deleted");
        assertThat(yaml.path("snapshot").asText()).isEqualTo(fixture.snapshots().get(0).value());
        assertThat(yaml.path("source").asText()).startsWith("http://127.0.0.2");
        assertThat(yaml.path("captured").asText()).endsWith("Z");
        assertThat(body(note)).contains("deleted at the source").contains("出价策略包括 oCPC 与 oCPM。");

        // "same" was captured again unchanged (a revisit): for a reader that is simply ok
        assertThat(frontMatter(md.resolve("搜广推小站/召回/" + fixture.keys().get("same") + ".md")).path("status").asText())
                .isEqualTo("ok");
        Path tricky = md.resolve("炼丹笔记/" + fixture.keys().get("tricky") + ".md");
        assertThat(frontMatter(tricky).path("title").asText()).isEqualTo(FixtureArchive.TITLES.get("tricky"));
        Article article = view.article(view.latestVersion(fixture.keys().get("same")).orElseThrow()).orElseThrow();
        String same = body(md.resolve("搜广推小站/召回/" + fixture.keys().get("same") + ".md"));
        for (String paragraph : article.text().split("\n\n")) {
            assertThat(same).contains(paragraph.strip());
        }
    }

    @Test
    void codeIsFencedWithItsLanguageTablesAreGfmAndFormulaImagesKeepTheirTex() throws IOException {
        Path folder = extraMd.resolve("A_B_ 作者_").resolve("代码 _ 表格");
        Path note = folder.resolve(extra.richKey() + ".md");
        assertThat(note).isRegularFile();
        assertThat(frontMatter(note).path("title").asText()).isEqualTo(ExportArchive.RICH_TITLE);
        String body = body(note);
        List<FencedCodeBlock> fences = new ArrayList<>();
        List<String> alts = new ArrayList<>();
        Parser.builder().build().parse(body).accept(new AbstractVisitor() {
            @Override
            public void visit(FencedCodeBlock code) {
                fences.add(code);
            }

            @Override
            public void visit(Image image) {
                StringBuilder alt = new StringBuilder();
                for (Node n = image.getFirstChild(); n != null; n = n.getNext()) {
                    if (n instanceof org.commonmark.node.Text t) {
                        alt.append(t.getLiteral());
                    }
                }
                alts.add(alt.toString());
            }
        });
        assertThat(alts).as("the formula image keeps its TeX as alt text").contains(ExportArchive.TEX);
        assertThat(fences).hasSize(1);
        assertThat(fences.get(0).getInfo()).isEqualTo("python");
        assertThat(fences.get(0).getLiteral()).isEqualTo("def score(x):\n    return x * 2\n");
        assertThat(body).containsPattern("\\|\\s*模型\\s*\\|\\s*AUC\\s*\\|").containsPattern("\\|\\s*-+:?\\s*\\|")
                .containsPattern("\\|\\s*DeepFM\\s*\\|\\s*0\\.81\\s*\\|");
        assertThat(body).contains("](" + extra.plainKey() + ".md)");
        assertThat(body).doesNotContainIgnoringCase("<script").doesNotContain("style=").doesNotContain("onclick")
                .doesNotContain("alert");
        String index = Files.readString(extraMd.resolve("A_B_ 作者_").resolve("index.md"));
        assertThat(index).contains(ExportArchive.MISSING_TITLE + " — 未存档");
        assertThat(frontMatter(extraMd.resolve("A_B_ 作者_").resolve("index.md")).path("author").asText())
                .isEqualTo(ExportArchive.AUTHOR);
    }

    @Test
    void aSecondExportWithNothingChangedRewritesNothing() throws Exception {
        Path again = dir.resolve("again");
        Export.run(options(fixture.archive(), again), ExportProgress.SILENT);
        Map<Path, Object> before = EpubExportTest.identities(again);
        Thread.sleep(20);
        ExportSummary second = Export.run(options(fixture.archive(), again), ExportProgress.SILENT);
        assertThat(second.filesWritten()).isZero();
        assertThat(second.rendered()).isZero();
        assertThat(EpubExportTest.identities(again)).isEqualTo(before);
    }

    @Test
    void onlyAndAuthorExportAPartAndNamesThatMatchNothingAreAnError() throws Exception {
        Path part = dir.resolve("part");
        ExportSummary s = Export.run(new ExportOptions(fixture.archive(), part, ExportOptions.Format.MD,
                ExportOptions.Grouping.AUTHOR, Optional.empty(), Optional.of("炼丹")), ExportProgress.SILENT);
        assertThat(s.files()).extracting(p -> p.getParent().getFileName().toString()).containsExactly("炼丹笔记");
        assertThat(part.resolve("md/搜广推小站")).doesNotExist();
        ExportSummary only = Export.run(new ExportOptions(fixture.archive(), dir.resolve("only"), ExportOptions.Format.MD,
                ExportOptions.Grouping.AUTHOR, Optional.of(java.util.regex.Pattern.compile("mmoe", java.util.regex.Pattern.CASE_INSENSITIVE)),
                Optional.empty()), ExportProgress.SILENT);
        assertThat(only.articles()).isEqualTo(1);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Export.run(new ExportOptions(fixture.archive(), dir.resolve("none"),
                ExportOptions.Format.MD, ExportOptions.Grouping.AUTHOR, Optional.empty(), Optional.of("nobody")), ExportProgress.SILENT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nothing to export");
    }
}
