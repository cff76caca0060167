/**
 * Pure functions from response bytes to facts about a page. One {@code PlatformReader} per platform (WeChat,
 * Zhihu, generic) recognises, classifies, extracts and finds images on a page parsed once; the public entry
 * points are {@link io.linkshelf.extract.PageClassifier}, {@link io.linkshelf.extract.ArticleExtractor} and
 * {@link io.linkshelf.extract.ImageFinder}.
 */
@NullMarked
package io.linkshelf.extract;

import org.jspecify.annotations.NullMarked;
