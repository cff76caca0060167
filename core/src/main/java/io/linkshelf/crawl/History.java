package io.linkshelf.crawl;

import io.linkshelf.snapshot.SnapshotId;
import io.linkshelf.snapshot.SnapshotManifest;
import io.linkshelf.snapshot.ManifestEntry;
import io.linkshelf.snapshot.ImageCapture;
import io.linkshelf.snapshot.ImageOutcome;
import io.linkshelf.snapshot.ManifestStore;
import io.linkshelf.warc.Capture;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What earlier snapshots hold: per article the newest good content (for revisits and conditional
 * requests), per image URL the newest good capture (so images are not fetched twice).
 */
final class History {

    private final Map<String, ManifestEntry> lastGood = new HashMap<>();
    private final Map<String, Capture> images = new HashMap<>();

    /** Reads every manifest but the current one, newest first, keeping the newest good facts. */
    static History load(ManifestStore store, Optional<SnapshotId> except) throws IOException {
        History history = new History();
        List<SnapshotId> ids = store.ids();
        for (int i = ids.size() - 1; i >= 0; i--) {
            if (except.isPresent() && except.get().equals(ids.get(i))) {
                continue;
            }
            history.add(store.read(ids.get(i)));
        }
        return history;
    }

    /** Adds a manifest older than all added so far; newer facts already present win. */
    void add(SnapshotManifest manifest) {
        for (ManifestEntry entry : manifest.entries()) {
            if (entry.content().isPresent() && entry.outcome().hasContent()) {
                lastGood.putIfAbsent(entry.key(), entry);
            }
            for (ImageCapture image : entry.images()) {
                boolean good = image.outcome() == ImageOutcome.OK || image.outcome() == ImageOutcome.CACHED;
                if (good && image.capture().isPresent()) {
                    images.putIfAbsent(image.url(), image.capture().get());
                }
            }
        }
    }

    /** The newest entry of an article that held good content. */
    Optional<ManifestEntry> lastGood(String key) {
        return Optional.ofNullable(lastGood.get(key));
    }

    /** The newest good capture of an image URL. */
    Optional<Capture> image(String url) {
        return Optional.ofNullable(images.get(url));
    }

    /** Remembers an image captured in this run, so a second article showing it does not fetch it again. */
    synchronized void rememberImage(String url, Capture capture) {
        images.putIfAbsent(url, capture);
    }
}
