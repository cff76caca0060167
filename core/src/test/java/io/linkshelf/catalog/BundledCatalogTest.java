package io.linkshelf.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class BundledCatalogTest {

    private static final Catalog CATALOG = CatalogReader.bundled();

    @Test
    void countsLinksArticlesAndSectionsExactly() {
        assertThat(CATALOG.links()).isEqualTo(1100);
        assertThat(CATALOG.articles()).isEqualTo(1099);
        assertThat(CATALOG.sections()).hasSize(17);
        assertThat(CATALOG.sections()).extracting(Section::shortName)
                .startsWith("石塔西", "水哥", "iwtbs")
                .doesNotContain("说明", "目录")
                .contains("小小挖掘机");
    }

    @Test
    void countsLinksPerHost() {
        assertThat(CATALOG.linksPerHost()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "mp.weixin.qq.com", 995,
                "zhuanlan.zhihu.com", 104,
                "www.zhihu.com", 1));
    }

    @Test
    void keepsTheWholeTitleWhenLinkTextHasNestedBrackets() {
        assertThat(CATALOG.entries()).extracting(CatalogEntry::title)
                .contains("推荐系统遇上深度学习(一一五)-[阿里]上下文感知的生成式重排网络");
        long nested = CATALOG.entries().stream().filter(e -> e.title().matches(".*\\[[^\\]]*\\].*")).count();
        assertThat(nested).isEqualTo(95);
    }

    @Test
    void mergesTheArticleListedUnderTwoAuthors() {
        assertThat(CATALOG.duplicates()).singleElement().satisfies(entry -> {
            assertThat(entry.title()).isEqualTo("授人以渔：分享我的算法学习经验");
            assertThat(entry.placements()).extracting(Placement::author).containsExactly("石塔西", "蘑菇先生学习记");
            assertThat(entry.lines()).hasSize(2);
        });
    }

    @Test
    void warnsAboutEachLineThatNamesAnArticleWithoutALink() {
        assertThat(CATALOG.warnings())
                .filteredOn(w -> w.message().startsWith("names an article but carries no link"))
                .extracting(SeedWarning::line)
                .containsExactly(2373, 2376, 2379, 2382, 2388, 2391);
        assertThat(CATALOG.warnings()).contains(
                new SeedWarning(2373, "names an article but carries no link: 盘一盘 Python 系列特别篇 - 错误类型"));
    }

    @Test
    void skipsTheTableOfContentsWithAWarningPerLink() {
        assertThat(CATALOG.warnings())
                .filteredOn(w -> w.message().startsWith("skipped a table-of-contents link"))
                .extracting(SeedWarning::line)
                .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(9, 25).boxed().toList());
    }

    @Test
    void givesEveryArticleAFileNameSafeUniqueKey() {
        assertThat(CATALOG.entries()).extracting(CatalogEntry::key)
                .doesNotHaveDuplicates()
                .allMatch(key -> key.matches("[a-z0-9][a-z0-9._-]{2,200}"), "file-name-safe");
        assertThat(CATALOG.entries().stream().map(e -> e.key().toLowerCase(java.util.Locale.ROOT)).distinct().count())
                .isEqualTo(CATALOG.articles());
    }

    @Test
    void fetchesSeedUrlsWithoutTheirFragment() {
        assertThat(CATALOG.entries()).allSatisfy(e -> assertThat(e.url().getRawFragment()).isNull());
        assertThat(CATALOG.entries().get(0).url().toString()).isEqualTo(
                "http://mp.weixin.qq.com/s?__biz=MzI5NTU2ODQzMg==&mid=2247484474&idx=1&sn=ce39bcd816480421df138a868db96ff1"
                        + "&chksm=ec50d165db27587317c7a2d669a1416bc285c65bec60b018473144105a7fabaf6bb46d910968&scene=27");
        assertThat(CATALOG.entries().get(0).key()).isEqualTo("wx-3295568432-2247484474-1");
    }

    @Test
    void keepsSubsectionsInsideAnAuthorSection() {
        Section mogu = CATALOG.sections().stream().filter(s -> s.shortName().equals("蘑菇先生学习记")).findFirst().orElseThrow();
        assertThat(mogu.subsections()).startsWith("职场成长", "用户行为序列", "召回");
        assertThat(CATALOG.entriesOf("蘑菇先生学习记").get(1).placements().get(0).subsection()).isPresent();
    }
}
