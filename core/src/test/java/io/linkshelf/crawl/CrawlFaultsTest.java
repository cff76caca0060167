package io.linkshelf.crawl;

import io.linkshelf.snapshot.SnapshotManifest;
import io.linkshelf.snapshot.ManifestEntry;
import io.linkshelf.snapshot.ImageCapture;
import io.linkshelf.snapshot.Outcome;
import io.linkshelf.snapshot.ImageOutcome;
import static org.assertj.core.api.Assertions.assertThat;

import io.linkshelf.crawl.CrawlFixtures.StoredRecord;
import io.linkshelf.testing.Response;
import io.linkshelf.testing.TestServer;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every fault class a site or the network can produce, one catalog entry each, in one crawl: each must end in its
 * outcome class, and every WARC record written on the way must be sound.
 */
class CrawlFaultsTest {

    /** Network and server faults that retries may or may not cure. */
    private static final String FLAKY = "127.0.0.2";
    /** WeChat-shaped pages: captcha, deleted, not found, gzip. */
    private static final String WECHAT = "127.0.0.3";
    /** Zhihu-shaped pages and a GBK page. */
    private static final String ZHIHU = "127.0.0.4";
    private static final String IMAGES = "127.0.0.5";
    /** A host that never answers in time, on its own so its retries run alongside the rest. */
    private static final String SLOW = "127.0.0.6";
    private static final String FIXTURES = "fixtures/extract/";

    @TempDir
    Path dir;

    private TestServer server;

