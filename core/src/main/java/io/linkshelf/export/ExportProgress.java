package io.linkshelf.export;

/**
 * Told after each article is exported (or found unchanged). Books and notes are exported on several threads; the
 * export makes the calls one at a time, so an implementation needs no locking of its own.
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
