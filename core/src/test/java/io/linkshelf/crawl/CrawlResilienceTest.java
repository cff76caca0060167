package io.linkshelf.crawl;

import io.linkshelf.snapshot.ManifestEntry;
import io.linkshelf.snapshot.Outcome;
import io.linkshelf.snapshot.SnapshotManifest;
import io.linkshelf.testing.RecordedRequest;
import io.linkshelf.testing.Response;
import io.linkshelf.testing.TestServer;
import io.linkshelf.testing.TestTls;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResponse;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Politeness and resilience against sites as they are: https-only hosts, captchas that belong to one URL, sites
 * that block, daily budgets, no network. Gaps are measured from the test servers' own arrival times.
 */
class CrawlResilienceTest {

    private static final String A = "127.0.0.2";
    private static final String B = "127.0.0.3";

    @TempDir
    static Path keys;

    private static TestTls tls;

    @TempDir
    Path dir;

    private final List<TestServer> servers = new ArrayList<>();

    @BeforeAll
    static void makeCertificate() throws Exception {
        tls = TestTls.create(keys);
    }

    @AfterEach
    void stopServers() {
        servers.forEach(TestServer::close);
    }

    private TestServer http(String... hosts) throws Exception {
        TestServer server = TestServer.start(hosts);
        servers.add(server);
        return server;
    }

    private TestServer https(String... hosts) throws Exception {
        TestServer server = TestServer.startTls(tls.server(), hosts);
        servers.add(server);
        return server;
    }

    private static String article(int n) {
        return "/s?__biz=MzA5&mid=" + n + "&idx=1&sn=abc";
    }

    private static List<RecordedRequest> pages(TestServer server, String host) {
        return server.requests(host).stream().filter(r -> r.path().equals("/s")).toList();
    }

    /** Every request to one host name over both servers, in arrival order. */
    private static List<RecordedRequest> merged(String host, TestServer... servers) {
        return Stream.of(servers).flatMap(s -> s.requests(host).stream())
                .sorted(Comparator.comparingLong(RecordedRequest::arrivedNanos)).toList();
    }

    private Crawl crawl(CrawlOptions options) {
        return new Crawl(options, CrawlListener.SILENT, Clock.systemUTC(), Optional.of(tls.client()));
    }

    private Crawl crawlAt(CrawlOptions options, Duration later) {
        return new Crawl(options, CrawlListener.SILENT, Clock.offset(Clock.systemUTC(), later), Optional.of(tls.client()));
    }

    /** An http host that redirects every article to the same URL over https, where the articles are. */
    private List<URI> httpsOnlyArticles(TestServer plain, TestServer secure, String host, int count) {
        List<URI> urls = new ArrayList<>();
        for (int n = 1; n <= count; n++) {
            String target = article(n);
            plain.on(host, target).respond(Response.redirect(301, secure.uri(host, target).toString()));
            secure.on(host, target).respond(CrawlFixtures.wechatArticle("文章" + n, "作者号", List.of()));
            urls.add(plain.uri(host, target));
        }
        return urls;
    }

    @Test
    void aHostThatRedirectsToHttpsCostsOneRequestPerArticleOnOneConnectionAndEveryHopKeepsTheGap() throws Exception {
        TestServer plain = http(A);
        TestServer secure = https(A);
        List<URI> urls = httpsOnlyArticles(plain, secure, A, 4);
        CrawlOptions options = CrawlFixtures.options(dir, CrawlFixtures.catalog(dir, urls), Duration.ofMillis(300));

        CrawlSummary summary = crawl(options).run();

        assertThat(summary.count(Outcome.OK)).as(summary.toString()).isEqualTo(4);
        // robots.txt (404 on http, so nothing learned yet), then the first article's redirect
        assertThat(plain.requests(A)).extracting(RecordedRequest::path).containsExactly("/robots.txt", "/s");
        assertThat(pages(secure, A)).extracting(RecordedRequest::target)
                .containsExactly(article(1), article(2), article(3), article(4));
        // the redirect hop waited the host's gap like any other request (same host, other port)
        List<Long> gaps = CrawlFixtures.gapsMillis(merged(A, plain, secure));
        assertThat(gaps).as("gaps between all requests to " + A).allSatisfy(g -> assertThat(g).isGreaterThanOrEqualTo(300));
        assertThat(secure.stats(A).connections()).as("one kept-alive TLS connection for every https request").isEqualTo(1);

        SnapshotManifest manifest = CrawlFixtures.manifest(options);
        for (int n = 1; n <= 4; n++) {
            ManifestEntry entry = CrawlFixtures.entry(manifest, urls.get(n - 1));
            assertThat(entry.seedUrl()).as("the seed URL stays the entry's identity").startsWith("http://");
            assertThat(entry.finalUrl()).hasValue(secure.uri(A, article(n)).toString());
            assertThat(entry.article().title()).hasValue("文章" + n);
        }
        // the WARC holds the exchanges that happened, each response with its own bytes, on the kept-alive connection
        List<CrawlFixtures.StoredRecord> records = CrawlFixtures.warcRecords(options.archive());
        assertThat(CrawlFixtures.warcProblems(records)).isEmpty();
        for (int n = 1; n <= 4; n++) {
            String title = "文章" + n;
            assertThat(responsePayload(options.archive(), secure.uri(A, article(n)).toString())).contains(title);
        }
        assertThat(records).filteredOn(r -> r.type().equals("response"))
                .filteredOn(r -> r.target().startsWith("http://") && r.target().contains("mid=2")).isEmpty();
        assertThat(Files.readString(options.archive().resolve("state/https-hosts.json")))
                .contains("\"" + A + ":" + plain.port() + "\"").contains(A + ":" + secure.port());

        // the next snapshot goes straight to https from its first request: the host is remembered
        crawl(CrawlFixtures.withNewSnapshot(options)).run();
        assertThat(plain.requests(A)).as("no further request over http").hasSize(2);
        assertThat(pages(secure, A)).hasSize(8);
    }

