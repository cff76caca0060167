package io.linkshelf.export;

/** Counts handled articles across the export's threads and tells the progress of each, one call at a time. */
final class ProgressCounter {

    private final ExportProgress progress;
    private final int total;
    private int done;

    ProgressCounter(ExportProgress progress, int total) {
        this.progress = progress;
        this.total = total;
    }

    synchronized void add(int articles, String current) {
        done += articles;
        progress.onArticle(done, total, current);
    }
}
