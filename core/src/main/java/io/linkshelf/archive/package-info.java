/** The read side of the archive: snapshots, each article's distinct versions, their stored responses and extracted articles; shared by mirror, search and report. */
@NullMarked
package io.linkshelf.archive;

import org.jspecify.annotations.NullMarked;
