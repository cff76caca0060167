package io.linkshelf.archive;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.linkshelf.files.AtomicFiles;
import io.linkshelf.snapshot.ArchiveLayout;
import io.linkshelf.snapshot.ImageCapture;
import io.linkshelf.snapshot.ImageOutcome;
import io.linkshelf.snapshot.ManifestEntry;
import io.linkshelf.snapshot.ManifestStore;
import io.linkshelf.snapshot.Outcome;
import io.linkshelf.snapshot.SnapshotId;
import io.linkshelf.warc.Capture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The views' history of every article, folded from the manifests oldest first: per snapshot its summary, per
 * article its distinct versions and its current entry, per image URL its newest capture. Every manifest but
 * the newest rarely changes, so the fold up to the one before the newest is kept in
 * {@code archive/index/history.json} (derived: delete it and the next view folds every manifest again) with
 * each folded manifest's size and time; a view then reads that file and only the manifests after it. The fold also
 * keeps each article's step in every snapshot (outcome and reason, reasons shared), which its life story is told
 * from ({@link Stories}), so telling stories reads no manifest again.
 */
final class HistoryFold {

    private static final int FORMAT = 2; // 2: per article its steps and seed
    private static final ObjectMapper JSON = ManifestStore.jsonMapper();

    final List<ArchiveView.Snapshot> snapshots = new ArrayList<>();
    final Map<String, History> histories = new LinkedHashMap<>();
    final List<String> newestKeys = new ArrayList<>();
    final Map<String, Capture> images = new HashMap<>();
    final Map<String, Capture> goodImages = new HashMap<>();
    final Map<String, String> imageFailures = new HashMap<>();
    private final List<Stamp> folded = new ArrayList<>();
    /** A few distinct reasons, told thousands of times: one string each. */
    private final Map<String, String> reasons = new HashMap<>();

    /** One article across the snapshots: its distinct versions and its newest entry that is not skipped. */
    static final class History {
        final List<ArticleVersion> versions = new ArrayList<>(1);
        Optional<ManifestEntry> latest = Optional.empty();
        /** The article in every snapshot that lists it, oldest first. */
        final List<StepState> steps = new ArrayList<>(1);
        /** The seed URL and title of the newest snapshot that lists it, skipped or not. */
        String seedUrl = "";
        String seedTitle = "";
    }

    /**
     * An article in one snapshot.
     *
     * @param snapshot the snapshot's index in {@link #snapshots}
     * @param outcome the outcome's label
     * @param reason the manifest's reason
     */
    record StepState(int snapshot, String outcome, String reason) {}

    /** What a folded manifest was when it was folded: changed since, the fold is made again. */
    record Stamp(String id, long size, long modified, boolean journal) {}

    record SnapshotState(SnapshotId id, Instant start, Optional<Instant> end, boolean complete, int entries,
            Map<String, Integer> outcomes) {}

    record HistoryState(List<ArticleVersion> versions, Optional<ManifestEntry> latest, List<StepState> steps, String seedUrl,
            String seedTitle) {}

    record Saved(int format, List<Stamp> folded, List<SnapshotState> snapshots, Map<String, HistoryState> histories,
            List<String> newestKeys, Map<String, Capture> images, Map<String, Capture> goodImages,
            Map<String, String> imageFailures) {}

    /** The fold of every manifest of the archive, from the saved fold where it still holds. */
    static HistoryFold of(ArchiveLayout layout) throws IOException {
        ManifestStore store = new ManifestStore(layout.snapshots());
        List<SnapshotId> ids = store.ids();
        List<Stamp> stamps = new ArrayList<>();
        for (SnapshotId id : ids) {
            stamps.add(stamp(layout, id));
        }
        HistoryFold fold = load(layout.historyIndex(), stamps).orElseGet(HistoryFold::new);
        int from = fold.folded.size();
        for (int i = from; i < ids.size(); i++) {
            if (i == ids.size() - 1 && i > from) {
                fold.save(layout.historyIndex()); // everything but the newest, which a running crawl still rewrites
            }
            fold.add(store, ids.get(i), stamps.get(i));
        }
        return fold;
    }

