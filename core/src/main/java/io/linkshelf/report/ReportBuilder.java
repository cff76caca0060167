package io.linkshelf.report;

import io.linkshelf.archive.ArchiveView;
import io.linkshelf.archive.ArticleStory;
import io.linkshelf.archive.ArticleVersion;
import io.linkshelf.archive.Stories;
import io.linkshelf.catalog.Placement;
import io.linkshelf.snapshot.ImageCapture;
import io.linkshelf.snapshot.ImageOutcome;
import io.linkshelf.snapshot.ManifestEntry;
import io.linkshelf.snapshot.Outcome;
import io.linkshelf.snapshot.SnapshotManifest;
import io.linkshelf.extract.Article;
import io.linkshelf.warc.Capture;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Builds reports and diffs from the archive's manifests and, for text diffs, its WARC files. */
final class ReportBuilder {

    private static final Set<Outcome> GONE = EnumSet.of(Outcome.DELETED, Outcome.NOT_FOUND);
    private static final Set<Outcome> LOST = EnumSet.of(Outcome.DELETED, Outcome.NOT_FOUND, Outcome.BLOCKED);
    private static final Set<Outcome> FINE = EnumSet.of(Outcome.OK, Outcome.UNCHANGED, Outcome.SKIPPED);

    private final ArchiveView view;
    private final Path reportDir;

    /** @param reportDir the folder the rendered report lives in; mirror links are relative to it */
    ReportBuilder(ArchiveView view, Path reportDir) {
        this.view = view;
        this.reportDir = reportDir;
    }

    SnapshotReport report(SnapshotManifest m) throws IOException {
        Optional<SnapshotManifest> previous = previous(m);
        Map<String, Integer> images = new LinkedHashMap<>();
        List<SnapshotReport.ImageProblem> imageProblems = new ArrayList<>();
        List<SnapshotDiff.ArticleRef> attention = new ArrayList<>();
        for (ManifestEntry e : m.entries()) {
            for (ImageCapture image : e.images()) {
                images.merge(image.outcome().label(), 1, Integer::sum);
                if (image.outcome() == ImageOutcome.FAILED || image.outcome() == ImageOutcome.TOO_LARGE) {
                    imageProblems.add(new SnapshotReport.ImageProblem(e.key(), title(e), image.url(), image.outcome().label(),
                            image.reason()));
                }
            }
            if (!FINE.contains(e.outcome())) {
                attention.add(ref(e, previous.flatMap(p -> p.entry(e.key()))));
            }
        }
        List<SnapshotReport.HostRow> hosts = new ArrayList<>();
        m.hosts().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(h -> hosts.add(new SnapshotReport.HostRow(
                h.getKey(), h.getValue().requests(), h.getValue().waitedMillis(), h.getValue().robotsExcluded(),
                h.getValue().crawlDelaySeconds(), h.getValue().stoppedReason())));
        SnapshotDiff changes = diff(previous, m);
        Stories stories = view.stories();
        List<ArticleStory> told = stories.all().stream().filter(ReportBuilder::eventful).toList();
        return new SnapshotReport(m.id().value(), m.start(), m.end(),
                m.end().map(end -> Duration.between(m.start(), end).toSeconds()), m.toolVersion(), sorted(m.options()),
                m.complete(), m.runs(), outcomeCounts(m.entries()), images, sections(m), hosts, attention, imageProblems,
                changes, stories.news(m.id()).headline(5), told);
    }

    /** A story worth telling in a report: anything but "alive and never changed". */
    private static boolean eventful(ArticleStory s) {
        return s.status() != ArticleStory.Status.ALIVE || !s.edits().isEmpty() || !s.blocked().isEmpty() || !s.cameBack().isEmpty();
    }

    SnapshotDiff diff(Optional<SnapshotManifest> from, SnapshotManifest to) throws IOException {
        List<SnapshotDiff.ArticleRef> added = new ArrayList<>();
        List<SnapshotDiff.Change> changed = new ArrayList<>();
        List<SnapshotDiff.ArticleRef> removed = new ArrayList<>();
        List<SnapshotDiff.ArticleRef> cameBack = new ArrayList<>();
        for (ManifestEntry now : to.entries()) {
            Optional<ManifestEntry> then = from.flatMap(f -> f.entry(now.key()));
            Optional<Outcome> before = then.map(ManifestEntry::outcome);
            if (now.outcome().hasContent()) {
                if (before.filter(LOST::contains).isPresent()) {
                    cameBack.add(ref(now, then));
                } else if (then.flatMap(ManifestEntry::content).isEmpty()) {
                    added.add(ref(now, then));
                } else if (differ(then.get().content().get(), now.content())) {
                    changed.add(change(now, then.get()));
                }
            } else if (GONE.contains(now.outcome()) && then.isPresent() && !before.filter(GONE::contains).isPresent()) {
                removed.add(ref(now, then));
            }
        }
        return new SnapshotDiff(from.map(f -> f.id().value()), to.id().value(), added, changed, removed, cameBack);
    }

