package io.linkshelf.crawl;

import io.linkshelf.snapshot.Outcome;
import io.linkshelf.snapshot.SnapshotId;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * A moment of a running crawl.
 *
 * @param snapshot the snapshot being taken
 * @param entries entries this run works on
 * @param byOutcome entries per outcome so far (pending included)
 * @param images images discovered so far
 * @param imagesDone images settled so far
 * @param waits hosts waiting for their politeness gap, and for how much longer
 * @param elapsed time since the run started
 * @param eta a rough estimate of the time this run has left: each host's pending pages, up to what its
 *     daily budget still allows, at its gap
 */
public record CrawlProgress(SnapshotId snapshot, int entries, Map<Outcome, Integer> byOutcome, int images, int imagesDone,
        Map<String, Duration> waits, Duration elapsed, Optional<Duration> eta) {

    public CrawlProgress {
        byOutcome = Map.copyOf(byOutcome);
        waits = Map.copyOf(waits);
    }

    /** Entries settled in this run or before (everything but pending). */
    public int settled() {
        return entries - byOutcome.getOrDefault(Outcome.PENDING, 0);
    }
}
