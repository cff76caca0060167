package io.linkshelf.catalog;

import java.io.IOException;
import java.nio.file.Path;

/** A seed list that cannot be read at all (missing, unreadable, a directory). */
public final class SeedFileException extends IOException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;

    public SeedFileException(Path file, String problem, Throwable cause) {
        super("cannot read seed list " + file + ": " + problem, cause);
        this.file = file;
    }

    /** The file that could not be read. */
    public Path file() {
        return file;
    }
}
