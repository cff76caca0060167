package io.linkshelf.extract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/** Loads the hand-written pages under src/test/resources/fixtures/extract and wraps them as responses. */
final class Fixtures {
    static final String HTML = "text/html; charset=utf-8";
    static final String WECHAT_ARTICLE =
            "https://mp.weixin.qq.com/s?__biz=MzA4NzQ5MTY3NQ==&mid=2247484247&idx=1&sn=5c2d0fa4a1b3c9e8f7d6e5a4b3c2d1e0";
    static final String ZHIHU_ARTICLE = "https://zhuanlan.zhihu.com/p/668845713";

    private Fixtures() {}

    static byte[] bytes(String name) {
        String path = "/fixtures/extract/" + name;
        try (InputStream in = Fixtures.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read fixture " + path, e);
        }
    }

    /** A 200 text/html response for the fixture, not redirected. */
    static PageResponse page(String url, String fixture) {
        return response(url, 200, HTML, bytes(fixture));
    }

    static PageResponse response(String url, int status, String contentType, byte[] body) {
        return PageResponse.of(URI.create(url), status, Optional.ofNullable(contentType), body);
    }

    /** A response that reached {@code finalUrl} through {@code redirects} (the last of which is finalUrl). */
    static PageResponse redirected(String requested, List<String> redirects, int status, String contentType, byte[] body) {
        List<URI> chain = redirects.stream().map(URI::create).toList();
        URI last = chain.isEmpty() ? URI.create(requested) : chain.get(chain.size() - 1);
        return new PageResponse(URI.create(requested), last, chain, status, Optional.ofNullable(contentType), body);
    }
}
