package io.linkshelf.cli;

/** The archive directory is locked by another run, unwritable, or not an archive. */
final class ArchiveUnusableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    ArchiveUnusableException(String message, Throwable cause) {
        super(message, cause);
    }
}