    /** The payload of the response record for {@code target}, as text. */
    private static String responsePayload(Path archive, String target) throws Exception {
        List<Path> files;
        try (Stream<Path> list = Files.list(archive.resolve("warc"))) {
            files = list.filter(p -> p.toString().endsWith(".warc.gz")).sorted().toList();
        }
        for (Path file : files) {
            try (WarcReader reader = new WarcReader(file)) {
                for (WarcRecord record : reader) {
                    if (record instanceof WarcResponse response && response.target().equals(target)) {
                        return new String(response.http().body().stream().readAllBytes(), StandardCharsets.UTF_8);
                    }
                }
            }
        }
        throw new AssertionError("no response record for " + target);
    }

    @Test
    void aCrawlDelayOfTwoSecondsIsAFloorThatJitterNeverUndercuts() throws Exception {
        TestServer server = http(A);
        server.on(A, "/robots.txt").respond(Response.ok("text/plain; charset=utf-8", "User-agent: *\nCrawl-delay: 2\n",
                StandardCharsets.UTF_8));
        List<URI> urls = new ArrayList<>();
        for (int n = 1; n <= 3; n++) {
            server.on(A, article(n)).respond(CrawlFixtures.wechatArticle("文章" + n, "作者号", List.of()));
            urls.add(server.uri(A, article(n)));
        }
        SiteProfile jittered = new SiteProfile(A, Duration.ofMillis(1_500), 0.3, OptionalInt.empty(), false);
        CrawlOptions options = CrawlFixtures.options(dir, CrawlFixtures.catalog(dir, urls),
                CrawlFixtures.profiles(Duration.ofMillis(50), jittered));

        crawl(options).run();

        // the arrival of a request comes after its turn, which comes a full gap after the previous response ended
        assertThat(CrawlFixtures.gapsMillis(server.requests(A))).hasSize(3)
                .allSatisfy(g -> assertThat(g).isGreaterThanOrEqualTo(2_000));
    }

    @Test
    void aCaptchaThatBelongsToOneUrlCostsOneCoolDownAndOneProbeAndTheHostGoesOn() throws Exception {
        TestServer server = http(A);
        List<URI> urls = new ArrayList<>();
        for (int n = 1; n <= 5; n++) {
            server.on(A, article(n)).respond(n == 3 ? CrawlFixtures.wechatCaptcha()
                    : CrawlFixtures.wechatArticle("文章" + n, "作者号", List.of()));
            urls.add(server.uri(A, article(n)));
        }
        Duration coolDown = Duration.ofMillis(1_500);
        CrawlOptions options = CrawlFixtures.withCoolDown(
                CrawlFixtures.options(dir, CrawlFixtures.catalog(dir, urls), Duration.ofMillis(100)), coolDown);

        CrawlSummary summary = crawl(options).run();

        List<RecordedRequest> pages = pages(server, A);
        assertThat(pages).extracting(RecordedRequest::target)
                .as("the captcha URL once, then one probe of the newest good page, then on")
                .containsExactly(article(1), article(2), article(3), article(2), article(4), article(5));
        List<Long> gaps = CrawlFixtures.gapsMillis(pages);
        assertThat(gaps.get(2)).as("the cool-down before the probe").isGreaterThanOrEqualTo(coolDown.toMillis());
        assertThat(gaps.get(3)).as("the normal pace after a fine probe").isLessThan(coolDown.toMillis());
        assertThat(summary.stoppedHosts()).isEmpty();
        SnapshotManifest manifest = CrawlFixtures.manifest(options);
        ManifestEntry blocked = CrawlFixtures.entry(manifest, urls.get(2));
        assertThat(blocked.outcome()).isEqualTo(Outcome.BLOCKED);
        assertThat(blocked.reason()).contains("came back fine").contains("this URL's");
        assertThat(blocked.content()).isEmpty();
        for (int n : new int[] {1, 2, 4, 5}) {
            assertThat(CrawlFixtures.entry(manifest, urls.get(n - 1)).outcome()).isEqualTo(Outcome.OK);
        }
        assertThat(manifest.complete()).isTrue();
    }

