package io.linkshelf.extract;

import io.linkshelf.catalog.Platform;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An article read out of one page.
 *
 * @param title never blank
 * @param author the WeChat account name (with the person's name in full-width parentheses when the page names a
 *     different one), the Zhihu author, or a generic page's author meta
 * @param published the publish time; for a Zhihu page that shows only 编辑于 it is the edit time (and edited is true)
 * @param edited Zhihu says 编辑于, or its {@code updated} is later than {@code created}; a generic page's modified
 *     time is later than its published time
 * @param sourceUrl the URL that was asked for
 * @param finalUrl the URL that answered
 * @param bodyHtml the body as clean HTML (allow-listed tags and attributes; no scripts, styles, forms or iframes),
 *     images carrying their real absolute URL in {@code src}
 * @param text plain text: paragraphs separated by blank lines, list items and code lines on their own lines
 * @param images the article's images in body order, deduped, as {@link ImageFinder} finds them
 * @param links the http(s) links of the body in order, without duplicates, redirect wrappers undone
 * @param wordCount CJK characters count one each, runs of other letters and digits one each
 */
public record Article(
        Platform platform,
        String title,
        Optional<String> author,
        Optional<Instant> published,
        boolean edited,
        URI sourceUrl,
        URI finalUrl,
        String bodyHtml,
        String text,
        List<ImageRef> images,
        List<URI> links,
        int wordCount) {

    public Article {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(published, "published");
        Objects.requireNonNull(sourceUrl, "sourceUrl");
        Objects.requireNonNull(finalUrl, "finalUrl");
        Objects.requireNonNull(bodyHtml, "bodyHtml");
        Objects.requireNonNull(text, "text");
        images = List.copyOf(images);
        links = List.copyOf(links);
        if (title.isBlank()) {
            throw new IllegalArgumentException("an article needs a title: " + finalUrl);
        }
        if (author.filter(String::isBlank).isPresent()) {
            throw new IllegalArgumentException("blank author for " + finalUrl);
        }
        if (wordCount < 0) {
            throw new IllegalArgumentException("negative word count " + wordCount + " for " + finalUrl);
        }
    }
}
