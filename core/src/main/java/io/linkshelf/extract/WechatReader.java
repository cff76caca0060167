package io.linkshelf.extract;

import io.linkshelf.catalog.Platform;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** WeChat official-account articles (mp.weixin.qq.com): {@link WechatPages} and {@link WechatArticles}. */
final class WechatReader implements PlatformReader {

    private static final Pattern MARKERS = Pattern.compile(
            "id=[\"']?js_content\\b|id=[\"']?js_article\\b|\\bvar\\s+msg_link\\b|picture_page_info_list"
                    + "|wappoc_appmsgcaptcha|res\\.wx\\.qq\\.com/(?:mmbizwap|mmbizappmsg)");

    @Override
    public Platform platform() {
        return Platform.WECHAT;
    }

    @Override
    public boolean recognises(String ascii, byte[] body) {
        return MARKERS.matcher(ascii).find();
    }

    @Override
    public PageVerdict classify(Page page) {
        return WechatPages.classify(page);
    }

    @Override
    public Optional<Article> article(Page page, PageState state) {
        return state == PageState.OK ? WechatArticles.extract(page) : Optional.empty();
    }

    @Override
    public List<ImageRef> images(Page page) {
        return WechatPages.images(page);
    }
}
