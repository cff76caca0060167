package io.linkshelf.crawl;

import io.linkshelf.extract.Article;
import io.linkshelf.extract.ArticleExtractor;
import io.linkshelf.extract.PageResponse;
import java.util.Optional;

/** The manifest's title, author and publish time of a page, as the extractor reads them. */
final class ArticleFacts {

    private ArticleFacts() {}

    static ManifestEntry.ArticleFacts of(PageResponse response) {
        Optional<Article> article = ArticleExtractor.extract(response);
        return new ManifestEntry.ArticleFacts(
                article.map(Article::title).filter(t -> !t.isBlank()),
                article.flatMap(Article::author),
                article.flatMap(Article::published).map(Object::toString));
    }
}
