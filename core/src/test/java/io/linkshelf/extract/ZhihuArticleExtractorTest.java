package io.linkshelf.extract;

import static io.linkshelf.extract.ArticleAssertions.extracted;
import static io.linkshelf.extract.Fixtures.ZHIHU_ARTICLE;
import static io.linkshelf.extract.Fixtures.bytes;
import static io.linkshelf.extract.Fixtures.page;
import static org.assertj.core.api.Assertions.assertThat;

import io.linkshelf.catalog.Platform;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ZhihuArticleExtractorTest {
    private static final String LONG_ID_URL = "https://zhuanlan.zhihu.com/p/2082171778986664628";
    private static final Instant CREATED = Instant.parse("2023-09-15T08:00:00Z");

    private static Article rendered() {
        return extracted(page(LONG_ID_URL, "zhihu/article-rendered.html"));
    }

    @Test
    void readsTheRenderedPageOfANineteenDigitArticle() {
        Article a = rendered();

        assertThat(a.platform()).isEqualTo(Platform.ZHIHU);
        assertThat(a.title()).isEqualTo("召回模型的负采样：一份实践清单");
        assertThat(a.author()).contains("赵六");
        assertThat(a.published()).contains(Instant.parse("2025-02-03T01:30:00Z"));
        assertThat(a.edited()).as("发布于").isFalse();
        assertThat(a.finalUrl()).isEqualTo(URI.create(LONG_ID_URL));
    }

    @Test
    void initialDataAndDomOnlyPagesAgree() {
        Article fromJson = extracted(page(ZHIHU_ARTICLE, "zhihu/article-initialdata-only.html"));
        Article fromDom = extracted(page(ZHIHU_ARTICLE, "zhihu/article-dom-only.html"));

        assertThat(fromDom.title()).isEqualTo(fromJson.title()).isEqualTo("排序学习（LTR）入门：从 RankNet 到 LambdaMART");
        assertThat(fromDom.author()).isEqualTo(fromJson.author()).contains("李四");
        assertThat(fromDom.published()).isEqualTo(fromJson.published()).contains(CREATED);
        assertThat(fromDom.text()).isEqualTo(fromJson.text()).isEqualTo("""
                在搜索排序里，Learning to Rank 有 pointwise、pairwise 和 listwise 三种范式。

                三种范式的损失函数对比

                NDCG 定义为 \\mathrm{NDCG}@k=\\frac{DCG@k}{IDCG@k} 。""");
        assertThat(fromDom.images().get(0)).isEqualTo(fromJson.images().get(0));
    }

    @Test
    void createdBeforeUpdatedMeansEditedButPublishedStaysCreated() {
        Article a = extracted(page(ZHIHU_ARTICLE, "zhihu/article-initialdata-only.html"));

        assertThat(a.edited()).isTrue();
        assertThat(a.published()).contains(CREATED);
    }

    @Test
    void editedTextWithIpRegionMarksTheShownDateAsAnEdit() {
        String html = new String(bytes("zhihu/article-dom-only.html"), StandardCharsets.UTF_8)
                .replace("发布于 2023-09-15 16:00・IP 属地北京", "编辑于 2023-09-19 16:00・IP 属地北京");
        Article a = extracted(Fixtures.response(ZHIHU_ARTICLE, 200, Fixtures.HTML, html.getBytes(StandardCharsets.UTF_8)));

        assertThat(a.edited()).isTrue();
        assertThat(a.published()).contains(Instant.parse("2023-09-19T08:00:00Z"));
    }

    @Test
    void renderedAndApiShapedFiguresGiveOneOriginalImageWithItsCaption() {
        Article a = rendered();
        String r = "https://pic3.zhimg.com/v2-7e6d5c4b3a29180f7e6d5c4b3a291801_r.jpg";

        assertThat(a.images()).extracting(i -> i.url().toString(), ImageRef::alt)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(r, "随机负采样与难负例的分布"));
        assertThat(a.bodyHtml()).contains("<figure><img src=\"" + r + "\" alt=\"随机负采样与难负例的分布\"><figcaption>随机负采样与难负例的分布</figcaption></figure>")
                .doesNotContain("_b.jpg", "noscript");
        assertThat(extracted(page(ZHIHU_ARTICLE, "zhihu/article-initialdata-only.html")).bodyHtml())
                .contains("<figure><img src=\"https://picx.zhimg.com/v2-5f3a8e1c2b7d4e6f9a0b1c2d3e4f5a6b_r.jpg?source=d16d100b\" alt=\"三种范式的损失函数对比\"><figcaption>三种范式的损失函数对比</figcaption></figure>");
    }

    @Test
    void renderedFormulasKeepTheirTexInMathSpans() {
        Article a = rendered();

        assertThat(a.bodyHtml()).contains("温度系数 <span class=\"math\">\\tau</span> 控制",
                "<p><span class=\"math display\">p_i=\\frac{\\exp(s_i/\\tau)}{\\sum_j \\exp(s_j/\\tau)}</span></p>");
        assertThat(a.text()).contains("温度系数 \\tau 控制分布的尖锐程度：\n\np_i=\\frac{");
    }

    @Test
    void formulaImagesKeepTheirLatexAltInlineAndDisplay() {
        String json = "{\"id\":1,\"title\":\"公式\",\"created\":1694764800,\"updated\":1694764800,\"author\":{\"name\":\"李四\"},"
                + "\"content\":\"<p>行内 <img src=\\\"https://www.zhihu.com/equation?tex=x%5E2\\\" alt=\\\"x^2\\\" eeimg=\\\"1\\\"/> 。</p>"
                + "<p><img src=\\\"https://www.zhihu.com/equation?tex=E%3Dmc%5E2+%5Ctag%7B1%7D\\\" eeimg=\\\"1\\\"/></p>\"}";
        var response = Fixtures.response("https://www.zhihu.com/api/v4/articles/1", 200, "application/json",
                json.getBytes(StandardCharsets.UTF_8));

        Article a = extracted(response);

        assertThat(a.bodyHtml()).contains("alt=\"x^2\" class=\"math\">", "alt=\"E=mc^2 \\tag{1}\" class=\"math display\">");
        assertThat(a.text()).isEqualTo("行内 x^2 。\n\nE=mc^2 \\tag{1}");
        assertThat(a.edited()).isFalse();
        assertThat(a.title()).isEqualTo("公式");
    }

    @Test
    void linksAreUnwrappedExceptAMalformedTargetWhichKeepsItsRawHref() {
        Article a = rendered();

        assertThat(a.links()).containsExactly(URI.create("https://github.com/example/negsampling?tab=readme"),
                URI.create("https://arxiv.org/abs/2010.14395"), URI.create("https://research.google/pubs/pub48840/"));
        assertThat(a.bodyHtml()).contains("<a href=\"https://link.zhihu.com/?target=https%3A//data.example.org/%E4%B8%AD%E6%96%87%ZZ\">数据集</a>");
    }

    @Test
    void linkCardIsAPlainLinkMcnCardIsDroppedAndEntityWordsAreText() {
        Article a = rendered();

        assertThat(a.bodyHtml()).contains("<a href=\"https://arxiv.org/abs/2010.14395\">Mixed Negative Sampling for Learning Two-tower Neural Networks</a>")
                .doesNotContain("zhida", "svg", "京东", "xg.zhihu.com");
        assertThat(a.text()).startsWith("负样本决定了召回模型的上限[1]。");
    }

    @Test
    void highlightCodeKeepsItsLinesAndLanguage() {
        assertThat(rendered().bodyHtml()).contains(
                "<pre><code class=\"language-python\">def sample(items, k):\n    return random.sample(items, k)</code></pre>");
    }

    @Test
    void footnotesBecomeAReferenceListAtTheEnd() {
        Article a = rendered();

        assertThat(a.bodyHtml()).contains("补充阅读<sup>[2]</sup>，以及上文的谷歌论文<sup>[1]</sup>")
                .endsWith("<hr><ol><li value=\"1\">Sampling-Bias-Corrected Neural Modeling <a href=\"https://research.google/pubs/pub48840/\">"
                        + "https://research.google/pubs/pub48840/</a></li><li value=\"2\">Mixed Negative Sampling <a href=\"https://arxiv.org/abs/2010.14395\">"
                        + "https://arxiv.org/abs/2010.14395</a></li></ol>");
        assertThat(a.text()).endsWith("全文完。\n\nSampling-Bias-Corrected Neural Modeling https://research.google/pubs/pub48840/\n"
                + "Mixed Negative Sampling https://arxiv.org/abs/2010.14395");
    }

    @Test
    void listsAndQuotesSurviveAndInlineScriptsAndHandlersDoNot() {
        Article a = rendered();

        assertThat(a.text()).contains("批内负例：零成本\n全局负例：需要额外检索\n\n难负例太难");
        assertThat(a.bodyHtml()).contains("<b>零成本</b>", "<blockquote>").doesNotContain("za.trackEvent", "alert");
    }

    @Test
    void columnPageIsAnArticleListingItsArticles() {
        Article a = extracted(page("https://www.zhihu.com/column/c_1234567890123456789", "zhihu/column.html"));

        assertThat(a.title()).isEqualTo("搜索与推荐算法");
        assertThat(a.author()).contains("李四");
        assertThat(a.links()).containsExactly(URI.create("https://zhuanlan.zhihu.com/p/668845713"),
                URI.create("https://zhuanlan.zhihu.com/p/2082171778986664628"), URI.create("https://zhuanlan.zhihu.com/p/23141946"));
        assertThat(a.text()).isEqualTo("排序学习（LTR）入门：从 RankNet 到 LambdaMART\n召回模型的负采样：一份实践清单\n从 BM25 说起");
        assertThat(a.bodyHtml()).startsWith("<ul><li><a href=\"https://zhuanlan.zhihu.com/p/668845713\">");
    }

    @Test
    void zhihuShapedPagesFromATestHostGetTheZhihuReader() {
        Article a = extracted(page("http://127.0.0.3:9000/p/2082171778986664628", "zhihu/article-rendered.html"));

        assertThat(a.platform()).isEqualTo(Platform.ZHIHU);
        assertThat(a.author()).contains("赵六");
        assertThat(a.links()).contains(URI.create("https://github.com/example/negsampling?tab=readme"));
    }

    @Test
    void blockedMissingAndLoginPagesHoldNoArticle() {
        assertThat(ArticleExtractor.extract(Fixtures.response(ZHIHU_ARTICLE, 403, Fixtures.HTML, bytes("zhihu/challenge-403.html")))).isEmpty();
        assertThat(ArticleExtractor.extract(Fixtures.response(ZHIHU_ARTICLE, 404, Fixtures.HTML, bytes("zhihu/not-found-404.html")))).isEmpty();
        assertThat(ArticleExtractor.extract(Fixtures.response(ZHIHU_ARTICLE, 200, "application/json", bytes("zhihu/error-40362.json")))).isEmpty();
        for (String fixture : List.of("zhihu/signin.html")) {
            assertThat(ArticleExtractor.extract(page(ZHIHU_ARTICLE, fixture))).as(fixture).isEmpty();
        }
    }
}
