package io.linkshelf.crawl;

import io.linkshelf.snapshot.SnapshotManifest;
import io.linkshelf.snapshot.Outcome;
import io.linkshelf.snapshot.ImageOutcome;
import io.linkshelf.snapshot.ManifestStore;
import static org.assertj.core.api.Assertions.assertThat;

import io.linkshelf.catalog.Catalog;
import io.linkshelf.testing.Response;
import io.linkshelf.testing.TestServer;
import io.linkshelf.warc.CdxjIndex;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResponse;

class CrawlEndToEndTest {

    @TempDir
    Path dir;

    private TestServer server;

    @BeforeEach
    void start() throws Exception {
        server = TestServer.start("127.0.0.2", "127.0.0.3");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private String page(int n) {
        return "/s?__biz=MzA5&mid=" + n + "&idx=1&sn=abc";
    }

    private String image(int n) {
        return server.uri("127.0.0.3", "/mmbiz_png/media" + n + "/640?wx_fmt=png").toString();
    }

    @Test
    void capturesEveryArticleAndItsImagesIntoWarcWithAManifestAndAnIndex() throws Exception {
        for (int n = 1; n <= 3; n++) {
            server.on("127.0.0.2", page(n)).respond(CrawlFixtures.wechatArticle("文章" + n, "作者号", List.of(image(n), image(9))));
        }
        for (int n : new int[] {1, 2, 3, 9}) {
            server.on("127.0.0.3", "/mmbiz_png/media" + n + "/640").respond(Response.ok("image/png", CrawlFixtures.png(n)));
        }
        StringBuilder md = new StringBuilder("# 作者的系列文章\n\n");
        for (int n = 1; n <= 3; n++) {
            md.append("[文章").append(n).append("](").append(server.uri("127.0.0.2", page(n))).append(")\n\n");
        }
        Catalog catalog = CrawlFixtures.catalog(dir, md.toString());

        CrawlSummary summary = new Crawl(CrawlFixtures.options(dir, catalog, Duration.ofMillis(20)), CrawlListener.SILENT).run();

        assertThat(summary.count(Outcome.OK)).as(summary.toString()).isEqualTo(3);
        assertThat(summary.complete()).isTrue();
        // Six image slots (two per article); the image all three show is fetched once and shared.
        assertThat(summary.imagesByOutcome().getOrDefault(ImageOutcome.OK, 0)
                + summary.imagesByOutcome().getOrDefault(ImageOutcome.CACHED, 0)).isEqualTo(6);
        assertThat(server.requestsTo("127.0.0.3", "/mmbiz_png/media9/640")).hasSize(1);
        assertThat(server.requests("127.0.0.3")).hasSize(1 + 4); // robots.txt and four distinct images
        assertThat(server.requestsTo("127.0.0.3", "/mmbiz_png/media1/640").get(0).header("Referer")).isEmpty();

        SnapshotManifest manifest = new ManifestStore(dir.resolve("archive/snapshots")).newest().orElseThrow();
        assertThat(manifest.complete()).isTrue();
        assertThat(manifest.entries()).allSatisfy(e -> {
            assertThat(e.capture()).isPresent();
            assertThat(e.article().title()).hasValue(e.seedTitle());
            assertThat(e.article().author()).hasValue("作者号");
            assertThat(e.article().published()).hasValue("2023-11-14T22:13:20Z");
            assertThat(e.images()).hasSize(2);
        });

        List<Path> warcs;
        try (Stream<Path> files = Files.list(dir.resolve("archive/warc"))) {
            warcs = files.toList();
        }
        assertThat(warcs).singleElement().satisfies(p -> assertThat(p.getFileName().toString()).matches(
                "linkshelf-" + manifest.id().value() + "-00000\\.warc\\.gz"));
        int responses = 0;
        try (WarcReader reader = new WarcReader(warcs.get(0))) {
            for (WarcRecord record : reader) {
                if (record instanceof WarcResponse response) {
                    responses++;
                    assertThat(response.payloadDigest()).isPresent();
                    assertThat(response.blockDigest()).isPresent();
                }
            }
        }
        assertThat(responses).isEqualTo(2 + 3 + 4); // robots.txt on two hosts, three pages, four images
        assertThat(io.linkshelf.warc.WarcIndexer.capturesIn(warcs.get(0))).hasSize(responses);
        assertThat(CdxjIndex.read(dir.resolve("archive/index/captures.cdxj"))).hasSize(responses);
    }
}
