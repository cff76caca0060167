package io.linkshelf.crawl;

import io.linkshelf.snapshot.SnapshotManifest;
import io.linkshelf.snapshot.ManifestEntry;
import io.linkshelf.snapshot.Outcome;
import io.linkshelf.snapshot.ImageOutcome;
import static org.assertj.core.api.Assertions.assertThat;

import io.linkshelf.testing.RecordedRequest;
import io.linkshelf.testing.Response;
import io.linkshelf.testing.TestServer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Politeness as the sites see it: every gap is measured from the test server's own arrival times, not
 * from what the crawler believes it did.
 */
class CrawlPolitenessTest {

    private static final String A = "127.0.0.2";
    private static final String B = "127.0.0.3";
    private static final String C = "127.0.0.4";
    private static final String D = "127.0.0.5";
    /**
     * The scheduler counts a gap from the moment it hands out the turn; the bytes reach the server after the client
     * set up its connection, which on a busy machine takes up to a few tens of milliseconds. So one arrival gap may be
     * that much shorter than the scheduled one.
     */
    private static final long TOLERANCE_MILLIS = 50;
    /**
     * The run's very first request also waits for the HTTP client's one-time set-up (class loading, pools) after its
     * turn, up to about 100 ms measured here; only the gap that follows it gets this allowance.
     */
    private static final long FIRST_REQUEST_WARM_UP_MILLIS = 120;

    @TempDir
    Path dir;

    private TestServer server;

