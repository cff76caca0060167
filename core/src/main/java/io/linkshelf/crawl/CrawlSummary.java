package io.linkshelf.crawl;

import io.linkshelf.snapshot.ImageOutcome;
import io.linkshelf.snapshot.ManifestEntry;
import io.linkshelf.snapshot.Outcome;
import io.linkshelf.snapshot.SnapshotId;
import io.linkshelf.snapshot.SnapshotManifest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a crawl run did, for the closing paragraph and the exit code.
 *
 * @param snapshot the snapshot the run worked on
 * @param resumed whether it continued an unfinished snapshot
 * @param complete whether the snapshot is now complete
 * @param byOutcome catalog entries per outcome class
 * @param imagesByOutcome images per outcome class
 * @param duration how long the run took
 * @param stoppedHosts hosts stopped for the run, with why
 * @param notices messages given during the run
 * @param manifest the snapshot manifest
 * @param offline when no article host could be reached at all, the one-line reason, e.g.
 *     "no network? mp.weixin.qq.com: unknown host"
 */
public record CrawlSummary(SnapshotId snapshot, boolean resumed, boolean complete, Map<Outcome, Integer> byOutcome,
        Map<ImageOutcome, Integer> imagesByOutcome, Duration duration, Map<String, String> stoppedHosts,
        List<String> notices, Path manifest, Optional<String> offline) {

    public CrawlSummary {
        byOutcome = Map.copyOf(byOutcome);
        imagesByOutcome = Map.copyOf(imagesByOutcome);
        stoppedHosts = Map.copyOf(stoppedHosts);
        notices = List.copyOf(notices);
        java.util.Objects.requireNonNull(offline, "offline");
    }

    public int count(Outcome outcome) {
        return byOutcome.getOrDefault(outcome, 0);
    }

    /** The summary of a run from its finished manifest. */
    static CrawlSummary of(SnapshotManifest manifest, boolean resumed, Duration duration,
            Map<String, SnapshotManifest.HostSummary> hosts, List<String> notices, Path manifestPath,
            Optional<String> offline) {
        Map<Outcome, Integer> byOutcome = new java.util.EnumMap<>(Outcome.class);
        Map<ImageOutcome, Integer> images = new java.util.EnumMap<>(ImageOutcome.class);
        for (ManifestEntry e : manifest.entries()) {
            byOutcome.merge(e.outcome(), 1, Integer::sum);
            e.images().forEach(i -> images.merge(i.outcome(), 1, Integer::sum));
        }
        Map<String, String> stopped = new java.util.LinkedHashMap<>();
        hosts.forEach((host, h) -> h.stoppedReason().ifPresent(r -> stopped.put(host, r)));
        return new CrawlSummary(manifest.id(), resumed, manifest.complete(), byOutcome, images, duration, stopped, notices,
                manifestPath, offline);
    }
}
