package io.linkshelf.crawl;

import io.linkshelf.snapshot.SnapshotManifest;
import io.linkshelf.snapshot.ManifestEntry;
import io.linkshelf.snapshot.Outcome;
import io.linkshelf.snapshot.ImageOutcome;
import io.linkshelf.snapshot.ManifestStore;
import static org.assertj.core.api.Assertions.assertThat;

import io.linkshelf.catalog.Catalog;
import io.linkshelf.testing.Response;
import io.linkshelf.testing.TestServer;
import io.linkshelf.warc.Capture;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcRevisit;

class CrawlSnapshotsTest {

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

    private static String page(int n) {
        return "/s?__biz=MzA5&mid=" + n + "&idx=1&sn=abc";
    }

    private String image(int n) {
        return server.uri("127.0.0.3", "/mmbiz_png/media" + n + "/640?wx_fmt=png").toString();
    }

    private Catalog catalog(int articles) throws Exception {
        StringBuilder md = new StringBuilder("# 作者的系列文章\n\n");
        for (int n = 1; n <= articles; n++) {
            md.append("[文章").append(n).append("](").append(server.uri("127.0.0.2", page(n))).append(")\n\n");
        }
        return CrawlFixtures.catalog(dir, md.toString());
    }

    private CrawlSummary crawl(Catalog catalog) throws Exception {
        return new Crawl(CrawlFixtures.options(dir, catalog, Duration.ofMillis(10)), CrawlListener.SILENT).run();
    }

    @Test
    void aSecondSnapshotStoresRevisitsKeepsDeletedCopiesAndFetchesNoCachedImage() throws Exception {
        Response same = CrawlFixtures.wechatArticle("不变的文章", "号", List.of(image(1)));
        Response etagged = CrawlFixtures.wechatArticle("带ETag的文章", "号", List.of(image(2))).withHeader("ETag", "\"v1\"");
        server.on("127.0.0.2", page(1)).respond(same);
        server.on("127.0.0.2", page(2)).respondWith(request -> request.header("If-None-Match").filter("\"v1\""::equals).isPresent()
                ? Response.status(304).withHeader("ETag", "\"v1\"")
                : etagged);
        server.on("127.0.0.2", page(3)).respond(CrawlFixtures.wechatArticle("会改的文章", "号", List.of(image(3))),
                CrawlFixtures.wechatArticle("会改的文章（修订版）", "号", List.of(image(3))));
        server.on("127.0.0.2", page(4)).respond(CrawlFixtures.wechatArticle("会被删的文章", "号", List.of(image(4))),
                CrawlFixtures.wechatDeleted());
        for (int n = 1; n <= 4; n++) {
            server.on("127.0.0.3", "/mmbiz_png/media" + n + "/640").respond(Response.ok("image/png", CrawlFixtures.png(n)));
        }
        Catalog catalog = catalog(4);

        CrawlSummary first = crawl(catalog);
        assertThat(first.count(Outcome.OK)).as(first.toString()).isEqualTo(4);
        int imageRequests = server.requests("127.0.0.3").size();

        CrawlSummary second = crawl(catalog);

        assertThat(second.snapshot()).isNotEqualTo(first.snapshot());
        assertThat(second.resumed()).isFalse();
        assertThat(server.requests("127.0.0.3").size() - imageRequests)
                .as("every image was cached, so the image host is not contacted at all").isZero();
        assertThat(server.requestsTo("127.0.0.2", page(2)).get(1).header("If-None-Match")).hasValue("\"v1\"");

        ManifestStore store = new ManifestStore(dir.resolve("archive/snapshots"));
        SnapshotManifest before = store.read(first.snapshot());
        SnapshotManifest after = store.read(second.snapshot());
        ManifestEntry unchanged = after.entries().get(0);
        assertThat(unchanged.outcome()).isEqualTo(Outcome.UNCHANGED);
        assertThat(unchanged.capture().orElseThrow().kind()).isEqualTo(Capture.Kind.REVISIT);
        assertThat(unchanged.content()).isEqualTo(before.entries().get(0).content());
        assertThat(unchanged.images()).singleElement().satisfies(i -> assertThat(i.outcome()).isEqualTo(ImageOutcome.CACHED));

        ManifestEntry notModified = after.entries().get(1);
        assertThat(notModified.outcome()).isEqualTo(Outcome.UNCHANGED);
        assertThat(notModified.httpStatus()).hasValue(304);
        assertThat(notModified.content()).isEqualTo(before.entries().get(1).content());

        ManifestEntry changed = after.entries().get(2);
        assertThat(changed.outcome()).isEqualTo(Outcome.OK);
        assertThat(changed.content()).isNotEqualTo(before.entries().get(2).content());
        assertThat(changed.article().title()).hasValue("会改的文章（修订版）");

        ManifestEntry deleted = after.entries().get(3);
        assertThat(deleted.outcome()).isEqualTo(Outcome.DELETED);
        assertThat(deleted.content()).as("the last good copy is kept").isEqualTo(before.entries().get(3).content());

        List<String> profiles = new java.util.ArrayList<>();
        try (var files = java.nio.file.Files.list(dir.resolve("archive/warc"))) {
            for (Path file : files.sorted().toList()) {
                try (WarcReader reader = new WarcReader(file)) {
                    for (WarcRecord record : reader) {
                        if (record instanceof WarcRevisit revisit) {
                            profiles.add(revisit.profile().toString());
                            assertThat(revisit.refersTo()).isPresent();
                        }
                    }
                }
            }
        }
        assertThat(profiles).containsExactlyInAnyOrder(
                "http://netpreserve.org/warc/1.1/revisit/identical-payload-digest",
                "http://netpreserve.org/warc/1.1/revisit/server-not-modified");
    }
}
