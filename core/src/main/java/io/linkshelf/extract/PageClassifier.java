package io.linkshelf.extract;

import java.net.URI;

/** Says what a fetched page is: the article, a take-down notice, an anti-bot page, a login wall... */
public final class PageClassifier {
    private PageClassifier() {}

    /**
     * Classifies one response. Never throws on odd bodies (binary, empty, truncated): those become
     * {@link PageState#NOT_HTML}, {@link PageState#EMPTY} or a verdict with a reason.
     */
    public static PageVerdict classify(PageResponse response) {
        return switch (platformOf(response)) {
            case WECHAT -> WechatPages.classify(response);
            case ZHIHU -> ZhihuPages.classify(response);
            case GENERIC -> GenericPages.classify(response);
        };
    }

    /** The final host decides first, then any host on the way (requested URI, redirects), then page markers. */
    static Platform platformOf(PageResponse response) {
        Platform byFinal = Platform.byUrl(response.finalUri());
        if (byFinal != Platform.GENERIC) {
            return byFinal;
        }
        for (URI uri : response.chain()) {
            Platform p = Platform.byUrl(uri);
            if (p != Platform.GENERIC) {
                return p;
            }
        }
        return Platform.detect(response.finalUri(), response.bytes());
    }
}
