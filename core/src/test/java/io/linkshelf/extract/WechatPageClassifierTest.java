package io.linkshelf.extract;

import static io.linkshelf.extract.Fixtures.WECHAT_ARTICLE;
import static io.linkshelf.extract.Fixtures.bytes;
import static io.linkshelf.extract.Fixtures.page;
import static org.assertj.core.api.Assertions.assertThat;

import io.linkshelf.catalog.Platform;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class WechatPageClassifierTest {

    private static PageVerdict classify(String fixture) {
        return PageClassifier.classify(page(WECHAT_ARTICLE, fixture));
    }

    @Test
    void articleWithBodyIsOk() {
        PageVerdict verdict = classify("wechat/article-ok.html");
        assertThat(verdict.state()).isEqualTo(PageState.OK);
        assertThat(verdict.platform()).isEqualTo(Platform.WECHAT);
    }

    @Test
    void captchaInTheRedirectChainIsBlockedWhateverTheBody() {
        var response = Fixtures.redirected("http://mp.weixin.qq.com/s?__biz=MzA4NzQ5MTY3NQ==&mid=2247484247&idx=1&sn=5c2d",
                List.of("https://mp.weixin.qq.com/s?__biz=MzA4NzQ5MTY3NQ==&mid=2247484247&idx=1&sn=5c2d",
                        "https://mp.weixin.qq.com/mp/wappoc_appmsgcaptcha?poc_token=HBkXQGej1m7c&target_url=https%3A%2F%2Fmp.weixin.qq.com%2Fs",
                        "https://mp.weixin.qq.com/s?__biz=MzA4NzQ5MTY3NQ==&mid=2247484247&idx=1&sn=5c2d&poc_token=HBkXQGej1m7c"),
                200, Fixtures.HTML, bytes("wechat/article-ok.html"));

        PageVerdict verdict = PageClassifier.classify(response);

        assertThat(verdict.state()).isEqualTo(PageState.BLOCKED);
        assertThat(verdict.reason()).contains("captcha").contains("wappoc_appmsgcaptcha");
    }

    @Test
    void captchaPageIsBlockedEvenWithoutTheCaptchaUrl() {
        PageVerdict verdict = classify("wechat/captcha.html");
        assertThat(verdict.state()).isEqualTo(PageState.BLOCKED);
        assertThat(verdict.reason()).isEqualTo("WeChat captcha (环境异常)");
    }

    @Test
    void rateLimitWrittenByDocumentWriteIsFoundInTheRawHtml() {
        PageVerdict verdict = classify("wechat/rate-limited.html");
        assertThat(verdict.state()).isEqualTo(PageState.BLOCKED);
        assertThat(verdict.reason()).contains("访问过于频繁");
    }

    @Test
    void deletedByPublisherIsDeleted() {
        PageVerdict verdict = classify("wechat/deleted.html");
        assertThat(verdict.state()).isEqualTo(PageState.DELETED);
        assertThat(verdict.reason()).isEqualTo("deleted by the publisher (该内容已被发布者删除)");
    }

    @Test
    void englishDeletedPageIsDeleted() {
        assertThat(classify("wechat/deleted-english.html").state()).isEqualTo(PageState.DELETED);
    }

    @Test
    void violationTakeDownIsDeleted() {
        PageVerdict verdict = classify("wechat/violation.html");
        assertThat(verdict.state()).isEqualTo(PageState.DELETED);
        assertThat(verdict.reason()).contains("此内容因违规无法查看");
    }

    @Test
    void complaintTakeDownIsDeleted() {
        PageVerdict verdict = classify("wechat/complaint.html");
        assertThat(verdict.state()).isEqualTo(PageState.DELETED);
        assertThat(verdict.reason()).contains("此内容被多人投诉");
    }

    @Test
    void expiredLinkIsNotFoundRatherThanDeleted() {
        PageVerdict verdict = classify("wechat/expired.html");
        assertThat(verdict.state()).isEqualTo(PageState.NOT_FOUND);
        assertThat(verdict.reason()).contains("链接已过期");
    }

    @Test
    void systemErrorMessageIsNotFound() {
        PageVerdict verdict = classify("wechat/system-error.html");
        assertThat(verdict.state()).isEqualTo(PageState.NOT_FOUND);
        assertThat(verdict.reason()).contains("系统出错");
    }

    @Test
    void migratedAccountIsDeletedAndNamesTheNewLink() {
        PageVerdict verdict = classify("wechat/migrated.html");
        assertThat(verdict.state()).isEqualTo(PageState.DELETED);
        assertThat(verdict.reason())
                .contains("该公众号已迁移")
                .contains("https://mp.weixin.qq.com/s?__biz=MzkxNjI0NTI3Mw==&mid=2247483652&idx=1&sn=0a1b2c3d4e5f60718293a4b5c6d7e8f9");
    }

    @Test
    void imagePostWithoutJsContentIsOk() {
        PageVerdict verdict = classify("wechat/image-post.html");
        assertThat(verdict.state()).isEqualTo(PageState.OK);
        assertThat(verdict.reason()).contains("image post");
    }

    @Test
    void rumourClassMarksATakeDown() {
        String html = "<html><head><link rel=stylesheet href=\"https://res.wx.qq.com/open/libs/weui/1.1.0/weui.min.css\">"
                + "</head><body><div class=\"page_rumor\"><div class=\"rumor_title\">此文章经核实含有不实信息</div></div></body></html>";
        var response = Fixtures.response(WECHAT_ARTICLE, 200, Fixtures.HTML, html.getBytes(StandardCharsets.UTF_8));

        assertThat(PageClassifier.classify(response).state()).isEqualTo(PageState.DELETED);
    }

    @Test
    void videoPostWithoutJsContentIsOk() {
        String html = "<html><head><script nonce=\"1\">var item_show_type = \"5\";\nvar errTips = \"系统出错，请稍后再试\";\nvar msg_link = \"http://mp.weixin.qq.com/s?__biz=MzA4\";</script>"
                + "</head><body><div id=\"js_mpvedio_wrapper\"><div class=\"video_desc\">一分钟看懂向量检索</div></div></body></html>";
        var response = Fixtures.response(WECHAT_ARTICLE, 200, Fixtures.HTML, html.getBytes(StandardCharsets.UTF_8));

        assertThat(PageClassifier.classify(response))
                .extracting(PageVerdict::state, PageVerdict::reason)
                .containsExactly(PageState.OK, "post without #js_content (item_show_type 5)");
    }

    @Test
    void unrecognisedWechatPageIsEmptyNotOk() {
        String html = "<html><head><script nonce=\"1\">var msg_link = \"\";</script></head><body><div class=\"weui-msg\"></div></body></html>";
        var response = Fixtures.response(WECHAT_ARTICLE, 200, Fixtures.HTML, html.getBytes(StandardCharsets.UTF_8));

        assertThat(PageClassifier.classify(response).state()).isEqualTo(PageState.EMPTY);
    }

    @Test
    void articleThatMentionsARateLimitIsStillOk() {
        String html = new String(bytes("wechat/article-ok.html"), StandardCharsets.UTF_8)
                .replace("小结：多目标不是简单加权。", "爬虫常见提示：访问过于频繁，请用微信扫描二维码进行访问。");
        var response = Fixtures.response(WECHAT_ARTICLE, 200, Fixtures.HTML, html.getBytes(StandardCharsets.UTF_8));

        assertThat(PageClassifier.classify(response).state()).isEqualTo(PageState.OK);
    }

    @Test
    void wechatShapedPagesFromATestHostAreClassifiedAsWechat() {
        var deleted = Fixtures.page("http://127.0.0.2:8080/s?__biz=MzA4NzQ5MTY3NQ==&mid=1&idx=1&sn=ab", "wechat/deleted.html");
        var article = Fixtures.page("http://127.0.0.2:8080/s/Xy12_abcdEFGhijkLMNopQ", "wechat/article-ok.html");

        assertThat(PageClassifier.classify(deleted))
                .extracting(PageVerdict::state, PageVerdict::platform)
                .containsExactly(PageState.DELETED, Platform.WECHAT);
        assertThat(PageClassifier.classify(article))
                .extracting(PageVerdict::state, PageVerdict::platform)
                .containsExactly(PageState.OK, Platform.WECHAT);
    }

    @Test
    void forbiddenThatIsNotACaptchaIsBlockedWithTheStatus() {
        var response = Fixtures.response(WECHAT_ARTICLE, 403, "text/plain", "Forbidden".getBytes(StandardCharsets.UTF_8));

        assertThat(PageClassifier.classify(response))
                .extracting(PageVerdict::state, PageVerdict::reason)
                .containsExactly(PageState.BLOCKED, "HTTP 403");
    }

    @Test
    void serverErrorIsLeftToTheCaller() {
        var response = Fixtures.response(WECHAT_ARTICLE, 502, Fixtures.HTML, "<h1>Bad Gateway</h1>".getBytes(StandardCharsets.UTF_8));

        assertThat(PageClassifier.classify(response))
                .extracting(PageVerdict::state, PageVerdict::reason)
                .containsExactly(PageState.FAILED, "server error (HTTP 502)");
    }
}
