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
    void aTermOnlyDeepInALongBodyIsFound() {
        List<SearchDoc> docs = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            docs.add(new SearchDoc("a/" + i + ".html", "文章" + i, "", "", "推荐系统。".repeat(4000)));
        }
        docs.add(new SearchDoc("a/deep.html", "长文", "", "", "推荐系统。".repeat(8000) + "鲲鹏之变。" + "推荐系统。".repeat(100)));
        assertThat(new SearchIndex(docs).rank("鲲鹏")).containsExactly("a/deep.html");
    }

    @Test
    void aCommonTermStoredAsABitmapStillRanksItsTitleFirstAndCountsTfOneInBodies() {
        List<SearchDoc> docs = new java.util.ArrayList<>();
        for (int i = 0; i < 400; i++) {
            String body = i % 2 == 0 ? "召回很重要。" + "召回".repeat(i % 7) : "排序模型。";
            docs.add(new SearchDoc("a/" + i + ".html", "文章" + i, "", "", body + "其他内容。"));
        }
        docs.add(new SearchDoc("a/title.html", "推荐系统中的召回", "", "", "双塔模型用向量检索。"));
        SearchIndex index = new SearchIndex(docs);
        List<String> ranked = index.rank("召回");
        assertThat(ranked).hasSize(201).first().isEqualTo("a/title.html");
        // with tf 1 in every body, equally long bodies tie and fall back to document order
        assertThat(ranked.subList(1, 4)).containsExactly("a/0.html", "a/14.html", "a/28.html");
        assertThat(index.toJavaScript()).contains("#");
    }

    @Test
    void theScriptDefinesAGlobalWithDocsAndCompactPostings() {
        SearchIndex index = new SearchIndex(List.of(
                new SearchDoc("a/x.html", "标题", "作者", "2023-11-15", "正文 " + "长".repeat(5000)),
                new SearchDoc("a/y.html", "另一个标题", "", "", "正文")));
        String js = index.toJavaScript();
        assertThat(js).startsWith("window.LINKSHELF_SEARCH = {\"v\":2,\"docs\":[[\"a/x.html\",\"标题\",\"作者\",\"2023-11-15\",5001,");
        // head, sorted by code unit (一 < 个 < 作 < 另 < 标): 一个 only in doc 1 (gap 1 is ")"), tf 8 ("!", posting
        // gap 0 "(", tf - 2 = 6 "."); 作者 in doc 0 with tf 3; 标题 in both titles (gaps 0, 0), tf 8 in each
        assertThat(js).contains("\"head\":{\"terms\":\"一个 个标 作者 另一 标题\",\"postings\":\")!(. )!(. (!() )!(. ((!(.(.\"}");
        // body: 正文 in both docs; 长长 4999 times in doc 0 (tf - 2 = 4997 = (2 * 43 + 30) * 43 + 9: "U", "r", "1")
        assertThat(js).contains("\"body\":{\"terms\":\"正文 长长\",\"postings\":\"(( (!(Ur1\"}");
        assertThat(js.length()).as("snippet text is truncated").isLessThan(SearchIndex.SNIPPET_CHARS + 1000);
    }
}
