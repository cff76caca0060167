package io.linkshelf.cli;

import org.jspecify.annotations.Nullable;

/** The archive directory is locked by another run, unwritable, or not an archive: exit 3. */
final class ArchiveUnusableException extends ExitCodeException {

    private static final long serialVersionUID = 1L;

    ArchiveUnusableException(String message, @Nullable Throwable cause) {
        super(ExitCodes.ARCHIVE_UNUSABLE, message, cause);
    }
}
