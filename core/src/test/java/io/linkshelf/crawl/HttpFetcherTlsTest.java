package io.linkshelf.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.linkshelf.crawl.FetchResult.Cause;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TLS verification against a self-signed loopback server, and the HTTP proxy for http and https. */
class HttpFetcherTlsTest {

    private static final char[] PASSWORD = "changeit".toCharArray();
    private static final byte[] SECRET = "<html>over TLS</html>".getBytes(StandardCharsets.UTF_8);

    @TempDir
    static Path dir;

    private static HttpsServer server;
    private static SSLContext trusting;

    @BeforeAll
    static void startServer() throws Exception {
        Path keystore = dir.resolve("server.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1", "-validity", "2",
                "-keystore", keystore.toString(), "-storetype", "PKCS12",
                "-storepass", "changeit", "-keypass", "changeit")
                .redirectErrorStream(true)
                .start();
        String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(keytool.exitValue()).as(output).isZero();

        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            keys.load(in, PASSWORD);
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, PASSWORD);
        SSLContext serverContext = SSLContext.getInstance("TLS");
        serverContext.init(kmf.getKeyManagers(), null, null);

        Certificate cert = keys.getCertificate("server");
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("server", cert);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        trusting = SSLContext.getInstance("TLS");
        trusting.init(null, tmf.getTrustManagers(), null);

        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(serverContext));
        server.createContext("/", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "text/html");
            exchange.sendResponseHeaders(200, SECRET.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(SECRET);
            }
        });
        server.start();
    }

    @AfterAll
    static void stopServer() {
        server.stop(0);
    }

    private static URI httpsUri() {
        return URI.create("https://127.0.0.1:" + server.getAddress().getPort() + "/secure");
    }

    @Test
    void rejectsASelfSignedCertificateWithTheJvmTrustStore() throws Exception {
        try (HttpFetcher fetcher = new HttpFetcher(HttpFetcherRawTest.loopbackSettings());
                FetchResult result = fetcher.fetch(FetchRequest.page(httpsUri()))) {
            assertThat(result.failure()).hasValueSatisfying(f -> {
                assertThat(f.cause()).isEqualTo(Cause.TLS);
                assertThat(f.reason()).contains("TLS certificate of 127.0.0.1 rejected");
            });
            assertThat(result.body()).isEmpty();
        }
    }

    @Test
    void acceptsTheCertificateWhenItsTrustStoreIsGiven() throws Exception {
        try (HttpFetcher fetcher = new HttpFetcher(HttpFetcherRawTest.loopbackSettings().withSslContext(trusting));
                FetchResult result = fetcher.fetch(FetchRequest.page(httpsUri()))) {
            assertThat(result.failure()).isEmpty();
            assertThat(result.body()).isEqualTo(SECRET);
            // the recorded bytes are the plaintext HTTP above TLS
            assertThat(new String(result.exchanges().get(0).rawRequest(), StandardCharsets.US_ASCII))
                    .startsWith("GET /secure HTTP/1.1\r\n");
            assertThat(new String(result.exchanges().get(0).rawResponse().readAll(), StandardCharsets.US_ASCII))
                    .startsWith("HTTP/1.1 200 OK\r\n").endsWith("<html>over TLS</html>");
        }
    }

    @Test
    void verifiesTheHostNameAgainstTheCertificate() throws Exception {
        // the certificate names 127.0.0.1 only, so "localhost" must not match even with the cert trusted
        URI byName = URI.create("https://localhost:" + server.getAddress().getPort() + "/secure");
        try (HttpFetcher fetcher = new HttpFetcher(HttpFetcherRawTest.loopbackSettings().withSslContext(trusting));
                FetchResult result = fetcher.fetch(FetchRequest.page(byName).withPrivateAddressAllowed(true))) {
            assertThat(result.failure().orElseThrow().cause()).isEqualTo(Cause.TLS);
        }
    }

    /** A tiny HTTP proxy: answers absolute-URI requests itself and tunnels CONNECT to the target. */
    static final class Proxy implements AutoCloseable {
        final List<String> requestLines = new CopyOnWriteArrayList<>();
        private final ServerSocket socket;

        Proxy() throws IOException {
            socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            Thread thread = new Thread(this::serve, "test-proxy");
            thread.setDaemon(true);
            thread.start();
        }

        URI uri() {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort());
        }

        private void serve() {
            while (!socket.isClosed()) {
                try {
                    Socket client = socket.accept();
                    Thread handler = new Thread(() -> handle(client), "test-proxy-conn");
                    handler.setDaemon(true);
                    handler.start();
                } catch (IOException e) {
                    return;
                }
            }
        }

        private void handle(Socket client) {
            try (client) {
                String head = new String(HttpFetcherRawTest.RawStub.readHead(client.getInputStream()), StandardCharsets.US_ASCII);
                String line = head.substring(0, head.indexOf("\r\n"));
                requestLines.add(line);
                OutputStream out = client.getOutputStream();
                if (line.startsWith("CONNECT ")) {
                    String[] target = line.split(" ")[1].split(":");
                    try (Socket upstream = new Socket(target[0], Integer.parseInt(target[1]))) {
                        out.write("HTTP/1.1 200 Connection established\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                        out.flush();
                        Thread up = new Thread(() -> pipe(client, upstream));
                        up.setDaemon(true);
                        up.start();
                        pipe(upstream, client);
                    }
                } else {
                    byte[] body = "via proxy".getBytes(StandardCharsets.US_ASCII);
                    out.write(("HTTP/1.1 200 OK\r\nContent-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.write(body);
                    out.flush();
                }
            } catch (IOException e) {
                // the client hung up
            }
        }

        private static void pipe(Socket from, Socket to) {
            try {
                from.getInputStream().transferTo(to.getOutputStream());
                to.shutdownOutput();
            } catch (IOException e) {
                // one side closed
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    @Test
    void sendsPlainHttpThroughTheProxyWithAnAbsoluteUri() throws Exception {
        try (Proxy proxy = new Proxy();
                HttpFetcher fetcher = new HttpFetcher(HttpFetcherRawTest.loopbackSettings().withProxy(proxy.uri()));
                FetchResult result = fetcher.fetch(FetchRequest.page(URI.create("http://127.0.0.2:9/page")))) {
            assertThat(result.failure()).isEmpty();
            assertThat(result.body()).isEqualTo("via proxy".getBytes(StandardCharsets.US_ASCII));
            assertThat(proxy.requestLines).containsExactly("GET http://127.0.0.2:9/page HTTP/1.1");
            assertThat(result.exchanges().get(0).ipAddress()).isEmpty();
        }
    }

    @Test
    void tunnelsHttpsThroughTheProxyAndRecordsOnlyTheInnerExchange() throws Exception {
        try (Proxy proxy = new Proxy();
                HttpFetcher fetcher = new HttpFetcher(HttpFetcherRawTest.loopbackSettings()
                        .withProxy(proxy.uri()).withSslContext(trusting));
                FetchResult result = fetcher.fetch(FetchRequest.page(httpsUri()))) {
            assertThat(proxy.requestLines).containsExactly("CONNECT 127.0.0.1:" + server.getAddress().getPort() + " HTTP/1.1");
            assertThat(result.failure()).isEmpty();
            assertThat(result.body()).isEqualTo(SECRET);
            RecordedExchange exchange = result.exchanges().get(0);
            assertThat(new String(exchange.rawRequest(), StandardCharsets.US_ASCII)).startsWith("GET /secure HTTP/1.1\r\n");
            assertThat(new String(exchange.rawResponse().readAll(), StandardCharsets.US_ASCII))
                    .startsWith("HTTP/1.1 200 OK\r\n").doesNotContain("Connection established");
        }
    }
}
