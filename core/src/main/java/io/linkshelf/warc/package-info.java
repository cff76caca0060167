/**
 * Writes and reads WARC records (jwarc): the rolling writer, revisit de-duplication, the CDXJ index and
 * verification. Below {@code snapshot}: callers pass the paths ({@code ArchiveLayout} knows them).
 */
@NullMarked
package io.linkshelf.warc;

import org.jspecify.annotations.NullMarked;
