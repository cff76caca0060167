package io.linkshelf.cli;

import io.linkshelf.snapshot.ArchiveLayout;
import io.linkshelf.archive.ArchiveView;
import io.linkshelf.snapshot.SnapshotManifest;
import io.linkshelf.report.Reports;
import io.linkshelf.snapshot.ArchiveLock;
import io.linkshelf.snapshot.SnapshotId;
import io.linkshelf.search.TextStore;
import io.linkshelf.warc.WarcIndexer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Brings what is derived from the WARC files and manifests up to date: the CDXJ index, the text
 * store (and its grep index) and, on a rebuild, every snapshot's report. Principle 1 of
 * ARCHITECTURE.md: all of it can be rebuilt from WARC and manifests alone.
 */
final class DerivedViews {

    private DerivedViews() {}

    private static boolean upToDate(ArchiveLayout layout, SnapshotId id, SnapshotId previous) throws IOException {
        Path json = layout.reportJson(id);
        Path html = layout.reportHtml(id);
        if (!Files.isRegularFile(json) || !Files.isRegularFile(html)) {
            return false;
        }
        long written = Math.min(Files.getLastModifiedTime(json).toMillis(), Files.getLastModifiedTime(html).toMillis());
        if (Files.getLastModifiedTime(layout.manifest(id)).toMillis() >= written) {
            return false;
        }
        return previous == null || Files.getLastModifiedTime(layout.manifest(previous)).toMillis() < written;
    }

    /** After a crawl: index new WARC files (the crawl did), add new article versions to the text store. */
    @SuppressWarnings("try") // the views' lock is held for the try block's duration, never used by name
    static TextStore.Stats afterCrawl(Path archive) throws IOException {
        // waits for a mirror build that holds the views' lock rather than write the text store beside it
        try (ArchiveLock views = Locks.awaitViews(archive)) {
            return TextStore.update(archive);
        }
    }

    /** Before building the mirror: the same as after a crawl, or everything from scratch with {@code rebuild}. */
    static ArchiveView refresh(Path archive, Path reports, boolean rebuild) throws IOException {
        return refresh(ArchiveLayout.of(archive, reports), rebuild);
    }

    /**
     * The same, for the archive, reports and mirror the layout names (report links follow the mirror); returns
     * the view it read, for the mirror to build from without reading the manifests again.
     */
    static ArchiveView refresh(ArchiveLayout layout, boolean rebuild) throws IOException {
        Path archive = layout.root();
        Path cdxj = ArchiveLayout.of(archive).cdxj();
        if (rebuild) {
            Files.deleteIfExists(cdxj);
            Files.deleteIfExists(layout.historyIndex());
        }
        WarcIndexer.update(ArchiveLayout.of(archive).warc(), cdxj);
        ArchiveView view = ArchiveView.open(layout);
        if (rebuild) {
            TextStore.rebuild(view);
            SnapshotId previous = null;
            for (ArchiveView.Snapshot snapshot : view.snapshots()) {
                // A report newer than its manifest and the one before it is what a rewrite would write again: a year
                // of weekly snapshots must not make every rebuild read 104 manifests whole.
                if (!upToDate(layout, snapshot.id(), previous)) {
                    Reports.write(view, snapshot.id(), false);
                }
                previous = snapshot.id();
            }
            Reports.writeIndex(view, layout.reports());
        } else {
            TextStore.update(view);
        }
        return view;
    }
}
