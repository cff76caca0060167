package io.linkshelf.report;

import io.linkshelf.archive.ArticleStory;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a snapshot's report shows, built from its manifest and the WARC files alone.
 *
 * @param snapshot the snapshot id
 * @param start when it started
 * @param end when its last run ended, once one has
 * @param durationSeconds end minus start, once it ended
 * @param toolVersion the linkshelf version that wrote it last
 * @param options the options that matter to its outcomes
 * @param complete whether every entry is settled
 * @param runs how many runs worked on it
 * @param outcomes entries per outcome label, in the outcome classes' order
 * @param images images per outcome label
 * @param sections outcome counts per author section, in seed-list order
 * @param hosts per-host requests, politeness waits, robots.txt exclusions, stop reasons
 * @param attention every entry that is not ok, unchanged or skipped, with its reason
 * @param imageProblems every image that failed or was too large
 * @param changes what changed since the previous snapshot; for the first, every article it captured is new
 * @param news one line: what disappeared, came back, was edited or newly blocked in this snapshot
 * @param stories the life story of every article whose story is more than "alive, never changed"
 */
public record SnapshotReport(String snapshot, Instant start, Optional<Instant> end, Optional<Long> durationSeconds,
        String toolVersion, Map<String, String> options, boolean complete, int runs, Map<String, Integer> outcomes,
        Map<String, Integer> images, List<SectionCounts> sections, List<HostRow> hosts, List<SnapshotDiff.ArticleRef> attention,
        List<ImageProblem> imageProblems, SnapshotDiff changes, String news, List<ArticleStory> stories) {

    public SnapshotReport {
        Objects.requireNonNull(snapshot, "snapshot");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(news, "news");
        stories = List.copyOf(stories);
        Objects.requireNonNull(durationSeconds, "durationSeconds");
        Objects.requireNonNull(toolVersion, "toolVersion");
        options = ordered(options);
        outcomes = ordered(outcomes);
        images = ordered(images);
        sections = List.copyOf(sections);
        hosts = List.copyOf(hosts);
        attention = List.copyOf(attention);
        imageProblems = List.copyOf(imageProblems);
        Objects.requireNonNull(changes, "changes");
    }

    static <V> Map<String, V> ordered(Map<String, V> map) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }

    /** Outcome counts of one author section. */
    public record SectionCounts(String author, int articles, Map<String, Integer> outcomes) {
        public SectionCounts {
            Objects.requireNonNull(author, "author");
            outcomes = ordered(outcomes);
        }
    }

    /** One host's facts. */
    public record HostRow(String host, long requests, long waitedMillis, int robotsExcluded, Optional<Double> crawlDelaySeconds,
            Optional<String> stopped) {
        public HostRow {
            Objects.requireNonNull(host, "host");
            Objects.requireNonNull(crawlDelaySeconds, "crawlDelaySeconds");
            Objects.requireNonNull(stopped, "stopped");
        }
    }

    /** An image that could not be kept. */
    public record ImageProblem(String key, String title, String url, String outcome, String reason) {
        public ImageProblem {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(outcome, "outcome");
            Objects.requireNonNull(reason, "reason");
        }
    }
}
