package io.linkshelf.archive;

import io.linkshelf.snapshot.ArchiveLayout;
import io.linkshelf.snapshot.ManifestEntry;
import io.linkshelf.snapshot.ManifestStore;
import io.linkshelf.snapshot.SnapshotId;
import io.linkshelf.snapshot.SnapshotManifest;
import io.linkshelf.extract.Article;
import io.linkshelf.extract.ArticleExtractor;
import io.linkshelf.extract.PageResponse;
import io.linkshelf.warc.Capture;
import io.linkshelf.warc.CaptureReader;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The archive as the derived views read it: every snapshot manifest, and per article its distinct
 * versions in capture order. Built only from the snapshot manifests and the WARC files, so whatever
 * it feeds (mirror, text store, reports) can be rebuilt from those alone.
 */
public final class ArchiveView {

    private final Path archive;
    private final ArchiveLayout layout;
    private final List<SnapshotManifest> snapshots;
    private final Map<String, List<ArticleVersion>> versions = new LinkedHashMap<>();
    private final CaptureReader reader;

    private ArchiveView(ArchiveLayout layout, List<SnapshotManifest> snapshots) {
        this.archive = layout.root();
        this.layout = layout;
        this.snapshots = List.copyOf(snapshots);
        this.reader = new CaptureReader(layout.warc());
        for (SnapshotManifest snapshot : snapshots) {
            for (ManifestEntry entry : snapshot.entries()) {
                List<ArticleVersion> list = versions.computeIfAbsent(entry.key(), k -> new ArrayList<>());
                if (entry.content().isEmpty() || !entry.outcome().hasContent()) {
                    continue;
                }
                Capture content = entry.content().get();
                boolean known = list.stream().anyMatch(v -> v.content().responseRecordId().equals(content.responseRecordId()));
                if (!known) {
                    list.add(new ArticleVersion(entry.key(), snapshot.id(), entry, content));
                }
            }
        }
    }

    /** Reads every manifest under {@code archive/snapshots}, oldest first. */
    public static ArchiveView open(Path archive) throws IOException {
        return open(ArchiveLayout.of(archive));
    }

    /** Reads every manifest of the archive the layout describes; its mirror and reports paths are the views' own. */
    public static ArchiveView open(ArchiveLayout layout) throws IOException {
        ManifestStore store = new ManifestStore(layout.snapshots());
        List<SnapshotManifest> all = new ArrayList<>();
        for (SnapshotId id : store.ids()) {
            all.add(store.read(id));
        }
        return new ArchiveView(layout, all);
    }

    /** Where the archive's files, its mirror and its reports are. */
    public ArchiveLayout layout() {
        return layout;
    }

    public Path archive() {
        return archive;
    }

    /** Every snapshot, oldest first. */
    public List<SnapshotManifest> snapshots() {
        return snapshots;
    }

    /** The newest snapshot, finished or not: what the archive knows now. */
    public Optional<SnapshotManifest> newest() {
        return snapshots.isEmpty() ? Optional.empty() : Optional.of(snapshots.get(snapshots.size() - 1));
    }

    /** Every article key, in the order of the newest snapshot, then keys only older snapshots know. */
    public List<String> keys() {
        Set<String> keys = new java.util.LinkedHashSet<>();
        newest().ifPresent(n -> n.entries().forEach(e -> keys.add(e.key())));
        keys.addAll(versions.keySet());
        return List.copyOf(keys);
    }

    /** The article's distinct versions, oldest first; empty if no snapshot ever captured it. */
    public List<ArticleVersion> versions(String key) {
        return List.copyOf(versions.getOrDefault(key, List.of()));
    }

    public Optional<ArticleVersion> latestVersion(String key) {
        List<ArticleVersion> list = versions.getOrDefault(key, List.of());
        return list.isEmpty() ? Optional.empty() : Optional.of(list.get(list.size() - 1));
    }

    /** The article's entry in the newest snapshot that lists it: its current state (ok, deleted, blocked...). */
    public Optional<ManifestEntry> latestEntry(String key) {
        for (int i = snapshots.size() - 1; i >= 0; i--) {
            Optional<ManifestEntry> entry = snapshots.get(i).entry(key);
            if (entry.isPresent() && entry.get().outcome() != io.linkshelf.snapshot.Outcome.SKIPPED) {
                return entry;
            }
        }
        return Optional.empty();
    }

    /** The stored response of a capture: status, headers and decoded payload. */
    public CaptureReader.StoredResponse read(Capture capture) throws IOException {
        return reader.read(capture.filename(), capture.offset());
    }

    /** The article a version holds, extracted from its stored response; empty if the page holds none. */
    public Optional<Article> article(ArticleVersion version) throws IOException {
        return article(version, read(version.content()));
    }

    /**
     * The article a version holds, extracted from its stored response read elsewhere (the Hadoop jobs read
     * records from their input splits); the same extraction as {@link #article(ArticleVersion)}.
     */
    public static Optional<Article> article(ArticleVersion version, CaptureReader.StoredResponse stored) {
        URI seed = URI.create(version.entry().seedUrl());
        URI finalUrl = version.entry().finalUrl().map(URI::create).orElse(stored.target());
        PageResponse response = new PageResponse(seed, finalUrl, List.of(), stored.status(),
                stored.header("Content-Type"), stored.payload());
        return ArticleExtractor.extract(response);
    }

    /** The content records of every image the archive holds, by image URL (newest capture wins). */
    public Map<String, Capture> images() {
        Map<String, Capture> images = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        for (int i = snapshots.size() - 1; i >= 0; i--) {
            for (ManifestEntry entry : snapshots.get(i).entries()) {
                entry.images().forEach(image -> image.capture().ifPresent(c -> {
                    if (seen.add(image.url())) {
                        images.put(image.url(), c);
                    }
                }));
            }
        }
        return images;
    }
}
