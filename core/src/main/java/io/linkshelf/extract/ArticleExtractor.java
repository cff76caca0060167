package io.linkshelf.extract;

import java.util.Optional;

/** Reads the article out of a fetched page, with the reader for its platform. */
public final class ArticleExtractor {
    private ArticleExtractor() {}

    /**
     * The article the page holds. Empty when it holds none: a captcha, a deleted or missing article, a login wall,
     * an empty or non-HTML body. The platform is chosen by URL and page content, as {@link Platform#detect} does.
     * Never throws on odd bodies (binary, empty, truncated HTML).
     */
    public static Optional<Article> extract(PageResponse response) {
        Platform platform = PageClassifier.platformOf(response);
        PageState state = PageClassifier.classify(response).state();
        // A Zhihu column page has no article body, so the classifier calls it empty; it still lists articles.
        boolean columnCandidate = platform == Platform.ZHIHU && (state == PageState.EMPTY || state == PageState.OK);
        if (state != PageState.OK && !columnCandidate) {
            return Optional.empty();
        }
        return switch (platform) {
            case WECHAT -> WechatArticles.extract(response);
            case ZHIHU -> ZhihuArticles.extract(response, state == PageState.OK);
            case GENERIC -> GenericArticles.extract(response);
        };
    }
}
