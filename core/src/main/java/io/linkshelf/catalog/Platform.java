package io.linkshelf.catalog;

import java.net.URI;
import java.util.Locale;

/** The site an article lives on, which decides its key, its politeness profile and its extractor. */
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
}
