/** The offline site derived from the WARC files, its search index and packs. */
@NullMarked
package io.linkshelf.mirror;

import org.jspecify.annotations.NullMarked;
