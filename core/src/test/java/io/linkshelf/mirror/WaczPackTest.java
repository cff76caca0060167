package io.linkshelf.mirror;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.linkshelf.snapshot.ManifestEntry;
import io.linkshelf.snapshot.ManifestStore;
import io.linkshelf.snapshot.SnapshotId;
import io.linkshelf.testing.FixtureArchive;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The WACZ pack of a real two-snapshot archive, read back the way ReplayWeb.page reads a WACZ. */
class WaczPackTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant CREATED = Instant.parse("2026-12-01T08:00:00Z");

    @TempDir
    static Path dir;
    static FixtureArchive fixture;
    static SnapshotId first;
    static SnapshotId newest;

    @TempDir
    Path temp;

    @BeforeAll
    static void crawl() throws Exception {
        fixture = FixtureArchive.create(dir);
        first = fixture.snapshots().get(0);
        newest = fixture.snapshots().get(1);
    }

    private static Path pack(Path archive, SnapshotId snapshot) throws IOException {
        return Packs.write(archive, archive.resolve("mirror"), snapshot, Set.of(PackFormat.WACZ), PackReadHook.NONE,
                Clock.fixed(CREATED, ZoneOffset.UTC)).get(0);
    }

    @Test
    void everyEntryIsStoredAndTheRequiredFilesArePresent() throws IOException {
        Path wacz = pack(fixture.archive(), newest);

        assertThat(wacz).isEqualTo(fixture.archive().resolve("packs/linkshelf-" + newest + ".wacz"));
        try (ZipFile zip = open(wacz)) {
            List<ZipArchiveEntry> entries = Collections.list(zip.getEntries());
            assertThat(entries).allSatisfy(e -> assertThat(e.getMethod()).as(e.getName()).isEqualTo(ZipEntry.STORED));
            assertThat(entries).extracting(ZipArchiveEntry::getName).contains("indexes/index.cdxj",
                    "pages/pages.jsonl", "datapackage.json", "datapackage-digest.json");
            assertThat(entries).extracting(ZipArchiveEntry::getName).anyMatch(n -> n.matches("archive/.+\\.warc\\.gz"));
            assertThat(entries).extracting(ZipArchiveEntry::getName).allMatch(n -> !n.startsWith("/") && !n.contains(".."));
        }
    }

    @Test
    void datapackageListsEveryOtherFileWithItsSha256AndSize() throws Exception {
        Path wacz = pack(fixture.archive(), newest);

        try (ZipFile zip = open(wacz)) {
            byte[] datapackageBytes = bytes(zip, "datapackage.json");
            JsonNode datapackage = JSON.readTree(datapackageBytes);
            assertThat(datapackage.path("profile").asText()).isEqualTo("data-package");
            assertThat(datapackage.path("wacz_version").asText()).isEqualTo("1.1.1");
            assertThat(datapackage.path("created").asText()).isEqualTo("2026-12-01T08:00:00Z");
            assertThat(datapackage.path("software").asText()).startsWith("linkshelf ");
            assertThat(datapackage.path("title").asText()).contains(newest.value());

            Map<String, JsonNode> resources = new LinkedHashMap<>();
            datapackage.path("resources").forEach(r -> resources.put(r.path("path").asText(), r));
            Set<String> others = Collections.list(zip.getEntries()).stream().map(ZipArchiveEntry::getName)
                    .filter(n -> !n.equals("datapackage.json") && !n.equals("datapackage-digest.json"))
                    .collect(Collectors.toSet());
            assertThat(resources.keySet()).containsExactlyInAnyOrderElementsOf(others);
            for (Map.Entry<String, JsonNode> resource : resources.entrySet()) {
                byte[] content = bytes(zip, resource.getKey());
                assertThat(resource.getValue().path("hash").asText()).as(resource.getKey()).isEqualTo(sha256(content));
                assertThat(resource.getValue().path("bytes").asLong()).as(resource.getKey()).isEqualTo(content.length);
                assertThat(resource.getValue().path("name").asText())
                        .isEqualTo(resource.getKey().substring(resource.getKey().lastIndexOf('/') + 1));
            }

            JsonNode digest = JSON.readTree(bytes(zip, "datapackage-digest.json"));
            assertThat(digest.path("path").asText()).isEqualTo("datapackage.json");
            assertThat(digest.path("hash").asText()).isEqualTo(sha256(datapackageBytes));
        }
    }

    @Test
    void pagesListTheArticlesTheSnapshotHoldsContentForWithTheirTitles() throws IOException {
        Path wacz = pack(fixture.archive(), newest);

        List<JsonNode> lines = pages(wacz);
        assertThat(lines.get(0).path("format").asText()).isEqualTo("json-pages-1.0");
        assertThat(lines.get(0).path("id").asText()).isEqualTo("pages");
        assertThat(lines.get(0).path("title").asText()).isEqualTo("All Pages");
        List<JsonNode> pages = lines.subList(1, lines.size());
        Map<String, String> keys = fixture.keys();
        // unchanged, changed and new articles; deleted, blocked and not-found ones are not pages of this snapshot
        List<String> expected = Stream.of("same", "changed", "failing", "tricky", "fresh").map(keys::get).toList();
        assertThat(pages).extracting(p -> p.path("id").asText()).containsExactlyInAnyOrderElementsOf(expected);
        Map<String, ManifestEntry> entries = new ManifestStore(fixture.archive().resolve("snapshots")).read(newest)
                .entries().stream().collect(Collectors.toMap(ManifestEntry::key, e -> e));
        for (JsonNode page : pages) {
            String name = keys.entrySet().stream().filter(k -> k.getValue().equals(page.path("id").asText()))
                    .findFirst().orElseThrow().getKey();
            assertThat(page.path("title").asText()).as(name).isEqualTo(FixtureArchive.TITLES.get(name));
            assertThat(page.path("url").asText()).as(name).isEqualTo(entries.get(page.path("id").asText()).seedUrl());
            assertThat(Instant.parse(page.path("ts").asText())).as(name).isBeforeOrEqualTo(Instant.now());
        }
        // an unchanged article's page points at the response snapshot 1 stored, not at snapshot 2's revisit
        JsonNode same = pages.stream().filter(p -> p.path("id").asText().equals(keys.get("same"))).findFirst().orElseThrow();
        assertThat(Instant.parse(same.path("ts").asText())).isBefore(newest.start());
    }

    @Test
    void everyPageReplaysByRangeReadingItsResponseRecordOutOfTheWacz() throws Exception {
        Path wacz = pack(fixture.archive(), newest);

        try (ZipFile zip = open(wacz); FileChannel channel = FileChannel.open(wacz)) {
            List<String> index = lines(bytes(zip, "indexes/index.cdxj"));
            for (JsonNode page : pages(wacz).subList(1, pages(wacz).size())) {
                String ts = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC)
                        .format(Instant.parse(page.path("ts").asText()));
                JsonNode line = index.stream().filter(l -> l.split(" ")[1].equals(ts))
                        .map(WaczPackTest::fields)
                        .filter(f -> f.path("url").asText().equals(page.path("url").asText()))
                        .findFirst().orElseThrow(() -> new AssertionError("no index line for page " + page));
                // what a replay tool does: find archive/<filename> in the ZIP, read offset+length inside its data
                ZipArchiveEntry warc = zip.getEntry("archive/" + line.path("filename").asText());
                assertThat(warc).as(line.toString()).isNotNull();
                ByteBuffer record = ByteBuffer.allocate(line.path("length").asInt());
                channel.read(record, warc.getDataOffset() + line.path("offset").asLong());
                String headers;
                try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(record.array()))) {
                    headers = new String(in.readNBytes(4096), StandardCharsets.UTF_8);
                }
                assertThat(headers).startsWith("WARC/1.").contains("WARC-Type: response")
                        .contains("WARC-Target-URI: " + page.path("url").asText());
                assertThat(headers).contains("\r\n\r\nHTTP/1.1 200");
            }
        }
    }

    @Test
    void theNewestSnapshotsWaczHoldsEveryWarcFileByteForByteAndTheWholeIndex() throws Exception {
        Path wacz = pack(fixture.archive(), newest);

        Path warcDir = fixture.archive().resolve("warc");
        List<Path> warcs;
        try (Stream<Path> files = Files.list(warcDir)) {
            warcs = files.sorted().toList();
        }
        assertThat(warcs).hasSizeGreaterThanOrEqualTo(2);
        try (ZipFile zip = open(wacz)) {
            List<String> archived = Collections.list(zip.getEntries()).stream().map(ZipArchiveEntry::getName)
                    .filter(n -> n.startsWith("archive/")).toList();
            assertThat(archived).containsExactlyElementsOf(warcs.stream().map(p -> "archive/" + p.getFileName()).toList());
            for (Path warc : warcs) {
                assertThat(bytes(zip, "archive/" + warc.getFileName())).as(warc.toString()).isEqualTo(Files.readAllBytes(warc));
            }
            List<String> index = lines(bytes(zip, "indexes/index.cdxj"));
            assertThat(index).containsExactlyElementsOf(
                    Files.readAllLines(fixture.archive().resolve("index/captures.cdxj"), StandardCharsets.UTF_8));
            assertThat(index).allSatisfy(l -> assertThat(zip.getEntry("archive/" + fields(l).path("filename").asText()))
                    .as(l).isNotNull());
        }
    }

    @Test
    void anOlderSnapshotsWaczHoldsOnlyItsOwnAndEarlierCaptures() throws Exception {
        Path wacz = pack(fixture.archive(), first);

        assertThat(wacz.getFileName().toString()).isEqualTo("linkshelf-" + first + ".wacz");
        try (ZipFile zip = open(wacz)) {
            List<String> archived = Collections.list(zip.getEntries()).stream().map(ZipArchiveEntry::getName)
                    .filter(n -> n.startsWith("archive/")).toList();
            assertThat(archived).isNotEmpty().allMatch(n -> n.startsWith("archive/linkshelf-" + first + "-"));
            List<String> index = lines(bytes(zip, "indexes/index.cdxj"));
            List<String> expected = Files.readAllLines(fixture.archive().resolve("index/captures.cdxj"), StandardCharsets.UTF_8)
                    .stream().filter(l -> l.contains("\"linkshelf-" + first + "-")).toList();
            assertThat(index).isNotEmpty().containsExactlyElementsOf(expected);
        }
        List<JsonNode> pages = pages(wacz);
        assertThat(pages.subList(1, pages.size())).extracting(p -> p.path("id").asText())
                .hasSize(7).doesNotContain(fixture.keys().get("fresh"));
    }

    @Test
    void aFailureWhileStreamingAWarcLeavesNoWaczAndNoSpoolFiles() throws IOException {
        Path archive = copyOfArchive();
        Path packs = Files.createDirectories(archive.resolve("packs"));

        assertThatThrownBy(() -> Packs.write(archive, archive.resolve("mirror"), newest, Set.of(PackFormat.WACZ),
                file -> {
                    if (file.getFileName().toString().startsWith("linkshelf-" + newest)) {
                        throw new IOException("simulated read error in " + file);
                    }
                }, Clock.systemUTC()))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("linkshelf-" + newest);
        assertThat(packs).isEmptyDirectory();
    }

    @Test
    void aDamagedIndexLineIsNamedByFileAndLineAndLeavesNoWacz() throws IOException {
        Path archive = copyOfArchive();
        Path index = archive.resolve("index/captures.cdxj");
        int lines = Files.readAllLines(index, StandardCharsets.UTF_8).size();
        Files.writeString(index, "not an index line\n", StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);

        assertThatThrownBy(() -> pack(archive, newest))
                .isInstanceOf(IOException.class)
                .hasMessageContaining(index.toString())
                .hasMessageContaining("line " + (lines + 1));
        assertThat(archive.resolve("packs")).isEmptyDirectory();
    }

    @Test
    void aSnapshotWithoutAManifestIsAClearError() {
        SnapshotId unknown = new SnapshotId("20200101T000000Z");

        assertThatThrownBy(() -> pack(fixture.archive(), unknown))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("no snapshot 20200101T000000Z");
    }

    private Path copyOfArchive() throws IOException {
        Path copy = temp.resolve("archive");
        for (String sub : List.of("warc", "index", "snapshots")) {
            Path from = fixture.archive().resolve(sub);
            Files.createDirectories(copy.resolve(sub));
            try (Stream<Path> files = Files.list(from)) {
                for (Path file : files.toList()) {
                    Files.copy(file, copy.resolve(sub).resolve(file.getFileName()));
                }
            }
        }
        return copy;
    }

    private static ZipFile open(Path wacz) throws IOException {
        return ZipFile.builder().setPath(wacz).get();
    }

    private static byte[] bytes(ZipFile zip, String name) throws IOException {
        ZipArchiveEntry entry = zip.getEntry(name);
        assertThat(entry).as(name).isNotNull();
        try (InputStream in = zip.getInputStream(entry)) {
            return in.readAllBytes();
        }
    }

    private static List<JsonNode> pages(Path wacz) throws IOException {
        try (ZipFile zip = open(wacz)) {
            List<JsonNode> pages = new ArrayList<>();
            for (String line : lines(bytes(zip, "pages/pages.jsonl"))) {
                pages.add(JSON.readTree(line));
            }
            return pages;
        }
    }

    private static List<String> lines(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8).lines().toList();
    }

    private static JsonNode fields(String cdxjLine) {
        try {
            return JSON.readTree(cdxjLine.substring(cdxjLine.indexOf('{')));
        } catch (IOException e) {
            throw new AssertionError(cdxjLine, e);
        }
    }

    private static String sha256(byte[] bytes) throws Exception {
        return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
