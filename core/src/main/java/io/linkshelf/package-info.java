/** linkshelf: durable, readable, searchable copies of a curated list of articles. */
@NullMarked
package io.linkshelf;

import org.jspecify.annotations.NullMarked;
