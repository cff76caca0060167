package io.linkshelf.report;

/** The forms a report or a diff can be rendered in. */
public enum ReportFormat {
    /** A self-contained page: inline CSS and SVG, no scripts, nothing fetched. */
    HTML,
    /** The same facts for programs. */
    JSON,
    /** Markdown, for terminals, mail and issue trackers. */
    MD
}
