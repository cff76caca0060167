package io.linkshelf.mirror;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What to build the mirror from and where.
 *
 * @param archive the archive root (its manifests and WARC files are the only input)
 * @param out the site directory, e.g. {@code archive/mirror}
 * @param reports the reports root; snapshots whose {@code <id>/report.html} exists there are linked
 * @param rebuild build every page from scratch instead of only what changed
 */
public record MirrorOptions(Path archive, Path out, Path reports, boolean rebuild) {

    public MirrorOptions {
        Objects.requireNonNull(archive, "archive");
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(reports, "reports");
    }
}
