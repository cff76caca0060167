package io.linkshelf.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ImageUrlsTest {
    private static final URI PAGE = URI.create("http://127.0.0.2:8080/blog/post.html?x=1");

    private static Optional<String> resolve(URI base, String raw) {
        return ImageUrls.resolve(base, raw).map(URI::toString);
    }

    @Test
    void resolvesRelativeAndProtocolRelativeUrlsAgainstThePage() {
        assertThat(resolve(PAGE, "img/a.png")).contains("http://127.0.0.2:8080/blog/img/a.png");
        assertThat(resolve(PAGE, "../a.png")).contains("http://127.0.0.2:8080/a.png");
        assertThat(resolve(PAGE, "//cdn.example.net/a.png")).contains("http://cdn.example.net/a.png");
        assertThat(resolve(URI.create("https://example.org"), "a.png")).contains("https://example.org/a.png");
    }

    @Test
    void upgradesOnlyTheKnownCdnsToHttps() {
        assertThat(resolve(PAGE, "//mmbiz.qpic.cn/mmbiz_png/abcdefghij/640?wx_fmt=png"))
                .contains("https://mmbiz.qpic.cn/mmbiz_png/abcdefghij/640?wx_fmt=png");
        assertThat(resolve(PAGE, "http://pic3.zhimg.com/v2-0d9c8b7a6f5e4d3c2b1a09f8e7d6c5b4_r.jpg"))
                .contains("https://pic3.zhimg.com/v2-0d9c8b7a6f5e4d3c2b1a09f8e7d6c5b4_r.jpg");
        assertThat(resolve(PAGE, "http://127.0.0.9/a.png")).contains("http://127.0.0.9/a.png");
    }

    @Test
    void refusesDataAndNonHttpUrlsAndDropsFragments() {
        assertThat(resolve(PAGE, "data:image/gif;base64,R0lGOD")).isEmpty();
        assertThat(resolve(PAGE, "  DATA:image/png;base64,xx")).isEmpty();
        assertThat(resolve(PAGE, "javascript:void(0)")).isEmpty();
        assertThat(resolve(PAGE, "ftp://example.org/a.png")).isEmpty();
        assertThat(resolve(PAGE, "")).isEmpty();
        assertThat(resolve(PAGE, "#top")).isEmpty();
        assertThat(resolve(PAGE, "https://example.org/a.png#imgIndex=0")).contains("https://example.org/a.png");
    }

    @Test
    void escapesWhatBrowsersTolerate() {
        assertThat(resolve(PAGE, "/图片/a b|c.png")).contains("http://127.0.0.2:8080/%E5%9B%BE%E7%89%87/a%20b%7Cc.png");
        assertThat(resolve(PAGE, "/equation?tex=x^2 100%")).contains("http://127.0.0.2:8080/equation?tex=x%5E2%20100%25");
    }

    @Test
    void keysNameTheImageNotItsRendition() {
        assertThat(ImageUrls.key(URI.create("https://mmbiz.qpic.cn/mmbiz_png/Z6bicxIx5naLicl7kG5z/640?wx_fmt=png")))
                .isEqualTo(ImageUrls.key(URI.create("https://mmbiz.qpic.cn/mmbiz_png/Z6bicxIx5naLicl7kG5z/0?wx_fmt=png")))
                .isEqualTo("Z6bicxIx5naLicl7kG5z");
        assertThat(ImageUrls.key(URI.create("https://mmbiz.qpic.cn/sz_mmbiz_jpg/Q3auHgzwzM7gYv3X/0")))
                .isEqualTo("Q3auHgzwzM7gYv3X");
        String hash = "v2-5f3a8e1c2b7d4e6f9a0b1c2d3e4f5a6b";
        assertThat(ImageUrls.key(URI.create("https://pic1.zhimg.com/" + hash + "_r.jpg")))
                .isEqualTo(ImageUrls.key(URI.create("https://picx.zhimg.com/80/" + hash + "_720w.webp?source=1940ef5c")))
                .isEqualTo(ImageUrls.key(URI.create("https://pic2.zhimg.com/" + hash + "_b.jpg")))
                .isEqualTo(hash);
        assertThat(ImageUrls.key(URI.create("http://127.0.0.4/a.png"))).isEqualTo("http://127.0.0.4/a.png");
    }
}
