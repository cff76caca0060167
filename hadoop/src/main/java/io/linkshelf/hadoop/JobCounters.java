package io.linkshelf.hadoop;

/** What the jobs count; the driver prints them when a job ends. */
enum JobCounters {
    /** WARC records read, of every type. */
    RECORDS,
    /** Records holding an article version the archive's manifests name. */
    VERSIONS,
    /** Versions whose page held no article (nothing written, nothing searched). */
    NO_ARTICLE,
    /** Versions searched by the grep job (latest only, or all with --all-versions). */
    SEARCHED,
    /** Versions with at least one matching line. */
    MATCHING_ARTICLES,
    /** Matching lines. */
    MATCHING_LINES,
    /** Text files written by the text job. */
    FILES_WRITTEN
}
