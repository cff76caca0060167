package io.linkshelf.export;

import io.linkshelf.archive.ArchiveView;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The EPUB export: one book per author section (or sub-section, or one in all) under {@code <out>/epub}. */
final class EpubExport {

    private EpubExport() {}

    static ExportSummary run(ArchiveView view, Shelf shelf, ExportOptions options, ExportProgress progress) throws IOException {
        Path dir = options.out().resolve("epub");
        Files.createDirectories(dir);
        ExportState before = ExportState.load(dir);
        ArchivedImages images = new ArchivedImages(view);
        EpubBook writer = new EpubBook(view, images, progress);
        List<Book> books = Book.of(shelf, options.by());
        int total = books.stream().mapToInt(b -> b.documents().size()).sum();

        Map<String, ExportState.Unit> units = new LinkedHashMap<>(options.whole() ? Map.of() : before.units());
        List<Path> files = new ArrayList<>();
        int done = 0;
        int booksWritten = 0;
        int rendered = 0;
        int imageFiles = 0;
        int missingImages = 0;
        for (Book book : books) {
            Fingerprint fp = new Fingerprint().add("book", book.file(), book.title(), book.creator().orElse(""));
            Instant modified = Instant.EPOCH;
            for (Book.Chapter c : book.chapters()) {
                fp.add("chapter", c.heading().orElse(""));
                for (ShelfItem item : c.items()) {
                    fp.add(item, images);
                    Instant captured = item.version().map(v -> v.content().date()).orElse(Instant.EPOCH);
                    modified = captured.isAfter(modified) ? captured : modified;
                }
            }
            String fingerprint = fp.hex();
            Path target = dir.resolve(book.file());
            files.add(target);
            int articles = book.documents().size();
            if (before.unit(book.file()).map(u -> u.fingerprint().equals(fingerprint)).orElse(false) && Files.isRegularFile(target)) {
                units.put(book.file(), before.unit(book.file()).get());
                book.documents().forEach(d -> before.unit(EpubBook.chapterId(book, d.key()))
                        .ifPresent(u -> units.put(EpubBook.chapterId(book, d.key()), u)));
                done += articles;
                progress.onArticle(done, total, book.file());
                continue;
            }
            String uid = "urn:uuid:" + UUID.nameUUIDFromBytes(("linkshelf epub " + book.file()).getBytes(StandardCharsets.UTF_8));
            EpubBook.Result result = writer.write(book, target, uid, modified, before, done, total);
            done += articles;
            booksWritten++;
            rendered += result.rendered();
            imageFiles += result.images();
            missingImages += result.missingImages();
            units.put(book.file(), new ExportState.Unit(fingerprint, List.of(book.file()), List.of()));
            units.putAll(result.chapters());
        }
        if (options.whole()) {
            Exports.removeStale(dir, before, units);
        }
        new ExportState(ExportState.FORMAT, units).save(dir);
        return Exports.summary(options, dir, shelf, files, booksWritten, rendered, imageFiles, missingImages);
    }
}
