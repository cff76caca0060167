package io.linkshelf.extract;

import io.linkshelf.catalog.Platform;

/** Says what a fetched page is: the article, a take-down notice, an anti-bot page, a login wall... */
public final class PageClassifier {
    private PageClassifier() {}

    /**
     * Classifies one response. Never throws on odd bodies (binary, empty, truncated): those become
     * {@link PageState#NOT_HTML}, {@link PageState#EMPTY} or a verdict with a reason.
     */
    public static PageVerdict classify(PageResponse response) {
        PlatformReader reader = PlatformReaders.of(response);
        return new Page(response).verdict(reader);
    }

    /** The platform whose reader reads the page: by the URLs it came through, then by its markers. */
    static Platform platformOf(PageResponse response) {
        return PlatformReaders.of(response).platform();
    }
}
