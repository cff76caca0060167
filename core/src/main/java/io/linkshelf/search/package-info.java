/** The plain-text store under archive/text, grep over it, and {@link io.linkshelf.search.GrepJson}, grep's JSON format. */
@NullMarked
package io.linkshelf.search;

import org.jspecify.annotations.NullMarked;
