package io.linkshelf.extract;

import java.util.List;
import java.util.Optional;

/** Reads the article out of a fetched page, with the reader for its platform. */
public final class ArticleExtractor {
    private ArticleExtractor() {}

    /**
     * The article the page holds. Empty when it holds none: a captcha, a deleted or missing article, a login wall,
     * an empty or non-HTML body. The platform is chosen by URL and page content ({@link PlatformReaders}).
     * Never throws on odd bodies (binary, empty, truncated HTML).
     */
    public static Optional<Article> extract(PageResponse response) {
        return read(response).article();
    }

    /**
     * Everything linkshelf reads from one page, with the page parsed once: its verdict, its article and its images.
     */
    public static Reading read(PageResponse response) {
        PlatformReader reader = PlatformReaders.of(response);
        Page page = new Page(response);
        PageVerdict verdict = page.verdict(reader);
        return new Reading(verdict, reader.article(page, verdict.state()), ImageFinder.find(page, reader));
    }

    /**
     * What one page holds.
     *
     * @param verdict what the page is
     * @param article the article, if it holds one
     * @param images the images of its article body
     */
    public record Reading(PageVerdict verdict, Optional<Article> article, List<ImageRef> images) {
        public Reading {
            images = List.copyOf(images);
        }
    }
}
