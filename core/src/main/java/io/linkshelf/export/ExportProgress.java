package io.linkshelf.export;

/**
 * Told after each article is exported (or found unchanged), on the exporting thread; for a progress line.
 */
@FunctionalInterface
public interface ExportProgress {

    ExportProgress SILENT = (done, total, current) -> {};

    /**
     * @param done articles handled so far
     * @param total articles to handle
     * @param current the file being written, e.g. {@code 石塔西.epub}
     */
    void onArticle(int done, int total, String current);
}
