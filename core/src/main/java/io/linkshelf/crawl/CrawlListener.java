package io.linkshelf.crawl;

/**
 * Hears how a crawl is going. Called from the crawl's own threads; implementations must be quick
 * and thread-safe (the CLI only stores the latest progress and prints it on its own schedule).
 */
public interface CrawlListener {

    /** The state of the run, about once a second. */
    void onProgress(CrawlProgress progress);

    /** Something the user should read now, e.g. a host stopped after repeated blocks. */
    default void onNotice(String message) {}

    CrawlListener SILENT = progress -> { };
}
