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
import java.util.concurrent.Callable;

/**
 * The EPUB export: one book per author section (or sub-section, or one in all) under {@code <out>/epub}. A book
 * whose inputs are unchanged is not touched; the others are written on one thread per core.
 */
final class EpubExport {

    private EpubExport() {}

    static ExportSummary run(ArchiveView view, Shelf shelf, ExportOptions options, ExportProgress progress) throws IOException {
        Path dir = options.out().resolve("epub");
        Files.createDirectories(dir);
        ExportState before = ExportState.load(dir);
        ArchivedImages images = new ArchivedImages(view);
        List<Book> books = Book.of(shelf, options.by());
        ProgressCounter counter = new ProgressCounter(progress, books.stream().mapToInt(b -> b.documents().size()).sum());
        EpubBook writer = new EpubBook(view, images, counter);

        Map<String, ExportState.Unit> units = new LinkedHashMap<>(options.whole() ? Map.of() : before.units());
        List<Path> files = new ArrayList<>();
        List<Callable<EpubBook.Result>> jobs = new ArrayList<>();
        for (Book book : books) {
            String fingerprint = fingerprint(book, images);
            Path target = dir.resolve(book.file());
            files.add(target);
            if (before.unit(book.file()).map(u -> u.fingerprint().equals(fingerprint)).orElse(false) && Files.isRegularFile(target)) {
                units.put(book.file(), before.unit(book.file()).get());
                book.documents().forEach(d -> before.unit(EpubBook.chapterId(book, d.key()))
                        .ifPresent(u -> units.put(EpubBook.chapterId(book, d.key()), u)));
                counter.add(book.documents().size(), book.file());
                continue;
            }
            units.put(book.file(), new ExportState.Unit(fingerprint, List.of(book.file()), List.of()));
            String uid = "urn:uuid:" + UUID.nameUUIDFromBytes(("linkshelf epub " + book.file()).getBytes(StandardCharsets.UTF_8));
            jobs.add(() -> writer.write(book, target, uid, modified(book), before));
        }
        int rendered = 0;
        int imageFiles = 0;
        int missingImages = 0;
        for (EpubBook.Result result : Workers.run(jobs)) {
            rendered += result.rendered();
            imageFiles += result.images();
            missingImages += result.missingImages();
            units.putAll(result.chapters());
        }
        if (options.whole()) {
            Exports.removeStale(dir, before, units);
        }
        new ExportState(ExportState.FORMAT, units).save(dir);
        return Exports.summary(options, dir, shelf, files, jobs.size(), rendered, imageFiles, missingImages);
    }

    /** Everything a book shows but its chapters' own inputs: title, chapters, which articles, in which order. */
    private static String fingerprint(Book book, ArchivedImages images) {
        Fingerprint fp = new Fingerprint().add("book", book.file(), book.title(), book.creator().orElse(""));
        for (Book.Chapter c : book.chapters()) {
            fp.add("chapter", c.heading().orElse(""));
            c.items().forEach(item -> fp.add(item, images));
        }
        return fp.hex();
    }

    /** The book's date: its newest capture, so an unchanged book keeps its date and its bytes. */
    private static Instant modified(Book book) {
        Instant modified = Instant.EPOCH;
        for (Book.Chapter c : book.chapters()) {
            for (ShelfItem item : c.items()) {
                Instant captured = item.version().map(v -> v.content().date()).orElse(Instant.EPOCH);
                modified = captured.isAfter(modified) ? captured : modified;
            }
        }
        return modified;
    }
}
