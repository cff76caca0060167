package io.linkshelf.archive;

import io.linkshelf.snapshot.ManifestEntry;
import io.linkshelf.snapshot.SnapshotId;
import io.linkshelf.warc.Capture;
import java.util.Objects;

/**
 * One distinct content of an article: the response record that holds it and the first snapshot
 * that captured it. Revisits in later snapshots do not make new versions.
 *
 * @param key the article key
 * @param snapshot the snapshot that first captured this content
 * @param entry that snapshot's manifest entry for the article
 * @param content the response record holding the page
 */
public record ArticleVersion(String key, SnapshotId snapshot, ManifestEntry entry, Capture content) {

    public ArticleVersion {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(snapshot, "snapshot");
        Objects.requireNonNull(entry, "entry");
        Objects.requireNonNull(content, "content");
    }
}