    @BeforeEach
    void start() throws Exception {
        server = TestServer.start(A, B, C, D);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static String article(int n) {
        return "/s?__biz=MzA5&mid=" + n + "&idx=1&sn=abc";
    }

    /** Serves {@code count} WeChat articles on the host and returns their URLs. */
    private List<URI> articles(String host, int count, Duration firstByteDelay) {
        List<URI> urls = new ArrayList<>();
        for (int n = 1; n <= count; n++) {
            server.on(host, article(n)).respond(
                    CrawlFixtures.wechatArticle("文章" + host + "-" + n, "作者号", List.of()).firstByteDelay(firstByteDelay));
            urls.add(server.uri(host, article(n)));
        }
        return urls;
    }

    private List<RecordedRequest> pageRequests(String host) {
        return server.requests(host).stream().filter(r -> r.path().equals("/s")).toList();
    }

    private static Response robots(String text) {
        return Response.ok("text/plain; charset=utf-8", text, StandardCharsets.UTF_8);
    }

    @Test
    void oneRequestInFlightPerHostWithJitteredGapsWhileHostsProceedInParallel() throws Exception {
        List<URI> urls = new ArrayList<>(articles(A, 5, Duration.ofMillis(150)));
        urls.addAll(articles(B, 5, Duration.ofMillis(150)));
        SiteProfile slowA = new SiteProfile(A, Duration.ofMillis(300), 0.3, OptionalInt.empty(), false);
        SiteProfile slowB = new SiteProfile(B, Duration.ofMillis(300), 0.3, OptionalInt.empty(), false);
        CrawlOptions options = CrawlFixtures.options(dir, CrawlFixtures.catalog(dir, urls),
                CrawlFixtures.profiles(Duration.ofMillis(50), slowA, slowB));

        CrawlSummary summary = new Crawl(options, CrawlListener.SILENT).run();

        assertThat(summary.count(Outcome.OK)).as(summary.toString()).isEqualTo(10);
        List<Long> pageGaps = new ArrayList<>();
        for (String host : List.of(A, B)) {
            List<RecordedRequest> requests = server.requests(host);
            assertThat(requests).as("robots.txt and five pages on " + host).hasSize(6);
            assertThat(requests.get(0).path()).isEqualTo("/robots.txt");
            assertThat(CrawlFixtures.gapsMillis(requests).get(0)).as("gap after robots.txt on " + host)
                    .isGreaterThanOrEqualTo(210 - FIRST_REQUEST_WARM_UP_MILLIS);
            List<Long> gaps = CrawlFixtures.gapsMillis(requests.subList(1, requests.size()));
            // ±30 % jitter around 300 ms: never below 210 ms, and not one fixed gap
            assertThat(gaps).as("gaps between pages on " + host)
                    .allSatisfy(g -> assertThat(g).isGreaterThanOrEqualTo(210 - TOLERANCE_MILLIS));
            pageGaps.addAll(gaps);
            // each response takes 150 ms to start: a second request in flight would have overlapped it
            assertThat(server.stats(host).maxInFlightRequests()).as("requests in flight on " + host).isEqualTo(1);
            assertThat(server.stats(host).maxOpenConnections()).as("connections open on " + host).isEqualTo(1);
        }
        // eight gaps drawn from 210..390 ms spread well beyond measurement noise (under 40 ms: p < 0.001)
        long spread = pageGaps.stream().mapToLong(Long::longValue).max().orElseThrow()
                - pageGaps.stream().mapToLong(Long::longValue).min().orElseThrow();
        assertThat(spread).as("jitter between the page gaps " + pageGaps).isGreaterThan(40);
        List<RecordedRequest> a = pageRequests(A);
        List<RecordedRequest> b = pageRequests(B);
        long spanA = CrawlFixtures.spanMillis(server.requests(A));
        long spanB = CrawlFixtures.spanMillis(server.requests(B));
        long overall = CrawlFixtures.spanMillis(server.requests());
        assertThat(overall).as("both hosts' schedules (%d ms and %d ms) ran side by side", spanA, spanB)
                .isLessThan(Math.max(spanA, spanB) + Math.min(spanA, spanB) / 2);
        long firstA = a.get(0).arrivedNanos();
        long lastA = a.get(a.size() - 1).arrivedNanos();
        assertThat(b).as("pages of %s requested while %s was being crawled", B, A)
                .anySatisfy(r -> assertThat(r.arrivedNanos()).isBetween(firstA, lastA));
    }

    @Test
    void retryAfterAndRobotsCrawlDelayStretchTheGapsAndRobotsExclusionsAreOnlyCounted() throws Exception {
        // A: 429 asking for a second; B: 503 asking for a second
        server.on(A, article(1)).respond(Response.status(429).withHeader("Retry-After", "1"),
                CrawlFixtures.wechatArticle("限流之后", "作者号", List.of()));
        server.on(B, article(1)).respond(Response.status(503).withHeader("Retry-After", "1"),
                CrawlFixtures.wechatArticle("维护之后", "作者号", List.of()));
        // C: robots.txt asks for a second between requests, three pages
        server.on(C, "/robots.txt").respond(robots("User-agent: *\nCrawl-delay: 1\n"));
        // D: robots.txt excludes /s, which --robots listed fetches anyway and only counts
        server.on(D, "/robots.txt").respond(robots("User-agent: *\nDisallow: /s\n"));
        List<URI> urls = new ArrayList<>(List.of(server.uri(A, article(1)), server.uri(B, article(1))));
        urls.addAll(articles(C, 3, Duration.ZERO));
        urls.addAll(articles(D, 2, Duration.ZERO));
        CrawlOptions options = CrawlFixtures.options(dir, CrawlFixtures.catalog(dir, urls), Duration.ofMillis(50));

        CrawlSummary summary = new Crawl(options, CrawlListener.SILENT).run();

        assertThat(summary.count(Outcome.OK)).as(summary.toString()).isEqualTo(7);
        SnapshotManifest manifest = CrawlFixtures.manifest(options);
        for (String host : List.of(A, B)) {
            List<RecordedRequest> tries = pageRequests(host);
            assertThat(tries).as("a refused request and its retry on " + host).hasSize(2);
            assertThat(CrawlFixtures.gapsMillis(tries).get(0)).as("wait for Retry-After on " + host)
                    .isGreaterThanOrEqualTo(1000 - TOLERANCE_MILLIS);
            ManifestEntry entry = CrawlFixtures.entry(manifest, server.uri(host, article(1)));
            assertThat(entry.outcome()).isEqualTo(Outcome.OK);
            assertThat(entry.attempts()).isEqualTo(2);
        }

        List<RecordedRequest> onC = server.requests(C);
        assertThat(onC.get(0).path()).as("robots.txt comes before any page").isEqualTo("/robots.txt");
        assertThat(onC).hasSize(4);
        // Crawl-delay holds between every two requests, robots.txt and the first page included
        assertThat(CrawlFixtures.gapsMillis(onC)).allSatisfy(g -> assertThat(g).isGreaterThanOrEqualTo(1000 - TOLERANCE_MILLIS));
        assertThat(manifest.hosts().get(C).crawlDelaySeconds()).hasValue(1.0);

        assertThat(server.requests(D).get(0).path()).isEqualTo("/robots.txt");
        assertThat(pageRequests(D)).hasSize(2);
        assertThat(manifest.hosts().get(D).robotsExcluded()).isEqualTo(2);
        assertThat(manifest.hosts().get(C).robotsExcluded()).isZero();
    }

    @Test
    void robotsObeySkipsDisallowedPagesWithoutRequestingThem() throws Exception {
        server.on(A, "/robots.txt").respond(robots("User-agent: *\nDisallow: /s\n"));
        List<URI> urls = new ArrayList<>(articles(A, 2, Duration.ZERO));
        server.on(A, "/notes/1.html").respond(Response.ok("text/html; charset=utf-8",
                "<html><head><title>允许的页面</title></head><body><p>robots.txt 允许这一页。</p></body></html>",
                StandardCharsets.UTF_8));
        urls.add(server.uri(A, "/notes/1.html"));
        CrawlOptions options = CrawlFixtures.withRobots(
                CrawlFixtures.options(dir, CrawlFixtures.catalog(dir, urls), Duration.ofMillis(50)), RobotsMode.OBEY);

        CrawlSummary summary = new Crawl(options, CrawlListener.SILENT).run();

        SnapshotManifest manifest = CrawlFixtures.manifest(options);
        for (URI url : urls.subList(0, 2)) {
            ManifestEntry entry = CrawlFixtures.entry(manifest, url);
            assertThat(entry.outcome()).isEqualTo(Outcome.ROBOTS);
            assertThat(entry.reason()).contains("robots.txt");
            assertThat(entry.capture()).isEmpty();
        }
        assertThat(pageRequests(A)).as("no request for a disallowed page").isEmpty();
        assertThat(CrawlFixtures.entry(manifest, urls.get(2)).outcome()).isEqualTo(Outcome.OK);
        assertThat(server.requests(A)).extracting(RecordedRequest::path).containsExactly("/robots.txt", "/notes/1.html");
        assertThat(manifest.hosts().get(A).robotsExcluded()).isEqualTo(2);
        assertThat(summary.complete()).isTrue();
        assertThat(summary.count(Outcome.ROBOTS)).isEqualTo(2);
    }

    @Test
    void aSpentPageBudgetLeavesEntriesPendingAndTheNextDaysRunFinishesTheSameSnapshot() throws Exception {
        List<URI> urls = articles(A, 4, Duration.ZERO);
        SiteProfile budgetOfTwo = new SiteProfile(A, Duration.ofMillis(50), 0, OptionalInt.of(2), false);
        CrawlOptions options = CrawlFixtures.options(dir, CrawlFixtures.catalog(dir, urls),
                CrawlFixtures.profiles(Duration.ofMillis(50), budgetOfTwo));

        CrawlSummary first = new Crawl(options, CrawlListener.SILENT).run();

        assertThat(first.count(Outcome.OK)).as(first.toString()).isEqualTo(2);
        assertThat(first.count(Outcome.PENDING)).isEqualTo(2);
        assertThat(first.complete()).isFalse();
        SnapshotManifest afterFirst = CrawlFixtures.manifest(options);
        assertThat(afterFirst.complete()).isFalse();
        List<ManifestEntry> pending = afterFirst.entries().stream().filter(e -> e.outcome() == Outcome.PENDING).toList();
        assertThat(pending).allSatisfy(e -> {
            assertThat(e.reason()).contains("budget");
            assertThat(server.requestsTo(A, URI.create(e.seedUrl()).getRawPath() + "?" + URI.create(e.seedUrl()).getRawQuery()))
                    .isEmpty();
        });
        assertThat(pageRequests(A)).hasSize(2);

        // the budget is per rolling 24 hours: the next day's run continues the snapshot
        CrawlSummary second = new Crawl(options, CrawlListener.SILENT,
                java.time.Clock.offset(java.time.Clock.systemUTC(), Duration.ofHours(24).plusMinutes(1)),
                java.util.Optional.empty()).run();

        assertThat(second.snapshot()).isEqualTo(first.snapshot());
        assertThat(second.resumed()).isTrue();
        assertThat(second.complete()).isTrue();
        assertThat(second.count(Outcome.OK)).as(second.toString()).isEqualTo(4);
        SnapshotManifest afterSecond = CrawlFixtures.manifest(options);
        assertThat(afterSecond.id()).isEqualTo(afterFirst.id());
        assertThat(afterSecond.runs()).isEqualTo(2);
        assertThat(afterSecond.complete()).isTrue();
        // every page fetched exactly once over the two runs
        for (int n = 1; n <= 4; n++) {
            assertThat(server.requestsTo(A, article(n))).as("requests for page " + n).hasSize(1);
        }
    }

    @Test
    void blocksCoolTheHostDownDoublingAndThreeInARowStopThatHostOnly() throws Exception {
        List<URI> blockedUrls = new ArrayList<>();
        for (int n = 1; n <= 6; n++) {
            server.on(A, article(n)).respond(CrawlFixtures.wechatCaptcha());
            blockedUrls.add(server.uri(A, article(n)));
        }
        List<URI> fine = new ArrayList<>();
        for (int n = 1; n <= 4; n++) {
            String image = "/mmbiz_png/b" + n + "/640";
            server.on(B, article(n)).respond(CrawlFixtures.wechatArticle("正常文章" + n, "作者号",
                    List.of(server.uri(C, image + "?wx_fmt=png").toString())));
            server.on(C, image).respond(Response.ok("image/png", CrawlFixtures.png(n)));
            fine.add(server.uri(B, article(n)));
        }
        List<URI> urls = new ArrayList<>(blockedUrls);
        urls.addAll(fine);
        Duration coolDown = Duration.ofMillis(400);
        CrawlOptions options = CrawlFixtures.withCoolDown(
                CrawlFixtures.options(dir, CrawlFixtures.catalog(dir, urls), Duration.ofMillis(50)), coolDown);

        CrawlSummary summary = new Crawl(options, CrawlListener.SILENT).run();

        List<RecordedRequest> tries = pageRequests(A);
        assertThat(tries).as("three blocks in a row, then no more requests to " + A).hasSize(3);
        assertThat(tries).extracting(RecordedRequest::target).doesNotHaveDuplicates();
        List<Long> gaps = CrawlFixtures.gapsMillis(tries);
        assertThat(gaps.get(0)).as("cool-down after the first block").isGreaterThanOrEqualTo(coolDown.toMillis() - TOLERANCE_MILLIS);
        assertThat(gaps.get(1)).as("doubled cool-down after the second block")
                .isGreaterThanOrEqualTo(2 * coolDown.toMillis() - TOLERANCE_MILLIS);
        assertThat(summary.stoppedHosts()).containsOnlyKeys(A);

        SnapshotManifest manifest = CrawlFixtures.manifest(options);
        List<String> tried = tries.stream().map(r -> server.uri(A, r.target()).toString()).toList();
        for (URI url : blockedUrls) {
            ManifestEntry entry = CrawlFixtures.entry(manifest, url);
            if (tried.contains(url.toString())) {
                assertThat(entry.outcome()).as(url.toString()).isEqualTo(Outcome.BLOCKED);
                assertThat(entry.content()).as("a captcha is never content").isEmpty();
            } else {
                assertThat(entry.outcome()).as(url.toString()).isEqualTo(Outcome.PENDING);
                assertThat(entry.reason()).contains(A).contains("stopped");
            }
        }
        assertThat(manifest.hosts().get(A).stoppedReason()).isPresent();
        assertThat(manifest.complete()).isFalse();
        for (URI url : fine) {
            ManifestEntry entry = CrawlFixtures.entry(manifest, url);
            assertThat(entry.outcome()).as(url.toString()).isEqualTo(Outcome.OK);
            assertThat(entry.images()).singleElement().satisfies(i -> assertThat(i.outcome()).isEqualTo(ImageOutcome.OK));
        }
        List<RecordedRequest> images = server.requests(C).stream().filter(r -> r.path().startsWith("/mmbiz_png/")).toList();
        assertThat(images).hasSize(4).allSatisfy(r -> assertThat(r.header("Referer")).as(r.toString()).isEmpty());
    }

    /**
     * Reproduces a known gap: HttpFetcher follows redirects inside the turn of the first host, so a hop to another host
     * skips that host's schedule (measured: two requests 1 ms apart on a host with a 1 s delay) and its robots.txt.
     */
    @Test
    void aRedirectToAnotherHostWaitsForThatHostsTurn() throws Exception {
        List<URI> urls = new ArrayList<>();
        for (int n = 1; n <= 3; n++) {
            server.on(A, "/r" + n).respond(Response.redirect(302, server.uri(B, article(10 + n)).toString()));
            server.on(B, article(10 + n)).respond(CrawlFixtures.wechatArticle("转来的" + n, "作者号", List.of()));
            urls.add(server.uri(A, "/r" + n));
        }
        urls.addAll(articles(B, 3, Duration.ZERO));
        CrawlOptions options = CrawlFixtures.options(dir, CrawlFixtures.catalog(dir, urls), Duration.ofMillis(500));

        new Crawl(options, CrawlListener.SILENT).run();

        assertThat(CrawlFixtures.gapsMillis(server.requests(B)))
                .allSatisfy(g -> assertThat(g).isGreaterThanOrEqualTo(500 - FIRST_REQUEST_WARM_UP_MILLIS));
        assertThat(server.stats(B).maxInFlightRequests()).isEqualTo(1);
    }
}
