package io.linkshelf.mirror;

import io.linkshelf.snapshot.SnapshotId;
import java.nio.file.Path;
import java.util.Objects;

/**
 * What one mirror build did.
 *
 * @param index the site's {@code index.html}
 * @param snapshot the newest snapshot the site shows
 * @param articles articles with a page
 * @param rendered articles whose pages were written in this build
 * @param skipped articles whose pages were unchanged and left alone
 * @param versionPages pages of earlier versions written in this build
 * @param imagesWritten image files written in this build
 * @param imageFiles image files the site holds
 * @param missingImages images shown as alt text because they were never captured (in pages written now)
 * @param siteBytes the size of the whole site directory
 * @param searchIndexBytes the size of {@code search-index.js}
 * @param searchTerms distinct tokens in the search index
 */
public record MirrorSummary(Path index, SnapshotId snapshot, int articles, int rendered, int skipped, int versionPages,
        int imagesWritten, int imageFiles, int missingImages, long siteBytes, long searchIndexBytes, int searchTerms) {

    public MirrorSummary {
        Objects.requireNonNull(index, "index");
        Objects.requireNonNull(snapshot, "snapshot");
    }

    /** The site directory. */
    public Path site() {
        return index.getParent();
    }
}
