package io.linkshelf.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import io.linkshelf.crawl.FetchResult.Cause;
import io.linkshelf.warc.Truncation;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Byte-level behaviour against raw socket stubs: what is recorded, and how broken responses fail. */
class HttpFetcherRawTest {

    /** Answers each connection with a scripted response after reading the request head. */
    static final class RawStub implements AutoCloseable {

        interface Script {
            void respond(Socket socket, OutputStream out) throws Exception;
        }

        private final ServerSocket server;
        private final Thread thread;
        final CopyOnWriteArrayList<byte[]> requests = new CopyOnWriteArrayList<>();

        RawStub(Script script) throws IOException {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            thread = new Thread(() -> {
                while (!server.isClosed()) {
                    try (Socket socket = server.accept()) {
                        requests.add(readHead(socket.getInputStream()));
                        script.respond(socket, socket.getOutputStream());
                    } catch (Exception e) {
                        // the client gave up or the stub closed; the next accept decides
                    }
                }
            }, "raw-stub");
            thread.setDaemon(true);
            thread.start();
        }

        URI uri(String path) {
            return URI.create("http://127.0.0.1:" + server.getLocalPort() + path);
        }

        static byte[] readHead(InputStream in) throws IOException {
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            int b;
            while ((b = in.read()) >= 0) {
                head.write(b);
                byte[] h = head.toByteArray();
                int n = h.length;
                if (n >= 4 && h[n - 4] == '\r' && h[n - 3] == '\n' && h[n - 2] == '\r' && h[n - 1] == '\n') {
                    break;
                }
            }
            return head.toByteArray();
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }

    private HttpFetcher fetcher;

    private HttpFetcher fetcher(FetcherSettings settings) throws IOException {
        fetcher = new HttpFetcher(settings);
        return fetcher;
    }

    static FetcherSettings loopbackSettings() {
        return FetcherSettings.defaults("linkshelf/test (+https://github.com/linkshelf/linkshelf)")
                .withAllowPrivateNetworks(true)
                .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(5));
    }

    @AfterEach
    void closeFetcher() {
        if (fetcher != null) {
            fetcher.close();
        }
    }

    @Test
    void recordsTheChunkedGzipResponseByteForByte() throws Exception {
        byte[] html = "<html><body>你好, archive</body></html>".repeat(400).getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(html);
        }
        byte[] gzip = gz.toByteArray();
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        wire.write(("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Encoding: gzip\r\n"
                + "Transfer-Encoding: chunked\r\nX-Odd:  spaced   value \r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        for (int offset = 0; offset < gzip.length; offset += 700) {
            int n = Math.min(700, gzip.length - offset);
            wire.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            wire.write(gzip, offset, n);
            wire.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        wire.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        byte[] sent = wire.toByteArray();

        try (RawStub stub = new RawStub((socket, out) -> {
                    out.write(sent);
                    out.flush();
                });
                FetchResult result = fetcher(loopbackSettings()).fetch(FetchRequest.page(stub.uri("/article?id=1")))) {
            assertThat(result.failure()).isEmpty();
            assertThat(result.body()).isEqualTo(html);
            RecordedExchange exchange = result.exchanges().get(0);
            assertThat(exchange.rawResponse().readAll()).isEqualTo(sent);
            assertThat(exchange.rawRequest()).isEqualTo(stub.requests.get(0));
            assertThat(exchange.truncated()).isEmpty();
            assertThat(exchange.ipAddress()).contains(InetAddress.getLoopbackAddress());
        }
    }

    @Test
    void sendsTheHonestHeadersAndNoReferer() throws Exception {
        try (RawStub stub = new RawStub((socket, out) -> {
                    out.write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                });
                FetchResult result = fetcher(loopbackSettings()).fetch(
                        FetchRequest.image(stub.uri("/img.png")).withHeader("If-None-Match", "\"abc\""))) {
            String request = new String(result.exchanges().get(0).rawRequest(), StandardCharsets.US_ASCII);
            assertThat(request).startsWith("GET /img.png HTTP/1.1\r\n")
                    .contains("User-Agent: linkshelf/test (+https://github.com/linkshelf/linkshelf)\r\n")
                    .contains("Accept-Language: zh-CN,zh;q=0.9,en;q=0.8\r\n")
                    .contains("Accept-Encoding: gzip, deflate\r\n")
                    .contains("Accept: image/")
                    .contains("If-None-Match: \"abc\"\r\n")
                    .doesNotContainIgnoringCase("Referer")
                    .endsWith("\r\n\r\n");
        }
    }

    @Test
    void timesOutWhenTheServerStallsMidBodyAndKeepsThePartialBytes() throws Exception {
        FetcherSettings settings = loopbackSettings().withTimeouts(Duration.ofSeconds(5), Duration.ofMillis(400));
        try (RawStub stub = new RawStub((socket, out) -> {
                    out.write("HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.write(new byte[200]);
                    out.flush();
                    Thread.sleep(3000);
                });
                FetchResult result = fetcher(settings).fetch(FetchRequest.page(stub.uri("/slow")))) {
            assertThat(result.failure()).hasValueSatisfying(f -> {
                assertThat(f.cause()).isEqualTo(Cause.TIMEOUT);
                assertThat(f.reason()).contains("read timed out after 400 ms");
            });
            RecordedExchange exchange = result.exchanges().get(0);
            assertThat(exchange.truncated()).contains(Truncation.TIME);
            assertThat(exchange.status()).isEqualTo(200);
            assertThat(exchange.rawResponse().length()).isGreaterThanOrEqualTo(200 + 40);
            assertThat(result.body()).isEmpty();
        }
    }

    @Test
    void timesOutWhenNoResponseArrives() throws Exception {
        FetcherSettings settings = loopbackSettings().withTimeouts(Duration.ofSeconds(5), Duration.ofMillis(300));
        try (RawStub stub = new RawStub((socket, out) -> Thread.sleep(3000));
                FetchResult result = fetcher(settings).fetch(FetchRequest.page(stub.uri("/silent")))) {
            assertThat(result.failure().orElseThrow().cause()).isEqualTo(Cause.TIMEOUT);
            assertThat(result.failure().orElseThrow().reason()).contains("read timed out after 300 ms");
            assertThat(result.exchanges()).singleElement().satisfies(e -> {
                assertThat(e.truncated()).contains(Truncation.TIME);
                assertThat(e.status()).isZero();
                assertThat(e.rawResponse().length()).isZero();
                assertThat(new String(e.rawRequest(), StandardCharsets.US_ASCII)).startsWith("GET /silent HTTP/1.1");
            });
        }
    }

    @Test
    void reportsAConnectionResetMidBody() throws Exception {
        try (RawStub stub = new RawStub((socket, out) -> {
                    out.write("HTTP/1.1 200 OK\r\nContent-Length: 5000\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.write(new byte[100]);
                    out.flush();
                    Thread.sleep(300); // let the client read the 100 bytes before the reset discards them
                    socket.setSoLinger(true, 0);
                    socket.close();
                });
                FetchResult result = fetcher(loopbackSettings()).fetch(FetchRequest.page(stub.uri("/reset")))) {
            assertThat(result.failure()).hasValueSatisfying(f -> {
                assertThat(f.cause()).isEqualTo(Cause.TRUNCATED);
                assertThat(f.reason()).isEqualTo("connection reset after 100 bytes");
            });
            assertThat(result.exchanges().get(0).truncated()).contains(Truncation.DISCONNECT);
        }
    }

    @Test
    void reportsABodyShorterThanContentLength() throws Exception {
        byte[] head = "HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        try (RawStub stub = new RawStub((socket, out) -> {
                    out.write(head);
                    out.write(new byte[200]);
                    out.flush();
                });
                FetchResult result = fetcher(loopbackSettings()).fetch(FetchRequest.page(stub.uri("/short")))) {
            assertThat(result.failure()).hasValueSatisfying(f -> {
                assertThat(f.cause()).isEqualTo(Cause.TRUNCATED);
                assertThat(f.reason()).isEqualTo("body shorter than Content-Length (200 of 1000 bytes)");
            });
            RecordedExchange exchange = result.exchanges().get(0);
            assertThat(exchange.truncated()).contains(Truncation.DISCONNECT);
            byte[] raw = exchange.rawResponse().readAll();
            assertThat(raw).hasSize(head.length + 200);
            assertThat(Arrays.copyOf(raw, head.length)).isEqualTo(head);
        }
    }

