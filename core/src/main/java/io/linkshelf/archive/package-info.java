/**
 * The read side of the archive, shared by every view (mirror, search, report, hadoop, exports): {@link
 * io.linkshelf.archive.ArchiveView} with its own {@code Snapshot} summaries and, per article, its distinct
 * versions and current entry, folded once from the streamed manifests (kept in {@code archive/index/history.json});
 * stored responses and extracted articles; every article's life story ({@link io.linkshelf.archive.Stories},
 * streamed from the manifests one at a time); {@link io.linkshelf.archive.Html}, the one HTML escaper.
 */
@NullMarked
package io.linkshelf.archive;

import org.jspecify.annotations.NullMarked;
