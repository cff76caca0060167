package io.linkshelf.catalog;

import java.net.URI;

final class CatalogTestSupport {

    private CatalogTestSupport() {}

    /** Parses a URL the way the seed parser does, so tests can feed it what users type. */
    static URI uri(String text) {
        return SeedListParser.toUri(text).orElseThrow(() -> new AssertionError("unparseable test URL: " + text));
    }

    static Catalog parse(String markdown) {
        return CatalogReader.parse(markdown.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
