package io.linkshelf.crawl;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

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
 * @param report the run's report
 */
public record CrawlSummary(SnapshotId snapshot, boolean resumed, boolean complete, Map<Outcome, Integer> byOutcome,
        Map<ImageOutcome, Integer> imagesByOutcome, Duration duration, Map<String, String> stoppedHosts,
        List<String> notices, Path manifest, Path report) {

    public CrawlSummary {
        byOutcome = Map.copyOf(byOutcome);
        imagesByOutcome = Map.copyOf(imagesByOutcome);
        stoppedHosts = Map.copyOf(stoppedHosts);
        notices = List.copyOf(notices);
    }

    public int count(Outcome outcome) {
        return byOutcome.getOrDefault(outcome, 0);
    }
}