    @Test
    void aSiteThatBlocksTheProbeTooIsStoppedAfterThreeBlocksInARow() throws Exception {
        TestServer server = http(A);
        List<URI> urls = new ArrayList<>();
        // the first page is fine once; from then on the whole site answers with the captcha
        server.on(A, article(1)).respond(CrawlFixtures.wechatArticle("文章1", "作者号", List.of()), CrawlFixtures.wechatCaptcha());
        urls.add(server.uri(A, article(1)));
        for (int n = 2; n <= 8; n++) {
            server.on(A, article(n)).respond(CrawlFixtures.wechatCaptcha());
            urls.add(server.uri(A, article(n)));
        }
        Duration coolDown = Duration.ofMillis(150);
        CrawlOptions options = CrawlFixtures.withCoolDown(
                CrawlFixtures.options(dir, CrawlFixtures.catalog(dir, urls), Duration.ofMillis(20)), coolDown);

        CrawlSummary summary = crawl(options).run();

        List<RecordedRequest> pages = pages(server, A);
        assertThat(pages).extracting(RecordedRequest::target).as("each block followed by exactly one probe")
                .containsExactly(article(1), article(2), article(1), article(3), article(1), article(4), article(1));
        List<Long> gaps = CrawlFixtures.gapsMillis(pages);
        assertThat(gaps.get(1)).as("cool-down before the first probe").isGreaterThanOrEqualTo(coolDown.toMillis());
        assertThat(gaps.get(2)).as("doubled after the first site block").isGreaterThanOrEqualTo(2 * coolDown.toMillis());
        assertThat(gaps.get(4)).as("doubled again").isGreaterThanOrEqualTo(4 * coolDown.toMillis());
        assertThat(summary.stoppedHosts()).containsOnlyKeys(A);
        assertThat(summary.stoppedHosts().get(A)).isEqualTo(A + " stopped for this run after 3 blocks in a row");
        SnapshotManifest manifest = CrawlFixtures.manifest(options);
        for (int n = 5; n <= 8; n++) {
            ManifestEntry entry = CrawlFixtures.entry(manifest, urls.get(n - 1));
            assertThat(entry.outcome()).isEqualTo(Outcome.PENDING);
            assertThat(entry.reason()).isEqualTo(A + " stopped for this run after 3 blocks in a row");
        }
        assertThat(CrawlFixtures.entry(manifest, urls.get(3)).reason()).contains("blocked too");
    }

    @Test
    void twoRunsOnOneDayShareTheBudgetAndTheNextDayReopensIt() throws Exception {
        TestServer server = http(A);
        List<URI> urls = new ArrayList<>();
        for (int n = 1; n <= 10; n++) {
            server.on(A, article(n)).respond(CrawlFixtures.wechatArticle("文章" + n, "作者号", List.of()));
            urls.add(server.uri(A, article(n)));
        }
        SiteProfile sixADay = new SiteProfile(A, Duration.ofMillis(20), 0, OptionalInt.of(6), false);
        CrawlOptions options = CrawlFixtures.options(dir, CrawlFixtures.catalog(dir, urls),
                CrawlFixtures.profiles(Duration.ofMillis(20), sixADay));
        List<String> notices = new ArrayList<>();
        CrawlListener listening = new CrawlListener() {
            @Override
            public void onProgress(CrawlProgress progress) { }

            @Override
            public synchronized void onNotice(String message) {
                notices.add(message);
            }
        };

        CrawlSummary first = new Crawl(options, listening, Clock.systemUTC(), Optional.empty()).run();
        CrawlSummary second = crawl(options).run();

        assertThat(notices).contains("10 " + A + " pages at 6 a day: this snapshot needs 2 days of runs");
        assertThat(pages(server, A)).as("six article pages in all on one day").hasSize(6);
        assertThat(first.count(Outcome.OK)).isEqualTo(6);
        assertThat(second.count(Outcome.OK)).isEqualTo(6);
        assertThat(second.count(Outcome.PENDING)).isEqualTo(4);
        assertThat(second.stoppedHosts().get(A)).contains("page budget of 6 a day").contains("reopens at");
        assertThat(CrawlFixtures.entry(CrawlFixtures.manifest(options), urls.get(9)).reason()).contains("reopens at");
        // the next day's run continues: CrawlPolitenessTest.aSpentPageBudgetLeavesEntriesPendingAndTheNextDaysRun...
    }

