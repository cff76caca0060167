package io.linkshelf.cli;

/** How {@code linkshelf seeds} prints the catalog. */
enum SeedsFormat {
    TABLE,
    JSON,
    CSV
}
