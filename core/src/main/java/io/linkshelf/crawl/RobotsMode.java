package io.linkshelf.crawl;

/** Whether robots.txt exclusions apply to the URLs the user listed (ARCHITECTURE.md, "robots.txt"). */
public enum RobotsMode {
    /** Fetch what the user listed; count what robots.txt would exclude; always honour its delays. */
    LISTED,
    /** Skip listed URLs robots.txt excludes (outcome {@code robots}). */
    OBEY
}
