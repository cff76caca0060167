/** Parses a Markdown link list into a catalog of articles, with canonical URLs and file-name-safe article keys. */
@NullMarked
package io.linkshelf.catalog;

import org.jspecify.annotations.NullMarked;
