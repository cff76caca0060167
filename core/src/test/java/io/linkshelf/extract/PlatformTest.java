package io.linkshelf.extract;

import static io.linkshelf.extract.Fixtures.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import io.linkshelf.catalog.Platform;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PlatformTest {

    @Test
    void hostDecidesFirst() {
        byte[] generic = bytes("generic/article-ok.html");
        assertThat(PlatformReaders.detect(URI.create("https://mp.weixin.qq.com/s/Xy12_abcdEFGhijkLMNopQ"), generic))
                .isEqualTo(Platform.WECHAT);
        assertThat(PlatformReaders.detect(URI.create("https://zhuanlan.zhihu.com/p/668845713"), generic))
                .isEqualTo(Platform.ZHIHU);
        assertThat(PlatformReaders.detect(URI.create("https://www.zhihu.com/api/v4/articles/1"), new byte[0]))
                .isEqualTo(Platform.ZHIHU);
    }

    @Test
    void wechatShapedPageFromATestHostIsWechat() {
        URI local = URI.create("http://127.0.0.2:41234/s/Xy12_abcdEFGhijkLMNopQ");
        assertThat(PlatformReaders.detect(local, bytes("wechat/article-ok.html"))).isEqualTo(Platform.WECHAT);
        assertThat(PlatformReaders.detect(local, bytes("wechat/deleted.html"))).isEqualTo(Platform.WECHAT);
        assertThat(PlatformReaders.detect(local, bytes("wechat/captcha.html"))).isEqualTo(Platform.WECHAT);
        assertThat(PlatformReaders.detect(local, bytes("wechat/image-post.html"))).isEqualTo(Platform.WECHAT);
    }

    @Test
    void wechatUrlShapesOnATestHostAreWechat() {
        byte[] nothing = new byte[0];
        assertThat(PlatformReaders.detect(URI.create("http://127.0.0.2:41234/s?__biz=MzA4NzQ5MTY3NQ==&mid=1&idx=1&sn=a"), nothing))
                .isEqualTo(Platform.WECHAT);
        assertThat(PlatformReaders.detect(URI.create("http://127.0.0.2:41234/mp/wappoc_appmsgcaptcha?poc_token=x"), nothing))
                .isEqualTo(Platform.WECHAT);
    }

    @Test
    void zhihuShapedPagesFromATestHostAreZhihu() {
        URI local = URI.create("http://127.0.0.3:41235/p/668845713");
        assertThat(PlatformReaders.detect(local, bytes("zhihu/article-ok.html"))).isEqualTo(Platform.ZHIHU);
        assertThat(PlatformReaders.detect(local, bytes("zhihu/challenge-403.html"))).isEqualTo(Platform.ZHIHU);
        assertThat(PlatformReaders.detect(local, bytes("zhihu/error-40362.json"))).isEqualTo(Platform.ZHIHU);
        assertThat(PlatformReaders.detect(local, bytes("zhihu/not-found-404.html"))).isEqualTo(Platform.ZHIHU);
    }

    @Test
    void ordinaryPagesAreGeneric() {
        URI local = URI.create("http://127.0.0.4:8000/p/42");
        assertThat(PlatformReaders.detect(local, bytes("generic/article-ok.html"))).isEqualTo(Platform.OTHER);
        assertThat(PlatformReaders.detect(local, bytes("generic/gbk.html"))).isEqualTo(Platform.OTHER);
        String linksToWechat = "<html><body><a href=\"https://mp.weixin.qq.com/s?__biz=MzA4NzQ5MTY3NQ==\">公众号文章</a>"
                + "<img src=\"https://mmbiz.qpic.cn/mmbiz_png/abcdefghij/640\"></body></html>";
        assertThat(PlatformReaders.detect(local, linksToWechat.getBytes(StandardCharsets.UTF_8))).isEqualTo(Platform.OTHER);
        String weuiStyled = "<html><head><link rel=stylesheet href=\"https://res.wx.qq.com/open/libs/weui/2.4.4/weui.min.css\">"
                + "<script src=\"https://res.wx.qq.com/open/js/jweixin-1.6.0.js\"></script></head>"
                + "<body><div class=\"weui-msg\"><h2 class=\"weui-msg__title\">报名成功</h2></div></body></html>";
        assertThat(PlatformReaders.detect(local, weuiStyled.getBytes(StandardCharsets.UTF_8))).isEqualTo(Platform.OTHER);
    }

    @Test
    void statesHaveReportLabels() {
        assertThat(PageState.NOT_FOUND.label()).isEqualTo("not-found");
        assertThat(PageState.LOGIN_REQUIRED.label()).isEqualTo("login-required");
        assertThat(PageState.NOT_HTML.label()).isEqualTo("not-html");
    }
}
