package io.linkshelf.mirror;

import java.util.Objects;

/**
 * What the search index knows of one article page.
 *
 * @param path the page's path relative to the site root, e.g. {@code a/<key>.html}
 * @param title the article title
 * @param author the author or account, empty when unknown
 * @param date the publish date as shown, empty when unknown
 * @param text the article's plain text
 */
record SearchDoc(String path, String title, String author, String date, String text) {

    SearchDoc {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(text, "text");
    }
}