    @BeforeEach
    void start() throws Exception {
        server = TestServer.start(FLAKY, WECHAT, ZHIHU, IMAGES, SLOW);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static Response article(String title, List<String> images) {
        return CrawlFixtures.wechatArticle(title, "作者号", images);
    }

    private static Response fixture(int status, String contentType, String name) {
        return Response.okResource(contentType, FIXTURES + name).withStatus(status);
    }

    private static String wechat(int mid) {
        return "/s?__biz=MzA5&mid=" + mid + "&idx=1&sn=abc";
    }

    @Test
    void everyFaultEndsInItsOutcomeAndEveryWarcRecordIsSound() throws Exception {
        List<URI> urls = new ArrayList<>();
        // FLAKY, in this order: blocks on one host never come three in a row, so it is never stopped
        server.on(FLAKY, "/f/reset").respond(article("断线重来", List.of()).resetAfterBodyBytes(200),
                article("断线重来", List.of()));
        server.on(FLAKY, "/f/short").respond(article("总是不完整", List.of()).shortBody(300));
        server.on(FLAKY, "/f/40362").respond(fixture(403, "application/json", "zhihu/error-40362.json"));
        server.on(FLAKY, "/f/500").respond(Response.status(500), article("服务器错误之后", List.of()));
        server.on(FLAKY, "/f/429").respond(Response.status(429), article("限流之后", List.of()));
        server.on(FLAKY, "/f/loop/a").respond(Response.redirect(302, "/f/loop/b"));
        server.on(FLAKY, "/f/loop/b").respond(Response.redirect(302, server.uri(FLAKY, "/f/loop/a").toString()));
        for (String path : List.of("/f/reset", "/f/short", "/f/40362", "/f/500", "/f/429", "/f/loop/a")) {
            urls.add(server.uri(FLAKY, path));
        }

        URI captcha = server.uri(WECHAT, wechat(1));
        server.on(WECHAT, wechat(1)).respond(Response.redirect(302, server.uri(WECHAT, "/mp/wappoc_appmsgcaptcha?poc_token=HCa1b2"
                + "&target_url=" + URLEncoder.encode(captcha.toString(), StandardCharsets.UTF_8)).toString()));
        server.on(WECHAT, "/mp/wappoc_appmsgcaptcha").respond(CrawlFixtures.wechatCaptcha());
        server.on(WECHAT, wechat(2)).respond(CrawlFixtures.wechatDeleted());
        // no route: the test server answers 404
        URI gone = server.uri(WECHAT, "/s?__biz=MzA5&mid=3&idx=1&sn=gone");
        String small = server.uri(IMAGES, "/mmbiz_png/small/640?wx_fmt=png").toString();
        String huge = server.uri(IMAGES, "/mmbiz_png/huge/640?wx_fmt=png").toString();
        server.on(WECHAT, wechat(4)).respond(article("压缩传输的文章", List.of(small, huge)).gzip().chunked());
        server.on(IMAGES, "/mmbiz_png/small/640").respond(Response.ok("image/png", CrawlFixtures.png(1)));
        byte[] hugeImage = new byte[300 * 1024];
        new Random(7).nextBytes(hugeImage);
        server.on(IMAGES, "/mmbiz_png/huge/640").respond(Response.ok("image/png", hugeImage));
        urls.addAll(List.of(captcha, server.uri(WECHAT, wechat(2)), gone, server.uri(WECHAT, wechat(4))));

        server.on(ZHIHU, "/p/101").respond(fixture(403, "text/html; charset=utf-8", "zhihu/challenge-403.html"));
        // the not-found text on a 403 is anti-bot, not a missing article (PLATFORMS.md §11)
        server.on(ZHIHU, "/p/104").respond(fixture(403, "text/html; charset=utf-8", "zhihu/not-found-404.html"));
        server.on(ZHIHU, "/p/102").respond(fixture(200, "text/html", "generic/gbk.html"));
        server.on(ZHIHU, "/upload/2011/inverted-index.jpg").respond(Response.ok("image/png", CrawlFixtures.png(2)));
        server.on(ZHIHU, "/p/103").respond(fixture(404, "text/html; charset=utf-8", "zhihu/not-found-404.html"));
        for (String path : List.of("/p/101", "/p/104", "/p/102", "/p/103")) {
            urls.add(server.uri(ZHIHU, path));
        }

        server.on(SLOW, "/slow").respond(article("太慢了", List.of()).firstByteDelay(Duration.ofSeconds(2)));
        urls.add(server.uri(SLOW, "/slow"));

        CrawlOptions options = CrawlFixtures.withLimits(
                CrawlFixtures.options(dir, CrawlFixtures.catalog(dir, urls), Duration.ofMillis(20)),
                Duration.ofSeconds(1), 100 * 1024);

        CrawlSummary summary = new Crawl(options, CrawlListener.SILENT).run();

        SnapshotManifest manifest = CrawlFixtures.manifest(options);
        List<StoredRecord> records = CrawlFixtures.warcRecords(options.archive());

        ManifestEntry reset = CrawlFixtures.entry(manifest, server.uri(FLAKY, "/f/reset"));
        assertThat(reset.outcome()).as(reset.toString()).isEqualTo(Outcome.OK);
        assertThat(reset.attempts()).isEqualTo(2);
        List<StoredRecord> resetResponses = responsesFor(records, server.uri(FLAKY, "/f/reset"));
        // the third is the probe that followed /f/40362's block: an archived, known-good page of the host asked for again
        assertThat(resetResponses).hasSize(3);
        assertThat(resetResponses.get(0).truncated()).hasValue("disconnect");
        assertThat(resetResponses.get(1).truncated()).isEmpty();
        assertThat(reset.capture().orElseThrow().responseRecordId()).as("the complete response is the capture")
                .isEqualTo(resetResponses.get(1).id());

        ManifestEntry shortBody = CrawlFixtures.entry(manifest, server.uri(FLAKY, "/f/short"));
        assertThat(shortBody.outcome()).as(shortBody.toString()).isEqualTo(Outcome.FAILED);
        assertThat(shortBody.reason()).contains("shorter than Content-Length");
        assertThat(shortBody.attempts()).isEqualTo(4);
        assertThat(shortBody.content()).isEmpty();
        assertThat(responsesFor(records, server.uri(FLAKY, "/f/short"))).as("each attempt stored, marked truncated")
                .hasSize(4).allSatisfy(r -> assertThat(r.truncated()).hasValue("disconnect"));

        ManifestEntry antiBotJson = CrawlFixtures.entry(manifest, server.uri(FLAKY, "/f/40362"));
        assertThat(antiBotJson.outcome()).as(antiBotJson.toString()).isEqualTo(Outcome.BLOCKED);
        assertThat(antiBotJson.reason()).contains("40362");

        for (String path : List.of("/f/500", "/f/429")) {
            ManifestEntry retried = CrawlFixtures.entry(manifest, server.uri(FLAKY, path));
            assertThat(retried.outcome()).as(retried.toString()).isEqualTo(Outcome.OK);
            assertThat(retried.attempts()).isEqualTo(2);
            assertThat(retried.httpStatus()).hasValue(200);
        }

        ManifestEntry loop = CrawlFixtures.entry(manifest, server.uri(FLAKY, "/f/loop/a"));
        assertThat(loop.outcome()).as(loop.toString()).isEqualTo(Outcome.FAILED);
        assertThat(loop.reason()).contains("redirect loop");
        assertThat(server.requestsTo(FLAKY, "/f/loop/a")).as("a loop is not retried").hasSize(1);

        ManifestEntry blockedByCaptcha = CrawlFixtures.entry(manifest, captcha);
        assertThat(blockedByCaptcha.outcome()).as(blockedByCaptcha.toString()).isEqualTo(Outcome.BLOCKED);
        assertThat(blockedByCaptcha.finalUrl().orElseThrow()).contains("/mp/wappoc_appmsgcaptcha");
        assertThat(blockedByCaptcha.content()).as("a captcha is never the entry's content").isEmpty();
        assertThat(server.requestsTo(WECHAT, wechat(1))).as("one last try, the host not being stopped").hasSize(2);

        assertThat(CrawlFixtures.entry(manifest, server.uri(WECHAT, wechat(2))).outcome()).isEqualTo(Outcome.DELETED);
        assertThat(CrawlFixtures.entry(manifest, gone).outcome()).isEqualTo(Outcome.NOT_FOUND);
        assertThat(CrawlFixtures.entry(manifest, gone).httpStatus()).hasValue(404);

        ManifestEntry gzipped = CrawlFixtures.entry(manifest, server.uri(WECHAT, wechat(4)));
        assertThat(gzipped.outcome()).as(gzipped.toString()).isEqualTo(Outcome.OK);
        assertThat(gzipped.article().title()).hasValue("压缩传输的文章");
        assertThat(gzipped.images()).extracting(ImageCapture::url, ImageCapture::outcome).containsExactly(
                org.assertj.core.groups.Tuple.tuple(small, ImageOutcome.OK),
                org.assertj.core.groups.Tuple.tuple(huge, ImageOutcome.TOO_LARGE));
        assertThat(responsesFor(records, URI.create(huge))).singleElement()
                .satisfies(r -> assertThat(r.truncated()).hasValue("length"));

        for (String path : List.of("/p/101", "/p/104")) {
            ManifestEntry zhihu = CrawlFixtures.entry(manifest, server.uri(ZHIHU, path));
            assertThat(zhihu.outcome()).as(zhihu.toString()).isEqualTo(Outcome.BLOCKED);
            assertThat(zhihu.content()).isEmpty();
        }
        assertThat(CrawlFixtures.entry(manifest, server.uri(ZHIHU, "/p/101")).reason()).contains("zse-ck");
        ManifestEntry gbk = CrawlFixtures.entry(manifest, server.uri(ZHIHU, "/p/102"));
        assertThat(gbk.outcome()).as(gbk.toString()).isEqualTo(Outcome.OK);
        assertThat(gbk.article().title()).hasValue("搜索引擎中的倒排索引 - 技术博客");
        assertThat(CrawlFixtures.entry(manifest, server.uri(ZHIHU, "/p/103")).outcome()).isEqualTo(Outcome.NOT_FOUND);

        ManifestEntry slow = CrawlFixtures.entry(manifest, server.uri(SLOW, "/slow"));
        assertThat(slow.outcome()).as(slow.toString()).isEqualTo(Outcome.FAILED);
        assertThat(slow.reason()).contains("timed out");
        assertThat(slow.attempts()).isEqualTo(4);

        assertThat(summary.stoppedHosts()).isEmpty();
        assertThat(summary.complete()).isTrue();
        assertThat(summary.count(Outcome.FAILED)).isEqualTo(3);

        assertThat(records).filteredOn(r -> r.type().equals("response")).isNotEmpty();
        assertThat(CrawlFixtures.warcProblems(records)).isEmpty();
    }

    @Test
    void theWarcChecksCatchAWrongDigestAndAnUnpairedRecord() {
        String target = "http://127.0.0.2/a";
        StoredRecord request = new StoredRecord("request", "urn:uuid:1", target, List.of("urn:uuid:2"), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), 0);
        StoredRecord response = new StoredRecord("response", "urn:uuid:2", target, List.of("urn:uuid:1"), Optional.empty(),
                Optional.empty(), Optional.of("sha1:AAAA"), Optional.of("sha1:AAAA"), 200);
        assertThat(CrawlFixtures.warcProblems(List.of(response, request))).isEmpty();

        StoredRecord wrongDigest = new StoredRecord("response", "urn:uuid:2", target, List.of("urn:uuid:1"),
                Optional.empty(), Optional.empty(), Optional.of("sha1:AAAA"), Optional.of("sha1:BBBB"), 200);
        assertThat(CrawlFixtures.warcProblems(List.of(wrongDigest, request))).singleElement().asString()
                .contains("payload digest");
        StoredRecord orphan = new StoredRecord("request", "urn:uuid:3", target, List.of("urn:uuid:9"), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), 0);
        assertThat(CrawlFixtures.warcProblems(List.of(response, request, orphan))).singleElement().asString()
                .contains("urn:uuid:3");
        StoredRecord revisit = new StoredRecord("revisit", "urn:uuid:4", target, List.of(), Optional.of("urn:uuid:2"),
                Optional.empty(), Optional.of("sha1:CCCC"), Optional.empty(), 200);
        assertThat(CrawlFixtures.warcProblems(List.of(response, request, revisit)))
                .anySatisfy(p -> assertThat(p).contains("revisit digest"))
                .anySatisfy(p -> assertThat(p).contains("no request record"));
    }

    private static List<StoredRecord> responsesFor(List<StoredRecord> records, URI url) {
        return records.stream().filter(r -> r.type().equals("response") && r.target().equals(url.toString())).toList();
    }
}
