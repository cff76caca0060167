package io.linkshelf.catalog;

import java.net.URI;
import java.util.Locale;

/**
 * The site an article lives on, which decides its key, its politeness profile and its page reader
 * ({@code extract} has one reader per platform; everything else is {@link #OTHER}, read generically).
 */
public enum Platform {
    WECHAT("wechat"),
    ZHIHU("zhihu"),
    OTHER("other");

    private final String label;

    Platform(String label) {
        this.label = label;
    }

    /** The lower-case name used in JSON, CSV and reports. */
    public String label() {
        return label;
    }

    /** The platform of a URL, decided by its host alone. */
    public static Platform of(URI url) {
        String host = url.getHost() == null ? "" : url.getHost().toLowerCase(Locale.ROOT);
        if (host.equals("mp.weixin.qq.com")) {
            return WECHAT;
        }
        if (host.equals("zhihu.com") || host.endsWith(".zhihu.com")) {
            return ZHIHU;
        }
        return OTHER;
    }

    /**
     * The platform a URL reveals: its host as {@link #of}, else a path only the platform uses (a WeChat captcha
     * or {@code /s?__biz=} article path, Zhihu's {@code /account/unhuman}), so a page served from a mirror or
     * test host is still recognised; {@link #OTHER} when the URL says nothing.
     */
    public static Platform byUrl(URI uri) {
        Platform byHost = of(uri);
        if (byHost != OTHER) {
            return byHost;
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
        return OTHER;
    }
}
