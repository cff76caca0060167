package io.linkshelf.extract;

import static io.linkshelf.extract.Fixtures.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.linkshelf.catalog.Platform;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class GenericPageTest {
    private static final String POST = "http://127.0.0.4:8000/blog/2024/two-tower/";

    @Test
    void pageWithTextIsOk() {
        assertThat(PageClassifier.classify(Fixtures.page(POST, "generic/article-ok.html")))
                .extracting(PageVerdict::state, PageVerdict::platform)
                .containsExactly(PageState.OK, Platform.OTHER);
    }

    @Test
    void scriptOnlyPageIsEmpty() {
        assertThat(PageClassifier.classify(Fixtures.page(POST, "generic/empty.html")).state()).isEqualTo(PageState.EMPTY);
    }

    @Test
    void status404IsNotFoundWhateverTheBody() {
        var response = Fixtures.response(POST, 404, "text/html", bytes("generic/not-found.html"));
        assertThat(PageClassifier.classify(response))
                .extracting(PageVerdict::state, PageVerdict::reason)
                .containsExactly(PageState.NOT_FOUND, "HTTP 404");
    }

    @Test
    void status410IsNotFound() {
        var response = Fixtures.response(POST, 410, "text/html", bytes("generic/not-found.html"));
        assertThat(PageClassifier.classify(response).state()).isEqualTo(PageState.NOT_FOUND);
    }

    @Test
    void imageBodyIsNotHtmlAndHasNoImages() {
        byte[] png = new byte[256];
        new Random(7).nextBytes(png);
        System.arraycopy(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0}, 0, png, 0, 10);
        var declared = Fixtures.response("http://127.0.0.4:8000/a.png", 200, "image/png", png);
        var undeclared = Fixtures.response("http://127.0.0.4:8000/a.png", 200, null, png);
        var mislabelled = Fixtures.response("http://127.0.0.4:8000/a.png", 200, "text/html", png);

        assertThat(PageClassifier.classify(declared))
                .extracting(PageVerdict::state, PageVerdict::reason)
                .containsExactly(PageState.NOT_HTML, "not HTML (image/png)");
        assertThat(PageClassifier.classify(undeclared).state()).isEqualTo(PageState.NOT_HTML);
        assertThat(PageClassifier.classify(mislabelled).state()).isEqualTo(PageState.NOT_HTML);
        assertThat(ImageFinder.find(mislabelled)).isEmpty();
    }

    @Test
    void emptyBodyIsEmpty() {
        var response = Fixtures.response(POST, 200, "text/html", new byte[0]);
        assertThat(PageClassifier.classify(response))
                .extracting(PageVerdict::state, PageVerdict::reason)
                .containsExactly(PageState.EMPTY, "empty body");
        assertThat(ImageFinder.find(response)).isEmpty();
    }

    @Test
    void truncatedAndGarbledPagesNeverThrow() {
        byte[] wechat = bytes("wechat/article-ok.html");
        byte[] zhihu = bytes("zhihu/article-ok.html");
        Random random = new Random(42);
        for (byte[] page : List.of(wechat, zhihu, bytes("generic/article-ok.html"))) {
            for (int cut : new int[] {1, 17, 300, page.length / 3, page.length / 2, page.length - 5}) {
                byte[] truncated = Arrays.copyOf(page, cut);
                byte[] noisy = truncated.clone();
                for (int i = 0; i < noisy.length; i += 1 + random.nextInt(40)) {
                    noisy[i] = (byte) random.nextInt(256);
                }
                for (byte[] body : List.of(truncated, noisy)) {
                    for (String url : List.of(Fixtures.WECHAT_ARTICLE, Fixtures.ZHIHU_ARTICLE, POST)) {
                        var response = Fixtures.response(url, 200, "text/html", body);
                        assertThatCode(() -> {
                            PageClassifier.classify(response);
                            ImageFinder.find(response);
                        }).as("%s cut at %d", url, cut).doesNotThrowAnyException();
                    }
                }
            }
        }
    }

    @Test
    void truncatedWechatArticleIsStillRecognisedWhileTheBodyHasStarted() {
        byte[] page = bytes("wechat/article-ok.html");
        String html = new String(page, StandardCharsets.UTF_8);
        int cut = html.indexOf("图一是整体架构");
        byte[] truncated = html.substring(0, cut).getBytes(StandardCharsets.UTF_8);

        var response = Fixtures.response(Fixtures.WECHAT_ARTICLE, 200, "text/html", truncated);

        assertThat(PageClassifier.classify(response).state()).isEqualTo(PageState.OK);
        assertThat(ImageFinder.find(response)).hasSize(1);
    }

    @Test
    void gbkPageDeclaredInMetaDecodesCorrectly() {
        var response = Fixtures.response("http://127.0.0.4:8000/2011/05/index.html", 200, "text/html", bytes("generic/gbk.html"));

        assertThat(PageClassifier.classify(response).state()).isEqualTo(PageState.OK);
        assertThat(ImageFinder.find(response)).singleElement().satisfies(image -> {
            assertThat(image.alt()).isEqualTo("倒排索引示意图");
            assertThat(image.url()).hasToString("http://127.0.0.4:8000/upload/2011/inverted-index.jpg");
        });
    }

    @Test
    void contentTypeCharsetWinsOverTheMetaTag() {
        String html = "<html><head><meta charset=\"utf-8\"></head><body><article><p>倒排索引</p>"
                + "<img src=\"/x.jpg\" alt=\"示意图\"></article></body></html>";
        var response = Fixtures.response(POST, 200, "text/html; charset=GBK", html.getBytes(java.nio.charset.Charset.forName("GBK")));

        assertThat(ImageFinder.find(response)).extracting(ImageRef::alt).containsExactly("示意图");
    }

    @Test
    void imagesComeFromTheArticleOnly() {
        List<ImageRef> images = ImageFinder.find(Fixtures.page(POST, "generic/article-ok.html"));

        assertThat(images).extracting(i -> i.url().toString()).containsExactly(
                "http://127.0.0.4:8000/blog/2024/two-tower/images/two-tower.png",
                "http://127.0.0.4:8000/images/negatives-1x.jpg",
                "http://cdn.example.net/charts/recall-at-k.svg");
        assertThat(images.get(0).alt()).isEqualTo("Query tower and item tower");
    }
}