    static Map<String, Integer> outcomeCounts(List<ManifestEntry> entries) {
        Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
        entries.forEach(e -> counts.merge(e.outcome(), 1, Integer::sum));
        Map<String, Integer> labels = new LinkedHashMap<>();
        counts.forEach((k, v) -> labels.put(k.label(), v));
        return labels;
    }

    private Optional<SnapshotManifest> previous(SnapshotManifest m) throws IOException {
        List<ArchiveView.Snapshot> all = view.snapshots();
        for (int i = 1; i < all.size(); i++) {
            if (all.get(i).id().equals(m.id())) {
                return Optional.of(view.manifest(all.get(i - 1).id()));
            }
        }
        return Optional.empty();
    }

    private static boolean differ(Capture then, Optional<Capture> now) {
        if (now.isEmpty() || now.get().responseRecordId().equals(then.responseRecordId())) {
            return false;
        }
        // a refetch of identical bytes (e.g. --refresh-images style re-captures) is not a change
        return then.payloadDigest().isEmpty() || !then.payloadDigest().equals(now.get().payloadDigest());
    }

    private SnapshotDiff.Change change(ManifestEntry now, ManifestEntry then) throws IOException {
        SnapshotDiff.ArticleRef ref = ref(now, Optional.of(then));
        Optional<Article> old = article(then.key(), then.content().orElseThrow());
        Optional<Article> fresh = article(now.key(), now.content().orElseThrow());
        if (old.isEmpty() || fresh.isEmpty()) {
            return new SnapshotDiff.Change(ref, TextDiff.of("", ""),
                    Optional.of("no article text could be read from " + (old.isEmpty() ? "the older" : "the newer") + " copy"));
        }
        TextDiff diff = TextDiff.of(old.get().text(), fresh.get().text());
        Optional<String> note = diff.isEmpty() ? Optional.of("the text is the same; only the page around it changed")
                : Optional.empty();
        return new SnapshotDiff.Change(ref, diff, note);
    }

    private Optional<Article> article(String key, Capture content) throws IOException {
        for (ArticleVersion version : view.versions(key)) {
            if (version.content().responseRecordId().equals(content.responseRecordId())) {
                return view.article(version);
            }
        }
        return Optional.empty();
    }

    SnapshotDiff.ArticleRef ref(ManifestEntry e, Optional<ManifestEntry> then) {
        Optional<String> mirror = view.latestVersion(e.key()).map(v -> mirrorLink(e.key()));
        return new SnapshotDiff.ArticleRef(e.key(), title(e), section(e.sections()), e.seedUrl(), e.outcome(),
                then.map(ManifestEntry::outcome), e.reason(), mirror);
    }

    private String mirrorLink(String key) {
        Path target = view.layout().mirrorPage(key).toAbsolutePath().normalize();
        Path relative = reportDir.toAbsolutePath().normalize().relativize(target);
        List<String> parts = new ArrayList<>();
        relative.forEach(p -> parts.add(URLEncoder.encode(p.toString(), StandardCharsets.UTF_8).replace("+", "%20")));
        return String.join("/", parts);
    }

    static String title(ManifestEntry e) {
        return e.article().title().filter(t -> !t.isBlank()).orElse(e.seedTitle());
    }

    static String section(List<Placement> placements) {
        if (placements.isEmpty()) {
            return "";
        }
        Placement first = placements.get(0);
        return first.author() + first.subsection().map(s -> " / " + s).orElse("");
    }

    private static List<SnapshotReport.SectionCounts> sections(SnapshotManifest m) {
        Map<String, List<ManifestEntry>> byAuthor = new LinkedHashMap<>();
        for (ManifestEntry e : m.entries()) {
            Set<String> authors = new LinkedHashSet<>();
            e.sections().forEach(p -> authors.add(p.author()));
            if (authors.isEmpty()) {
                authors.add("(no section)");
            }
            authors.forEach(a -> byAuthor.computeIfAbsent(a, k -> new ArrayList<>()).add(e));
        }
        List<SnapshotReport.SectionCounts> out = new ArrayList<>();
        byAuthor.forEach((author, entries) -> out.add(new SnapshotReport.SectionCounts(author, entries.size(),
                outcomeCounts(entries))));
        return out;
    }

    private static Map<String, String> sorted(Map<String, String> options) {
        return new java.util.TreeMap<>(options);
    }
}
