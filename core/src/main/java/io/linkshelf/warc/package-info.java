/** Writes and reads WARC records (jwarc): the rolling writer, revisit de-duplication and the CDXJ index. */
@NullMarked
package io.linkshelf.warc;

import org.jspecify.annotations.NullMarked;
