package io.linkshelf.extract;

import static io.linkshelf.extract.ArticleAssertions.extracted;
import static io.linkshelf.extract.Fixtures.WECHAT_ARTICLE;
import static io.linkshelf.extract.Fixtures.bytes;
import static io.linkshelf.extract.Fixtures.page;
import static org.assertj.core.api.Assertions.assertThat;

import io.linkshelf.catalog.Platform;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class WechatArticleExtractorTest {
    private static final String IMAGE_HOST = "https://mmbiz.qpic.cn/";

    private static PageResponse edited(String fixture, String from, String to) {
        String html = new String(bytes(fixture), StandardCharsets.UTF_8);
        assertThat(html).contains(from);
        return Fixtures.response(WECHAT_ARTICLE, 200, Fixtures.HTML, html.replace(from, to).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsTitleAccountPersonAndVarCtWhenPublishTimeIsEmpty() {
        Article a = extracted(page(WECHAT_ARTICLE, "wechat/article-ok.html"));

        assertThat(a.platform()).isEqualTo(Platform.WECHAT);
        assertThat(a.title()).isEqualTo("推荐系统中的多目标排序实践");
        assertThat(a.author()).contains("搜广推小站（张三）");
        assertThat(a.published()).contains(Instant.parse("2023-11-14T22:13:20Z"));
        assertThat(a.edited()).isFalse();
        assertThat(a.sourceUrl()).isEqualTo(URI.create(WECHAT_ARTICLE));
    }

    @Test
    void bodyIsTheRealJsContentUnhiddenWithLeafSpansFlattened() {
        Article a = extracted(page(WECHAT_ARTICLE, "wechat/article-ok.html"));

        assertThat(a.text()).isEqualTo("""
                在工业界的推荐系统里，排序阶段往往要同时优化点击率、时长和转化率。

                图一是整体架构。下面分别介绍 MMoE 和 PLE 两种结构。

                小结：多目标不是简单加权。

                关注我们，获取更多搜广推干货。""");
        assertThat(a.bodyHtml()).doesNotContain("分享卡片", "leaf", "visibility", "qlogo", "mp-style-type")
                .startsWith("<p>在工业界的推荐系统里");
        assertThat(a.images()).hasSize(4);
    }

    @Test
    void dataSrcOnlyImagesGetTheirRealUrlAndOneUrlPerMediaId() {
        Article a = extracted(page(WECHAT_ARTICLE, "wechat/article-ok.html"));
        String arch = IMAGE_HOST + "mmbiz_png/Z6bicxIx5naLicl7kG5zDn0ibqX7cIBXy2gC1A7SVLG4Ric3Ww4bGNGkW8FNFdvibc0ib/640?wx_fmt=png&amp;from=appmsg&amp;wxfrom=5&amp;wx_lazy=1&amp;tp=webp";

        assertThat(a.bodyHtml()).contains("<img src=\"" + arch + "\" alt=\"多目标排序整体架构图\">")
                .contains("<img src=\"" + IMAGE_HOST + "mmbiz_jpg/Z6bicxIx5naKQ0cvLicGibkPnEoXTqJqDmCy4d8VibFh2qWz0nQ6hJv1AicXib8Q/640?wx_fmt=jpeg\">")
                .doesNotContain("/0?wx_fmt=png");
    }

    @Test
    void windowCtDatesAnImagePostWhoseBodyIsItsDescriptionAndPictures() {
        Article a = extracted(page(WECHAT_ARTICLE, "wechat/image-post.html"));

        assertThat(a.title()).isEqualTo("周末读书笔记：召回的三张图");
        assertThat(a.author()).contains("搜广推小站");
        assertThat(a.published()).contains(Instant.parse("2023-12-01T08:00:00Z"));
        assertThat(a.text()).isEqualTo("三张图讲清楚双塔召回、图召回和多路召回融合。\n\n欢迎转发。");
        assertThat(a.images()).hasSize(3);
    }

    @Test
    void createTimeIsBeijingTimeWhenThereIsNoCt() {
        Article a = extracted(edited("wechat/article-ok.html", "var ct = \"1700000000\";", ""));

        assertThat(a.published()).contains(Instant.parse("2023-11-14T22:13:00Z"));
    }

    @Test
    void oldTemplateGivesH2TitleProfileNicknameOriginalAuthorAndPublishTimeDate() {
        Article a = extracted(page(WECHAT_ARTICLE, "wechat/article-old.html"));

        assertThat(a.title()).isEqualTo("线上 A/B 实验的几个坑");
        assertThat(a.author()).contains("实验平台笔记（王五）");
        assertThat(a.published()).contains(Instant.parse("2016-05-19T16:00:00Z"));
        assertThat(a.images()).extracting(i -> i.url().toString())
                .containsExactly(IMAGE_HOST + "mmbiz/OldStyleImageMediaIdBBBBBBBBBBBBBBBBBBB/0?wx_fmt=jpeg");
    }

    @Test
    void titleInJsTitleInnerSpanIsOneLineAndNicknameVariableNamesTheAccount() {
        Article a = extracted(page(WECHAT_ARTICLE, "wechat/article-rich.html"));

        assertThat(a.title()).isEqualTo("深度学习推荐模型 代码与部署笔记");
        assertThat(a.author()).contains("炼丹&笔记");
        assertThat(a.published()).contains(Instant.parse("2024-01-01T00:00:00Z"));
    }

    @Test
    void keepsHeadingsListsQuotesTablesAndEmphasisAndDropsHiddenAndChrome() {
        Article a = extracted(page(WECHAT_ARTICLE, "wechat/article-rich.html"));

        assertThat(a.bodyHtml()).contains("<p>本文记录<strong>双塔模型</strong>从训练到上线的全过程。</p>",
                "<h2>一、特征处理</h2>", "<em>hash embedding</em>", "<blockquote>", "<td>城市</td>");
        assertThat(a.text()).contains("用户侧：年龄、城市\n物品侧：类目、价格", "特征 | 维度\n城市 | 32")
                .doesNotContain("隐藏", "injected", "广告", "喜欢此内容", "短");
        assertThat(a.images()).extracting(ImageRef::alt).containsExactly("特征处理流程");
        assertThat(a.bodyHtml()).doesNotContain("Pixel1x1", "code-snippet", "mp-common-profile");
    }

    @Test
    void codeSnippetBecomesMultiLineCodeWithoutLineNumbers() {
        Article a = extracted(page(WECHAT_ARTICLE, "wechat/article-rich.html"));

        String code = "def train(model, data):\n    for batch in data:\n        model.step(batch)";
        assertThat(a.bodyHtml()).contains("<pre><code class=\"language-python\">" + code + "</code></pre>");
        assertThat(a.text()).contains("二、训练代码\n\n" + code + "\n\n演示视频：");
    }

    @Test
    void videoVoiceChannelsMiniProgramAndMusicBecomePlaceholders() {
        Article a = extracted(page(WECHAT_ARTICLE, "wechat/article-rich.html"));

        assertThat(a.text()).contains(
                "[视频] https://mp.weixin.qq.com/mp/readtemplate?t=pages/video_player_tmpl&action=mpvideo&auto=0&vid=wxv_3012345678901234567",
                "[视频] https://v.qq.com/iframe/preview.html?vid=m3350jvdnhv",
                "[音频] 第一期：召回", "[视频号] 双塔模型五分钟讲解", "[小程序] 炼丹工具箱", "[音乐] 晴天 - 周杰伦");
        assertThat(a.bodyHtml()).contains(
                "<a href=\"https://res.wx.qq.com/voice/getvoice?mediaid=MzA4NzQ5MTY3NV8yMjQ3NDg0MjQ4\">第一期：召回</a>");
    }

    @Test
    void linksKeepHttpTargetsAndDropJavascript() {
        Article a = extracted(page(WECHAT_ARTICLE, "wechat/article-rich.html"));

        assertThat(a.links()).contains(URI.create("https://arxiv.org/abs/1906.00091"))
                .noneMatch(u -> u.getHost().equals("ad.example.com"));
        assertThat(a.bodyHtml()).contains("<a href=\"https://arxiv.org/abs/1906.00091\">DLRM 论文</a>，点我");
    }

    @Test
    void wordCountCountsHanCharactersAndLatinWords() {
        assertThat(PlainText.wordCount("图一是整体架构。下面分别介绍 MMoE 和 PLE 两种结构。")).isEqualTo(20);
        assertThat(PlainText.wordCount("Negatives don't matter, 2024!")).isEqualTo(4);
    }

    @Test
    void captchaDeletedAndRateLimitPagesHoldNoArticle() {
        for (String fixture : List.of("wechat/captcha.html", "wechat/deleted.html", "wechat/rate-limited.html",
                "wechat/violation.html", "wechat/expired.html")) {
            assertThat(ArticleExtractor.extract(page(WECHAT_ARTICLE, fixture))).as(fixture).isEmpty();
        }
    }
}
