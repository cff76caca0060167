package io.linkshelf.crawl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.hc.client5.http.cookie.Cookie;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NetscapeCookiesTest {

    private static final long FUTURE = Instant.now().plusSeconds(86_400).getEpochSecond();

    @TempDir
    Path dir;

    @Test
    void parsesCookiesHttpOnlyLinesAndSkipsComments() {
        NetscapeCookies cookies = NetscapeCookies.parse(List.of(
                "# Netscape HTTP Cookie File",
                "",
                ".zhihu.com\tTRUE\t/\tTRUE\t" + FUTURE + "\td_c0\tabc123",
                "#HttpOnly_.zhihu.com\tTRUE\t/\tTRUE\t" + FUTURE + "\tz_c0\tsecret",
                "www.zhihu.com\tFALSE\t/p\tFALSE\t0\tsession\tyes"), "cookies.txt");

        assertThat(cookies.warnings()).isEmpty();
        assertThat(cookies.cookies()).extracting(Cookie::getName).containsExactly("d_c0", "z_c0", "session");
        Cookie dc0 = cookies.cookies().get(0);
        assertThat(dc0.getDomain()).isEqualTo("zhihu.com");
        assertThat(dc0.getAttribute(Cookie.DOMAIN_ATTR)).isEqualTo(".zhihu.com");
        assertThat(dc0.isSecure()).isTrue();
        assertThat(dc0.getExpiryInstant()).isEqualTo(Instant.ofEpochSecond(FUTURE));
        assertThat(cookies.cookies().get(1).isHttpOnly()).isTrue();
        Cookie session = cookies.cookies().get(2);
        assertThat(session.getExpiryInstant()).isNull();
        assertThat(session.getPath()).isEqualTo("/p");
        assertThat(session.containsAttribute(Cookie.DOMAIN_ATTR)).isFalse();
    }

    @Test
    void warnsAboutMalformedLinesByNumberAndKeepsTheRest() {
        NetscapeCookies cookies = NetscapeCookies.parse(List.of(
                "# comment",
                "example.com\tTRUE\t/\tFALSE\t" + FUTURE + "\tgood\t1",
                "example.com only three fields",
                "example.com\tMAYBE\t/\tFALSE\t0\tbad\t2",
                "example.com\tTRUE\t/\tFALSE\tsoon\tbad\t3",
                "example.com\tTRUE\t/\tFALSE\t0\tgood2\t4"), "my-cookies.txt");

        assertThat(cookies.cookies()).extracting(Cookie::getName).containsExactly("good", "good2");
        assertThat(cookies.warnings()).hasSize(3);
        assertThat(cookies.warnings().get(0)).startsWith("my-cookies.txt:3: ").contains("7 tab-separated fields");
        assertThat(cookies.warnings().get(1)).startsWith("my-cookies.txt:4: ").contains("TRUE or FALSE");
        assertThat(cookies.warnings().get(2)).startsWith("my-cookies.txt:5: ").contains("expiry");
    }

    @Test
    void aMissingFileIsAnIoExceptionNamingIt() {
        Path missing = dir.resolve("nope.txt");
        assertThatThrownBy(() -> NetscapeCookies.load(missing))
                .isInstanceOf(IOException.class)
                .hasMessageContaining(missing.toString());
    }

    @Test
    void sendsMatchingCookiesButNotExpiredOrSecureOnesOverHttp() throws Exception {
        Path file = dir.resolve("cookies.txt");
        Files.writeString(file, String.join("\n",
                "# Netscape HTTP Cookie File",
                "127.0.0.1\tFALSE\t/\tFALSE\t" + FUTURE + "\td_c0\tdevice",
                "#HttpOnly_127.0.0.1\tFALSE\t/\tFALSE\t0\t__zse_ck\tchallenge",
                "127.0.0.1\tFALSE\t/\tFALSE\t1000000000\told\texpired",
                "127.0.0.1\tFALSE\t/\tTRUE\t" + FUTURE + "\tz_c0\tsecure-only",
                "127.0.0.2\tFALSE\t/\tFALSE\t" + FUTURE + "\tother\thost",
                "broken line"), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("before.txt"), Files.readString(file));

        List<String> cookieHeaders = new CopyOnWriteArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            cookieHeaders.add(String.join("; ", exchange.getRequestHeaders().getOrDefault("Cookie", List.of())));
            exchange.getResponseHeaders().add("Set-Cookie", "fresh=1; Path=/");
            exchange.sendResponseHeaders(200, 2);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write("ok".getBytes(StandardCharsets.US_ASCII));
            }
        });
        server.start();
        URI uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/p/1");
        try (HttpFetcher fetcher = new HttpFetcher(HttpFetcherRawTest.loopbackSettings().withCookiesFile(file))) {
            assertThat(fetcher.cookieWarnings()).singleElement().asString().contains("cookies.txt:7");
            fetcher.fetch(FetchRequest.page(uri)).close();
            fetcher.fetch(FetchRequest.page(uri)).close();
        } finally {
            server.stop(0);
        }

        assertThat(cookieHeaders.get(0)).contains("d_c0=device").contains("__zse_ck=challenge")
                .doesNotContain("old=").doesNotContain("z_c0").doesNotContain("other=");
        assertThat(cookieHeaders.get(1)).contains("fresh=1").contains("d_c0=device");
        assertThat(Files.readString(file)).isEqualTo(Files.readString(dir.resolve("before.txt")));
    }
}
