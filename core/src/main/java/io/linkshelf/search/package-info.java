/** The plain-text store under archive/text and grep over it. */
@NullMarked
package io.linkshelf.search;

import org.jspecify.annotations.NullMarked;
