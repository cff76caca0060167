package io.linkshelf.snapshot;

import io.linkshelf.files.AtomicFiles;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Reads and writes snapshot manifests under {@code archive/snapshots/}. A write goes to a temp
 * file that is synced and then renamed over the old one, so a crash leaves the old or the new
 * manifest, never half of one.
 */
public final class ManifestStore {

    private static final String SUFFIX = ".json";
    private static final String JOURNAL_SUFFIX = ".journal";

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new Jdk8Module())
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .setDefaultPropertyInclusion(JsonInclude.Include.NON_ABSENT);

    private static final ObjectMapper LINE_JSON = JSON.copy().disable(SerializationFeature.INDENT_OUTPUT);

    private final Path dir;

    /** A JSON mapper configured as the manifests' own, for files derived from them (the history index). */
    public static ObjectMapper jsonMapper() {
        return LINE_JSON.copy();
    }

    public ManifestStore(Path snapshotsDir) {
        this.dir = snapshotsDir;
    }

    public Path pathOf(SnapshotId id) {
        return dir.resolve(id.value() + SUFFIX);
    }

    /** The append-only journal of entry changes made since the manifest was last written whole. */
    public Path journalOf(SnapshotId id) {
        return dir.resolve(id.value() + JOURNAL_SUFFIX);
    }

    /**
     * Appends one changed entry to the snapshot's journal: a line of JSON, no rewrite of the whole
     * manifest. The OS keeps written lines across a kill -9; a torn last line is ignored on reading.
     */
    public void journal(SnapshotId id, ManifestEntry entry) throws IOException {
        Files.createDirectories(dir);
        byte[] line = (LINE_JSON.writeValueAsString(entry) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        try (OutputStream out = Files.newOutputStream(journalOf(id), StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
            out.write(line);
        } catch (IOException e) {
            throw new IOException("cannot append to the snapshot journal " + journalOf(id) + ": " + e.getMessage()
                    + " (is the disk full or the archive read-only?)", e);
        }
    }

    /** Writes the manifest atomically (temp file, fsync, rename). */
    public void write(SnapshotManifest manifest) throws IOException {
        Path target = pathOf(manifest.id());
        try {
            AtomicFiles.replace(target, AtomicFiles.Durability.DURABLE, temp -> {
                try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(temp))) {
                    JSON.writeValue(out, manifest);
                }
            });
        } catch (IOException e) {
            throw new IOException("cannot write snapshot manifest " + target + ": " + e.getMessage()
                    + " (is the disk full or the archive read-only?)", e);
        }
        // The whole manifest now holds every journalled change; replaying them again would be harmless.
        Files.deleteIfExists(journalOf(manifest.id()));
    }

    /** Reads a manifest, with the changes its journal holds (a run that was killed) applied. */
    public SnapshotManifest read(SnapshotId id) throws IOException {
        Path file = pathOf(id);
        SnapshotManifest manifest;
        try {
            manifest = JSON.readValue(file.toFile(), SnapshotManifest.class);
        } catch (IOException e) {
            throw new IOException("cannot read snapshot manifest " + file + ": " + firstLine(e.getMessage())
                    + " (restore it from a backup or move it aside)", e);
        }
        Path journal = journalOf(id);
        if (!Files.exists(journal)) {
            return manifest;
        }
        java.util.Map<String, ManifestEntry> entries = new java.util.LinkedHashMap<>();
        manifest.entries().forEach(e -> entries.put(e.key(), e));
        for (String line : Files.readAllLines(journal, java.nio.charset.StandardCharsets.UTF_8)) {
            try {
                ManifestEntry changed = LINE_JSON.readValue(line, ManifestEntry.class);
                if (entries.containsKey(changed.key())) {
                    entries.put(changed.key(), changed);
                }
            } catch (IOException torn) {
                break; // the last line of a killed run may be half written; everything before it counts
            }
        }
        return new SnapshotManifest(manifest.id(), manifest.start(), manifest.end(), manifest.toolVersion(),
                manifest.options(), manifest.complete(), manifest.runs(), List.copyOf(entries.values()), manifest.hosts());
    }

    /**
     * A snapshot's run facts, without its entries: what {@link #scan} returns while it hands the entries
     * over one at a time.
     *
     * @param id the snapshot id
     * @param start when the snapshot was started
     * @param end when its last run ended, once one has
     * @param complete whether every entry is settled
     * @param runs how many runs worked on it
     */
    public record Header(SnapshotId id, Instant start, Optional<Instant> end, boolean complete, int runs) {}

    /** Receives a manifest's entries one by one, in manifest order. */
    @FunctionalInterface
    public interface EntrySink {
        void accept(ManifestEntry entry) throws IOException;
    }

    /**
     * Reads a manifest entry by entry with Jackson's streaming parser, journal applied, so memory holds one
     * entry at a time rather than the whole manifest (8.9 MB of JSON for the bundled list).
     */
    public Header scan(SnapshotId id, EntrySink sink) throws IOException {
        Path file = pathOf(id);
        Map<String, ManifestEntry> journalled = journalled(id);
        SnapshotId readId = null;
        Instant start = null;
        Optional<Instant> end = Optional.empty();
        boolean complete = false;
        int runs = 0;
        try (JsonParser p = JSON.createParser(file.toFile())) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("not a JSON object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                switch (name) {
                    case "id" -> readId = JSON.readValue(p, SnapshotId.class);
                    case "start" -> start = JSON.readValue(p, Instant.class);
                    case "end" -> end = value == JsonToken.VALUE_NULL ? Optional.empty() : Optional.of(JSON.readValue(p, Instant.class));
                    case "complete" -> complete = p.getBooleanValue();
                    case "runs" -> runs = p.getIntValue();
                    case "entries" -> {
                        if (value != JsonToken.START_ARRAY) {
                            throw new IOException("entries is not an array");
                        }
                        while (p.nextToken() == JsonToken.START_OBJECT) {
                            ManifestEntry entry = JSON.readValue(p, ManifestEntry.class);
                            sink.accept(journalled.getOrDefault(entry.key(), entry));
                        }
                    }
                    default -> p.skipChildren();
                }
            }
        } catch (JsonProcessingException e) {
            throw new IOException("cannot read snapshot manifest " + file + ": " + firstLine(e.getMessage())
                    + " (restore it from a backup or move it aside)", e);
        }
        if (readId == null || start == null) {
            throw new IOException("cannot read snapshot manifest " + file + ": no id or start"
                    + " (restore it from a backup or move it aside)");
        }
        return new Header(readId, start, end, complete, runs);
    }

    /** The entries a killed run journalled, by key; a torn last line is ignored. */
    private Map<String, ManifestEntry> journalled(SnapshotId id) throws IOException {
        Path journal = journalOf(id);
        if (!Files.exists(journal)) {
            return Map.of();
        }
        Map<String, ManifestEntry> entries = new HashMap<>();
        for (String line : Files.readAllLines(journal, java.nio.charset.StandardCharsets.UTF_8)) {
            try {
                ManifestEntry changed = LINE_JSON.readValue(line, ManifestEntry.class);
                entries.put(changed.key(), changed);
            } catch (IOException torn) {
                break; // the last line of a killed run may be half written; everything before it counts
            }
        }
        return entries;
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }

    /** Every snapshot id with a manifest, oldest first. */
    public List<SnapshotId> ids() throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<SnapshotId> ids = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(SUFFIX) && !n.startsWith("."))
                    .map(n -> n.substring(0, n.length() - SUFFIX.length()))
                    .filter(n -> n.matches("\\d{8}T\\d{6}Z"))
                    .map(SnapshotId::new)
                    .forEach(ids::add);
        }
        ids.sort(null);
        return ids;
    }

    /** The newest snapshot, complete or not. */
    public Optional<SnapshotManifest> newest() throws IOException {
        List<SnapshotId> ids = ids();
        return ids.isEmpty() ? Optional.empty() : Optional.of(read(ids.get(ids.size() - 1)));
    }

    /** The newest complete snapshot: "latest" in ARCHITECTURE.md's words. */
    public Optional<SnapshotManifest> latestComplete() throws IOException {
        List<SnapshotId> ids = ids();
        for (int i = ids.size() - 1; i >= 0; i--) {
            SnapshotManifest manifest = read(ids.get(i));
            if (manifest.complete()) {
                return Optional.of(manifest);
            }
        }
        return Optional.empty();
    }

}
