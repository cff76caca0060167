package io.linkshelf.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import edu.uci.ics.crawler4j.crawler.CrawlConfig;
import edu.uci.ics.crawler4j.crawler.Page;
import edu.uci.ics.crawler4j.url.AbstractWebURL;
import edu.uci.ics.crawler4j.url.WebURL;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LinkshelfPageFetcherTest {

    @Test
    void fetchesThroughOurFetcherAndHandsCrawler4jTheDecodedFinalPage() throws Exception {
        byte[] html = "<html><title>知乎专栏</title></html>".getBytes(StandardCharsets.UTF_8);
        byte[] gzip = HttpFetcherTest.gzip(html);
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/p/1", exchange -> {
            exchange.getResponseHeaders().add("Location", "/p/2");
            exchange.sendResponseHeaders(301, -1);
            exchange.close();
        });
        server.createContext("/p/2", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.getResponseHeaders().add("Content-Encoding", "gzip");
            exchange.sendResponseHeaders(200, gzip.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(gzip);
            }
        });
        server.start();
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        WebURL url = new AbstractWebURL() {
            private static final long serialVersionUID = 1L;
        };
        url.setURL(base + "/p/1");

        LinkshelfPageFetcher pageFetcher = new LinkshelfPageFetcher(new CrawlConfig(),
                new HttpFetcher(HttpFetcherRawTest.loopbackSettings()),
                u -> FetchRequest.page(URI.create(u.getURL())).withPrivateAddressAllowed(true));
        try (LinkshelfPageFetcher.Result result = pageFetcher.fetchPage(url)) {
            assertThat(result.getStatusCode()).isEqualTo(200);
            assertThat(result.getFetchedUrl()).isEqualTo(base + "/p/2");
            assertThat(result.getMovedToUrl()).isNull();
            assertThat(result.fetchResult().exchanges()).hasSize(2);

            Page page = new Page(url);
            assertThat(result.fetchContent(page, 1024 * 1024)).isTrue();
            assertThat(page.getContentData()).isEqualTo(html);
            assertThat(page.getContentType()).startsWith("text/html");
        } finally {
            pageFetcher.shutDown();
            server.stop(0);
        }
    }

    @Test
    void reportsAFailedFetchAsStatusZeroWithTheDetailsAttached() throws Exception {
        WebURL url = new AbstractWebURL() {
            private static final long serialVersionUID = 1L;
        };
        url.setURL("http://127.0.0.1:9/unreachable");
        LinkshelfPageFetcher pageFetcher = new LinkshelfPageFetcher(new CrawlConfig(),
                new HttpFetcher(HttpFetcherRawTest.loopbackSettings()),
                u -> FetchRequest.page(URI.create(u.getURL())).withPrivateAddressAllowed(true));
        try (LinkshelfPageFetcher.Result result = pageFetcher.fetchPage(url)) {
            assertThat(result.getStatusCode()).isZero();
            assertThat(result.fetchResult().failure()).isPresent();
        } finally {
            pageFetcher.shutDown();
        }
    }
}
