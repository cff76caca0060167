package io.linkshelf.crawl;

import io.linkshelf.snapshot.SnapshotId;
import io.linkshelf.snapshot.SnapshotManifest;
import io.linkshelf.snapshot.ManifestEntry;
import io.linkshelf.snapshot.Outcome;
import io.linkshelf.snapshot.ManifestStore;
import io.linkshelf.Version;
import io.linkshelf.catalog.CatalogEntry;
import io.linkshelf.catalog.Placement;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Decides which snapshot a run works on (the unfinished newest one, or a new one) and which of its
 * entries the run still has to capture.
 */
final class SnapshotPlanner {

    private SnapshotPlanner() {}

    /** The manifest the run starts from: resumed entries keep their outcomes; the rest are pending or skipped. */
    static SnapshotManifest plan(CrawlOptions options, ManifestStore store, Instant now, Map<String, String> runOptions)
            throws IOException {
        Optional<SnapshotManifest> newest = store.newest();
        boolean resume = !options.newSnapshot() && newest.isPresent() && !newest.get().complete();
        SnapshotManifest base = resume
                ? newest.get()
                : new SnapshotManifest(freeId(store, now), now, Optional.empty(), Version.current(), runOptions,
                        false, 0, List.of(), Map.of());
        List<CatalogEntry> selected = select(options);
        List<ManifestEntry> entries = new ArrayList<>();
        for (CatalogEntry catalogEntry : options.catalog().entries()) {
            Optional<ManifestEntry> earlier = base.entry(catalogEntry.key());
            boolean chosen = selected.contains(catalogEntry);
            ManifestEntry fresh = ManifestEntry.pending(catalogEntry.key(), catalogEntry.url().toString(),
                    catalogEntry.placements(), catalogEntry.title());
            if (earlier.isPresent() && earlier.get().outcome().isSettled() && earlier.get().outcome() != Outcome.SKIPPED) {
                entries.add(earlier.get());
            } else if (chosen) {
                entries.add(earlier.filter(e -> e.outcome() == Outcome.PENDING).orElse(fresh));
            } else {
                entries.add(fresh.withOutcome(Outcome.SKIPPED, "not selected by --only / --limit"));
            }
        }
        // Articles a listed column named stay its members: in a resumed snapshot as they are (pending ones are queued
        // again), in a new one as pending entries, so a column page that answers 304 still has its series archived.
        if (options.expandColumns()) {
            java.util.Set<String> listed = new java.util.HashSet<>();
            entries.forEach(e -> listed.add(e.key()));
            if (resume) {
                base.entries().stream().filter(e -> !listed.contains(e.key())).forEach(entries::add);
            } else if (newest.isPresent()) {
                entries.addAll(ColumnMembers.carriedOver(newest.get(), entries));
            }
        }
        return new SnapshotManifest(base.id(), base.start(), Optional.empty(), Version.current(), runOptions, false,
                base.runs() + 1, entries, base.hosts());
    }

    /** Ids have one-second resolution; two runs in one second must still get two snapshots. */
    private static SnapshotId freeId(ManifestStore store, Instant now) throws IOException {
        List<SnapshotId> taken = store.ids();
        Instant t = now;
        SnapshotId id = SnapshotId.startingAt(t);
        while (taken.contains(id) || (!taken.isEmpty() && id.compareTo(taken.get(taken.size() - 1)) <= 0)) {
            t = t.plusSeconds(1);
            id = SnapshotId.startingAt(t);
        }
        return id;
    }

    /** The entries --only and --limit let through, in catalog order. */
    static List<CatalogEntry> select(CrawlOptions options) {
        List<CatalogEntry> selected = new ArrayList<>();
        for (CatalogEntry entry : options.catalog().entries()) {
            if (options.only().isPresent() && !matches(options.only().get(), entry)) {
                continue;
            }
            if (options.limit().isPresent() && selected.size() >= options.limit().getAsInt()) {
                break;
            }
            selected.add(entry);
        }
        return selected;
    }

    /** --only matches the title, the author section or sub-section, or the URL. */
    private static boolean matches(Pattern only, CatalogEntry entry) {
        List<String> haystack = new ArrayList<>(entry.titles());
        haystack.add(entry.url().toString());
        for (Placement p : entry.placements()) {
            haystack.add(p.author());
            p.subsection().ifPresent(haystack::add);
        }
        return haystack.stream().anyMatch(s -> only.matcher(s).find() || only.matcher(s.toLowerCase(Locale.ROOT)).find());
    }
}
