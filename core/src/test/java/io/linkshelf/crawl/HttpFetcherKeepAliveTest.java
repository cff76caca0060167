package io.linkshelf.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import io.linkshelf.testing.Response;
import io.linkshelf.testing.TestServer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One kept-alive connection per host, each exchange still recorded apart; https-only hosts learned and kept. */
class HttpFetcherKeepAliveTest {

    private static final String HOST = "127.0.0.2";

    @TempDir
    Path dir;

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @Test
    void requestsToOneHostShareOneConnectionAndEachExchangeHoldsOnlyItsOwnBytes() throws Exception {
        try (TestServer server = TestServer.start(HOST);
                HttpFetcher fetcher = new HttpFetcher(HttpFetcherRawTest.loopbackSettings())) {
            for (int n = 1; n <= 3; n++) {
                server.on(HOST, "/p/" + n).respond(Response.ok("text/html; charset=utf-8", "<p>第" + n + "页</p>",
                        StandardCharsets.UTF_8));
            }
            server.on(HOST, "/closing").respond(Response.ok("text/plain", "bye", StandardCharsets.UTF_8).closeConnection());
            for (String path : new String[] {"/p/1", "/p/2", "/closing", "/p/3"}) {
                try (FetchResult result = fetcher.fetch(FetchRequest.page(server.uri(HOST, path)))) {
                    assertThat(result.failure()).as(path).isEmpty();
                    RecordedExchange exchange = result.lastExchange().orElseThrow();
                    String request = new String(exchange.rawRequest(), StandardCharsets.US_ASCII);
                    String response = text(exchange.rawResponse().readAll());
                    assertThat(request).as(path).startsWith("GET " + path + " HTTP/1.1\r\n").containsOnlyOnce("GET ");
                    assertThat(response).as(path).startsWith("HTTP/1.1 200").containsOnlyOnce("HTTP/1.1 ");
                    if (path.startsWith("/p/")) {
                        assertThat(response).contains("第" + path.substring(3) + "页");
                    }
                    assertThat(exchange.ipAddress()).as(path).isPresent();
                }
            }
            assertThat(server.requests(HOST)).extracting(r -> r.connectionId()).as("the first three on one connection")
                    .containsExactly(server.requests(HOST).get(0).connectionId(), server.requests(HOST).get(0).connectionId(),
                            server.requests(HOST).get(0).connectionId(), server.requests(HOST).get(3).connectionId());
            assertThat(server.stats(HOST).connections()).as("a new one only after the server closed it").isEqualTo(2);
        }
    }

    @Test
    void aRedirectFromHttpToTheSameUrlOnHttpsIsLearnedKeptAndAppliedLikeHsts() throws Exception {
        Path file = dir.resolve("state/https-hosts.json");
        HttpsHosts hosts = HttpsHosts.load(file);
        URI http = URI.create("http://example.org:8080/s?id=1");
        assertThat(hosts.upgrade(http)).isEqualTo(http);
        hosts.learn(http, URI.create("https://example.org:8443/s?id=2"));
        assertThat(hosts.upgrade(http)).as("another URL is not the same URL").isEqualTo(http);
        hosts.learn(http, URI.create("https://other.example:8443/s?id=1"));
        assertThat(hosts.upgrade(http)).as("another host is not the same URL").isEqualTo(http);
        hosts.learn(http, URI.create("https://example.org:8443/s?id=1"));
        assertThat(hosts.upgrade(URI.create("http://example.org:8080/p/%E6%96%87?x=a%20b")))
                .isEqualTo(URI.create("https://example.org:8443/p/%E6%96%87?x=a%20b"));
        assertThat(hosts.upgrade(URI.create("http://example.org/p"))).as("another port is another origin")
                .isEqualTo(URI.create("http://example.org/p"));
        assertThat(Files.readString(file)).contains("\"example.org:8080\"").contains("\"example.org:8443\"");

        HttpsHosts again = HttpsHosts.load(file);
        assertThat(again.upgrade(URI.create("http://example.org:8080/q"))).isEqualTo(URI.create("https://example.org:8443/q"));
        assertThat(again.upgrade(URI.create("http://mp.weixin.qq.com/s?__biz=x&mid=1")))
                .as("WeChat is known from the start").isEqualTo(URI.create("https://mp.weixin.qq.com/s?__biz=x&mid=1"));
        assertThat(again.upgrade(URI.create("http://zhuanlan.zhihu.com/p/1"))).hasScheme("https");
        Files.writeString(file, "{not json");
        assertThat(HttpsHosts.load(file).upgrade(URI.create("http://example.org:8080/q"))).as("a damaged file forgets")
                .hasScheme("http");
    }

    @Test
    void aFetcherLearnsTheHostFromARedirectAndSendsTheNextUrlStraightToHttps() throws Exception {
        try (TestServer plain = TestServer.start(HOST);
                HttpFetcher fetcher = new HttpFetcher(HttpFetcherRawTest.loopbackSettings(), Clock.systemUTC(),
                        HttpsHosts.load(dir.resolve("https-hosts.json")))) {
            // the "https" side is a plain server here: what matters is which URL is asked for
            plain.on(HOST, "/a").respond(Response.redirect(301, "https://" + HOST + ":1/a"));
            try (FetchResult first = fetcher.fetch(FetchRequest.page(plain.uri(HOST, "/a")))) {
                assertThat(first.exchanges()).hasSize(1); // nothing listens on port 1: the https hop is refused
                assertThat(first.finalUri()).isEqualTo(URI.create("https://" + HOST + ":1/a"));
            }
            try (FetchResult second = fetcher.fetch(FetchRequest.page(plain.uri(HOST, "/b")))) {
                assertThat(second.exchanges()).as("nothing was sent over http").isEmpty();
                assertThat(second.finalUri()).isEqualTo(URI.create("https://" + HOST + ":1/b"));
            }
            assertThat(plain.requests(HOST)).hasSize(1);
        }
    }
}
