package io.linkshelf.mirror;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SearchIndexTest {

    @Test
    void cjkRunsBecomeOverlappingBigramsAndLatinWordsLowerCasedWords() {
        assertThat(SearchTokens.of("多目标排序：MMoE 实践 v2"))
                .containsExactly("多目", "目标", "标排", "排序", "mmoe", "实践", "v2");
    }

    @Test
    void aLoneCjkCharacterIsItsOwnTokenAndFullWidthLatinIsNormalised() {
        assertThat(SearchTokens.of("A与B")).containsExactly("a", "与", "b");
        assertThat(SearchTokens.of("ＤｅｅｐＦＭ，召回")).containsExactly("deepfm", "召回");
    }

    @Test
    void punctuationSplitsTokensAndVeryLongWordsAreCut() {
        assertThat(SearchTokens.of("o'CPC-2024...")).containsExactly("o", "cpc", "2024");
        assertThat(SearchTokens.of("x".repeat(100))).singleElement().satisfies(t -> assertThat(t).hasSize(SearchTokens.MAX_WORD));
    }

    @Test
    void aTitleMatchRanksAboveDocumentsThatOnlyMentionItInTheBody() {
        SearchIndex index = new SearchIndex(List.of(
                new SearchDoc("a/body1.html", "粗排模型", "甲", "", "粗排介于召回与精排之间，召回的结果交给粗排。召回很重要。"),
                new SearchDoc("a/title.html", "推荐系统中的召回：双塔模型", "乙", "", "双塔模型用向量检索。"),
                new SearchDoc("a/none.html", "DeepFM 论文精读", "丙", "", "DeepFM 结合了 FM 与深度网络。")));
        assertThat(index.rank("召回")).containsExactly("a/title.html", "a/body1.html");
        assertThat(index.rank("deepfm")).containsExactly("a/none.html");
        assertThat(index.rank("DeepFM")).containsExactly("a/none.html");
        assertThat(index.rank("不存在")).isEmpty();
    }

    @Test
    void aTitleMatchStillWinsForAWordEveryDocumentContains() {
        List<SearchDoc> docs = new java.util.ArrayList<>();
        for (int i = 0; i < 7; i++) {
            docs.add(new SearchDoc("a/" + i + ".html", "文章" + i, "", "", "多目标建模需要平衡点击率与转化率。"));
        }
        docs.add(new SearchDoc("a/title.html", "多目标排序：MMoE 实践", "", "", "多目标建模需要平衡点击率与转化率。"));
        assertThat(new SearchIndex(docs).rank("多目标")).hasSize(8).first().isEqualTo("a/title.html");
    }

    @Test
    void documentsMatchingMoreOfTheQueryRankHigher() {
        SearchIndex index = new SearchIndex(List.of(
                new SearchDoc("a/one.html", "笔记一", "", "", "目标检测的一些目标。"),
                new SearchDoc("a/both.html", "笔记二", "", "", "多目标学习。")));
        assertThat(index.rank("多目标")).first().isEqualTo("a/both.html");
    }

    @Test
    void theScriptDefinesAGlobalWithDocsAndCompactPostings() {
        SearchIndex index = new SearchIndex(List.of(
                new SearchDoc("a/x.html", "标题", "作者", "2023-11-15", "正文 " + "长".repeat(5000)),
                new SearchDoc("a/y.html", "另一个标题", "", "", "正文")));
        String js = index.toJavaScript();
        assertThat(js).startsWith("window.LINKSHELF_SEARCH = {\"docs\":[[\"a/x.html\",\"标题\",\"作者\",\"2023-11-15\",5001,");
        // both docs hold 正文 once: doc 0 then doc 1 (delta 1); 标题 is in both titles, worth 8 (base 36: 8)
        assertThat(js).contains("\"正文\":\"0,1\"").contains("\"标题\":\"0.8,1.8\"").contains("\"长长\":\"0.3uv\"");
        assertThat(js.length()).as("snippet text is truncated").isLessThan(SearchIndex.SNIPPET_CHARS + 1000);
    }
}
