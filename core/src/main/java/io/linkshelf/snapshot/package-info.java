/**
 * The archive's data model and its storage: snapshot ids, manifests and their entries, the outcome
 * enums, the manifest store, the archive lock and {@link io.linkshelf.snapshot.ArchiveLayout}, which
 * names every path under {@code archive/} and {@code reports/}. Written by {@code crawl}; read by
 * {@code archive}, {@code mirror}, {@code search}, {@code report}, {@code cli} and {@code hadoop},
 * none of which imports {@code crawl}.
 */
@NullMarked
package io.linkshelf.snapshot;

import org.jspecify.annotations.NullMarked;
