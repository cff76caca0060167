package io.linkshelf.export;

import io.linkshelf.archive.ArchiveView;
import io.linkshelf.archive.ArticleVersion;
import io.linkshelf.archive.AtomicFiles;
import io.linkshelf.extract.Article;
import io.linkshelf.mirror.BodyRenderer;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.CRC32;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;

/**
 * Writes one EPUB 3 book, streaming: each article is read from the archive, rendered and written into the zip, then
 * dropped, so a book of hundreds of articles and thousands of images needs the memory of one article and one image.
 * The book is written to a temp file beside the target and renamed over it only when whole.
 */
final class EpubBook {

    /** EPUB's core image types; an image in another format (AVIF, BMP) shows its alt text instead. */
    private static final Set<String> CORE_IMAGES = Set.of("image/png", "image/jpeg", "image/gif", "image/webp");

    /** 1980-01-02: ZIP's DOS times start in 1980; a day later stays in range in every time zone. */
    private static final long DOS_EPOCH = 315_619_200_000L;

    /** What writing a book did. */
    record Result(int articles, int images, int missingImages) {}

    private final ArchiveView view;
    private final ArchivedImages images;
    private final ExportProgress progress;

    EpubBook(ArchiveView view, ArchivedImages images, ExportProgress progress) {
        this.view = view;
        this.images = images;
        this.progress = progress;
    }

    /**
     * @param done articles handled before this book, for progress
     * @param total articles of the whole export, for progress
     */
    Result write(Book book, Path target, String uid, Instant modified, int done, int total) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
        try {
            Result result;
            try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(temp.toFile())) {
                result = writeEntries(zip, book, uid, modified, done, total);
            }
            AtomicFiles.move(temp, target);
            return result;
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private Result writeEntries(ZipArchiveOutputStream zip, Book book, String uid, Instant modified, int done, int total)
            throws IOException {
        // DOS time only: a FileTime would add an extended-timestamp extra field, which EPUB forbids on the mimetype.
        long time = Math.max(modified.toEpochMilli(), DOS_EPOCH);
        // The OCF rule: "mimetype" first, stored uncompressed, so a reader can sniff the type at a fixed offset.
        stored(zip, "mimetype", "application/epub+zip".getBytes(StandardCharsets.US_ASCII), time);
        deflated(zip, "META-INF/container.xml", EpubDocs.CONTAINER, time);

        List<EpubDocs.Item> items = new ArrayList<>();
        items.add(new EpubDocs.Item("nav", "nav.xhtml", "application/xhtml+xml"));
        items.add(new EpubDocs.Item("ncx", "toc.ncx", "application/x-dtbncx+xml"));
        items.add(new EpubDocs.Item("css", "style.css", "text/css"));
        items.add(new EpubDocs.Item("contents", "contents.xhtml", "application/xhtml+xml"));
        List<String> spine = new ArrayList<>(List.of("contents"));

        List<ShelfItem> documents = book.documents();
        Map<String, String> inBook = new HashMap<>();
        documents.forEach(d -> inBook.put(d.key(), d.key() + ".xhtml"));
        Map<String, String> written = new LinkedHashMap<>();
        Set<String> names = new java.util.HashSet<>();
        Map<String, String> refused = new HashMap<>();
        int missingImages = 0;
        int handled = done;
        Instant newest = Instant.EPOCH;
        for (ShelfItem item : documents) {
            ArticleVersion version = item.version().orElseThrow();
            Optional<Article> article = view.article(version);
            BodyRenderer.Targets targets = new BodyRenderer.Targets() {
                @Override
                public Optional<String> image(String url) throws IOException {
                    String known = written.get(url);
                    if (known != null) {
                        return Optional.of("../images/" + known);
                    }
                    Optional<ArchivedImages.Image> image = images.read(url);
                    if (image.isEmpty()) {
                        return Optional.empty();
                    }
                    if (!CORE_IMAGES.contains(image.get().mediaType())) {
                        refused.put(url, image.get().mediaType() + " cannot go into an EPUB");
                        return Optional.empty();
                    }
                    String name = image.get().name();
                    if (names.add(name)) {
                        // Already-compressed formats gain nothing from deflate; storing them saves the CPU.
                        stored(zip, "OEBPS/images/" + name, image.get().bytes(), time);
                        items.add(new EpubDocs.Item("img-" + name.replace('.', '-'), "images/" + name, image.get().mediaType()));
                    }
                    written.put(url, name);
                    return Optional.of("../images/" + name);
                }

                @Override
                public String whyMissing(String url) {
                    return refused.getOrDefault(url, images.whyMissing(url));
                }

                @Override
                public Optional<String> article(String key) {
                    return Optional.ofNullable(inBook.get(key));
                }
            };
            String body;
            if (article.isPresent()) {
                BodyRenderer.Rendered rendered = BodyRenderer.render(article.get(), targets);
                missingImages += rendered.missingImages();
                body = XhtmlBody.of(rendered.html());
            } else {
                body = "<p class=\"missing\">The archived page could not be read as an article.</p>";
            }
            Instant captured = version.content().date();
            newest = captured.isAfter(newest) ? captured : newest;
            deflated(zip, "OEBPS/" + EpubDocs.chapterHref(item.key()), EpubDocs.chapter(item, article, captured, body), time);
            items.add(new EpubDocs.Item(item.key(), EpubDocs.chapterHref(item.key()), "application/xhtml+xml"));
            spine.add(item.key());
            progress.onArticle(++handled, total, book.file());
        }
        Optional<Instant> newestCapture = documents.isEmpty() ? Optional.empty() : Optional.of(newest);
        deflated(zip, "OEBPS/contents.xhtml", EpubDocs.contents(book, documents.size(), newestCapture), time);
        deflated(zip, "OEBPS/nav.xhtml", EpubDocs.nav(book), time);
        deflated(zip, "OEBPS/toc.ncx", EpubDocs.ncx(book, uid), time);
        deflated(zip, "OEBPS/style.css", EpubDocs.CSS, time);
        deflated(zip, "OEBPS/content.opf", EpubDocs.opf(book, uid, modified, items, spine), time);
        return new Result(documents.size(), names.size(), missingImages);
    }

    private static void stored(ZipArchiveOutputStream zip, String name, byte[] bytes, long time) throws IOException {
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

    private static void deflated(ZipArchiveOutputStream zip, String name, String text, long time) throws IOException {
        ZipArchiveEntry entry = new ZipArchiveEntry(name);
        entry.setMethod(ZipArchiveEntry.DEFLATED);
        entry.setTime(time);
        zip.putArchiveEntry(entry);
        OutputStream out = zip;
        out.write(text.getBytes(StandardCharsets.UTF_8));
        zip.closeArchiveEntry();
    }
}
