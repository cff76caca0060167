package io.linkshelf.cli;

import io.linkshelf.snapshot.ArchiveLock;
import java.io.IOException;
import java.nio.file.Path;

/** Takes the archive lock, turning every way that can fail into exit code 3 with one clear line. */
final class Locks {

    private Locks() {}

    static ArchiveLock acquire(Path archive) {
        return take(archive, () -> ArchiveLock.acquire(archive));
    }

    /** The derived views' lock (mirror, text store): a second build exits 3 naming the first. */
    static ArchiveLock views(Path archive) {
        return take(archive, () -> ArchiveLock.acquireViews(archive));
    }

    /** The derived views' lock, waiting for a build that holds it. */
    static ArchiveLock awaitViews(Path archive) {
        return take(archive, () -> ArchiveLock.awaitViews(archive));
    }

    private interface Taking {
        ArchiveLock take() throws IOException;
    }

    private static ArchiveLock take(Path archive, Taking taking) {
        try {
            return taking.take();
        } catch (ArchiveLock.ArchiveLockedException e) {
            throw new ArchiveUnusableException(e.getMessage(), e);
        } catch (IOException e) {
            throw new ArchiveUnusableException("cannot use the archive " + archive + ": " + e
                    + " (check that the directory exists, is writable and the disk has room)", e);
        }
    }
}
