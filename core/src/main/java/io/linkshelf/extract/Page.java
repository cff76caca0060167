package io.linkshelf.extract;

import org.jspecify.annotations.Nullable;

/**
 * One response on its way through a platform reader: parsed as HTML at most once, however many of
 * classify, extract and find-images ask for the document. Readers only read the document; whatever
 * they clean up, they clean up in a copy. Not thread-safe: one page, one thread.
 */
final class Page {

    private final PageResponse response;
    private @Nullable HtmlPage html;
    private @Nullable PageVerdict verdict;

    Page(PageResponse response) {
        this.response = response;
    }

    PageResponse response() {
        return response;
    }

    /** The body parsed as HTML, on first use. */
    HtmlPage html() {
        HtmlPage parsed = html;
        if (parsed == null) {
            parsed = HtmlPage.parse(response);
            html = parsed;
        }
        return parsed;
    }

    /** What the page is (the article, a take-down notice, a captcha...), decided by its reader on first use. */
    PageVerdict verdict(PlatformReader reader) {
        PageVerdict v = verdict;
        if (v == null) {
            v = reader.classify(this);
            verdict = v;
        }
        return v;
    }
}
