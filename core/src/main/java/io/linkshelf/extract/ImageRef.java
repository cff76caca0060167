package io.linkshelf.extract;

import java.net.URI;
import java.util.Objects;

/**
 * An image a page shows.
 *
 * @param url absolute http(s) URL to fetch, without fragment
 * @param alt its alternative text or caption, empty when there is none
 * @param key the identity used to dedupe: the WeChat media id, the Zhihu {@code v2-<hash>}, else the URL
 */
public record ImageRef(URI url, String alt, String key) {
    public ImageRef {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(alt, "alt");
        Objects.requireNonNull(key, "key");
        String scheme = url.getScheme();
        if (!"http".equals(scheme) && !"https".equals(scheme)) {
            throw new IllegalArgumentException("image URL must be http(s): " + url);
        }
        if (key.isEmpty()) {
            throw new IllegalArgumentException("empty image key for " + url);
        }
    }
}
