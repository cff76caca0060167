package io.linkshelf.archive;

import io.linkshelf.extract.Article;
import io.linkshelf.extract.ArticleExtractor;
import io.linkshelf.extract.PageResponse;
import io.linkshelf.snapshot.ArchiveLayout;
import io.linkshelf.snapshot.ManifestEntry;
import io.linkshelf.snapshot.ManifestStore;
import io.linkshelf.snapshot.Outcome;
import io.linkshelf.snapshot.SnapshotId;
import io.linkshelf.snapshot.SnapshotManifest;
import io.linkshelf.warc.Capture;
import io.linkshelf.warc.CaptureReader;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The archive as the derived views read it: a summary of every snapshot and, per article, its history —
 * its distinct versions in capture order and its current entry. Built once per view by streaming the
 * manifests entry by entry (oldest first; {@link HistoryFold} keeps the fold of all but the newest under
 * {@code archive/index/}, so a view reads only manifests it has not seen), so memory holds the articles'
 * histories and one entry at a time, never every manifest; a whole manifest is read only when asked for
 * ({@link #manifest}). Built
 * only from the snapshot manifests and the WARC files, so whatever it feeds (mirror, text store,
 * reports, exports) can be rebuilt from those alone.
 */
public final class ArchiveView {

    private final ArchiveLayout layout;
    private final List<Snapshot> snapshots;
    /** Every key any snapshot lists, in first-seen order, with its history. */
    private final Map<String, HistoryFold.History> histories;
    /** The keys of the newest snapshot, in its order. */
    private final List<String> newestKeys;
    private final Map<String, Capture> images;
    private final Map<String, Capture> goodImages;
    private final Map<String, String> imageFailures;
    private final CaptureReader reader;
    /** Told on first use: the report, the news and the mirror of one view share one telling. */
    private @Nullable Stories stories;

    /**
     * One snapshot as the views list it: its run facts and outcome counts, without its entries.
     *
     * @param id the snapshot id
     * @param start when it was started
     * @param end when its last run ended, once one has
     * @param complete whether every entry is settled
     * @param entries how many catalog entries it lists
     * @param outcomes how many entries ended in each outcome, in the enum's order, zeros left out
     */
    public record Snapshot(SnapshotId id, Instant start, Optional<Instant> end, boolean complete, int entries,
            Map<Outcome, Integer> outcomes) {
        public Snapshot {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(start, "start");
            Objects.requireNonNull(end, "end");
            outcomes = java.util.Collections.unmodifiableMap(new EnumMap<>(outcomes.isEmpty()
                    ? new EnumMap<Outcome, Integer>(Outcome.class) : outcomes));
        }

        /** The outcome counts by label ({@code not-found}), in the enum's order. */
        public Map<String, Integer> outcomeLabels() {
            Map<String, Integer> labels = new LinkedHashMap<>();
            outcomes.forEach((o, n) -> labels.put(o.label(), n));
            return labels;
        }
    }

    private ArchiveView(ArchiveLayout layout, HistoryFold fold) {
        this.layout = layout;
        this.snapshots = List.copyOf(fold.snapshots);
        this.histories = fold.histories;
        this.newestKeys = List.copyOf(fold.newestKeys);
        this.images = fold.images;
        this.goodImages = fold.goodImages;
        this.imageFailures = fold.imageFailures;
        this.reader = new CaptureReader(layout.warc());
    }

    /** Reads every manifest under {@code archive/snapshots}, oldest first. */
    public static ArchiveView open(Path archive) throws IOException {
        return open(ArchiveLayout.of(archive));
    }

    /**
     * Reads the archive the layout describes (its mirror and reports paths are the views' own): the saved history
     * index ({@code archive/index/history.json}) and whatever manifests it does not hold yet, streamed.
     */
    public static ArchiveView open(ArchiveLayout layout) throws IOException {
        return new ArchiveView(layout, HistoryFold.of(layout));
    }

    /** Where the archive's files, its mirror and its reports are. */
    public ArchiveLayout layout() {
        return layout;
    }

    public Path archive() {
        return layout.root();
    }

    /** Every snapshot, oldest first. */
    public List<Snapshot> snapshots() {
        return snapshots;
    }

    /** The newest snapshot, finished or not: what the archive knows now. */
    public Optional<Snapshot> newest() {
        return snapshots.isEmpty() ? Optional.empty() : Optional.of(snapshots.get(snapshots.size() - 1));
    }

    /** A whole manifest, read from disk now (the view keeps none): for a report of that snapshot. */
    public SnapshotManifest manifest(SnapshotId id) throws IOException {
        if (snapshots.stream().noneMatch(s -> s.id().equals(id))) {
            throw new IllegalArgumentException("no snapshot " + id + " in " + archive());
        }
        return new ManifestStore(layout.snapshots()).read(id);
    }

    /**
     * Every article's life story and the news of each snapshot, told once per view from the folded steps (no
     * manifest is read again); edits read the texts of articles with more than one version.
     */
    public synchronized Stories stories() throws IOException {
        if (stories == null) {
            stories = Stories.of(this);
        }
        return stories;
    }

    /** Every article key, in the order of the newest snapshot, then keys only older snapshots know. */
    public List<String> keys() {
        Set<String> keys = new LinkedHashSet<>(newestKeys);
        keys.addAll(histories.keySet());
        return List.copyOf(keys);
    }

    /** The article's distinct versions, oldest first; empty if no snapshot ever captured it. */
    public List<ArticleVersion> versions(String key) {
        HistoryFold.History history = histories.get(key);
        return history == null ? List.of() : List.copyOf(history.versions);
    }

    /**
     * The article in every snapshot that lists it, oldest first: its outcome there and the manifest's reason, from
     * the fold (no manifest is read again); its life story is told from these ({@link #stories()}).
     */
    public List<ArticleStory.Step> steps(String key) {
        HistoryFold.History history = histories.get(key);
        if (history == null) {
            return List.of();
        }
        List<ArticleStory.Step> steps = new java.util.ArrayList<>(history.steps.size());
        for (HistoryFold.StepState step : history.steps) {
            Snapshot snapshot = snapshots.get(step.snapshot());
            steps.add(new ArticleStory.Step(snapshot.id(), snapshot.start(), Outcome.fromLabel(step.outcome()), step.reason()));
        }
        return steps;
    }

    /** The seed URL and title the newest snapshot that lists the article gave it (skipped or not). */
    public Optional<SeedLink> seed(String key) {
        HistoryFold.History history = histories.get(key);
        return history == null ? Optional.empty() : Optional.of(new SeedLink(history.seedUrl, history.seedTitle));
    }

    /**
     * An article as the seed list named it.
     *
     * @param url the seed URL
     * @param title the link text; may be empty
     */
    public record SeedLink(String url, String title) {
        public SeedLink {
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(title, "title");
        }
    }

    public Optional<ArticleVersion> latestVersion(String key) {
        HistoryFold.History history = histories.get(key);
        return history == null || history.versions.isEmpty() ? Optional.empty()
                : Optional.of(history.versions.get(history.versions.size() - 1));
    }

    /** The article's entry in the newest snapshot that lists it: its current state (ok, deleted, blocked...). */
    public Optional<ManifestEntry> latestEntry(String key) {
        HistoryFold.History history = histories.get(key);
        return history == null ? Optional.empty() : history.latest;
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
        return java.util.Collections.unmodifiableMap(images);
    }

    /** The newest good (2xx, ok or cached) capture of each image URL that has one. */
    public Map<String, Capture> goodImages() {
        return java.util.Collections.unmodifiableMap(goodImages);
    }

    /** Why an image has no good capture, in a few words, by URL (the newest snapshot's word). */
    public Map<String, String> imageFailures() {
        return java.util.Collections.unmodifiableMap(imageFailures);
    }
}
