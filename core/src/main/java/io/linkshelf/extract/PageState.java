package io.linkshelf.extract;

/** What a fetched page turned out to be, as far as its content is concerned. */
public enum PageState {
    /** The article (or, for generic pages, some content) is there. */
    OK("ok"),
    /** The site says the content was removed or taken down, or its account is gone. */
    DELETED("deleted"),
    /** An anti-bot page: captcha, JavaScript challenge, rate-limit page, anti-crawl 401/403/429. */
    BLOCKED("blocked"),
    /** The site wants a logged-in user (login wall, sign-in redirect, followers-only). */
    LOGIN_REQUIRED("login-required"),
    /** 404/410, an expired or malformed link, or a redirect away from the article. */
    NOT_FOUND("not-found"),
    /** A successful HTML response in which no content was recognised. */
    EMPTY("empty"),
    /** A successful response that is not HTML (an image, a PDF, binary bytes). */
    NOT_HTML("not-html"),
    /** A server error or another status that says nothing about the content; the caller decides whether to retry. */
    FAILED("failed");

    private final String label;

    PageState(String label) {
        this.label = label;
    }

    /** The lower-case label used in reports and manifests, e.g. {@code not-found}. */
    public String label() {
        return label;
    }
}
