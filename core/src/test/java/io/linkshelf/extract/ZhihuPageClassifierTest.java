package io.linkshelf.extract;

import static io.linkshelf.extract.Fixtures.ZHIHU_ARTICLE;
import static io.linkshelf.extract.Fixtures.bytes;
import static io.linkshelf.extract.Fixtures.page;
import static org.assertj.core.api.Assertions.assertThat;

import io.linkshelf.catalog.Platform;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ZhihuPageClassifierTest {
    private static final String JSON = "application/json; charset=utf-8";

    @Test
    void renderedArticleIsOk() {
        PageVerdict verdict = PageClassifier.classify(page(ZHIHU_ARTICLE, "zhihu/article-ok.html"));
        assertThat(verdict).extracting(PageVerdict::state, PageVerdict::platform)
                .containsExactly(PageState.OK, Platform.ZHIHU);
    }

    @Test
    void articleOnlyInInitialDataIsOk() {
        PageVerdict verdict = PageClassifier.classify(page(ZHIHU_ARTICLE, "zhihu/article-initialdata-only.html"));
        assertThat(verdict.state()).isEqualTo(PageState.OK);
        assertThat(verdict.reason()).contains("js-initialData");
    }

    @Test
    void zseCkChallengeIsBlocked() {
        var response = Fixtures.response(ZHIHU_ARTICLE, 403, "text/html", bytes("zhihu/challenge-403.html"));
        PageVerdict verdict = PageClassifier.classify(response);
        assertThat(verdict.state()).isEqualTo(PageState.BLOCKED);
        assertThat(verdict.reason()).contains("zse-ck");
    }

    @Test
    void zseCkChallengeIsBlockedEvenWithStatus200() {
        var response = Fixtures.response(ZHIHU_ARTICLE, 200, "text/html", bytes("zhihu/challenge-403.html"));
        assertThat(PageClassifier.classify(response).state()).isEqualTo(PageState.BLOCKED);
    }

    @Test
    void antiBotJsonErrorsAreBlocked() {
        String api = "https://www.zhihu.com/api/v4/articles/668845713";
        assertThat(PageClassifier.classify(Fixtures.response(api, 403, JSON, bytes("zhihu/error-40362.json"))))
                .extracting(PageVerdict::state, PageVerdict::reason)
                .containsExactly(PageState.BLOCKED, "Zhihu anti-bot (40362 您当前请求存在异常)");
        assertThat(PageClassifier.classify(Fixtures.response(api, 200, JSON, bytes("zhihu/error-40352.json"))).state())
                .isEqualTo(PageState.BLOCKED);
        assertThat(PageClassifier.classify(Fixtures.response(api, 403, null, bytes("zhihu/error-10003.json"))).reason())
                .contains("10003");
    }

    @Test
    void redirectToUnhumanIsBlocked() {
        var response = Fixtures.redirected(ZHIHU_ARTICLE,
                List.of("https://www.zhihu.com/account/unhuman?type=S6E3V1&need_login=true&session=7f3c2a1b9e8d4c6a"),
                200, "text/html", bytes("zhihu/signin.html"));
        PageVerdict verdict = PageClassifier.classify(response);
        assertThat(verdict.state()).isEqualTo(PageState.BLOCKED);
        assertThat(verdict.reason()).contains("/account/unhuman");
    }

    @Test
    void redirectToSigninNeedsLogin() {
        var response = Fixtures.redirected(ZHIHU_ARTICLE,
                List.of("https://www.zhihu.com/signin?next=%2Fp%2F668845713"), 200, "text/html", bytes("zhihu/signin.html"));
        assertThat(PageClassifier.classify(response))
                .extracting(PageVerdict::state, PageVerdict::reason)
                .containsExactly(PageState.LOGIN_REQUIRED, "login wall (redirected to /signin)");
    }

    @Test
    void loginWallTextWithoutRedirectNeedsLogin() {
        var response = Fixtures.response("http://127.0.0.3:9000/p/668845713", 200, "text/html", bytes("zhihu/signin.html"));
        assertThat(PageClassifier.classify(response))
                .extracting(PageVerdict::state, PageVerdict::platform)
                .containsExactly(PageState.LOGIN_REQUIRED, Platform.ZHIHU);
    }

    @Test
    void notFoundPageIsNotFound() {
        var response = Fixtures.response(ZHIHU_ARTICLE, 404, "text/html", bytes("zhihu/not-found-404.html"));
        PageVerdict verdict = PageClassifier.classify(response);
        assertThat(verdict.state()).isEqualTo(PageState.NOT_FOUND);
        assertThat(verdict.reason()).contains("荒原");
    }

    @Test
    void notFoundTextOnA403IsABlockNotAnAbsence() {
        var response = Fixtures.response(ZHIHU_ARTICLE, 403, "text/html", bytes("zhihu/not-found-404.html"));
        assertThat(PageClassifier.classify(response))
                .extracting(PageVerdict::state, PageVerdict::reason)
                .containsExactly(PageState.BLOCKED, "HTTP 403 (Zhihu anti-crawl)");
    }

    @Test
    void requestErrorHeadingIsNotFound() {
        String html = "<!doctype html><html><head><link href=\"https://static.zhihu.com/heifetz/main.app.css\" rel=\"stylesheet\">"
                + "</head><body><div class=\"ErrorPage\"><h1>请求错误</h1><p>请检查链接是否正确</p></div></body></html>";
        var response = Fixtures.response(ZHIHU_ARTICLE, 200, "text/html", html.getBytes(StandardCharsets.UTF_8));
        assertThat(PageClassifier.classify(response).state()).isEqualTo(PageState.NOT_FOUND);
    }

    @Test
    void redirectAwayFromTheArticleIsNotFound() {
        var response = Fixtures.redirected(ZHIHU_ARTICLE, List.of("https://www.zhihu.com/"), 200, "text/html",
                bytes("zhihu/not-found-404.html"));
        PageVerdict verdict = PageClassifier.classify(response);
        assertThat(verdict.state()).isEqualTo(PageState.NOT_FOUND);
        assertThat(verdict.reason()).contains("redirected away");
    }

    @Test
    void forbiddenWithAnEmptyBodyIsBlocked() {
        var response = Fixtures.response(ZHIHU_ARTICLE, 403, null, new byte[0]);
        assertThat(PageClassifier.classify(response).state()).isEqualTo(PageState.BLOCKED);
    }

    @Test
    void zhihuShapedArticleFromATestHostIsZhihu() {
        var response = Fixtures.page("http://127.0.0.3:9000/p/668845713", "zhihu/article-ok.html");
        assertThat(PageClassifier.classify(response))
                .extracting(PageVerdict::state, PageVerdict::platform)
                .containsExactly(PageState.OK, Platform.ZHIHU);
    }
}
