package io.linkshelf.catalog;

import static io.linkshelf.catalog.CatalogTestSupport.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostileSeedListTest {

    @TempDir
    Path dir;

    @Test
    void emptyFileGivesAnEmptyCatalogAndAWarning() throws IOException {
        Path file = Files.writeString(dir.resolve("empty.md"), "");
        Catalog catalog = CatalogReader.read(file);
        assertThat(catalog.entries()).isEmpty();
        assertThat(catalog.sections()).isEmpty();
        assertThat(catalog.warnings()).singleElement().satisfies(w -> assertThat(w.message()).contains("no article links"));
    }

    @Test
    void binaryFileIsRefusedWithOneLine() throws IOException {
        byte[] noise = new byte[4096];
        new Random(7).nextBytes(noise);
        noise[10] = 0;
        Path file = Files.write(dir.resolve("photo.md"), noise);
        assertThatThrownBy(() -> CatalogReader.read(file))
                .isInstanceOf(SeedFileException.class)
                .hasMessageContaining("photo.md")
                .hasMessageContaining("binary");
    }

    @Test
    void missingFileAndDirectoryAreRefusedWithTheirName() {
        assertThatThrownBy(() -> CatalogReader.read(dir.resolve("nope.md")))
                .isInstanceOf(SeedFileException.class).hasMessageContaining("nope.md").hasMessageContaining("no such file");
        assertThatThrownBy(() -> CatalogReader.read(dir))
                .isInstanceOf(SeedFileException.class).hasMessageContaining("directory");
    }

    @Test
    void invalidUtf8IsReplacedWithAWarningAndTheLinksSurvive() throws IOException {
        byte[] head = "# A\n\n[ok](https://example.com/a)\n\n".getBytes(StandardCharsets.UTF_8);
        byte[] bad = {(byte) 0xC3, (byte) 0x28, '\n'};
        Path file = dir.resolve("latin1.md");
        Files.write(file, concat(head, bad));
        Catalog catalog = CatalogReader.read(file);
        assertThat(catalog.links()).isEqualTo(1);
        assertThat(catalog.warnings()).anySatisfy(w -> assertThat(w.message()).contains("not valid UTF-8"));
    }

    @Test
    void crlfAndBomAreReadLikeAnyOtherFile() {
        Catalog catalog = parse("\uFEFF# 石塔西的系列文章\r\n\r\n[一](https://zhuanlan.zhihu.com/p/1)\r\n\r\n## 召回\r\n\r\n"
                + "[二](https://zhuanlan.zhihu.com/p/2)\r\n");
        assertThat(catalog.sections()).singleElement().satisfies(s -> {
            assertThat(s.name()).isEqualTo("石塔西的系列文章");
            assertThat(s.shortName()).isEqualTo("石塔西");
            assertThat(s.subsections()).containsExactly("召回");
        });
        assertThat(catalog.entries()).extracting(CatalogEntry::title).containsExactly("一", "二");
        assertThat(catalog.entries().get(1).lines()).containsExactly(7);
        assertThat(catalog.warnings()).isEmpty();
    }

    @Test
    void linksInsideCodeBlocksAreIgnoredAsMarkdownSays() {
        Catalog catalog = parse("# A\n\n```\n[not](https://example.com/fenced)\n```\n\n    [not](https://example.com/indented)\n\n"
                + "`[not](https://example.com/inline)` and [yes](https://example.com/yes)\n");
        assertThat(catalog.entries()).extracting(e -> e.url().toString()).containsExactly("https://example.com/yes");
    }

    @Test
    void skipsNonHttpAndMalformedLinksWithALineNumberEach() {
        Catalog catalog = parse("# A\n\n[mail](mailto:a@b.c)\n\n[rel](foo/bar.html)\n\n[gap](http://exa mple.com/x)\n\n"
                + "[js](javascript:alert(1))\n\n[toc](#top)\n\n[ok](https://example.com/ok)\n");
        assertThat(catalog.links()).isEqualTo(1);
        assertThat(catalog.warnings()).extracting(SeedWarning::line).containsExactly(3, 5, 7, 9, 11);
        assertThat(catalog.warnings().get(0).message()).contains("mailto");
        assertThat(catalog.warnings().get(2).message()).contains("malformed");
    }

    @Test
    void encodesSpacesAndChineseInsideAnglesBracketedUrls() {
        Catalog catalog = parse("# A\n\n[t](<https://example.com/a b/文章>)\n");
        assertThat(catalog.entries()).singleElement()
                .satisfies(e -> assertThat(e.url().toString()).isEqualTo("https://example.com/a%20b/%E6%96%87%E7%AB%A0"));
    }

    @Test
    void theSameArticleUnderTwoSectionsIsOneEntryWithBothTitles() {
        Catalog catalog = parse("# 甲的系列文章\n\n[标题一](http://mp.weixin.qq.com/s?__biz=MTIz&mid=9&idx=2&sn=a#wechat_redirect)\n\n"
                + "# 乙系列文章\n\n## 召回\n\n[标题二](https://mp.weixin.qq.com/s?mid=9&__biz=MTIz&idx=2&chksm=zz)\n");
        assertThat(catalog.links()).isEqualTo(2);
        assertThat(catalog.entries()).singleElement().satisfies(e -> {
            assertThat(e.key()).isEqualTo("wx-123-9-2");
            assertThat(e.titles()).containsExactly("标题一", "标题二");
            assertThat(e.placements()).containsExactly(
                    new Placement("甲", java.util.Optional.empty()), new Placement("乙", java.util.Optional.of("召回")));
        });
        assertThat(catalog.sections()).extracting(Section::shortName).containsExactly("甲", "乙");
    }

    @Test
    void aHeadingWithoutLinksIsNotASectionAndItsProseIsNotAWarning() {
        Catalog catalog = parse("# 说明\n\n一些说明文字\n\n# 作者\n\n[a](https://example.com/a)\n\n没有链接的文章标题\n");
        assertThat(catalog.sections()).extracting(Section::name).containsExactly("作者");
        assertThat(catalog.warnings()).singleElement()
                .isEqualTo(new SeedWarning(9, "names an article but carries no link: 没有链接的文章标题"));
    }

    @Test
    void linksBeforeAnyHeadingLandInAnUnnamedSection() {
        Catalog catalog = parse("[a](https://example.com/a)\n");
        assertThat(catalog.sections()).singleElement().satisfies(s -> assertThat(s.shortName()).isEqualTo("(no section)"));
    }

    @Test
    void pathologicalBracketsDoNotHangOrCrash() {
        String nasty = "# A\n\n" + "[".repeat(20_000) + "](https://example.com/x)" + "]".repeat(20_000) + "\n";
        Catalog catalog = parse(nasty);
        assertThat(catalog.links()).isLessThanOrEqualTo(1);
    }

    @Test
    void aFiftyMegabyteListIsReadInFull() throws IOException {
        Path file = dir.resolve("big.md");
        int links = 0;
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("# 大作者的系列文章\n\n");
            while (Files.size(file) < 50L * 1024 * 1024 && links < 1_000_000) {
                for (int i = 0; i < 1000; i++, links++) {
                    out.write("[第" + links + "篇：推荐系统里的召回、粗排、精排与重排，以及它们之间的关系](https://zhuanlan.zhihu.com/p/"
                            + (1_000_000_000L + links) + ")\n\n");
                }
                out.flush();
            }
        }
        Catalog catalog = CatalogReader.read(file);
        assertThat(catalog.links()).isEqualTo(links);
        assertThat(catalog.articles()).isEqualTo(links);
        assertThat(Files.size(file)).isGreaterThanOrEqualTo(50L * 1024 * 1024);
    }

    @Test
    void aFileOverTheLimitIsRefusedBeforeReadingIt() throws IOException {
        Path file = dir.resolve("huge.md");
        try (var channel = java.nio.channels.FileChannel.open(file,
                java.nio.file.StandardOpenOption.CREATE_NEW, java.nio.file.StandardOpenOption.WRITE)) {
            channel.write(java.nio.ByteBuffer.wrap(new byte[] {'x'}), CatalogReader.MAX_BYTES + 1);
        }
        assertThatThrownBy(() -> CatalogReader.read(file)).isInstanceOf(SeedFileException.class).hasMessageContaining("limit");
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = new byte[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
