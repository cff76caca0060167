/**
 * The one way linkshelf writes a file: {@link io.linkshelf.files.AtomicFiles} (temp file beside the target,
 * fsync where the file is archive truth or its index, rename, the process umask's permissions). It sits
 * below every other package, {@code warc} included, so each of them can use it.
 */
@NullMarked
package io.linkshelf.files;

import org.jspecify.annotations.NullMarked;
