package io.linkshelf.mirror;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.linkshelf.snapshot.ManifestEntry;
import io.linkshelf.snapshot.ManifestStore;
import io.linkshelf.snapshot.SnapshotId;
import io.linkshelf.snapshot.SnapshotManifest;
import io.linkshelf.testing.ReplayFixture;
import io.linkshelf.warc.Capture;
import io.linkshelf.warc.CdxjIndex;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResource;
import org.netpreserve.jwarc.Warcinfo;

/**
 * What a WACZ carries besides the captures, on an archive with formula images, a 304 revisit and a WeChat article:
 * index lines a replay tool resolves, the readable view as resource records, pages with text, and the site.
 */
class WaczContentsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    static ReplayFixture fixture;
    static SnapshotManifest newest;
    static Path site;
    static Path wacz;

    @BeforeAll
    static void pack() throws Exception {
        fixture = ReplayFixture.create(dir);
        SnapshotId id = fixture.snapshots().get(1);
        newest = new ManifestStore(fixture.archive().resolve("snapshots")).read(id);
        site = fixture.archive().resolve("mirror");
        Mirror.build(new MirrorOptions(fixture.archive(), site, fixture.reports(), false));
        wacz = Packs.write(fixture.archive(), site, id, Set.of(PackFormat.WACZ)).get(0);
    }

    @Test
    void formulaImagesWhoseIndexKeysHoldBracesBackslashesSpacesAndCjkArePackedWithTheirLines() throws IOException {
        List<String> captured = Files.readAllLines(fixture.archive().resolve("index/captures.cdxj"), StandardCharsets.UTF_8);
        List<String> formulaKeys = captured.stream().map(l -> l.substring(0, l.indexOf(' ')))
                .filter(k -> k.contains("/equation?tex=")).toList();
        assertThat(formulaKeys).hasSize(ReplayFixture.FORMULAS.size());
        assertThat(String.join("\n", formulaKeys)).contains("{", "}", "\\", "%20", "%e5%a2%9e%e7%9b%8a");

        List<String> index = lines(wacz, "indexes/index.cdxj");
        assertThat(index).containsAll(captured.stream().filter(l -> l.contains("/equation?tex=")).toList());
        assertThat(index).isSortedAccordingTo(CdxjIndex::compare);
    }

    @Test
    void aNotModifiedRevisitLineCarriesTheOriginalsStatusAndDigestWhileItsRecordStaysAsCaptured() throws IOException {
        ManifestEntry unchanged = newest.entry(fixture.keys().get("unchanged")).orElseThrow();
        Capture revisit = unchanged.capture().orElseThrow();
        Capture original = unchanged.content().orElseThrow();
        assertThat(revisit.status()).isEqualTo(304);

        CdxjIndex.Line line = lines(wacz, "indexes/index.cdxj").stream().map(CdxjIndex::parse)
                .filter(l -> l.offset().equals(java.util.Optional.of(revisit.offset()))
                        && l.filename().equals(java.util.Optional.of(revisit.filename())))
                .findFirst().orElseThrow();
        assertThat(line.isRevisit()).isTrue();
        assertThat(line.field("status")).contains(Integer.toString(original.status()));
        assertThat(line.field("digest")).isEqualTo(original.payloadDigest());
        assertThat(line.length()).contains(revisit.length());

        // the WARC file in the WACZ is the archive's own, byte for byte: the record still says 304
        byte[] packed = bytes(wacz, "archive/" + revisit.filename());
        assertThat(packed).isEqualTo(Files.readAllBytes(fixture.archive().resolve("warc").resolve(revisit.filename())));
        try (WarcReader reader = new WarcReader(fixture.archive().resolve("warc").resolve(revisit.filename()))) {
            reader.position(revisit.offset());
            WarcRecord record = reader.next().orElseThrow();
            assertThat(record.type()).isEqualTo("revisit");
            assertThat(((org.netpreserve.jwarc.WarcRevisit) record).http().status()).isEqualTo(304);
        }
    }

    @Test
    void theReadableViewIsResourceRecordsOfTheSitesFilesUnderTheReservedHost() throws IOException {
        String name = WaczReadable.fileName(newest.id().value());
        Path readable = dir.resolve(name);
        Files.write(readable, bytes(wacz, "archive/" + name));
        List<String> targets = new ArrayList<>();
        try (WarcReader reader = new WarcReader(readable)) {
            WarcRecord first = reader.next().orElseThrow();
            assertThat(first).isInstanceOf(Warcinfo.class);
            assertThat(new String(first.body().stream().readAllBytes(), StandardCharsets.UTF_8)).contains("Derived, not captured");
            for (WarcRecord record : reader) {
                assertThat(record).isInstanceOf(WarcResource.class);
                URI target = ((WarcResource) record).targetURI();
                assertThat(target.getScheme() + "://" + target.getHost()).isEqualTo("https://read.linkshelf.invalid");
                Path file = site.resolve(target.getPath().substring(1));
                assertThat(record.body().stream().readAllBytes()).as(target.toString()).isEqualTo(Files.readAllBytes(file));
                assertThat(((WarcResource) record).payloadDigest()).isPresent();
                targets.add(target.getPath());
            }
        }
        for (String key : fixture.keys().values()) {
            assertThat(targets).contains("/" + ArticlePages.path(key));
        }
        assertThat(targets).contains("/site.css", "/index.html").anyMatch(t -> t.startsWith("/img/"));

        // every readable record has its index line, and the line's offset and length frame it in the file
        List<CdxjIndex.Line> lines = lines(wacz, "indexes/index.cdxj").stream().map(CdxjIndex::parse)
                .filter(l -> l.filename().filter(name::equals).isPresent()).toList();
        assertThat(lines).hasSize(targets.size()).allSatisfy(l -> {
            assertThat(l.urlKey()).startsWith("invalid,linkshelf,read)/");
            assertThat(l.field("status")).contains("200");
            try (WarcReader reader = new WarcReader(readable)) {
                reader.position(l.offset().orElseThrow());
                assertThat(((WarcResource) reader.next().orElseThrow()).target()).isEqualTo(l.url().orElseThrow());
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        });
    }

    @Test
    void pagesCarryTheArticlesTextAndTheirReadableViewsWithTitles() throws IOException {
        List<JsonNode> pages = new ArrayList<>();
        for (String line : lines(wacz, "pages/pages.jsonl")) {
            pages.add(JSON.readTree(line));
        }
        assertThat(pages.get(0).path("hasText").asBoolean()).isTrue();
        Map<String, String> phrases = Map.of("once", ReplayFixture.ONCE_PHRASE, "unchanged", ReplayFixture.UNCHANGED_PHRASE,
                "formulas", ReplayFixture.FORMULAS_PHRASE);
        for (Map.Entry<String, String> phrase : phrases.entrySet()) {
            String key = fixture.keys().get(phrase.getKey());
            String title = ReplayFixture.TITLES.get(phrase.getKey());
            JsonNode raw = pages.stream().filter(p -> p.path("id").asText().equals(key)).findFirst().orElseThrow();
            assertThat(raw.path("title").asText()).isEqualTo(title);
            assertThat(raw.path("text").asText()).contains(phrase.getValue());
            JsonNode readable = pages.stream().filter(p -> p.path("id").asText().equals(WaczPackParts.READABLE_ID + key))
                    .findFirst().orElseThrow();
            assertThat(readable.path("url").asText()).isEqualTo("https://read.linkshelf.invalid/" + ArticlePages.path(key));
            assertThat(readable.path("title").asText()).isEqualTo(title + WaczPackParts.READABLE_TITLE);
            assertThat(readable.path("text").asText()).contains(phrase.getValue());
        }
    }

    @Test
    void theSiteIsPackedFileForFileWithoutTheBuildState() throws IOException {
        List<String> siteFiles;
        try (Stream<Path> files = Files.walk(site)) {
            siteFiles = files.filter(Files::isRegularFile).map(p -> site.relativize(p).toString().replace('\\', '/'))
                    .filter(p -> !p.equals(SiteState.FILE)).sorted().toList();
        }
        try (ZipFile zip = ZipFile.builder().setPath(wacz).get()) {
            List<String> packed = Collections.list(zip.getEntries()).stream().map(ZipArchiveEntry::getName)
                    .filter(n -> n.startsWith("site/")).map(n -> n.substring(5)).sorted().toList();
            assertThat(packed).containsExactlyElementsOf(siteFiles);
            for (String file : siteFiles) {
                try (InputStream in = zip.getInputStream(zip.getEntry("site/" + file))) {
                    assertThat(in.readAllBytes()).as(file).isEqualTo(Files.readAllBytes(site.resolve(file)));
                }
            }
        }
    }

    private static List<String> lines(Path wacz, String name) throws IOException {
        return new String(bytes(wacz, name), StandardCharsets.UTF_8).lines().toList();
    }

    private static byte[] bytes(Path wacz, String name) throws IOException {
        try (ZipFile zip = ZipFile.builder().setPath(wacz).get()) {
            ZipArchiveEntry entry = zip.getEntry(name);
            assertThat(entry).as(name).isNotNull();
            try (InputStream in = zip.getInputStream(entry)) {
                return in.readAllBytes();
            }
        }
    }
}
