package io.linkshelf.cli;

import io.linkshelf.catalog.SeedFileException;
import io.linkshelf.snapshot.ArchiveLock;
import picocli.CommandLine;

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
    /** An internal error: a bug in linkshelf (sysexits' EX_SOFTWARE). One line and "please report"; -v shows the trace. */
    public static final int INTERNAL = 70;

    private ExitCodes() {}

    /**
     * The one mapping from a failure to an exit code, for {@code linkshelf} and (through {@link #forJob}) for
     * {@code grep} and the Hadoop jobs: a typed {@link ExitCodeException} says its own code, a bad seed file or
     * command line is a usage error, any other checked failure of the world (I/O) is 1, and an unchecked
     * exception is a bug.
     */
    public static int forException(Throwable error) {
        if (error instanceof ExitCodeException typed) {
            return typed.exitCode();
        }
        if (error instanceof SeedFileException || error instanceof CommandLine.ParameterException) {
            return USAGE;
        }
        if (error instanceof ArchiveLock.ArchiveLockedException) {
            return ARCHIVE_UNUSABLE;
        }
        return isBug(error) ? INTERNAL : SOME_FAILED;
    }

    /** The code for grep-like front ends (grep, the Hadoop jobs): 2 for any error the user can act on, 70 for a bug. */
    public static int forJob(Throwable error) {
        return isBug(error) ? INTERNAL : USAGE;
    }

    /** Whether a failure is a bug: an unchecked exception that is not a typed failure or wrapped I/O. */
    public static boolean isBug(Throwable error) {
        if (error instanceof ExitCodeException || error instanceof CommandLine.ParameterException
                || error instanceof java.io.UncheckedIOException) {
            return false;
        }
        return error instanceof RuntimeException || error instanceof Error;
    }

    /** The one line a user sees for a failure; a bug says so and asks to be reported. */
    public static String describe(String tool, Throwable error) {
        String message = error.getMessage();
        String text = message == null || message.isBlank() ? error.getClass().getSimpleName() : message;
        if (isBug(error)) {
            return tool + ": internal error (" + error.getClass().getSimpleName() + ": " + text.lines().findFirst().orElse("")
                    + "); this is a bug, please report it with the command and the output of -v";
        }
        return tool + ": " + text;
    }
}
