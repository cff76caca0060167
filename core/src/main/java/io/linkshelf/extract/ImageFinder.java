package io.linkshelf.extract;

import java.util.List;

/** Finds the images an article shows, in body order, deduped, as absolute http(s) URLs. */
public final class ImageFinder {
    private ImageFinder() {}

    /**
     * The images of the article body: WeChat {@code #js_content} (or an image post's picture list), the Zhihu
     * rich text (or its js-initialData / API copy), else the main content of a generic page. Empty for anything
     * that is not HTML with a body.
     */
    public static List<ImageRef> find(PageResponse response) {
        return find(new Page(response), PlatformReaders.of(response));
    }

    static List<ImageRef> find(Page page, PlatformReader reader) {
        PageResponse response = page.response();
        byte[] body = response.bytes();
        String mediaType = response.contentType().map(HtmlPage::mediaType).orElse("");
        boolean textual = mediaType.isEmpty() || HtmlPage.isHtmlMediaType(mediaType) || mediaType.endsWith("json");
        if (!textual || HtmlPage.isBlank(body) || HtmlPage.looksBinary(body)) {
            return List.of();
        }
        return reader.images(page);
    }
}
