package io.linkshelf.crawl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.linkshelf.crawl.FetchResult.Cause;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Routes on a loopback HttpServer: decoding, redirects, Retry-After, caps and the network policy. */
class HttpFetcherTest {

    private static final byte[] PAGE = "<html><title>搜索与推荐</title></html>".getBytes(StandardCharsets.UTF_8);

    private HttpServer server;
    private HttpFetcher fetcher;
    private final AtomicInteger hits = new AtomicInteger();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            hits.incrementAndGet();
            route(exchange);
        });
        server.start();
        fetcher = new HttpFetcher(HttpFetcherRawTest.loopbackSettings().withAllowPrivateNetworks(false));
    }

    @AfterEach
    void stop() {
        fetcher.close();
        server.stop(0);
    }

    private void route(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String query = exchange.getRequestURI().getQuery();
        switch (path) {
            case "/gzip" -> send(exchange, 200, "gzip", gzip(PAGE));
            case "/deflate" -> send(exchange, 200, "deflate", deflate(PAGE));
            case "/plain" -> send(exchange, 200, null, PAGE);
            case "/r1" -> redirect(exchange, 302, "/r2");
            case "/r2" -> redirect(exchange, 301, "http://127.0.0.1:" + port() + "/final?x=1");
            case "/final" -> send(exchange, 200, null, PAGE);
            case "/loop-a" -> redirect(exchange, 302, "/loop-b");
            case "/loop-b" -> redirect(exchange, 307, "/loop-a#again");
            case "/chain" -> {
                int left = Integer.parseInt(query.substring("left=".length()));
                if (left == 0) {
                    send(exchange, 200, null, PAGE);
                } else {
                    redirect(exchange, 308, "/chain?left=" + (left - 1));
                }
            }
            case "/to-file" -> redirect(exchange, 302, "file:///etc/passwd");
            case "/busy-seconds" -> {
                exchange.getResponseHeaders().add("Retry-After", "120");
                send(exchange, 503, null, PAGE);
            }
            case "/busy-date" -> {
                exchange.getResponseHeaders().add("Retry-After", DateTimeFormatter.RFC_1123_DATE_TIME
                        .format(Instant.now().plusSeconds(3600).atOffset(ZoneOffset.UTC)));
                send(exchange, 429, null, PAGE);
            }
            case "/bomb" -> send(exchange, 200, "gzip", Bomb.GZIP);
            case "/not-modified-gzip" -> send(exchange, 304, "gzip", new byte[0]);
            default -> send(exchange, 404, null, new byte[0]);
        }
    }

    private int port() {
        return server.getAddress().getPort();
    }

    private URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + port() + pathAndQuery);
    }

    private static void redirect(HttpExchange exchange, int status, String location) throws IOException {
        exchange.getResponseHeaders().add("Location", location);
        send(exchange, status, null, "moved".getBytes(StandardCharsets.US_ASCII));
    }

    private static void send(HttpExchange exchange, int status, String encoding, byte[] body) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
        if (encoding != null) {
            exchange.getResponseHeaders().add("Content-Encoding", encoding);
        }
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(data);
        }
        return bytes.toByteArray();
    }

    private static byte[] deflate(byte[] data) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DeflaterOutputStream out = new DeflaterOutputStream(bytes)) {
            out.write(data);
        }
        return bytes.toByteArray();
    }

    /** 200 MB of zeros, gzipped to about 200 KB; built once. */
    private static final class Bomb {
        static final byte[] GZIP;

        static {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
                byte[] zeros = new byte[1024 * 1024];
                for (int i = 0; i < 200; i++) {
                    out.write(zeros);
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            GZIP = bytes.toByteArray();
        }
    }

    private FetchRequest page(String pathAndQuery) {
        return FetchRequest.page(uri(pathAndQuery)).withPrivateAddressAllowed(true);
    }

    @Test
    void decodesGzipAndDeflateBodiesButRecordsThemEncoded() throws Exception {
        try (FetchResult gzip = fetcher.fetch(page("/gzip")); FetchResult deflate = fetcher.fetch(page("/deflate"))) {
            assertThat(gzip.body()).isEqualTo(PAGE);
            assertThat(deflate.body()).isEqualTo(PAGE);
            assertThat(gzip.contentType()).contains("text/html; charset=utf-8");
            byte[] raw = gzip.exchanges().get(0).rawResponse().readAll();
            assertThat(new String(raw, StandardCharsets.ISO_8859_1)).containsIgnoringCase("Content-Encoding: gzip")
                    .doesNotContain("搜索");
            assertThat(raw).endsWith(gzip(PAGE));
        }
    }

    @Test
    void neverDecodesA304EvenWhenItRepeatsTheContentEncoding() throws Exception {
        try (FetchResult result = fetcher.fetch(page("/not-modified-gzip"))) {
            assertThat(result.failure()).isEmpty();
            assertThat(result.status()).isEqualTo(304);
            assertThat(result.body()).isEmpty();
            assertThat(result.lastExchange().orElseThrow().header("Content-Encoding")).hasValue("gzip");
        }
    }

    @Test
    void followsA302Then301ToTheFinalPageRecordingEveryHop() throws Exception {
        try (FetchResult result = fetcher.fetch(page("/r1"))) {
            assertThat(result.failure()).isEmpty();
            assertThat(result.exchanges()).extracting(RecordedExchange::status).containsExactly(302, 301, 200);
            assertThat(result.exchanges()).extracting(e -> e.target().getPath()).containsExactly("/r1", "/r2", "/final");
            assertThat(result.finalUri()).isEqualTo(uri("/final?x=1"));
            assertThat(result.status()).isEqualTo(200);
            assertThat(result.body()).isEqualTo(PAGE);
            for (RecordedExchange hop : result.exchanges()) {
                assertThat(new String(hop.rawResponse().readAll(), StandardCharsets.ISO_8859_1))
                        .startsWith("HTTP/1.1 " + hop.status() + " ");
                assertThat(new String(hop.rawRequest(), StandardCharsets.US_ASCII))
                        .startsWith("GET " + hop.target().getRawPath());
            }
            assertThat(new String(result.exchanges().get(2).rawRequest(), StandardCharsets.US_ASCII))
                    .startsWith("GET /final?x=1 HTTP/1.1\r\n").doesNotContainIgnoringCase("referer");
        }
    }

    @Test
    void stopsARedirectLoop() throws Exception {
        try (FetchResult result = fetcher.fetch(page("/loop-a"))) {
            assertThat(result.failure()).hasValueSatisfying(f -> {
                assertThat(f.cause()).isEqualTo(Cause.REDIRECT_LOOP);
                assertThat(f.reason()).startsWith("redirect loop: ").contains("/loop-a -> ").contains("/loop-b -> ");
            });
            assertThat(result.exchanges()).hasSize(2);
            assertThat(result.body()).isEmpty();
        }
    }

    @Test
    void followsTenRedirectsButNotEleven() throws Exception {
        try (FetchResult ten = fetcher.fetch(page("/chain?left=10")); FetchResult eleven = fetcher.fetch(page("/chain?left=11"))) {
            assertThat(ten.failure()).isEmpty();
            assertThat(ten.exchanges()).hasSize(11);
            assertThat(eleven.failure()).hasValueSatisfying(f -> {
                assertThat(f.cause()).isEqualTo(Cause.TOO_MANY_REDIRECTS);
                assertThat(f.reason()).contains("more than 10 redirects");
            });
            assertThat(eleven.exchanges()).hasSize(11);
        }
    }

    @Test
    void refusesARedirectToANonHttpScheme() throws Exception {
        try (FetchResult result = fetcher.fetch(page("/to-file"))) {
            assertThat(result.failure()).hasValueSatisfying(f -> {
                assertThat(f.cause()).isEqualTo(Cause.BAD_URL);
                assertThat(f.reason()).contains("file:///etc/passwd").contains("only http and https");
            });
            assertThat(result.exchanges()).hasSize(1);
        }
    }

    @Test
    void parsesRetryAfterInSecondsAndAsAnHttpDate() throws Exception {
        try (FetchResult seconds = fetcher.fetch(page("/busy-seconds")); FetchResult date = fetcher.fetch(page("/busy-date"))) {
            assertThat(seconds.status()).isEqualTo(503);
            assertThat(seconds.retryAfter()).contains(Duration.ofSeconds(120));
            assertThat(date.status()).isEqualTo(429);
            assertThat(date.retryAfter()).hasValueSatisfying(d ->
                    assertThat(d).isBetween(Duration.ofSeconds(3500), Duration.ofSeconds(3600)));
        }
        assertThat(HttpFetcher.parseRetryAfter("Wed, 21 Oct 2015 07:28:00 GMT", Instant.parse("2015-10-21T07:27:00Z")))
                .contains(Duration.ofMinutes(1));
        assertThat(HttpFetcher.parseRetryAfter("soon", Instant.now())).isEmpty();
    }

    @Test
    void stopsDecodingAGzipBombAtTheCap() throws Exception {
        assertThat(Bomb.GZIP.length).isLessThan(400 * 1024);
        // Bytes this thread allocates while fetching (the fetch runs on the caller's thread): the heap's
        // size is no measure, the JVM grows it as it likes when other tests have left garbage behind.
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        try (FetchResult result = fetcher.fetch(page("/bomb"))) {
            assertThat(result.failure()).hasValueSatisfying(f -> {
                assertThat(f.cause()).isEqualTo(Cause.TOO_LARGE);
                assertThat(f.reason()).contains("decoded body").contains("25 MiB page cap");
            });
            assertThat(result.body()).isEmpty();
            // the raw bytes arrived whole, so the record itself is complete
            assertThat(result.exchanges().get(0).truncated()).isEmpty();
        }
        // decoding stops at the 25 MiB cap: a few buffers of that size, not the bomb's gigabytes
        assertThat(threads.getCurrentThreadAllocatedBytes() - before).isLessThan(150L * 1024 * 1024);
    }

    @Test
    void refusesAPrivateAddressForAUrlFoundInAPage() throws Exception {
        try (FetchResult literal = fetcher.fetch(FetchRequest.image(uri("/plain")));
                FetchResult named = fetcher.fetch(FetchRequest.image(URI.create("http://localhost:" + port() + "/plain")))) {
            assertThat(literal.failure()).hasValueSatisfying(f -> {
                assertThat(f.cause()).isEqualTo(Cause.REFUSED_ADDRESS);
                assertThat(f.reason()).contains("127.0.0.1");
            });
            assertThat(named.failure().orElseThrow().cause()).isEqualTo(Cause.REFUSED_ADDRESS);
            assertThat(literal.exchanges()).isEmpty();
        }
        assertThat(hits.get()).isZero();
        try (FetchResult allowed = fetcher.fetch(FetchRequest.image(uri("/plain")).withPrivateAddressAllowed(true))) {
            assertThat(allowed.failure()).isEmpty();
            assertThat(allowed.body()).isEqualTo(PAGE);
        }
        assertThat(hits.get()).isEqualTo(1);
    }

    @Test
    void allowPrivateNetworksLetsEveryUrlReachLoopback() throws Exception {
        try (HttpFetcher open = new HttpFetcher(HttpFetcherRawTest.loopbackSettings().withAllowPrivateNetworks(true));
                FetchResult result = open.fetch(FetchRequest.image(uri("/plain")))) {
            assertThat(result.failure()).isEmpty();
        }
    }

    @Test
    void refusesAProxyThatIsNotHttpHostPort() {
        for (String bad : new String[] {"socks5://127.0.0.1:1080", "http://127.0.0.1", "https://proxy:3128",
                "http://user:pw@proxy:3128", "http://proxy:3128/path", "proxy:3128"}) {
            assertThatThrownBy(() -> FetcherSettings.parseProxy(bad))
                    .as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("http://host:port");
        }
        assertThat(FetcherSettings.parseProxy("http://127.0.0.1:3128/")).hasPort(3128);
    }

    @Test
    void rejectsNonHttpUrlsWithoutSendingAnything() throws Exception {
        try (FetchResult result = fetcher.fetch(FetchRequest.page(URI.create("ftp://127.0.0.1/file")))) {
            assertThat(result.failure().orElseThrow().cause()).isEqualTo(Cause.BAD_URL);
            assertThat(result.exchanges()).isEmpty();
        }
    }
}
