package io.linkshelf.export;

import io.linkshelf.archive.ArchiveView;
import io.linkshelf.archive.ArticleVersion;
import io.linkshelf.catalog.Placement;
import io.linkshelf.extract.Article;
import io.linkshelf.files.AtomicFiles;
import io.linkshelf.mirror.BodyRenderer;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * The Markdown export: {@code <out>/md/<author>/<sub-section>/<key>.md} per captured article with YAML front matter,
 * its images in {@code <key>/} beside it, and an {@code index.md} per author in list order. Links between notes and
 * to images are relative, so the folder works as a note vault wherever it is moved.
 */
final class MarkdownExport {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.ofHours(8));

    private MarkdownExport() {}

    static ExportSummary run(ArchiveView view, Shelf shelf, ExportOptions options, ExportProgress progress) throws IOException {
        Path dir = options.out().resolve("md");
        Files.createDirectories(dir);
        ExportState before = ExportState.load(dir);
        ArchivedImages images = new ArchivedImages(view);

        // Each captured article gets one note, where the list first places it.
        Map<String, ShelfItem> notes = new LinkedHashMap<>();
        Map<String, String> paths = new LinkedHashMap<>();
        for (ShelfItem item : shelf.items()) {
            if (item.captured() && !notes.containsKey(item.key())) {
                notes.put(item.key(), item);
                paths.put(item.key(), folder(item.placement()) + "/" + item.key() + ".md");
            }
        }
        Map<String, ExportState.Unit> units = new LinkedHashMap<>(options.whole() ? Map.of() : before.units());
        ProgressCounter counter = new ProgressCounter(progress, notes.size());
        List<Callable<Written>> jobs = new ArrayList<>();
        for (ShelfItem item : notes.values()) {
            String path = paths.get(item.key());
            Optional<ExportState.Unit> old = before.unit(item.key());
            String fingerprint = fingerprint(item, images, path, old.map(ExportState.Unit::links).orElse(List.of()), paths);
            if (old.isPresent() && old.get().fingerprint().equals(fingerprint) && Files.isRegularFile(dir.resolve(path))) {
                units.put(item.key(), old.get());
                counter.add(1, path);
                continue;
            }
            // Notes own separate files (each its own image folder), so they are written on one thread per core.
            jobs.add(() -> {
                Note note = write(view, images, dir, item, path, paths);
                counter.add(1, path);
                String settled = fingerprint(item, images, path, note.links(), paths);
                return new Written(item.key(), new ExportState.Unit(settled, note.files(), note.links()), note);
            });
        }
        int imageFiles = 0;
        int missingImages = 0;
        for (Written w : Workers.run(jobs)) {
            units.put(w.key(), w.unit());
            imageFiles += w.note().images();
            missingImages += w.note().missingImages();
        }
        int rendered = jobs.size();
        int written = jobs.size();
        List<Path> indexes = new ArrayList<>();
        for (Map.Entry<String, Map<Optional<String>, List<ShelfItem>>> author : shelf.sections().entrySet()) {
            String index = SafeNames.of(author.getKey(), "author") + "/index.md";
            indexes.add(dir.resolve(index));
            if (writeIfChanged(dir.resolve(index), index(author.getKey(), author.getValue(), index, paths))) {
                written++;
            }
            units.put("index:" + SafeNames.of(author.getKey(), "author"), new ExportState.Unit("-", List.of(index), List.of()));
        }
        if (options.whole()) {
            Exports.removeStale(dir, before, units);
        }
        new ExportState(ExportState.FORMAT, units).save(dir);
        return Exports.summary(options, dir, shelf, indexes, written, rendered, imageFiles, missingImages);
    }

    /** A written note: the files it owns (relative to the export) and the archived articles its body links to. */
    private record Note(List<String> files, List<String> links, int images, int missingImages) {}

    /** A note written in this run and its state. */
    private record Written(String key, ExportState.Unit unit, Note note) {}

    private static Note write(ArchiveView view, ArchivedImages images, Path dir, ShelfItem item, String path,
            Map<String, String> paths) throws IOException {
        ArticleVersion version = item.version().orElseThrow();
        Optional<Article> article = view.article(version);
        String noteDir = path.substring(0, path.lastIndexOf('/'));
        List<String> files = new ArrayList<>(List.of(path));
        Set<String> links = new LinkedHashSet<>();
        Map<String, String> copied = new LinkedHashMap<>();
        BodyRenderer.Targets targets = new BodyRenderer.Targets() {
            @Override
            public Optional<String> image(String url) throws IOException {
                if (copied.containsKey(url)) {
                    return Optional.of(copied.get(url));
                }
                Optional<ArchivedImages.Image> image = images.read(url);
                if (image.isEmpty()) {
                    return Optional.empty();
                }
                String href = item.key() + "/" + image.get().name();
                Path file = dir.resolve(noteDir).resolve(href);
                if (!Files.isRegularFile(file)) {
                    AtomicFiles.write(file, image.get().bytes());
                }
                files.add(noteDir + "/" + href);
                copied.put(url, href);
                return Optional.of(href);
            }

            @Override
            public String whyMissing(String url) {
                return images.whyMissing(url);
            }

            @Override
            public Optional<String> article(String key) {
                links.add(key);
                return Optional.ofNullable(paths.get(key)).map(p -> relative(noteDir, p));
            }
        };
        String body;
        int missing = 0;
        if (article.isPresent()) {
            BodyRenderer.Rendered r = BodyRenderer.render(article.get(), targets);
            missing = r.missingImages();
            body = MarkdownBody.of(r.html());
        } else {
            body = "*The archived page could not be read as an article.*\n";
        }
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("title", item.title());
        fields.put("author", item.placement().author());
        item.placement().subsection().ifPresent(s -> fields.put("section", s));
        fields.put("account", article.flatMap(Article::author).orElse(""));
        fields.put("published", article.flatMap(Article::published).map(Instant::toString).orElse(""));
        fields.put("source", item.url());
        fields.put("captured", version.content().date().toString());
        fields.put("snapshot", version.snapshot().value());
        fields.put("status", item.status());
        fields.put("key", item.key());
        StringBuilder md = new StringBuilder(FrontMatter.of(fields)).append('\n');
        md.append("# ").append(inline(item.title())).append("\n\n");
        item.mark().ifPresent(m -> md.append("> **").append(inline(m)).append("**\n\n"));
        md.append(body);
        AtomicFiles.write(dir.resolve(path), md.toString());
        return new Note(files, List.copyOf(links), copied.size(), missing);
    }

    private static String index(String author, Map<Optional<String>, List<ShelfItem>> subs, String indexPath,
            Map<String, String> paths) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("title", author + " · linkshelf");
        fields.put("author", author);
        StringBuilder md = new StringBuilder(FrontMatter.of(fields)).append("\n# ").append(inline(author)).append("\n\n");
        String from = indexPath.substring(0, indexPath.lastIndexOf('/'));
        subs.forEach((sub, items) -> {
            sub.ifPresent(s -> md.append("## ").append(inline(s)).append("\n\n"));
            for (ShelfItem i : items) {
                md.append("- ");
                String note = paths.get(i.key());
                if (note != null) {
                    md.append('[').append(inline(i.title())).append("](").append(relative(from, note)).append(')');
                    i.version().flatMap(v -> v.entry().article().published()).ifPresent(p -> {
                        try {
                            md.append(" · ").append(DAY.format(Instant.parse(p)));
                        } catch (java.time.format.DateTimeParseException e) {
                            // an unreadable date is left out
                        }
                    });
                    i.mark().ifPresent(m -> md.append(" · *").append(inline(m.substring(0, m.indexOf(';') < 0 ? m.length() : m.indexOf(';')))).append('*'));
                } else {
                    md.append(inline(i.title())).append(" — 未存档 · ").append(inline(i.whyMissing())).append(" · <")
                            .append(i.url().replace(">", "%3E").replace(" ", "%20")).append('>');
                }
                md.append('\n');
            }
            md.append('\n');
        });
        return md.toString().strip() + "\n";
    }

    private static String fingerprint(ShelfItem item, ArchivedImages images, String path, List<String> links,
            Map<String, String> paths) {
        Fingerprint fp = new Fingerprint().add("note", path).add(item, images);
        links.forEach(k -> fp.add("link", k, paths.getOrDefault(k, "-")));
        return fp.hex();
    }

    /** The folder of a placement's notes, relative to the export: the author, then the sub-section if any. */
    private static String folder(Placement p) {
        return SafeNames.of(p.author(), "author") + p.subsection().map(s -> "/" + SafeNames.of(s, "section")).orElse("");
    }

    /** A relative link from a folder to a file (both relative to the export), percent-encoded where Markdown needs it. */
    static String relative(String fromDir, String to) {
        Path rel = Path.of(fromDir.isEmpty() ? "." : fromDir).relativize(Path.of(to));
        String joined = String.join("/", java.util.stream.StreamSupport.stream(rel.spliterator(), false).map(Path::toString).toList());
        try {
            return new URI(null, null, joined, null).getRawPath().replace("(", "%28").replace(")", "%29");
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("cannot link " + to + " from " + fromDir, e);
        }
    }

    /**
     * Text for a heading, list item or link label: the characters that start markup mid-line escaped (and {@code #},
     * a tag in Obsidian; {@code $}, its math), so a title never turns into markup. It never starts a line, so the
     * block markers ({@code -}, {@code +}, {@code 1.}) need nothing.
     */
    static String inline(String text) {
        StringBuilder b = new StringBuilder();
        for (char c : text.replaceAll("[\\r\\n]+", " ").toCharArray()) {
            if ("\\`*_[]<>#!|~&$".indexOf(c) >= 0) {
                b.append('\\');
            }
            b.append(c);
        }
        return b.toString();
    }

    private static boolean writeIfChanged(Path file, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (Files.isRegularFile(file) && Arrays.equals(Files.readAllBytes(file), bytes)) {
            return false;
        }
        AtomicFiles.write(file, bytes);
        return true;
    }
}
