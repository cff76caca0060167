/** Snapshot reports and diffs between snapshots. */
@NullMarked
package io.linkshelf.report;

import org.jspecify.annotations.NullMarked;
