package io.linkshelf.export;

import io.linkshelf.archive.ArchiveView;
import io.linkshelf.snapshot.ArchiveLayout;
import java.io.IOException;
import java.nio.file.Files;

/**
 * Exports the archive for reading elsewhere: EPUB books or Markdown notes, built from the snapshot manifests and WARC
 * files alone, like the mirror. Never touches the network; rewrites only what changed since the last export; every
 * file is written whole (temp file and rename), so an interrupted export leaves the previous files intact.
 */
public final class Export {

    private Export() {}

    public static ExportSummary run(ExportOptions options, ExportProgress progress) throws IOException {
        ArchiveLayout layout = ArchiveLayout.of(options.archive());
        if (!Files.isDirectory(layout.snapshots())) {
            throw new IOException("no archive at " + options.archive() + " (no snapshots/ folder): run linkshelf crawl first");
        }
        ArchiveView view = ArchiveView.open(layout);
        if (view.newest().isEmpty()) {
            throw new IOException("no snapshot in " + layout.snapshots() + ": run linkshelf crawl first");
        }
        Shelf shelf = Shelf.of(view, options.only(), options.author());
        if (shelf.isEmpty()) {
            throw new NothingToExportException("nothing to export: no article of the list matches"
                    + options.author().map(a -> " --author '" + a + "'").orElse("")
                    + options.only().map(o -> " --only '" + o.pattern() + "'").orElse(""));
        }
        return switch (options.format()) {
            case EPUB -> EpubExport.run(view, shelf, options, progress);
            case MD -> MarkdownExport.run(view, shelf, options, progress);
        };
    }

    /** {@code --only} or {@code --author} left no article: the command line asked for nothing (a usage error). */
    public static final class NothingToExportException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        NothingToExportException(String message) {
            super(message);
        }
    }
}