    @Test
    void stopsReadingAtThePageCapAndMarksTheExchangeTruncated() throws Exception {
        int size = 3 * 1024 * 1024;
        FetcherSettings settings = loopbackSettings().withCaps(1024 * 1024, 4L * 1024 * 1024);
        RawStub.Script big = (socket, out) -> {
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: image/png\r\nContent-Length: " + size + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(new byte[size]);
            out.flush();
        };
        try (RawStub stub = new RawStub(big);
                FetchResult page = fetcher(settings).fetch(FetchRequest.page(stub.uri("/big")));
                FetchResult image = fetcher.fetch(FetchRequest.image(stub.uri("/big")))) {
            assertThat(page.failure()).hasValueSatisfying(f -> {
                assertThat(f.cause()).isEqualTo(Cause.TOO_LARGE);
                assertThat(f.reason()).contains("1 MiB page cap");
            });
            RecordedExchange exchange = page.exchanges().get(0);
            assertThat(exchange.truncated()).contains(Truncation.LENGTH);
            assertThat(exchange.rawResponse().length()).isBetween(1024L * 1024, 2L * 1024 * 1024);
            assertThat(image.failure()).isEmpty();
            assertThat(image.body()).hasSize(size);
            // past 1 MiB the raw response lives in a temp file; it must still read back whole
            Spool raw = image.exchanges().get(0).rawResponse();
            assertThat(raw.file()).isPresent();
            try (InputStream in = raw.open()) {
                assertThat(in.readAllBytes()).hasSize((int) raw.length()).endsWith(new byte[size]);
            }
        }
    }

    @Test
    void aConnectionThatIsRefusedIsANetworkFailureWithNothingRecorded() throws Exception {
        int port;
        try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = closed.getLocalPort();
        }
        try (FetchResult result = fetcher(loopbackSettings()).fetch(
                FetchRequest.page(URI.create("http://127.0.0.1:" + port + "/")))) {
            assertThat(result.failure().orElseThrow().cause()).isEqualTo(Cause.NETWORK);
            assertThat(result.failure().orElseThrow().reason()).contains("refused");
            assertThat(result.exchanges()).isEmpty();
            assertThat(result.status()).isZero();
        }
    }
}
