package io.linkshelf.snapshot;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One snapshot: its run facts and one entry per catalog entry (ARCHITECTURE.md, "Snapshot manifest").
 *
 * @param id the snapshot id, its UTC start time
 * @param start when the snapshot was started
 * @param end when its last run ended, once one has
 * @param toolVersion the linkshelf version that wrote it last
 * @param options the options that matter to its outcomes (delays, robots mode, budget)
 * @param complete whether every entry is settled (nothing pending)
 * @param runs how many runs (the first plus resumes) worked on it
 * @param entries one per catalog entry, in catalog order
 * @param hosts per-host facts of the runs: requests, politeness waits, robots.txt exclusions
 */
public record SnapshotManifest(
        SnapshotId id,
        Instant start,
        Optional<Instant> end,
        String toolVersion,
        Map<String, String> options,
        boolean complete,
        int runs,
        List<ManifestEntry> entries,
        Map<String, HostSummary> hosts) {

    public SnapshotManifest {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(toolVersion, "toolVersion");
        options = Map.copyOf(options);
        entries = List.copyOf(entries);
        hosts = Map.copyOf(hosts);
    }

    /** The entry of an article, if the snapshot has one. */
    public Optional<ManifestEntry> entry(String key) {
        return entries.stream().filter(e -> e.key().equals(key)).findFirst();
    }

    /**
     * Per-host facts of a snapshot.
     *
     * @param requests HTTP requests sent to the host
     * @param waitedMillis time spent waiting for the host's politeness gap
     * @param robotsExcluded listed URLs its robots.txt would exclude
     * @param crawlDelaySeconds the robots.txt Crawl-delay or Request-rate gap honoured, if any
     * @param stoppedReason why the host was stopped for the run, if it was
     */
    public record HostSummary(long requests, long waitedMillis, int robotsExcluded, Optional<Double> crawlDelaySeconds,
            Optional<String> stoppedReason) {
        public HostSummary {
            Objects.requireNonNull(crawlDelaySeconds, "crawlDelaySeconds");
            Objects.requireNonNull(stoppedReason, "stoppedReason");
        }
    }
}
