package io.linkshelf.extract;

import io.linkshelf.catalog.Platform;
import java.util.Optional;

/** Verdicts every platform shares: HTTP statuses that decide by themselves, and bodies that are not HTML. */
final class Responses {
    private Responses() {}

    /** The verdict the status alone gives, if it gives one (2xx does not). */
    static Optional<PageVerdict> byStatus(PageResponse r, Platform platform) {
        int s = r.status();
        PageVerdict v;
        if (s >= 200 && s < 300) {
            return Optional.empty();
        } else if (s == 401 || s == 403) {
            v = PageVerdict.of(PageState.BLOCKED, platform, "HTTP " + s);
        } else if (s == 429) {
            v = PageVerdict.of(PageState.BLOCKED, platform, "HTTP 429 (too many requests)");
        } else if (s >= 500) {
            v = PageVerdict.of(PageState.FAILED, platform, "server error (HTTP " + s + ")");
        } else if (s == 404 || s == 410) {
            v = PageVerdict.of(PageState.NOT_FOUND, platform, "HTTP " + s);
        } else if (s == 451) {
            v = PageVerdict.of(PageState.DELETED, platform, "HTTP 451 (unavailable for legal reasons)");
        } else if (s == 304) {
            v = PageVerdict.of(PageState.OK, platform, "not modified (HTTP 304)");
        } else if (s >= 300 && s < 400) {
            v = PageVerdict.of(PageState.FAILED, platform, "redirect not followed (HTTP " + s + ")");
        } else {
            v = PageVerdict.of(PageState.FAILED, platform, "HTTP " + s);
        }
        return Optional.of(v);
    }

    /** EMPTY or NOT_HTML for a successful body that cannot be read as HTML. */
    static Optional<PageVerdict> byBody(PageResponse r, Platform platform) {
        byte[] body = r.bytes();
        if (HtmlPage.isBlank(body)) {
            return Optional.of(PageVerdict.of(PageState.EMPTY, platform, "empty body"));
        }
        Optional<String> mediaType = r.contentType().map(HtmlPage::mediaType).filter(t -> !t.isEmpty());
        if (mediaType.isPresent() && !HtmlPage.isHtmlMediaType(mediaType.get())) {
            return Optional.of(PageVerdict.of(PageState.NOT_HTML, platform, "not HTML (" + mediaType.get() + ")"));
        }
        if (HtmlPage.looksBinary(body)) {
            return Optional.of(PageVerdict.of(PageState.NOT_HTML, platform,
                    "binary body" + mediaType.map(t -> " despite " + t).orElse("")));
        }
        if (mediaType.isEmpty() && !HtmlPage.looksLikeHtml(body)) {
            return Optional.of(PageVerdict.of(PageState.NOT_HTML, platform, "no Content-Type and no HTML markup"));
        }
        return Optional.empty();
    }
}
