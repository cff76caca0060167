package io.linkshelf.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.linkshelf.catalog.Placement;
import io.linkshelf.warc.Capture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestStoreTest {

    @TempDir
    Path dir;

    private static SnapshotManifest manifest(String id, boolean complete) {
        ManifestEntry entry = ManifestEntry.pending("zhihu-p-1", "https://zhuanlan.zhihu.com/p/1",
                        List.of(new Placement("水哥", Optional.of("召回"))), "标题")
                .withOutcome(Outcome.NOT_FOUND, "HTTP 404")
                .withImages(List.of(new ImageCapture("https://pic1.zhimg.com/v2-a_r.jpg", ImageOutcome.CACHED, "",
                        Optional.of(new Capture("urn:uuid:1", "urn:uuid:2", java.net.URI.create("https://pic1.zhimg.com/v2-a_r.jpg"),
                                Instant.parse("2026-11-29T00:00:00Z"), 200, Optional.of("image/jpeg"), Optional.of("sha1:ABC"),
                                "linkshelf-x-00000.warc.gz", 123, 456, Capture.Kind.RESPONSE, Optional.empty())),
                        Optional.of(42L))));
        return new SnapshotManifest(new SnapshotId(id), Instant.parse("2026-11-29T03:17:00Z"), Optional.empty(), "dev",
                Map.of("robots", "listed"), complete, 1, List.of(entry),
                Map.of("zhuanlan.zhihu.com", new SnapshotManifest.HostSummary(3, 20_000, 1, Optional.of(10.0), Optional.empty())));
    }

    @Test
    void writesAndReadsBackEveryField() throws Exception {
        ManifestStore store = new ManifestStore(dir);
        SnapshotManifest original = manifest("20261129T031700Z", false);
        store.write(original);
        assertThat(store.read(original.id())).isEqualTo(original);
        assertThat(Files.readString(store.pathOf(original.id()))).contains("\"outcome\" : \"not-found\"").contains("\"cached\"");
        assertThat(dir).isDirectoryNotContaining("glob:**.tmp");
    }

    @Test
    void theIdIsWrittenAsThePlainStringArchitectureDocuments() throws Exception {
        ManifestStore store = new ManifestStore(dir);
        SnapshotManifest original = manifest("20261129T031700Z", true);
        store.write(original);
        assertThat(Files.readString(store.pathOf(original.id()))).contains("\"id\" : \"20261129T031700Z\"")
                .doesNotContain("\"value\"");
    }

    @Test
    void aManifestWithTheOldWrappedIdStillLoads() throws Exception {
        ManifestStore store = new ManifestStore(dir);
        SnapshotManifest original = manifest("20261129T031700Z", true);
        store.write(original);
        Path file = store.pathOf(original.id());
        String old = Files.readString(file).replace("\"id\" : \"20261129T031700Z\"", "\"id\" : {\n    \"value\" : \"20261129T031700Z\"\n  }");
        assertThat(old).contains("\"value\" : \"20261129T031700Z\"");
        Files.writeString(file, old);

        assertThat(store.read(original.id())).isEqualTo(original);
        assertThat(store.scan(original.id(), e -> { }).id()).isEqualTo(original.id());
    }

    @Test
    void scanningHandsOverTheEntriesTheJournalIncludedAndReturnsTheRunFacts() throws Exception {
        ManifestStore store = new ManifestStore(dir);
        SnapshotManifest original = manifest("20261129T031700Z", false);
        store.write(original);
        ManifestEntry changed = original.entries().get(0).withOutcome(Outcome.OK, "");
        store.journal(original.id(), changed);

        List<ManifestEntry> seen = new java.util.ArrayList<>();
        ManifestStore.Header header = store.scan(original.id(), seen::add);

        assertThat(seen).containsExactly(changed).isEqualTo(store.read(original.id()).entries());
        assertThat(header).isEqualTo(new ManifestStore.Header(original.id(), original.start(), original.end(), false, 1));
    }

    @Test
    void findsTheNewestAndTheLatestCompleteSnapshot() throws Exception {
        ManifestStore store = new ManifestStore(dir);
        store.write(manifest("20261101T000000Z", true));
        store.write(manifest("20261108T000000Z", true));
        store.write(manifest("20261115T000000Z", false));
        assertThat(store.ids()).extracting(SnapshotId::value)
                .containsExactly("20261101T000000Z", "20261108T000000Z", "20261115T000000Z");
        assertThat(store.newest().orElseThrow().id().value()).isEqualTo("20261115T000000Z");
        assertThat(store.latestComplete().orElseThrow().id().value()).isEqualTo("20261108T000000Z");
    }

    @Test
    void aDamagedManifestIsAnErrorNamingTheFile() throws Exception {
        ManifestStore store = new ManifestStore(dir);
        Files.writeString(dir.resolve("20261101T000000Z.json"), "{ not json");
        assertThatThrownBy(() -> store.read(new SnapshotId("20261101T000000Z")))
                .hasMessageContaining("20261101T000000Z.json");
    }
}
