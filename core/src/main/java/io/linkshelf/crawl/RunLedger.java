package io.linkshelf.crawl;

import io.linkshelf.snapshot.SnapshotId;
import io.linkshelf.snapshot.SnapshotManifest;
import io.linkshelf.snapshot.ManifestEntry;
import io.linkshelf.snapshot.ImageOutcome;
import io.linkshelf.snapshot.ManifestStore;
import io.linkshelf.Version;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The manifest of the snapshot being taken, kept in memory and written through to disk after
 * every change, so a crash loses at most the exchange in flight (principle 3, "nothing lost").
 * Thread-safe.
 */
final class RunLedger {

    private final ManifestStore store;
    private final SnapshotId id;
    private final Instant start;
    private final Map<String, String> options;
    private final int runs;
    private final Map<String, ManifestEntry> entries;
    private final Map<String, SnapshotManifest.HostSummary> hosts;
    private long lastWrite = System.nanoTime();

    private static final long REWRITE_NANOS = 2_000_000_000L;

    RunLedger(ManifestStore store, SnapshotManifest base, Map<String, String> options) {
        this.store = store;
        this.id = base.id();
        this.start = base.start();
        this.options = options;
        this.runs = base.runs();
        this.entries = new LinkedHashMap<>();
        base.entries().forEach(e -> entries.put(e.key(), e));
        this.hosts = new LinkedHashMap<>(base.hosts());
    }

    SnapshotId id() {
        return id;
    }

    synchronized Optional<ManifestEntry> entry(String key) {
        return Optional.ofNullable(entries.get(key));
    }

    synchronized List<ManifestEntry> entries() {
        return new ArrayList<>(entries.values());
    }

    /**
     * Changes one entry and makes the change durable: a line in the journal at once, the whole
     * manifest at most every {@link #REWRITE_NANOS} (rewriting a 1,100-entry manifest per image would
     * cost more than the crawl).
     */
    synchronized ManifestEntry update(String key, UnaryOperator<ManifestEntry> change) throws IOException {
        ManifestEntry entry = entries.get(key);
        if (entry == null) {
            throw new IllegalArgumentException("no manifest entry for " + key);
        }
        ManifestEntry changed = change.apply(entry);
        entries.put(key, changed);
        if (System.nanoTime() - lastWrite > REWRITE_NANOS) {
            write(Optional.empty());
        } else {
            store.journal(id, changed);
        }
        return changed;
    }

    /**
     * Adds an entry found during the run (a member of a listed column) unless the snapshot has one of that key: a listed
     * article stays as listed. The whole manifest is rewritten, because a journal line of an unknown key is not replayed.
     *
     * @return whether the entry was added
     */
    synchronized boolean add(ManifestEntry entry) throws IOException {
        if (entries.containsKey(entry.key())) {
            return false;
        }
        entries.put(entry.key(), entry);
        write(Optional.empty());
        return true;
    }

    synchronized void host(String host, UnaryOperator<SnapshotManifest.HostSummary> change) {
        hosts.put(host, change.apply(hosts.getOrDefault(host,
                new SnapshotManifest.HostSummary(0, 0, 0, Optional.empty(), Optional.empty()))));
    }

    synchronized Map<String, SnapshotManifest.HostSummary> hosts() {
        return new LinkedHashMap<>(hosts);
    }

    /** Writes the manifest; with an end time when the run is over. */
    synchronized SnapshotManifest write(Optional<Instant> end) throws IOException {
        SnapshotManifest manifest = new SnapshotManifest(id, start, end, Version.current(), options, isComplete(), runs,
                List.copyOf(entries.values()), hosts);
        store.write(manifest);
        lastWrite = System.nanoTime();
        return manifest;
    }

    /** Every entry and every image settled: nothing for a later run to continue. */
    synchronized boolean isComplete() {
        return entries.values().stream().allMatch(e -> e.outcome().isSettled()
                && e.images().stream().noneMatch(i -> i.outcome() == ImageOutcome.PENDING));
    }
}
