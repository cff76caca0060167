package io.linkshelf.extract;

import static io.linkshelf.extract.ArticleAssertions.extracted;
import static io.linkshelf.extract.Fixtures.bytes;
import static io.linkshelf.extract.Fixtures.page;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.linkshelf.catalog.Platform;
import java.net.URI;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class GenericArticleExtractorTest {
    private static final String POST = "http://127.0.0.4:8000/blog/2024/two-tower/";
    private static final String BLOG = "http://127.0.0.4:8000/2024/05/bm25/";

    @Test
    void titleComesFromTheTitleTagWhenThereIsNoOgTitle() {
        Article a = extracted(page(POST, "generic/article-ok.html"));

        assertThat(a.platform()).isEqualTo(Platform.OTHER);
        assertThat(a.title()).isEqualTo("Notes on two-tower retrieval | Example Engineering Blog");
        assertThat(a.author()).isEmpty();
        assertThat(a.published()).isEmpty();
        assertThat(a.text()).startsWith("Notes on two-tower retrieval\n\n2024-03-02 · 8 min read\n\nTwo-tower models embed")
                .doesNotContain("Archive", "© 2024");
        assertThat(a.images()).hasSize(3);
    }

    @Test
    void ogTitleBeatsTheTitleTagAndMetadataGivesAuthorAndDates() {
        Article a = extracted(page(BLOG, "generic/blog-nav.html"));

        assertThat(a.title()).isEqualTo("Why BM25 still wins");
        assertThat(a.author()).contains("Ada Lovelace");
        assertThat(a.published()).contains(Instant.parse("2024-05-06T07:30:00Z"));
        assertThat(a.edited()).isTrue();
    }

    @Test
    void mainContentIsPickedOverMenusSidebarAndFooter() {
        Article a = extracted(page(BLOG, "generic/blog-nav.html"));

        assertThat(a.text()).startsWith("Why BM25 still wins\n\nLexical retrieval is cheap")
                .endsWith("take the union, rerank, and move on.")
                .doesNotContain("Tags", "Subscribe", "Privacy", "Home");
        assertThat(a.links()).containsExactly(URI.create("https://example.org/paper.pdf"), URI.create("https://www.youtube.com/embed/abc123"));
        assertThat(a.images()).extracting(i -> i.url().toString()).containsExactly("http://127.0.0.4:8000/img/bm25-vs-dense.png");
    }

    @Test
    void scriptsHandlersStylesFormsAndIframesNeverReachTheBody() {
        Article a = extracted(page(BLOG, "generic/blog-nav.html"));

        assertThat(a.bodyHtml()).doesNotContain("trackingId", "onclick", "onmouseover", "color: #333", "<input", "stats.example.org")
                .contains("<p>[视频] <a href=\"https://www.youtube.com/embed/abc123\">Talk recording</a></p>", "and this.</p>");
    }

    @Test
    void preKeepsItsLineBreaksInHtmlAndText() {
        Article a = extracted(page(BLOG, "generic/blog-nav.html"));
        String code = "score = idf * tf * (k1 + 1)\n      / (tf + k1 * norm)";

        assertThat(a.bodyHtml()).contains("<pre><code>" + code + "</code></pre>");
        assertThat(a.text()).contains("the paper and this.\n\n" + code + "\n\n[视频] Talk recording");
    }

    @Test
    void pagesWithoutContentHoldNoArticle() {
        assertThat(ArticleExtractor.extract(page(POST, "generic/empty.html"))).isEmpty();
        assertThat(ArticleExtractor.extract(Fixtures.response(POST, 404, Fixtures.HTML, bytes("generic/not-found.html")))).isEmpty();
        assertThat(ArticleExtractor.extract(Fixtures.response(POST, 200, Fixtures.HTML, new byte[0]))).isEmpty();
        assertThat(ArticleExtractor.extract(Fixtures.response(POST, 200, "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0}))).isEmpty();
    }

    @Test
    void gbkPageIsDecodedAndItsMainBlockRead() {
        Article a = extracted(Fixtures.response("http://127.0.0.4:8000/2011/05/index.html", 200, "text/html", bytes("generic/gbk.html")));

        assertThat(a.title()).isEqualTo("搜索引擎中的倒排索引 - 技术博客");
        assertThat(a.text()).contains("倒排索引把词项映射到包含它的文档列表，是全文检索的基础。");
    }

    @Test
    void everyFixtureGivesASafeBody() {
        List<String[]> pages = List.of(
                new String[] {Fixtures.WECHAT_ARTICLE, "wechat/article-ok.html"},
                new String[] {Fixtures.WECHAT_ARTICLE, "wechat/article-rich.html"},
                new String[] {Fixtures.WECHAT_ARTICLE, "wechat/article-old.html"},
                new String[] {Fixtures.WECHAT_ARTICLE, "wechat/image-post.html"},
                new String[] {"https://zhuanlan.zhihu.com/p/2082171778986664628", "zhihu/article-rendered.html"},
                new String[] {Fixtures.ZHIHU_ARTICLE, "zhihu/article-ok.html"},
                new String[] {"https://www.zhihu.com/column/c_1", "zhihu/column.html"},
                new String[] {BLOG, "generic/blog-nav.html"});
        for (String[] p : pages) {
            ArticleAssertions.assertSafe(ArticleExtractor.extract(page(p[0], p[1])).orElseThrow());
        }
    }

    @Test
    void truncatedAndGarbledPagesNeverThrow() {
        Random random = new Random(4);
        for (String fixture : List.of("wechat/article-rich.html", "zhihu/article-rendered.html", "zhihu/column.html",
                "zhihu/article-ok.html", "generic/blog-nav.html")) {
            byte[] page = bytes(fixture);
            for (int cut : new int[] {1, 40, page.length / 4, page.length / 2, page.length * 3 / 4, page.length - 3}) {
                byte[] truncated = Arrays.copyOf(page, cut);
                byte[] noisy = truncated.clone();
                for (int i = 0; i < noisy.length; i += 1 + random.nextInt(30)) {
                    noisy[i] = (byte) random.nextInt(256);
                }
                for (byte[] body : List.of(truncated, noisy)) {
                    for (String url : List.of(Fixtures.WECHAT_ARTICLE, Fixtures.ZHIHU_ARTICLE, "https://www.zhihu.com/column/c_1", BLOG)) {
                        var response = Fixtures.response(url, 200, "text/html", body);
                        assertThatCode(() -> ArticleExtractor.extract(response).ifPresent(ArticleAssertions::assertStructurallySafe))
                                .as("%s cut at %d for %s", fixture, cut, url).doesNotThrowAnyException();
                    }
                }
            }
        }
    }
}
