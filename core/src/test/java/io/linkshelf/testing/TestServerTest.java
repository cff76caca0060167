package io.linkshelf.testing;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TestServerTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(WAIT).build();
    private final TestServer server;

    TestServerTest() throws IOException {
        server = TestServer.start("127.0.0.1", "127.0.0.2");
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void servesOneRouteWithDifferentContentPerHostOnTheSamePort() throws Exception {
        server.on("127.0.0.1", "/a").respond(Response.ok("text/plain", "one", UTF_8))
                .on("127.0.0.2", "/a").respond(Response.ok("text/plain", "two", UTF_8));

        assertThat(server.uri("127.0.0.2", "/a").getPort()).isEqualTo(server.port());
        assertThat(get("127.0.0.1", "/a").body()).isEqualTo("one");
        assertThat(get("127.0.0.2", "/a").body()).isEqualTo("two");
        assertThat(server.requests("127.0.0.2")).extracting(RecordedRequest::target).containsExactly("/a");
    }

    @Test
    void answersUnknownTargetsWith404() throws Exception {
        server.on("127.0.0.1", "/known").respond(Response.status(204));

        HttpResponse<String> response = get("127.0.0.2", "/known");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("no route");
    }

    @Test
    void matchesExactQueryThenPathAndHostBeforeAnyHost() throws Exception {
        server.onAnyHost("/s").respond(Response.ok("text/plain", "any host", UTF_8))
                .on("127.0.0.2", "/s").respond(Response.ok("text/plain", "path", UTF_8))
                .on("127.0.0.2", "/s?id=1").respond(Response.ok("text/plain", "exact", UTF_8))
                .on("127.0.0.1", "/q?id=1").respond(Response.status(204));

        assertThat(get("127.0.0.2", "/s?id=1").body()).isEqualTo("exact");
        assertThat(get("127.0.0.2", "/s?id=2").body()).isEqualTo("path");
        assertThat(get("127.0.0.1", "/s?id=1").body()).isEqualTo("any host");
        assertThat(get("127.0.0.1", "/q").statusCode()).isEqualTo(404);
        assertThat(server.requestsTo("127.0.0.2", "/s")).hasSize(2);
        assertThat(server.requestsTo("127.0.0.2", "/s?id=2")).hasSize(1);
    }

    @Test
    void playsASequenceAndRepeatsItsLastResponse() throws Exception {
        server.on("127.0.0.1", "/flaky").respond(Response.status(503).withHeader("Retry-After", "1"),
                Response.ok("text/plain", "fine", UTF_8));

        HttpResponse<String> first = get("127.0.0.1", "/flaky");
        HttpResponse<String> second = get("127.0.0.1", "/flaky");
        HttpResponse<String> third = get("127.0.0.1", "/flaky");

        assertThat(first.statusCode()).isEqualTo(503);
        assertThat(first.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(List.of(second.statusCode(), third.statusCode())).containsExactly(200, 200);
        assertThat(third.body()).isEqualTo("fine");
    }

    @Test
    void gzipBodyDecodesToTheOriginalBytes() throws Exception {
        byte[] original = "<p>微信 article</p>".repeat(200).getBytes(UTF_8);
        server.on("127.0.0.1", "/g").respond(Response.ok("text/html; charset=utf-8", original).gzip());

        HttpResponse<byte[]> response = client.send(request("127.0.0.1", "/g").build(), BodyHandlers.ofByteArray());

        assertThat(response.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(response.body()).hasSizeLessThan(original.length);
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(response.body()))) {
            assertThat(in.readAllBytes()).isEqualTo(original);
        }
    }

    @Test
    void chunkedBodyIsFramedInChunksAndDecodesToTheOriginalBytes() throws Exception {
        byte[] original = "0123456789abcdefghij".getBytes(UTF_8);
        server.on("127.0.0.1", "/c").respond(Response.ok("text/plain", original).chunked());

        HttpResponse<byte[]> decoded = client.send(request("127.0.0.1", "/c").build(), BodyHandlers.ofByteArray());
        String wire;
        try (Socket socket = connect("127.0.0.1")) {
            send(socket, "GET /c HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
            wire = new String(socket.getInputStream().readAllBytes(), ISO_8859_1);
        }

        assertThat(decoded.body()).isEqualTo(original);
        assertThat(wire).contains("Transfer-Encoding: chunked\r\n").doesNotContain("Content-Length")
                .endsWith("\r\n\r\n7\r\n0123456\r\n7\r\n789abcd\r\n6\r\nefghij\r\n0\r\n\r\n");
    }

    @Test
    void shortBodyDeclaresFullLengthThenClosesCleanly() throws Exception {
        server.on("127.0.0.1", "/short").respond(Response.ok("text/plain", "x".repeat(100), UTF_8).shortBody(10));

        String wire;
        try (Socket socket = connect("127.0.0.1")) {
            send(socket, "GET /short HTTP/1.1\r\nHost: x\r\n\r\n");
            wire = new String(socket.getInputStream().readAllBytes(), ISO_8859_1); // ends at a clean EOF
        }

        assertThat(wire).contains("Content-Length: 100\r\n").endsWith("\r\n\r\n" + "x".repeat(10));
        assertThatThrownBy(() -> client.send(request("127.0.0.1", "/short").build(), BodyHandlers.ofString()))
                .isInstanceOf(IOException.class);
    }

    @Test
    void resetAfterBodyBytesAbortsTheConnectionWithAReset() throws Exception {
        server.on("127.0.0.1", "/reset").respond(Response.ok("text/plain", "y".repeat(5000), UTF_8)
                .resetAfterBodyBytes(20));

        try (Socket socket = connect("127.0.0.1")) {
            send(socket, "GET /reset HTTP/1.1\r\nHost: x\r\n\r\n");
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            assertThatThrownBy(() -> {
                byte[] buffer = new byte[256];
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    received.write(buffer, 0, n);
                }
            }).isInstanceOf(SocketException.class).hasMessageContaining("reset");
            assertThat(received.size()).isLessThan(200);
        }
    }

    @Test
    void firstByteDelayTripsTheClientReadTimeout() throws Exception {
        server.on("127.0.0.1", "/slow").respond(Response.status(200).firstByteDelay(Duration.ofSeconds(20)));

        long start = System.nanoTime();
        assertThatThrownBy(() -> client.send(request("127.0.0.1", "/slow").timeout(Duration.ofMillis(300)).build(),
                BodyHandlers.ofString())).isInstanceOf(HttpTimeoutException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void closeReturnsPromptlyWhileAResponseIsDelayed() throws Exception {
        server.on("127.0.0.1", "/slow").respond(Response.status(200).firstByteDelay(Duration.ofSeconds(60)));
        try (Socket socket = connect("127.0.0.1")) {
            send(socket, "GET /slow HTTP/1.1\r\nHost: x\r\n\r\n");
            server.awaitRequests(1, WAIT);

            long start = System.nanoTime();
            server.close();

            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
            socket.setSoTimeout(5000);
            assertThat(readOrFail(socket.getInputStream())).isEqualTo(-1);
        }
    }

    @Test
    void recordsHeadersRawBytesAndArrivalTimesInOrder() throws Exception {
        server.onAnyHost("/form").respond(Response.status(204));
        String first = "POST /form?x=1 HTTP/1.1\r\nHost: 127.0.0.2\r\nX-Seen: a\r\nx-seen: b\r\n"
                + "Content-Type: text/plain\r\nContent-Length: 5\r\n\r\nhello";
        String second = "GET /form HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";
        try (Socket socket = connect("127.0.0.2")) {
            send(socket, first);
            readResponse(socket.getInputStream());
        }
        try (Socket socket = connect("127.0.0.1")) {
            send(socket, second);
            readResponse(socket.getInputStream());
        }

        List<RecordedRequest> requests = server.awaitRequests(2, WAIT);

        RecordedRequest post = requests.get(0);
        assertThat(post.host()).isEqualTo("127.0.0.2");
        assertThat(post.method()).isEqualTo("POST");
        assertThat(post.target()).isEqualTo("/form?x=1");
        assertThat(post.query()).hasValue("x=1");
        assertThat(post.header("X-SEEN")).hasValue("a");
        assertThat(post.headerValues("x-seen")).containsExactly("a", "b");
        assertThat(post.headers()).extracting(Header::name)
                .containsExactly("Host", "X-Seen", "x-seen", "Content-Type", "Content-Length");
        assertThat(post.bodyText(UTF_8)).isEqualTo("hello");
        assertThat(post.raw()).isEqualTo(first.getBytes(ISO_8859_1));
        RecordedRequest get = requests.get(1);
        assertThat(get.rawText()).isEqualTo(second);
        assertThat(get.connectionId()).isNotEqualTo(post.connectionId());
        assertThat(get.arrivedNanos()).isGreaterThan(post.arrivedNanos());
        assertThat(get.arrivedAt()).isAfterOrEqualTo(post.arrivedAt());
    }

    @Test
    void servesSeveralRequestsOnOneKeptAliveConnectionAndHonoursClose() throws Exception {
        server.onAnyHost("/k").respond(Response.ok("text/plain", "first", UTF_8),
                Response.ok("text/plain", "second", UTF_8));

        try (Socket socket = connect("127.0.0.1")) {
            InputStream in = socket.getInputStream();
            send(socket, "GET /k HTTP/1.1\r\nHost: x\r\n\r\n");
            assertThat(readResponse(in)).endsWith("\r\n\r\nfirst");
            send(socket, "GET /k HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
            assertThat(readResponse(in)).contains("Connection: close\r\n").endsWith("\r\n\r\nsecond");
            socket.setSoTimeout(5000);
            assertThat(readOrFail(in)).isEqualTo(-1);
        }

        List<RecordedRequest> requests = server.awaitRequests(2, WAIT);
        assertThat(requests.get(1).connectionId()).isEqualTo(requests.get(0).connectionId());
        assertThat(server.stats("127.0.0.1").connections()).isEqualTo(1);
    }

    @Test
    void answersExpectContinueBeforeReadingTheBody() throws Exception {
        server.onAnyHost("/upload").respond(Response.status(201));

        try (Socket socket = connect("127.0.0.1")) {
            InputStream in = socket.getInputStream();
            send(socket, "PUT /upload HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 3\r\n\r\n");
            assertThat(new String(in.readNBytes(25), ISO_8859_1)).isEqualTo("HTTP/1.1 100 Continue\r\n\r\n");
            send(socket, "abc");
            assertThat(readResponse(in)).startsWith("HTTP/1.1 201 Created\r\n");
        }

        assertThat(server.awaitRequests(1, WAIT).get(0).bodyText(UTF_8)).isEqualTo("abc");
    }

    @Test
    void countsOneRequestInFlightWhenRequestsAreSequential() throws Exception {
        server.onAnyHost("/seq").respond(Response.ok("text/plain", "ok", UTF_8));

        for (int i = 0; i < 3; i++) {
            assertThat(get("127.0.0.2", "/seq").statusCode()).isEqualTo(200);
        }

        TestServer.HostStats stats = server.stats("127.0.0.2");
        assertThat(stats.maxInFlightRequests()).isEqualTo(1);
        assertThat(stats.maxOpenConnections()).isEqualTo(1);
        assertThat(server.stats("127.0.0.1").connections()).isZero();
    }

    @Test
    void countsTwoRequestsInFlightWhenTwoOverlapOnASlowRoute() throws Exception {
        CountDownLatch bothArrived = new CountDownLatch(2);
        server.onAnyHost("/slow").respondWith(request -> {
            bothArrived.countDown();
            try {
                bothArrived.await(10, TimeUnit.SECONDS); // slow until the other request is in flight too
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Response.ok("text/plain", "slow", UTF_8);
        });

        CompletableFuture<HttpResponse<String>> one = client.sendAsync(request("127.0.0.1", "/slow").build(),
                BodyHandlers.ofString());
        CompletableFuture<HttpResponse<String>> two = client.sendAsync(request("127.0.0.1", "/slow").build(),
                BodyHandlers.ofString());

        assertThat(one.get(10, TimeUnit.SECONDS).body()).isEqualTo("slow");
        assertThat(two.get(10, TimeUnit.SECONDS).body()).isEqualTo("slow");
        assertThat(server.stats("127.0.0.1").maxInFlightRequests()).isEqualTo(2);
        assertThat(server.stats("127.0.0.1").maxOpenConnections()).isEqualTo(2);
    }

    @Test
    void sendsRedirectsAndThrottledBodies() throws Exception {
        server.onAnyHost("/old").respond(Response.redirect(301, "/new"))
                .onAnyHost("/new").respond(Response.ok("text/plain", "z".repeat(3000), UTF_8).throttle(10_000));

        HttpResponse<String> redirect = get("127.0.0.1", "/old");
        long start = System.nanoTime();
        HttpResponse<String> throttled = get("127.0.0.1", "/new");

        assertThat(redirect.statusCode()).isEqualTo(301);
        assertThat(redirect.headers().firstValue("Location")).hasValue("/new");
        assertThat(throttled.body()).hasSize(3000);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThan(Duration.ofMillis(250));
    }

    @Test
    void awaitRequestsFailsNamingWhatArrived() throws Exception {
        get("127.0.0.1", "/nothing");

        assertThatThrownBy(() -> server.awaitRequests(2, Duration.ofMillis(100)))
                .isInstanceOf(AssertionError.class).hasMessageContaining("/nothing");
    }

    @Test
    void refusesHostsItDoesNotListenOn() {
        assertThatThrownBy(() -> server.on("127.0.0.3", "/x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TestServer.start("192.0.2.1")).isInstanceOf(IllegalArgumentException.class);
    }

    private HttpResponse<String> get(String host, String target) throws IOException, InterruptedException {
        return client.send(request(host, target).build(), BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String host, String target) {
        return HttpRequest.newBuilder(server.uri(host, target)).timeout(WAIT);
    }

    private Socket connect(String host) throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress(host, server.port()), 5000);
        socket.setSoTimeout(10_000);
        return socket;
    }

    private static void send(Socket socket, String request) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(request.getBytes(ISO_8859_1));
        out.flush();
    }

    /** Reads one response with a Content-Length body and returns it as ISO-8859-1 text. */
    private static String readResponse(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            assertThat(b).as("byte of response head").isNotEqualTo(-1);
            head.write(b);
        }
        String text = head.toString(ISO_8859_1);
        int length = 0;
        for (String line : text.split("\r\n")) {
            if (line.regionMatches(true, 0, "Content-Length:", 0, 15)) {
                length = Integer.parseInt(line.substring(15).strip());
            }
        }
        return text + new String(in.readNBytes(length), ISO_8859_1);
    }

    /** One read, treating a reset like the end of the stream, as both mean the server let go. */
    private static int readOrFail(InputStream in) throws IOException {
        try {
            return in.read();
        } catch (SocketException e) {
            return -1;
        }
    }
}
