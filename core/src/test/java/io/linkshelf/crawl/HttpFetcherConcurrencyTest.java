package io.linkshelf.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class HttpFetcherConcurrencyTest {

    @Test
    void concurrentFetchesToDifferentHostsRecordOnlyTheirOwnBytes() throws Exception {
        List<HttpServer> servers = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            String name = "host-" + i;
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0." + i), 0), 0);
            server.createContext("/", exchange -> {
                byte[] body = ("<p>" + name + " " + exchange.getRequestURI() + "</p>").repeat(2000).getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    for (int offset = 0; offset < body.length; offset += 4096) {
                        out.write(body, offset, Math.min(4096, body.length - offset));
                        out.flush();
                    }
                }
            });
            server.start();
            servers.add(server);
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try (HttpFetcher fetcher = new HttpFetcher(HttpFetcherRawTest.loopbackSettings())) {
            List<Future<String>> problems = new ArrayList<>();
            for (HttpServer server : servers) {
                problems.add(pool.submit(() -> {
                    InetSocketAddress address = server.getAddress();
                    String host = address.getAddress().getHostAddress();
                    for (int n = 0; n < 5; n++) {
                        URI uri = URI.create("http://" + host + ":" + address.getPort() + "/page-" + n);
                        try (FetchResult result = fetcher.fetch(FetchRequest.page(uri))) {
                            String raw = new String(result.exchanges().get(0).rawResponse().readAll(), StandardCharsets.UTF_8);
                            String request = new String(result.exchanges().get(0).rawRequest(), StandardCharsets.US_ASCII);
                            String expected = "<p>host-" + host.substring(host.lastIndexOf('.') + 1) + " /page-" + n + "</p>";
                            if (!raw.endsWith(expected) || raw.split("HTTP/1.1 ", -1).length != 2
                                    || !request.startsWith("GET /page-" + n + " ") || !request.contains("Host: " + host)) {
                                return "mixed-up recording for " + uri;
                            }
                        }
                    }
                    return "";
                }));
            }
            for (Future<String> problem : problems) {
                assertThat(problem.get()).isEmpty();
            }
        } finally {
            pool.shutdownNow();
            servers.forEach(s -> s.stop(0));
        }
    }
}
