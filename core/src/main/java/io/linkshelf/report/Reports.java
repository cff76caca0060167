package io.linkshelf.report;

import io.linkshelf.archive.ArticleStory;
import io.linkshelf.files.AtomicFiles;
import io.linkshelf.snapshot.ArchiveLayout;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.linkshelf.archive.ArchiveView;
import io.linkshelf.snapshot.SnapshotId;
import io.linkshelf.snapshot.SnapshotManifest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Snapshot reports and diffs: built from the archive's manifests (and WARC files for text diffs),
 * rendered as HTML, JSON or Markdown, and written under {@code reports/}.
 */
public final class Reports {

    /** A duration the way the reports and the CLI say it: 42s, 3m05s, 2h07m. */
    public static String humanDuration(java.time.Duration d) {
        return Texts.duration(d);
    }

    /** Alias of the newest snapshot, finished or not. */
    public static final String LATEST = "latest";
    /** Alias of the snapshot before the newest. */
    public static final String PREVIOUS = "previous";

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new Jdk8Module())
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .setDefaultPropertyInclusion(JsonInclude.Include.NON_ABSENT);

    private Reports() {}

    /**
     * The life story of one article, named by its key or by a URL of it (any form the seed list could give).
     *
     * @return empty if no snapshot lists the article
     */
    public static Optional<ArticleStory> story(ArchiveView view, String keyOrUrl) throws IOException {
        String wanted = keyOrUrl.strip();
        String key = view.keys().contains(wanted) ? wanted : keyOf(wanted).orElse(wanted);
        if (!view.keys().contains(key)) {
            return Optional.empty();
        }
        return view.stories().story(key);
    }

    private static Optional<String> keyOf(String url) {
        try {
            java.net.URI uri = new java.net.URI(url);
            return uri.getScheme() == null || uri.getHost() == null ? Optional.empty()
                    : Optional.of(io.linkshelf.catalog.ArticleKeys.keyOf(uri));
        } catch (java.net.URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public static String render(ArticleStory story, ReportFormat format) {
        return switch (format) {
            case HTML -> StoryText.html(story);
            case JSON -> json(story);
            case MD -> StoryText.markdown(story);
        };
    }

    /** The news of a snapshot in one line: what disappeared, came back, changed or was newly blocked. */
    public static String news(ArchiveView view, SnapshotId snapshot) throws IOException {
        return view.stories().news(snapshot).headline(3);
    }

    /**
     * Writes {@code reports/<id>/report.json} and {@code report.html} for a snapshot and refreshes
     * {@code reports/index.html}; each file is replaced atomically.
     *
     * @return the report.html written
     * @throws IOException if the archive cannot be read or the reports folder written
     */
    public static Path write(Path archive, Path reportsDir, SnapshotId snapshot) throws IOException {
        return write(ArchiveLayout.of(archive, reportsDir), snapshot);
    }

    /**
     * Writes a snapshot's report where the layout puts it; its links to mirror pages point at the layout's
     * mirror (which {@code mirror --out} may have moved).
     */
    public static Path write(ArchiveLayout layout, SnapshotId snapshot) throws IOException {
        return write(ArchiveView.open(layout), snapshot, true);
    }

    /**
     * Writes a snapshot's report from a view already open (its layout says where), so writing every
     * snapshot's report reads the manifests once; {@code withIndex} also refreshes {@code reports/index.html}.
     */
    public static Path write(ArchiveView view, SnapshotId snapshot, boolean withIndex) throws IOException {
        ArchiveLayout layout = view.layout();
        SnapshotReport report = report(view, snapshot, layout.reports());
        Files.createDirectories(layout.reportDir(snapshot));
        writeAtomically(layout.reportJson(snapshot), render(report, ReportFormat.JSON));
        Path html = layout.reportHtml(snapshot);
        writeAtomically(html, render(report, ReportFormat.HTML));
        if (withIndex) {
            writeIndex(view, layout.reports());
        }
        return html;
    }

    /** Rewrites {@code reports/index.html} from every manifest of the archive. */
    public static void writeIndex(ArchiveView view, Path reportsDir) throws IOException {
        Files.createDirectories(reportsDir);
        writeAtomically(view.layout().withReports(reportsDir).reportsIndex(), ReportIndex.render(view.snapshots()));
    }

    /** The report of one snapshot; its mirror links are relative to {@code reports/<id>/}. */
    public static SnapshotReport report(ArchiveView view, SnapshotId snapshot, Path reportsDir) throws IOException {
        SnapshotManifest manifest = manifest(view, snapshot);
        return new ReportBuilder(view, view.layout().withReports(reportsDir).reportDir(snapshot)).report(manifest);
    }

    /** The changes from one snapshot to another (either may be the older). */
    public static SnapshotDiff diff(ArchiveView view, SnapshotId from, SnapshotId to, Path reportsDir) throws IOException {
        return new ReportBuilder(view, view.layout().withReports(reportsDir).reportDir(to)).diff(Optional.of(manifest(view, from)), manifest(view, to));
    }

    public static String render(SnapshotReport report, ReportFormat format) {
        return switch (format) {
            case HTML -> HtmlReport.report(report);
            case JSON -> json(report);
            case MD -> MarkdownReport.report(report);
        };
    }

    public static String render(SnapshotDiff diff, ReportFormat format) {
        return switch (format) {
            case HTML -> HtmlReport.diff(diff);
            case JSON -> json(diff);
            case MD -> MarkdownReport.diff(diff);
        };
    }

    /**
     * The snapshot an id or alias names: an exact id, {@value #LATEST} (the newest) or {@value #PREVIOUS}
     * (the one before it); empty if the archive has no such snapshot.
     */
    public static Optional<SnapshotId> resolve(ArchiveView view, String idOrAlias) {
        List<ArchiveView.Snapshot> all = view.snapshots();
        String wanted = idOrAlias.strip();
        if (wanted.equals(LATEST)) {
            return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1).id());
        }
        if (wanted.equals(PREVIOUS)) {
            return all.size() < 2 ? Optional.empty() : Optional.of(all.get(all.size() - 2).id());
        }
        return all.stream().map(ArchiveView.Snapshot::id).filter(id -> id.value().equals(wanted)).findFirst();
    }

    private static SnapshotManifest manifest(ArchiveView view, SnapshotId id) throws IOException {
        return view.manifest(id);
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot render a report as JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static void writeAtomically(Path target, String text) throws IOException {
        try {
            AtomicFiles.write(target, text);
        } catch (IOException e) {
            throw new IOException("cannot write report " + target + ": " + e.getMessage(), e);
        }
    }
}
