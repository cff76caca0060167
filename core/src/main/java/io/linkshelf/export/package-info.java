/** EPUB books and Markdown notes derived from the archive alone: a reading copy of the list, rebuildable at any time. */
@NullMarked
package io.linkshelf.export;

import org.jspecify.annotations.NullMarked;
