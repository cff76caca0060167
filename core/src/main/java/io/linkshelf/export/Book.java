package io.linkshelf.export;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One EPUB book: its file name, its title and its chapters in list order.
 *
 * @param file the file name, e.g. {@code 石塔西.epub}
 * @param title the book title, e.g. {@code 石塔西 · linkshelf}
 * @param creator the author section it holds, if it holds one
 * @param chapters its chapters, each a list of articles
 */
record Book(String file, String title, Optional<String> creator, List<Chapter> chapters) {

    /** A chapter: a sub-section's articles under its heading (no heading for articles outside any sub-section). */
    record Chapter(Optional<String> heading, List<ShelfItem> items) {
        Chapter {
            Objects.requireNonNull(heading, "heading");
            items = List.copyOf(items);
        }
    }

    Book {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(creator, "creator");
        chapters = List.copyOf(chapters);
    }

    /** Each captured article once, in reading order: the book's documents. */
    List<ShelfItem> documents() {
        Map<String, ShelfItem> seen = new LinkedHashMap<>();
        chapters.forEach(c -> c.items().stream().filter(ShelfItem::captured).forEach(i -> seen.putIfAbsent(i.key(), i)));
        return new ArrayList<>(seen.values());
    }

    /** The books of a shelf, cut as asked, with file names unique among them. */
    static List<Book> of(Shelf shelf, ExportOptions.Grouping by) {
        List<Book> books = new ArrayList<>();
        switch (by) {
            case AUTHOR -> shelf.sections().forEach((author, subs) -> {
                List<Chapter> chapters = new ArrayList<>();
                subs.forEach((sub, items) -> chapters.add(new Chapter(sub, items)));
                books.add(new Book(author, author + " · linkshelf", Optional.of(author), chapters));
            });
            case SECTION -> shelf.sections().forEach((author, subs) -> subs.forEach((sub, items) -> {
                String name = author + sub.map(s -> " - " + s).orElse("");
                String title = author + sub.map(s -> " › " + s).orElse("") + " · linkshelf";
                books.add(new Book(name, title, Optional.of(author), List.of(new Chapter(Optional.empty(), items))));
            }));
            case ALL -> {
                List<Chapter> chapters = new ArrayList<>();
                shelf.sections().forEach((author, subs) -> subs.forEach((sub, items) ->
                        chapters.add(new Chapter(Optional.of(author + sub.map(s -> " › " + s).orElse("")), items))));
                books.add(new Book("linkshelf", "linkshelf", Optional.empty(), chapters));
            }
        }
        List<Book> named = new ArrayList<>();
        java.util.Set<String> taken = new java.util.HashSet<>();
        for (Book b : books) {
            String base = SafeNames.of(b.file(), "book");
            String name = base + ".epub";
            for (int n = 2; !taken.add(name.toLowerCase(java.util.Locale.ROOT)); n++) {
                name = base + "-" + n + ".epub";
            }
            named.add(new Book(name, b.title(), b.creator(), b.chapters()));
        }
        return named;
    }
}
