/** Pure functions from response bytes to facts about a page: its platform, its state (ok, deleted, blocked) and its images. */
@NullMarked
package io.linkshelf.extract;

import org.jspecify.annotations.NullMarked;
