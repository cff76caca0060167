package io.linkshelf.export;

import io.linkshelf.archive.ArchiveView;
import io.linkshelf.archive.ArticleVersion;
import io.linkshelf.extract.Article;
import io.linkshelf.files.AtomicFiles;
import io.linkshelf.mirror.BodyRenderer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.CRC32;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * Writes one EPUB 3 book, streaming: each article is read from the archive, rendered and written into the zip, then
 * dropped, so a book of hundreds of articles and thousands of images needs the memory of one article and one image.
 * A chapter whose inputs did not change since the previous book is copied from it as the compressed bytes it was,
 * images included, without reading the WARC. The book is written to a temp file beside the target and renamed over
 * it only when whole.
 */
final class EpubBook {

    /** EPUB's core image types; an image in another format (AVIF, BMP) shows its alt text instead. */
    private static final Set<String> CORE_IMAGES = Set.of("image/png", "image/jpeg", "image/gif", "image/webp");
    /** 1980-01-02: ZIP's DOS times start in 1980; a day later stays in range in every time zone. */
    private static final long DOS_EPOCH = 315_619_200_000L;

    /** What writing a book did, and per chapter what the next export needs to reuse it. */
    record Result(int rendered, int reused, int images, int missingImages, Map<String, ExportState.Unit> chapters) {}

    private final ArchiveView view;
    private final ArchivedImages images;
    private final ProgressCounter progress;

    EpubBook(ArchiveView view, ArchivedImages images, ProgressCounter progress) {
        this.view = view;
        this.images = images;
        this.progress = progress;
    }

    /** The state id of a book's chapter. */
    static String chapterId(Book book, String key) {
        return book.file() + "#" + key;
    }

