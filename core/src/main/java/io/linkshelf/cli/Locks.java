package io.linkshelf.cli;

import io.linkshelf.snapshot.ArchiveLock;
import java.io.IOException;
import java.nio.file.Path;

/** Takes the archive lock, turning every way that can fail into exit code 3 with one clear line. */
final class Locks {

    private Locks() {}

    static ArchiveLock acquire(Path archive) {
        try {
            return ArchiveLock.acquire(archive);
        } catch (ArchiveLock.ArchiveLockedException e) {
            throw new ArchiveUnusableException(e.getMessage(), e);
        } catch (IOException e) {
            throw new ArchiveUnusableException("cannot use the archive " + archive + ": " + e
                    + " (check that the directory exists, is writable and the disk has room)", e);
        }
    }
}
