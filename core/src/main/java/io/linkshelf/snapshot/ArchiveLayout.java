package io.linkshelf.snapshot;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where everything lives: every path under {@code archive/} and {@code reports/} (ARCHITECTURE.md,
 * "Archive layout"), the mirror's site directory, which {@code mirror --out} may put elsewhere, and the
 * exports' default directory beside {@code reports/}.
 * The only place that spells these names; everything else asks this value.
 *
 * <pre>
 * archive/warc/                      WARC files ({@link #warc()})
 * archive/index/captures.cdxj        the CDXJ index ({@link #cdxj()})
 * archive/index/grep/                the grep index ({@link #grepIndex()})
 * archive/index/history.json         the views' per-article history, derived ({@link #historyIndex()})
 * archive/snapshots/&lt;id&gt;.json        manifests, and &lt;id&gt;.journal ({@link #manifest}, {@link #journal})
 * archive/text/, text/.history/      the text store ({@link #text()}, {@link #textHistory()})
 * archive/mirror/ (or --out)         the offline site; pages a/&lt;key&gt;.html ({@link #mirrorPage})
 * archive/packs/                     zip, tar.gz and WACZ packs ({@link #packs()})
 * archive/quarantine/                damaged WARC files moved aside ({@link #quarantine()})
 * archive/state/                     the lock, the crawl frontier, view locks, the daily budget, https-only hosts ({@link #state()})
 * reports/&lt;id&gt;/report.{html,json}, reports/index.html ({@link #reportHtml}, {@link #reportsIndex()})
 * exports/ (beside reports/)         EPUB and Markdown exports by default ({@link #exports()})
 * </pre>
 *
 * @param root the archive root
 * @param reports the reports root (default {@code reports} in the working directory)
 * @param mirror the mirror's site directory (default {@code <archive>/mirror})
 */
public record ArchiveLayout(Path root, Path reports, Path mirror) {

    /** The mirror's image directory, relative to the site root. */
    public static final String MIRROR_IMAGES = "img";
    /** The mirror's search index script, relative to the site root. */
    public static final String MIRROR_SEARCH_INDEX = "search-index.js";
    /** The mirror's front page, relative to the site root. */
    public static final String MIRROR_INDEX = "index.html";
    /** The text store's hidden directory of earlier versions, inside {@link #text()}. */
    public static final String TEXT_HISTORY = ".history";

    public ArchiveLayout {
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(reports, "reports");
        Objects.requireNonNull(mirror, "mirror");
    }

    /** The layout of an archive with the default reports root and mirror directory. */
    public static ArchiveLayout of(Path archive) {
        return new ArchiveLayout(archive, Path.of("reports"), archive.resolve("mirror"));
    }

    /**
     * The layout relative to the archive root: {@code relative().snapshots()} is {@code snapshots}, for
     * file systems other than the default one (HDFS) and for links.
     */
    public static ArchiveLayout relative() {
        return of(Path.of(""));
    }

    /** The layout of an archive whose reports live in {@code reports}. */
    public static ArchiveLayout of(Path archive, Path reports) {
        return new ArchiveLayout(archive, reports, archive.resolve("mirror"));
    }

    /** The same archive with the mirror built in {@code site} ({@code mirror --out}). */
    public ArchiveLayout withMirror(Path site) {
        return new ArchiveLayout(root, reports, site);
    }

    /** The same archive with its reports in {@code reportsRoot}. */
    public ArchiveLayout withReports(Path reportsRoot) {
        return new ArchiveLayout(root, reportsRoot, mirror);
    }

    public Path warc() {
        return root.resolve("warc");
    }

    public Path index() {
        return root.resolve("index");
    }

    public Path cdxj() {
        return index().resolve("captures.cdxj");
    }

    /** The per-article history the views fold from the manifests, kept so each open reads only new manifests. */
    public Path historyIndex() {
        return index().resolve("history.json");
    }

    public Path grepIndex() {
        return index().resolve("grep");
    }

    public Path snapshots() {
        return root.resolve("snapshots");
    }

    public Path manifest(SnapshotId id) {
        return snapshots().resolve(id.value() + ".json");
    }

    /** The append-only journal of a snapshot's entry changes since its manifest was last written whole. */
    public Path journal(SnapshotId id) {
        return snapshots().resolve(id.value() + ".journal");
    }

    public Path text() {
        return root.resolve("text");
    }

    public Path textHistory() {
        return text().resolve(TEXT_HISTORY);
    }

    /** The site's page of an article's current version: {@code a/<key>.html} under {@link #mirror()}. */
    public Path mirrorPage(String key) {
        return mirror.resolve(mirrorPagePath(key));
    }

    /** An article page's path relative to the site root, as links inside the site spell it. */
    public static String mirrorPagePath(String key) {
        return "a/" + key + ".html";
    }

    /** An earlier version's page, relative to the site root: {@code a/<key>/v<snapshot>.html}. */
    public static String mirrorVersionPath(String key, SnapshotId snapshot) {
        return "a/" + key + "/v" + snapshot.value() + ".html";
    }

    public Path mirrorIndex() {
        return mirror.resolve(MIRROR_INDEX);
    }

    public Path packs() {
        return root.resolve("packs");
    }

    public Path quarantine() {
        return root.resolve("quarantine");
    }

    public Path state() {
        return root.resolve("state");
    }

    /** The archive's single-writer lock file, held by a crawl. */
    public Path lockFile() {
        return state().resolve("lock");
    }

    /** The lock a derived view (mirror, text store, export) holds while it writes its output. */
    public Path viewLockFile(String view) {
        return state().resolve(view + ".lock");
    }

    /** A crawl's saved frontier, for resuming. */
    public Path frontier() {
        return state().resolve("frontier");
    }

    /** The crawl's rolling 24-hour page budget per host, shared by every run of a day. */
    public Path budgetFile() {
        return state().resolve("budget.json");
    }

    /** The hosts learned to be https-only (an http URL redirected to the same URL on https), like HSTS. */
    public Path httpsHostsFile() {
        return state().resolve("https-hosts.json");
    }

    /**
     * The exports' default root: {@code exports} beside the reports root ({@code reports} → {@code exports},
     * {@code /x/reports} → {@code /x/exports}), not inside the archive: exports are for reading, like reports.
     */
    public Path exports() {
        return reports.resolveSibling("exports");
    }

    public Path reportDir(SnapshotId id) {
        return reports.resolve(id.value());
    }

    public Path reportHtml(SnapshotId id) {
        return reportDir(id).resolve("report.html");
    }

    public Path reportJson(SnapshotId id) {
        return reportDir(id).resolve("report.json");
    }

    public Path reportsIndex() {
        return reports.resolve("index.html");
    }

    /** Where {@code linkshelf annotate} writes the annotated seed list by default: {@code links.md}, {@code .json} or {@code .csv}. */
    public Path annotatedLinks(String extension) {
        return reports.resolve("links." + extension);
    }
}