    /**
     * @param before the previous export's state, whose chapters may be reused from the book at {@code target}
     */
    Result write(Book book, Path target, String uid, Instant modified, ExportState before) throws IOException {
        List<Result> result = new ArrayList<>(1);
        // Streamed into the atomic writer's temp file (created with the umask's permissions), renamed over the book
        // only when whole; the previous book stays readable until then, for its unchanged chapters.
        AtomicFiles.replace(target, AtomicFiles.Durability.DERIVED, temp -> {
            try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(temp.toFile());
                    ZipFile previous = Files.isRegularFile(target) ? ZipFile.builder().setPath(target).get() : null) {
                result.add(new Writer(zip, book, before, previous, Math.max(modified.toEpochMilli(), DOS_EPOCH))
                        .write(uid, modified));
            }
        });
        return result.get(0);
    }

    /** One book being written. */
    private final class Writer {
        private final ZipArchiveOutputStream zip;
        private final Book book;
        private final ExportState before;
        private final ZipFile previous;
        /** DOS time only: a FileTime would add an extended-timestamp extra field, which EPUB forbids on the mimetype. */
        private final long time;
        private final List<EpubDocs.Item> items = new ArrayList<>();
        private final Set<String> imageNames = new HashSet<>();
        private final Map<String, String> inBook = new HashMap<>();

        Writer(ZipArchiveOutputStream zip, Book book, ExportState before, ZipFile previous, long time) {
            this.zip = zip;
            this.book = book;
            this.before = before;
            this.previous = previous;
            this.time = time;
        }

        Result write(String uid, Instant modified) throws IOException {
            // The OCF rule: "mimetype" first, stored uncompressed, so a reader can sniff the type at a fixed offset.
            stored("mimetype", "application/epub+zip".getBytes(StandardCharsets.US_ASCII));
            deflated("META-INF/container.xml", EpubDocs.CONTAINER);
            items.add(new EpubDocs.Item("nav", "nav.xhtml", "application/xhtml+xml"));
            items.add(new EpubDocs.Item("ncx", "toc.ncx", "application/x-dtbncx+xml"));
            items.add(new EpubDocs.Item("css", "style.css", "text/css"));
            items.add(new EpubDocs.Item("contents", "contents.xhtml", "application/xhtml+xml"));
            List<String> spine = new ArrayList<>(List.of("contents"));

            List<ShelfItem> documents = book.documents();
            documents.forEach(d -> inBook.put(d.key(), d.key() + ".xhtml"));
            Map<String, ExportState.Unit> chapters = new HashMap<>();
            int rendered = 0;
            int reused = 0;
            int missingImages = 0;
            Instant newest = Instant.EPOCH;
            for (ShelfItem item : documents) {
                Optional<ExportState.Unit> old = before.unit(chapterId(book, item.key()));
                String fingerprint = fingerprint(item, old.map(ExportState.Unit::links).orElse(List.of()));
                if (old.isPresent() && old.get().fingerprint().equals(fingerprint) && copy(old.get().files())) {
                    chapters.put(chapterId(book, item.key()), old.get());
                    reused++;
                } else {
                    Chapter chapter = render(item);
                    chapters.put(chapterId(book, item.key()), chapter.unit(fingerprint(item, chapter.links())));
                    missingImages += chapter.missingImages();
                    rendered++;
                }
                items.add(new EpubDocs.Item(item.key(), EpubDocs.chapterHref(item.key()), "application/xhtml+xml"));
                spine.add(item.key());
                Instant captured = item.version().orElseThrow().content().date();
                newest = captured.isAfter(newest) ? captured : newest;
                progress.add(1, book.file());
            }
            Optional<Instant> newestCapture = documents.isEmpty() ? Optional.empty() : Optional.of(newest);
            deflated("OEBPS/contents.xhtml", EpubDocs.contents(book, documents.size(), newestCapture));
            deflated("OEBPS/nav.xhtml", EpubDocs.nav(book));
            deflated("OEBPS/toc.ncx", EpubDocs.ncx(book, uid));
            deflated("OEBPS/style.css", EpubDocs.CSS);
            deflated("OEBPS/content.opf", EpubDocs.opf(book, uid, modified, items, spine));
            return new Result(rendered, reused, imageNames.size(), missingImages, chapters);
        }

        private String fingerprint(ShelfItem item, List<String> links) {
            Fingerprint fp = new Fingerprint().add("chapter", book.file()).add(item, images);
            links.forEach(k -> fp.add("link", k, inBook.containsKey(k)));
            return fp.hex();
        }

        /** A rendered chapter: the entries it wrote and the archived articles its body links to. */
        private record Chapter(List<String> entries, List<String> links, int missingImages) {
            ExportState.Unit unit(String fingerprint) {
                return new ExportState.Unit(fingerprint, entries, links);
            }
        }

        private Chapter render(ShelfItem item) throws IOException {
            ArticleVersion version = item.version().orElseThrow();
            Optional<Article> article = view.article(version);
            Set<String> entries = new LinkedHashSet<>();
            Set<String> links = new LinkedHashSet<>();
            Map<String, String> refused = new HashMap<>();
            BodyRenderer.Targets targets = new BodyRenderer.Targets() {
                @Override
                public Optional<String> image(String url) throws IOException {
                    Optional<ArchivedImages.Image> image = images.read(url);
                    if (image.isEmpty()) {
                        return Optional.empty();
                    }
                    if (!CORE_IMAGES.contains(image.get().mediaType())) {
                        refused.put(url, image.get().mediaType() + " cannot go into an EPUB");
                        return Optional.empty();
                    }
                    String name = image.get().name();
                    if (imageNames.add(name)) {
                        // Already-compressed formats gain nothing from deflate; storing them saves the CPU.
                        stored("OEBPS/images/" + name, image.get().bytes());
                        items.add(imageItem(name));
                    }
                    entries.add("OEBPS/images/" + name);
                    return Optional.of("../images/" + name);
                }

                @Override
                public String whyMissing(String url) {
                    return refused.getOrDefault(url, images.whyMissing(url));
                }

                @Override
                public Optional<String> article(String key) {
                    links.add(key);
                    return Optional.ofNullable(inBook.get(key));
                }
            };
            String body;
            int missing = 0;
            if (article.isPresent()) {
                BodyRenderer.Rendered rendered = BodyRenderer.render(article.get(), targets);
                missing = rendered.missingImages();
                body = XhtmlBody.of(rendered.html());
            } else {
                body = "<p class=\"missing\">The archived page could not be read as an article.</p>";
            }
            String name = "OEBPS/" + EpubDocs.chapterHref(item.key());
            deflated(name, EpubDocs.chapter(item, article, version.content().date(), body));
            List<String> all = new ArrayList<>(List.of(name));
            all.addAll(entries);
            return new Chapter(all, List.copyOf(links), missing);
        }

        /** Copies a chapter's entries from the previous book as they are; false (nothing written) if one is missing there. */
        private boolean copy(List<String> files) throws IOException {
            if (previous == null) {
                return false;
            }
            List<ZipArchiveEntry> entries = new ArrayList<>();
            for (String f : files) {
                ZipArchiveEntry e = previous.getEntry(f);
                if (e == null) {
                    return false;
                }
                entries.add(e);
            }
            for (ZipArchiveEntry e : entries) {
                String image = e.getName().startsWith("OEBPS/images/") ? e.getName().substring("OEBPS/images/".length()) : null;
                if (image != null && !imageNames.add(image)) {
                    continue;
                }
                try (InputStream raw = previous.getRawInputStream(e)) {
                    zip.addRawArchiveEntry(e, raw);
                }
                if (image != null) {
                    items.add(imageItem(image));
                }
            }
            return true;
        }

        private EpubDocs.Item imageItem(String name) {
            String ext = name.substring(name.lastIndexOf('.') + 1);
            return new EpubDocs.Item("img-" + name.replace('.', '-'), "images/" + name, ArchivedImages.mediaType(ext));
        }

        private void stored(String name, byte[] bytes) throws IOException {
            ZipArchiveEntry entry = new ZipArchiveEntry(name);
            entry.setMethod(ZipArchiveEntry.STORED);
            entry.setSize(bytes.length);
            CRC32 crc = new CRC32();
            crc.update(bytes);
            entry.setCrc(crc.getValue());
            entry.setTime(time);
            zip.putArchiveEntry(entry);
            zip.write(bytes);
            zip.closeArchiveEntry();
        }

        private void deflated(String name, String text) throws IOException {
            ZipArchiveEntry entry = new ZipArchiveEntry(name);
            entry.setMethod(ZipArchiveEntry.DEFLATED);
            entry.setTime(time);
            zip.putArchiveEntry(entry);
            zip.write(text.getBytes(StandardCharsets.UTF_8));
            zip.closeArchiveEntry();
        }
    }
}
