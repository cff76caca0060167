package io.linkshelf.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ArticleKeysTest {

    private static String key(String url) {
        return ArticleKeys.keyOf(URI.create(url));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "http://mp.weixin.qq.com/s?__biz=MzI5NTU2ODQzMg==&mid=2247484474&idx=1&sn=ce39&chksm=ec50&scene=27#wechat_redirect",
        "https://mp.weixin.qq.com/s?__biz=MzI5NTU2ODQzMg==&mid=2247484474&idx=1&sn=ce39",
        "https://mp.weixin.qq.com/s?sn=ce39&idx=1&mid=2247484474&__biz=MzI5NTU2ODQzMg%3D%3D&scene=58&subscene=0#rd%22,",
        "https://MP.WEIXIN.QQ.COM/s?__biz=MzI5NTU2ODQzMg==&appmsgid=2247484474&itemidx=1&sign=ce39",
        "http://mp.weixin.qq.com/s/?__biz=MzI5NTU2ODQzMg==&mid=2247484474&idx=1&pass_ticket=abc#rd",
    })
    void keysWechatLongUrlsByAccountMessageAndSlot(String url) {
        assertThat(key(url)).isEqualTo("wx-3295568432-2247484474-1");
    }

    @Test
    void distinguishesArticlesOfOnePushBySlot() {
        String base = "https://mp.weixin.qq.com/s?__biz=MzI5NTU2ODQzMg==&mid=2247484247&idx=";
        assertThat(key(base + "1")).isNotEqualTo(key(base + "2"));
    }

    @Test
    void keysWechatShortUrlsByTokenIgnoringQueryAndFragment() {
        String a = key("https://mp.weixin.qq.com/s/Ab3dEfGhIjKlMnOpQrStUv");
        assertThat(a).isEqualTo(key("http://mp.weixin.qq.com/s/Ab3dEfGhIjKlMnOpQrStUv?scene=1#rd"));
        assertThat(a).startsWith("wx-s-ab3defghijklmnopqrstuv-");
        assertThat(a).isNotEqualTo(key("https://mp.weixin.qq.com/s/ab3defghijklmnopqrstuv"));
        assertThat(key("https://mp.weixin.qq.com/s/Ab3dEfGhIjKlMnOp~rStUv"))
                .isEqualTo(key("https://mp.weixin.qq.com/s/Ab3dEfGhIjKlMnOp_rStUv"));
    }

    @Test
    void keysZhihuArticlesAndColumnsById() {
        assertThat(key("https://zhuanlan.zhihu.com/p/2082171778986664628")).isEqualTo("zhihu-p-2082171778986664628");
        assertThat(key("http://zhuanlan.zhihu.com/p/23141946?utm=x#comments")).isEqualTo("zhihu-p-23141946");
        assertThat(key("https://www.zhihu.com/column/c_1582415758780559360")).isEqualTo("zhihu-column-c_1582415758780559360");
    }

    @Test
    void keysOtherUrlsByNormalisedUrl() {
        String a = key("HTTP://Example.COM:80/a/b?x=1#frag");
        assertThat(a).isEqualTo(key("http://example.com/a/b?x=1"));
        assertThat(a).isNotEqualTo(key("http://example.com/a/b?x=2"));
        assertThat(a).startsWith("web-example.com-a-b-");
        assertThat(key("https://mp.weixin.qq.com/mp/homepage?__biz=abc")).startsWith("web-mp.weixin.qq.com-mp-homepage-");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "https://example.com/CON/aux?x=<>:\"|*",
        "https://mp.weixin.qq.com/s?__biz=%%%&mid=1&idx=1",
        "https://mp.weixin.qq.com/s?__biz=not/base64==&mid=12&idx=1",
        "https://example.com/very-long-segment/very-long-segment/very-long-segment/very-long-segment/very-long-segment/very-long-segment/very-long-segment/very-long-segment",
        "https://例子.example/路径/文章",
    })
    void makesFileNameSafeKeysFromAnyUrl(String url) {
        URI uri = CatalogTestSupport.uri(url);
        assertThat(ArticleKeys.keyOf(uri)).matches("[a-z][a-z0-9._-]{2,200}");
    }

    @Test
    void fetchUrlDropsOnlyTheFragment() {
        assertThat(ArticleKeys.fetchUrl(URI.create("http://mp.weixin.qq.com/s?__biz=a==&mid=1&idx=1&scene=27#wechat_redirect")))
                .hasToString("http://mp.weixin.qq.com/s?__biz=a==&mid=1&idx=1&scene=27");
        assertThat(ArticleKeys.fetchUrl(URI.create("https://zhuanlan.zhihu.com/p/1"))).hasToString("https://zhuanlan.zhihu.com/p/1");
    }
}
