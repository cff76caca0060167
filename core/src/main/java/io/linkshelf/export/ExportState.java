package io.linkshelf.export;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.linkshelf.files.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What the last export wrote, kept beside it so the next one rewrites only what changed: per output unit (a book,
 * or an article's note) the fingerprint of its inputs and the files it owns, relative to the export directory.
 * Losing it only costs a full export.
 *
 * @param format the state format; another format means a full export
 * @param units per book file name or article key
 */
record ExportState(int format, Map<String, Unit> units) {

    static final String FILE = ".linkshelf-export.json";
    static final int FORMAT = 1;
    static final ExportState EMPTY = new ExportState(FORMAT, Map.of());

    /**
     * @param fingerprint the digest of everything the unit was made from
     * @param files the files it wrote, relative to the export directory with {@code /} (for a chapter: its entries in the book)
     * @param links the keys of the archived articles its body links to, whose presence its rendering depends on
     */
    record Unit(String fingerprint, List<String> files, List<String> links) {
        Unit {
            files = List.copyOf(files);
            links = List.copyOf(links);
        }
    }

    ExportState {
        units = Map.copyOf(units);
    }

    Optional<Unit> unit(String id) {
        return Optional.ofNullable(units.get(id));
    }

    private static ObjectMapper mapper() {
        return new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
                .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
    }

    static ExportState load(Path dir) {
        Path file = dir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return EMPTY;
        }
        try {
            ExportState state = mapper().readValue(file.toFile(), ExportState.class);
            return state.format() == FORMAT ? state : EMPTY;
        } catch (IOException | RuntimeException unreadable) {
            return EMPTY;
        }
    }

    /** Saves the state, leaving the file alone when it would not change (a run that changed nothing writes nothing). */
    void save(Path dir) throws IOException {
        byte[] bytes = mapper().writeValueAsBytes(new ExportState(format, new TreeMap<>(units)));
        Path file = dir.resolve(FILE);
        if (Files.isRegularFile(file) && Arrays.equals(Files.readAllBytes(file), bytes)) {
            return;
        }
        AtomicFiles.write(file, bytes);
    }
}
