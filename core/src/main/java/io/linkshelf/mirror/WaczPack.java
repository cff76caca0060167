package io.linkshelf.mirror;

import io.linkshelf.snapshot.ArchiveLayout;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.linkshelf.Version;
import io.linkshelf.snapshot.SnapshotManifest;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.commons.compress.archivers.zip.Zip64Mode;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;

/**
 * Writes a WACZ 1.1.1 file (specs.webrecorder.net/wacz/1.1.1): the WARC files under {@code archive/}, their CDXJ
 * index under {@code indexes/}, {@code pages/pages.jsonl}, then {@code datapackage.json} with every file's size
 * and SHA-256 (summed while the file streamed into the ZIP, so nothing is read twice), then
 * {@code datapackage-digest.json}. Every entry is STORED so replay tools can range-read records out of the WACZ.
 */
final class WaczPack {

    static final String WACZ_VERSION = "1.1.1";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** One file listed in datapackage.json. */
    record Resource(String name, String path, String hash, long bytes) {
    }

    private WaczPack() {
    }

    static void write(Path archive, SnapshotManifest manifest, Instant entryTime, Instant created, Path target,
            PackReadHook hook) throws IOException {
        List<Path> warcs = WaczPackParts.warcFiles(ArchiveLayout.of(archive).warc(), manifest.id());
        Set<String> warcNames = warcs.stream().map(p -> p.getFileName().toString()).collect(Collectors.toSet());
        // The index and the page list are spooled to disk first: a ZIP entry's size must be known before it is written.
        Path index = target.resolveSibling(target.getFileName() + ".index");
        Path pages = target.resolveSibling(target.getFileName() + ".pages");
        try {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(index))) {
                WaczPackParts.writeIndex(ArchiveLayout.of(archive).cdxj(), warcNames, out);
            }
            int pageCount;
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(pages))) {
                pageCount = WaczPackParts.writePages(manifest, out);
            }
            List<Resource> resources = new ArrayList<>();
            try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(target, StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                zip.setUseZip64(Zip64Mode.AsNeeded);
                for (Path warc : warcs) {
                    resources.add(store(zip, "archive/" + warc.getFileName(), warc, entryTime, target, hook));
                }
                resources.add(store(zip, "indexes/index.cdxj", index, entryTime, target, PackReadHook.NONE));
                resources.add(store(zip, "pages/pages.jsonl", pages, entryTime, target, PackReadHook.NONE));
                byte[] datapackage = datapackage(manifest, pageCount, created, resources);
                store(zip, "datapackage.json", datapackage, entryTime);
                store(zip, "datapackage-digest.json", digest(datapackage), entryTime);
                zip.finish();
            }
        } finally {
            Files.deleteIfExists(index);
            Files.deleteIfExists(pages);
        }
    }

    private static Resource store(ZipArchiveOutputStream zip, String path, Path file, Instant time, Path target,
            PackReadHook hook) throws IOException {
        long size = Files.size(file);
        zip.putArchiveEntry(entry(path, size, time));
        MessageDigest sha256 = PackFiles.sha256();
        PackFiles.copy(file, size, zip, Optional.of(sha256), target, hook);
        zip.closeArchiveEntry();
        return new Resource(path.substring(path.lastIndexOf('/') + 1), path, PackFiles.hash(sha256), size);
    }

    private static void store(ZipArchiveOutputStream zip, String path, byte[] bytes, Instant time) throws IOException {
        zip.putArchiveEntry(entry(path, bytes.length, time));
        zip.write(bytes);
        zip.closeArchiveEntry();
    }

    private static ZipArchiveEntry entry(String path, long size, Instant time) {
        ZipArchiveEntry entry = new ZipArchiveEntry(path);
        entry.setMethod(ZipArchiveEntry.STORED);
        entry.setSize(size);
        ZipPack.stamp(entry, time);
        return entry;
    }

    private static byte[] datapackage(SnapshotManifest manifest, int pages, Instant created, List<Resource> resources)
            throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("profile", "data-package");
        root.put("wacz_version", WACZ_VERSION);
        root.put("title", "linkshelf snapshot " + manifest.id());
        root.put("description", "The raw captures (WARC) of " + pages + " articles as linkshelf archived them up to"
                + " snapshot " + manifest.id() + ", with earlier snapshots' captures that unchanged articles refer to.");
        root.put("created", DateTimeFormatter.ISO_INSTANT.format(created.truncatedTo(ChronoUnit.SECONDS)));
        root.put("software", "linkshelf " + Version.current());
        ArrayNode list = root.putArray("resources");
        for (Resource resource : resources) {
            ObjectNode node = list.addObject();
            node.put("name", resource.name());
            node.put("path", resource.path());
            node.put("hash", resource.hash());
            node.put("bytes", resource.bytes());
        }
        return JSON.writeValueAsBytes(root);
    }

    private static byte[] digest(byte[] datapackage) throws IOException {
        MessageDigest sha256 = PackFiles.sha256();
        sha256.update(datapackage);
        ObjectNode root = JSON.createObjectNode();
        root.put("path", "datapackage.json");
        root.put("hash", PackFiles.hash(sha256));
        return JSON.writeValueAsBytes(root);
    }
}