    private static Stamp stamp(ArchiveLayout layout, SnapshotId id) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(layout.manifest(id), BasicFileAttributes.class);
        return new Stamp(id.value(), attributes.size(), attributes.lastModifiedTime().toMillis(),
                Files.exists(layout.journal(id)));
    }

    private void add(ManifestStore store, SnapshotId id, Stamp stamp) throws IOException {
        Map<Outcome, Integer> outcomes = new EnumMap<>(Outcome.class);
        List<String> keys = new ArrayList<>();
        // Within a snapshot the first mention of an image counts; a newer snapshot's then replaces an older one's.
        Map<String, Capture> snapshotImages = new HashMap<>();
        Map<String, Capture> snapshotGood = new HashMap<>();
        Map<String, String> snapshotFailures = new HashMap<>();
        int index = snapshots.size();
        ManifestStore.Header header = store.scan(id, entry -> {
            keys.add(entry.key());
            outcomes.merge(entry.outcome(), 1, Integer::sum);
            History history = histories.computeIfAbsent(entry.key(), k -> new History());
            history.steps.add(new StepState(index, entry.outcome().label(), reasons.computeIfAbsent(entry.reason(), r -> r)));
            history.seedUrl = entry.seedUrl();
            history.seedTitle = entry.seedTitle();
            if (entry.outcome() != Outcome.SKIPPED) {
                history.latest = Optional.of(entry);
            }
            if (entry.content().isPresent() && entry.outcome().hasContent()) {
                Capture content = entry.content().get();
                boolean known = history.versions.stream()
                        .anyMatch(v -> v.content().responseRecordId().equals(content.responseRecordId()));
                if (!known) {
                    history.versions.add(new ArticleVersion(entry.key(), id, entry, content));
                }
            }
            for (ImageCapture image : entry.images()) {
                image.capture().ifPresent(c -> snapshotImages.putIfAbsent(image.url(), c));
                Optional<Capture> good = image.capture().filter(c -> c.status() >= 200 && c.status() < 300)
                        .filter(c -> image.outcome() == ImageOutcome.OK || image.outcome() == ImageOutcome.CACHED);
                if (good.isPresent()) {
                    snapshotGood.putIfAbsent(image.url(), good.get());
                } else {
                    snapshotFailures.putIfAbsent(image.url(), image.reason().isBlank() ? image.outcome().label() : image.reason());
                }
            }
        });
        images.putAll(snapshotImages);
        goodImages.putAll(snapshotGood);
        imageFailures.putAll(snapshotFailures);
        snapshots.add(new ArchiveView.Snapshot(header.id(), header.start(), header.end(), header.complete(), keys.size(),
                outcomes));
        newestKeys.clear();
        newestKeys.addAll(keys);
        folded.add(stamp);
    }

    private void save(Path file) {
        Map<String, HistoryState> saved = new LinkedHashMap<>();
        histories.forEach((key, h) -> saved.put(key, new HistoryState(List.copyOf(h.versions), h.latest, List.copyOf(h.steps),
                h.seedUrl, h.seedTitle)));
        List<SnapshotState> states = snapshots.stream().map(s -> new SnapshotState(s.id(), s.start(), s.end(), s.complete(),
                s.entries(), s.outcomeLabels())).toList();
        try {
            AtomicFiles.replace(file, AtomicFiles.Durability.DERIVED, temp -> {
                try (var out = new java.io.BufferedOutputStream(Files.newOutputStream(temp))) {
                    JSON.writeValue(out, new Saved(FORMAT, folded, states, saved, newestKeys, images, goodImages,
                            imageFailures));
                }
            });
        } catch (IOException e) {
            // Only a cache: a read-only archive or a full disk costs the next view the fold, nothing else.
        }
    }

    private static Optional<HistoryFold> load(Path file, List<Stamp> stamps) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Saved saved;
        try {
            saved = JSON.readValue(file.toFile(), Saved.class);
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // damaged or from another version: fold again
        }
        if (saved.format() != FORMAT || saved.folded().size() > stamps.size()
                || !saved.folded().equals(stamps.subList(0, saved.folded().size()))) {
            return Optional.empty();
        }
        HistoryFold fold = new HistoryFold();
        fold.folded.addAll(saved.folded());
        for (SnapshotState s : saved.snapshots()) {
            Map<Outcome, Integer> outcomes = new EnumMap<>(Outcome.class);
            s.outcomes().forEach((label, n) -> outcomes.put(Outcome.fromLabel(label), n));
            fold.snapshots.add(new ArchiveView.Snapshot(s.id(), s.start(), s.end(), s.complete(), s.entries(), outcomes));
        }
        saved.histories().forEach((key, h) -> {
            History history = new History();
            history.versions.addAll(h.versions());
            history.latest = h.latest();
            h.steps().forEach(step -> history.steps.add(new StepState(step.snapshot(), step.outcome(),
                    fold.reasons.computeIfAbsent(step.reason(), r -> r))));
            history.seedUrl = h.seedUrl();
            history.seedTitle = h.seedTitle();
            fold.histories.put(key, history);
        });
        fold.newestKeys.addAll(saved.newestKeys());
        fold.images.putAll(saved.images());
        fold.goodImages.putAll(saved.goodImages());
        fold.imageFailures.putAll(saved.imageFailures());
        return Optional.of(fold);
    }
}
