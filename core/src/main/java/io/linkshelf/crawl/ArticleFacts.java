package io.linkshelf.crawl;

import io.linkshelf.snapshot.ManifestEntry;
import io.linkshelf.extract.Article;
import java.util.Optional;

/** The manifest's title, author and publish time of a page, from what the extractor read. */
final class ArticleFacts {

    private ArticleFacts() {}

    static ManifestEntry.ArticleFacts of(Optional<Article> article) {
        return new ManifestEntry.ArticleFacts(
                article.map(Article::title).filter(t -> !t.isBlank()),
                article.flatMap(Article::author),
                article.flatMap(Article::published).map(Object::toString));
    }
}
