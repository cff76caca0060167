package io.linkshelf.crawl;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The run's summary, and its report file under {@code reports/<snapshot>/report.json}: outcome
 * counts, per-host facts, and every entry that is not ok or unchanged with its reason.
 */
final class CrawlReport {

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new Jdk8Module())
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private CrawlReport() {}

    static CrawlSummary write(SnapshotManifest manifest, boolean resumed, Duration duration,
            Map<String, SnapshotManifest.HostSummary> hosts, List<String> notices, Path manifestPath, CrawlOptions options)
            throws IOException {
        Map<Outcome, Integer> byOutcome = new EnumMap<>(Outcome.class);
        Map<ImageOutcome, Integer> images = new EnumMap<>(ImageOutcome.class);
        for (ManifestEntry e : manifest.entries()) {
            byOutcome.merge(e.outcome(), 1, Integer::sum);
            e.images().forEach(i -> images.merge(i.outcome(), 1, Integer::sum));
        }
        Map<String, String> stopped = new LinkedHashMap<>();
        hosts.forEach((host, h) -> h.stoppedReason().ifPresent(r -> stopped.put(host, r)));

        Path dir = options.reports().resolve(manifest.id().value());
        Files.createDirectories(dir);
        Path report = dir.resolve("report.json");
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("snapshot", manifest.id().value());
        doc.put("start", manifest.start());
        doc.put("end", manifest.end());
        doc.put("complete", manifest.complete());
        doc.put("runs", manifest.runs());
        doc.put("toolVersion", manifest.toolVersion());
        doc.put("options", manifest.options());
        doc.put("outcomes", labels(byOutcome));
        doc.put("images", imageLabels(images));
        doc.put("hosts", hosts);
        doc.put("notices", notices);
        doc.put("attention", manifest.entries().stream()
                .filter(e -> !e.outcome().hasContent() && e.outcome() != Outcome.SKIPPED)
                .map(e -> Map.of("key", e.key(), "url", e.seedUrl(), "title", e.seedTitle(), "outcome", e.outcome().label(),
                        "reason", e.reason()))
                .toList());
        Path temp = dir.resolve(".report.json.tmp");
        JSON.writeValue(temp.toFile(), doc);
        Files.move(temp, report, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        return new CrawlSummary(manifest.id(), resumed, manifest.complete(), byOutcome, images, duration, stopped, notices,
                manifestPath, report);
    }

    private static Map<String, Integer> labels(Map<Outcome, Integer> counts) {
        Map<String, Integer> out = new LinkedHashMap<>();
        counts.forEach((k, v) -> out.put(k.label(), v));
        return out;
    }

    private static Map<String, Integer> imageLabels(Map<ImageOutcome, Integer> counts) {
        Map<String, Integer> out = new LinkedHashMap<>();
        counts.forEach((k, v) -> out.put(k.label(), v));
        return out;
    }
}
