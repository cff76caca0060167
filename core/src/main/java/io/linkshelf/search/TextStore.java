package io.linkshelf.search;

import io.linkshelf.snapshot.ArchiveLayout;
import io.linkshelf.files.AtomicFiles;
import io.linkshelf.archive.ArchiveView;
import io.linkshelf.archive.ArticleVersion;
import io.linkshelf.catalog.Placement;
import io.linkshelf.snapshot.ManifestEntry;
import io.linkshelf.extract.Article;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The plain-text store: one UTF-8 file per article version under {@code archive/text/} (layout in
 * {@link TextFiles}), and the grep index under {@code archive/index/grep/}. Both are derived from
 * the snapshot manifests and WARC files through {@link ArchiveView}, so {@link #rebuild} can make
 * them again at any time; {@link #update} writes only versions not yet written.
 */
public final class TextStore {

    private TextStore() {}

    /**
     * What an update did.
     *
     * @param written text files written (new versions, or all of them on a rebuild)
     * @param moved latest files moved into the history because a newer version arrived
     * @param unchanged articles whose files were already up to date
     * @param skipped versions that hold no readable article (nothing written)
     * @param indexed documents (re)indexed for grep
     */
    public record Stats(int written, int moved, int unchanged, int skipped, int indexed) {}

    /** The text store's directory in an archive. */
    public static Path textDir(Path archive) {
        return ArchiveLayout.of(archive).text();
    }

    /** The grep index's directory in an archive. */
    public static Path indexDir(Path archive) {
        return ArchiveLayout.of(archive).grepIndex();
    }

    /** Updates the store of the archive at {@code archive}; what the crawl command calls after a crawl. */
    public static Stats update(Path archive) throws IOException {
        return update(ArchiveView.open(archive));
    }

    /** Writes every version not yet in the store, then brings the grep index up to date. */
    public static Stats update(ArchiveView view) throws IOException {
        Stats stats = write(view, textDir(view.archive()));
        int indexed = TrigramIndex.sync(textDir(view.archive()), indexDir(view.archive())).indexed();
        return new Stats(stats.written(), stats.moved(), stats.unchanged(), stats.skipped(), indexed);
    }

    public static Stats rebuild(Path archive) throws IOException {
        return rebuild(ArchiveView.open(archive));
    }

    /**
     * Makes the store and its index again from the archive alone. The new store is built beside
     * the old one and swapped in when complete, so a failure leaves the old store as it was.
     */
    public static Stats rebuild(ArchiveView view) throws IOException {
        Path text = textDir(view.archive());
        Path building = text.resolveSibling("text.rebuilding");
        Path old = text.resolveSibling("text.old");
        deleteTree(building);
        deleteTree(old);
        Stats stats = write(view, building);
        if (Files.exists(text)) {
            Files.move(text, old);
        }
        Files.move(building, text);
        deleteTree(old);
        deleteTree(indexDir(view.archive()));
        int indexed = TrigramIndex.sync(text, indexDir(view.archive())).indexed();
        return new Stats(stats.written(), stats.moved(), stats.unchanged(), stats.skipped(), indexed);
    }

    /** Rebuilds only the grep index, from the text files alone (no WARC needed). */
    public static int reindex(Path archive) throws IOException {
        deleteTree(indexDir(archive));
        return TrigramIndex.sync(textDir(archive), indexDir(archive)).indexed();
    }

    private static Stats write(ArchiveView view, Path text) throws IOException {
        Files.createDirectories(text);
        int written = 0;
        int moved = 0;
        int unchanged = 0;
        int skipped = 0;
        for (String key : view.keys()) {
            List<ArticleVersion> versions = view.versions(key);
            if (versions.isEmpty() || !TextFiles.isKey(key)) {
                continue;
            }
            Path latestFile = TextFiles.latest(text, key);
            Optional<String> onDisk = Files.isRegularFile(latestFile) ? TextFiles.snapshotOf(latestFile) : Optional.empty();
            boolean changed = false;
            for (ArticleVersion version : versions.subList(0, versions.size() - 1)) {
                String snapshot = version.snapshot().value();
                Path historyFile = TextFiles.history(text, key, snapshot);
                if (Files.exists(historyFile)) {
                    continue;
                }
                changed = true;
                if (onDisk.filter(snapshot::equals).isPresent()) {
                    AtomicFiles.move(latestFile, historyFile);
                    onDisk = Optional.empty();
                    moved++;
                } else if (writeVersion(view, version, historyFile)) {
                    written++;
                } else {
                    skipped++;
                }
            }
            ArticleVersion latest = versions.get(versions.size() - 1);
            if (onDisk.filter(latest.snapshot().value()::equals).isEmpty()) {
                changed = true;
                if (writeVersion(view, latest, latestFile)) {
                    written++;
                } else {
                    skipped++;
                }
            }
            if (!changed) {
                unchanged++;
            }
        }
        return new Stats(written, moved, unchanged, skipped, 0);
    }

    /**
     * One text file the store holds when it is up to date: a version, and whether it is its article's latest
     * (then at {@code text/<key>.txt}, else in the history).
     */
    public record Planned(ArticleVersion version, boolean latest) {

        public Planned {
            java.util.Objects.requireNonNull(version, "version");
        }

        /** The file's path under {@code text/}, with {@code /} between names. */
        public String relativePath() {
            String key = version.key();
            return latest ? key + ".txt" : TextFiles.HISTORY + "/" + key + "/" + version.snapshot().value() + ".txt";
        }
    }

    /**
     * Every file an up-to-date store holds, if each version holds an article (those that do not get no file):
     * the rule {@link #update} follows, for builders that write the store elsewhere (the Hadoop text job).
     */
    public static List<Planned> plan(ArchiveView view) {
        List<Planned> plan = new java.util.ArrayList<>();
        for (String key : view.keys()) {
            List<ArticleVersion> versions = view.versions(key);
            if (versions.isEmpty() || !TextFiles.isKey(key)) {
                continue;
            }
            for (int i = 0; i < versions.size(); i++) {
                plan.add(new Planned(versions.get(i), i == versions.size() - 1));
            }
        }
        return plan;
    }

    /** A version's text file, byte for byte as the store writes it. */
    public static byte[] render(ArticleVersion version, Article article) {
        return TextFiles.render(header(version, article), article.text()).getBytes(StandardCharsets.UTF_8);
    }

    private static boolean writeVersion(ArchiveView view, ArticleVersion version, Path file) throws IOException {
        Optional<Article> article = view.article(version);
        if (article.isEmpty()) {
            return false;
        }
        AtomicFiles.write(file, render(version, article.get()));
        return true;
    }

    static TextHeader header(ArticleVersion version, Article article) {
        ManifestEntry entry = version.entry();
        String section = entry.sections().stream()
                .map(p -> p.author() + p.subsection().map(s -> " › " + s).orElse(""))
                .distinct()
                .collect(Collectors.joining("; "));
        String author = article.author()
                .or(() -> entry.article().author())
                .orElse(entry.sections().stream().map(Placement::author).findFirst().orElse(""));
        String published = article.published().map(Object::toString).or(() -> entry.article().published()).orElse("");
        return new TextHeader(article.title(), author, section, entry.seedUrl(), published, version.snapshot().value());
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                if (e != null) {
                    throw e;
                }
                try {
                    Files.delete(dir);
                } catch (NoSuchFileException gone) {
                    // already gone: fine
                }
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