    @Test
    void whenTheBudgetCannotCoverTheListNeverCapturedPagesComeFirstThenTheOldestCaptures() throws Exception {
        TestServer server = http(A);
        List<URI> urls = new ArrayList<>();
        for (int n = 1; n <= 10; n++) {
            server.on(A, article(n)).respond(CrawlFixtures.wechatArticle("文章" + n, "作者号", List.of()));
            urls.add(server.uri(A, article(n)));
        }
        SiteProfile fourADay = new SiteProfile(A, Duration.ofMillis(20), 0, OptionalInt.of(4), false);
        CrawlOptions options = CrawlFixtures.withNewSnapshot(CrawlFixtures.options(dir, CrawlFixtures.catalog(dir, urls),
                CrawlFixtures.profiles(Duration.ofMillis(20), fourADay)));

        for (int day = 0; day < 3; day++) {
            crawlAt(options, Duration.ofHours(24L * day + day)).run();
        }

        List<String> order = pages(server, A).stream().map(RecordedRequest::target).toList();
        assertThat(order).containsExactly(
                article(1), article(2), article(3), article(4),
                article(5), article(6), article(7), article(8), // never captured before those captured on day 0
                article(9), article(10), article(1), article(2)); // then the oldest captures
    }

    @Test
    void withoutNetworkTheRunEndsQuicklyAndEveryEntryStaysPending() throws Exception {
        List<URI> urls = new ArrayList<>();
        for (int n = 1; n <= 5; n++) {
            urls.add(URI.create("http://mp.linkshelf-test.invalid" + article(n)));
            urls.add(URI.create("http://zhuanlan.linkshelf-test.invalid/p/" + n));
        }
        CrawlOptions options = CrawlFixtures.options(dir, CrawlFixtures.catalog(dir, urls), Duration.ofMillis(200));
        long start = System.nanoTime();

        CrawlSummary summary = crawl(options).run();

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMinutes(1));
        assertThat(summary.offline()).hasValue("no network? mp.linkshelf-test.invalid: unknown host; "
                + "zhuanlan.linkshelf-test.invalid: unknown host");
        assertThat(summary.count(Outcome.PENDING)).isEqualTo(10);
        assertThat(summary.count(Outcome.FAILED)).isZero();
        assertThat(CrawlFixtures.manifest(options).entries())
                .allSatisfy(e -> assertThat(e.reason()).contains("could not be reached (unknown host"));
    }

    @Test
    void aClosedProxyPortEndsTheRunQuicklyAndEveryEntryStaysPending() throws Exception {
        TestServer server = http(A, B);
        List<URI> urls = new ArrayList<>();
        for (int n = 1; n <= 4; n++) {
            server.on(A, article(n)).respond(CrawlFixtures.wechatArticle("文章" + n, "作者号", List.of()));
            urls.add(server.uri(A, article(n)));
            urls.add(server.uri(B, article(n)));
        }
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        CrawlOptions options = CrawlFixtures.withProxy(
                CrawlFixtures.options(dir, CrawlFixtures.catalog(dir, urls), Duration.ofMillis(200)),
                URI.create("http://127.0.0.1:" + closed));
        long start = System.nanoTime();

        CrawlSummary summary = crawl(options).run();

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMinutes(1));
        String why = "connection refused (proxy 127.0.0.1:" + closed + ")";
        assertThat(summary.offline()).hasValue("no network? " + A + ": " + why + "; " + B + ": " + why);
        assertThat(summary.count(Outcome.PENDING)).isEqualTo(8);
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void a304CarryingContentEncodingGzipIsUnchanged() throws Exception {
        TestServer server = http(A);
        server.on(A, article(1)).respond(
                CrawlFixtures.wechatArticle("文章1", "作者号", List.of()).withHeader("ETag", "\"v1\"").gzip(),
                Response.status(304).withHeader("ETag", "\"v1\"").withHeader("Content-Encoding", "gzip"));
        URI url = server.uri(A, article(1));
        CrawlOptions options = CrawlFixtures.options(dir, CrawlFixtures.catalog(dir, List.of(url)), Duration.ofMillis(20));

        crawl(options).run();
        CrawlSummary second = crawl(options).run();

        assertThat(pages(server, A).get(1).header("If-None-Match")).hasValue("\"v1\"");
        ManifestEntry entry = CrawlFixtures.entry(CrawlFixtures.manifest(options), url);
        assertThat(entry.outcome()).as(entry.toString()).isEqualTo(Outcome.UNCHANGED);
        assertThat(second.count(Outcome.FAILED)).isZero();
    }
}
