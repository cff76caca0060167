package io.linkshelf.export;

import io.linkshelf.snapshot.Outcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/** What both exports share: removing files the list no longer asks for, and the closing figures. */
final class Exports {

    private Exports() {}

    /**
     * Deletes files an earlier export owned that no unit owns now (an article left the list, a book was renamed).
     * Units whose id holds {@code #} are chapters: their files are entries inside a book, not files.
     */
    static void removeStale(Path dir, ExportState before, Map<String, ExportState.Unit> now) throws IOException {
        Set<String> kept = new HashSet<>();
        now.values().forEach(u -> kept.addAll(u.files()));
        for (Map.Entry<String, ExportState.Unit> unit : before.units().entrySet()) {
            if (unit.getKey().contains("#")) {
                continue;
            }
            for (String file : unit.getValue().files()) {
                if (!kept.contains(file)) {
                    Path path = dir.resolve(file).normalize();
                    if (path.startsWith(dir.normalize())) {
                        Files.deleteIfExists(path);
                    }
                }
            }
        }
    }

    /**
     * @param files the books, or the author indexes of a Markdown export
     */
    static ExportSummary summary(ExportOptions options, Path dir, Shelf shelf, List<Path> files, int filesWritten,
            int rendered, int images, int missingImages) throws IOException {
        Set<String> captured = new HashSet<>();
        Set<String> missing = new HashSet<>();
        Set<String> deleted = new HashSet<>();
        for (ShelfItem item : shelf.items()) {
            (item.captured() ? captured : missing).add(item.key());
            if (item.captured() && item.state() == Outcome.DELETED) {
                deleted.add(item.key());
            }
        }
        long bytes = 0;
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path f : all.filter(Files::isRegularFile).toList()) {
                bytes += f.getFileName().toString().equals(ExportState.FILE) ? 0 : Files.size(f);
            }
        }
        return new ExportSummary(options.format(), dir, files, filesWritten, captured.size(), rendered,
                captured.size() - Math.min(rendered, captured.size()), missing.size(), deleted.size(), images, missingImages, bytes);
    }
}
