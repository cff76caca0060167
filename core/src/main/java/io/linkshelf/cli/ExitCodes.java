package io.linkshelf.cli;

import io.linkshelf.catalog.SeedFileException;

/** The process exit codes promised in ARCHITECTURE.md, in one place. */
public final class ExitCodes {

    /** Success; a crawl may hold deleted, blocked or robots outcomes and still succeed. */
    public static final int OK = 0;
    /** The run finished but some entries failed (for grep: no match). */
    public static final int SOME_FAILED = 1;
    /** The command line or an input file was unusable. */
    public static final int USAGE = 2;
    /** The archive is locked by another run or cannot be used. */
    public static final int ARCHIVE_UNUSABLE = 3;
    /** Verification found damage. */
    public static final int DAMAGED = 4;
    /** A crawl could reach no article host at all (no network, a dead proxy); every entry stays pending. */
    public static final int NO_NETWORK = 5;

    private ExitCodes() {}

    static int forException(Throwable error) {
        if (error instanceof SeedFileException || error instanceof IllegalArgumentException) {
            return USAGE;
        }
        if (error instanceof ArchiveUnusableException) {
            return ARCHIVE_UNUSABLE;
        }
        return SOME_FAILED;
    }
}
