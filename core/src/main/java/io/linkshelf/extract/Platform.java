package io.linkshelf.extract;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;

/** The sites linkshelf knows how to read; everything else is {@link #GENERIC}. */
public enum Platform {
    WECHAT,
    ZHIHU,
    GENERIC;

    // Markers are ASCII, so they can be found in any ASCII-compatible charset (UTF-8, GBK) without decoding.
    private static final Pattern WECHAT_MARKERS = Pattern.compile(
            "id=[\"']?js_content\\b|id=[\"']?js_article\\b|\\bvar\\s+msg_link\\b|picture_page_info_list"
                    + "|wappoc_appmsgcaptcha|res\\.wx\\.qq\\.com/(?:mmbizwap|mmbizappmsg)");
    private static final Pattern ZHIHU_MARKERS = Pattern.compile(
            "id=[\"']?js-initialData\\b|\\bPost-RichText\\b|zh-zse-ck|static\\.zhihu\\.com/zse-ck"
                    + "|static\\.zhihu\\.com/heifetz|\"code\"\\s*:\\s*(?:40362|40352|10003)\\b");
    private static final String ZHIHU_NOT_FOUND = "你似乎来到了没有知识存在的荒原";

    /**
     * Decides the platform of a page: by the host of {@code finalUri} first, then by the URL path, then by
     * page markers, so WeChat- and Zhihu-shaped pages served from a test host are recognised too.
     */
    public static Platform detect(URI finalUri, byte[] body) {
        Platform byUrl = byUrl(finalUri);
        if (byUrl != GENERIC) {
            return byUrl;
        }
        String ascii = new String(body, StandardCharsets.ISO_8859_1);
        if (WECHAT_MARKERS.matcher(ascii).find()) {
            return WECHAT;
        }
        if (ZHIHU_MARKERS.matcher(ascii).find()
                || new String(body, StandardCharsets.UTF_8).contains(ZHIHU_NOT_FOUND)) {
            return ZHIHU;
        }
        return GENERIC;
    }

    /** The platform the URL alone reveals, or GENERIC. */
    static Platform byUrl(URI uri) {
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        if (host.equals("mp.weixin.qq.com")) {
            return WECHAT;
        }
        if (host.equals("zhihu.com") || host.endsWith(".zhihu.com")) {
            return ZHIHU;
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        if (path.contains("wappoc_appmsgcaptcha") || path.startsWith("/mp/verify")) {
            return WECHAT;
        }
        String query = uri.getRawQuery() == null ? "" : uri.getRawQuery();
        if (path.equals("/s") && query.contains("__biz=")) {
            return WECHAT;
        }
        if (path.startsWith("/account/unhuman")) {
            return ZHIHU;
        }
        return GENERIC;
    }
}
