package io.linkshelf.crawl;

import io.linkshelf.crawl.FetchResult.Cause;
import io.linkshelf.crawl.FetchResult.Failure;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.net.ssl.SSLContext;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.config.TlsConfig;
import org.apache.hc.client5.http.cookie.BasicCookieStore;
import org.apache.hc.client5.http.cookie.StandardCookieSpec;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.client5.http.ssl.HostnameVerificationPolicy;
import org.apache.hc.client5.http.ssl.HttpsSupport;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * Fetches one URL and records every exchange's raw bytes for WARC. It follows redirects itself (each hop
 * is its own {@link RecordedExchange}), verifies TLS against the JVM's trust store, sends an honest
 * User-Agent, cookies from the user's cookies.txt and no Referer unless asked, caps body sizes, and
 * decodes gzip/deflate itself. Politeness (delays, budgets, robots) is the caller's job.
 *
 * <p>One connection per host is kept alive and reused, so a site sees one TLS handshake per run, not
 * one per request; each exchange's bytes are still recorded apart (see {@link RecordingConnectionFactory}).
 * An {@code http://} URL of a host known to be https-only ({@link HttpsHosts}) is requested over https
 * directly, and a redirect from http to the same URL on https teaches the fetcher that host.
 *
 * <p>Thread-safe: fetches may run concurrently (the scheduler keeps one in flight per host).
 */
final class HttpFetcher implements AutoCloseable {

    /** Redirects followed before giving up. */
    public static final int MAX_REDIRECTS = 10;

    static final String ACCEPT_LANGUAGE = "zh-CN,zh;q=0.9,en;q=0.8";
    static final String ACCEPT_ENCODING = "gzip, deflate";
    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);

    private final FetcherSettings settings;
    private final Clock clock;
    private final RecordingConnectionFactory connections = new RecordingConnectionFactory();
    private final FetchDnsResolver dns = new FetchDnsResolver();
    private final CloseableHttpClient client;
    private final List<String> cookieWarnings;
    private final HttpsHosts httpsHosts;

    /**
     * Builds the client; reads the cookies file if one is set.
     *
     * @throws IOException if the cookies file cannot be read or TLS cannot be initialised
     */
    public HttpFetcher(FetcherSettings settings) throws IOException {
        this(settings, Clock.systemUTC(), HttpsHosts.inMemory());
    }

    HttpFetcher(FetcherSettings settings, Clock clock) throws IOException {
        this(settings, clock, HttpsHosts.inMemory());
    }

    HttpFetcher(FetcherSettings settings, Clock clock, HttpsHosts httpsHosts) throws IOException {
        this.settings = settings;
        this.clock = clock;
        this.httpsHosts = httpsHosts;
        BasicCookieStore cookies = new BasicCookieStore();
        List<String> warnings = List.of();
        if (settings.cookiesFile().isPresent()) {
            NetscapeCookies loaded = NetscapeCookies.load(settings.cookiesFile().get());
            cookies = loaded.toStore();
            warnings = loaded.warnings();
        }
        this.cookieWarnings = warnings;
        SSLContext ssl;
        try {
            // The JVM default honours -Djavax.net.ssl.trustStore; hostname verification stays on.
            ssl = settings.sslContext().isPresent() ? settings.sslContext().get() : SSLContext.getDefault();
        } catch (NoSuchAlgorithmException e) {
            throw new IOException("cannot initialise TLS: " + e.getMessage(), e);
        }
        Timeout connect = Timeout.of(settings.connectTimeout());
        Timeout read = Timeout.of(settings.readTimeout());
        var connectionManager = PoolingHttpClientConnectionManagerBuilder.create()
                .setConnectionFactory(connections)
                .setDnsResolver(dns)
                .setTlsSocketStrategy(new DefaultClientTlsStrategy(
                        ssl, HostnameVerificationPolicy.BOTH, HttpsSupport.getDefaultHostnameVerifier()))
                .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(connect).setSocketTimeout(read)
                        // requests to a host are seconds apart: check that the server has not closed the idle connection
                        .setValidateAfterInactivity(TimeValue.ofMilliseconds(500))
                        .setTimeToLive(TimeValue.ofMinutes(10))
                        .build())
                .setDefaultTlsConfig(TlsConfig.custom().setHandshakeTimeout(connect).build())
                .setMaxConnTotal(64)
                .setMaxConnPerRoute(1)
                .build();
        var builder = HttpClients.custom()
                .setConnectionManager(connectionManager)
                .evictIdleConnections(TimeValue.ofMinutes(2))
                .disableRedirectHandling()
                .disableContentCompression()
                .disableAutomaticRetries()
                .setUserAgent(settings.userAgent())
                .setDefaultCookieStore(cookies)
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setRedirectsEnabled(false)
                        .setResponseTimeout(read)
                        .setConnectionRequestTimeout(connect)
                        .setCookieSpec(StandardCookieSpec.RELAXED)
                        .build());
        settings.proxy().ifPresent(proxy -> builder.setProxy(new HttpHost("http", proxy.getHost(), proxy.getPort())));
        this.client = builder.build();
    }

    /** Problems found in the cookies file (file and line number each); the usable cookies were loaded. */
    public List<String> cookieWarnings() {
        return cookieWarnings;
    }

    /**
     * Fetches the request's URL, following redirects. Never throws for network trouble: the result then
     * carries a {@link Failure} and whatever was recorded. The caller closes the result.
     */
    public FetchResult fetch(FetchRequest request) {
        return fetch(request, next -> true);
    }

    /**
     * Fetches like {@link #fetch(FetchRequest)}, asking the gate before each redirect hop; the crawl's
     * gate waits for the next host's politeness turn, so a redirect to another host is as polite as
     * any other request to it.
     */
    FetchResult fetch(FetchRequest request, HopGate gate) {
        NetworkPolicy policy = NetworkPolicy.allowing(settings.allowPrivateNetworks() || request.privateAddressAllowed());
        List<RecordedExchange> exchanges = new ArrayList<>();
        List<URI> chain = new ArrayList<>();
        URI current = httpsHosts.upgrade(request.uri());
        while (true) {
            Optional<String> badUrl = checkUrl(current);
            if (badUrl.isPresent()) {
                return failed(exchanges, current, Cause.BAD_URL, badUrl.get());
            }
            chain.add(withoutFragment(current));
            FetchExchange hop = new FetchExchange(this, request, current, policy);
            hop.run();
            hop.exchange().ifPresent(exchanges::add);
            if (hop.failure().isPresent()) {
                return new FetchResult(exchanges, current, new byte[0], hop.failure(), Optional.empty());
            }
            RecordedExchange exchange = hop.exchange().orElseThrow();
            Optional<String> location = exchange.header("Location");
            if (!REDIRECTS.contains(exchange.status()) || location.isEmpty()) {
                return new FetchResult(exchanges, current, hop.body(), Optional.empty(), retryAfter(exchange));
            }
            URI next;
            try {
                next = resolve(current, location.get());
            } catch (URISyntaxException e) {
                return failed(exchanges, current, Cause.BAD_URL,
                        "redirect from " + current + " to a malformed Location \"" + location.get() + "\"");
            }
            httpsHosts.learn(current, next);
            next = httpsHosts.upgrade(next);
            if (chain.contains(withoutFragment(next))) {
                List<String> loop = new ArrayList<>(chain.stream().map(URI::toString).toList());
                loop.add(next.toString());
                return failed(exchanges, current, Cause.REDIRECT_LOOP, "redirect loop: " + String.join(" -> ", loop));
            }
            if (chain.size() > MAX_REDIRECTS) {
                return failed(exchanges, current, Cause.TOO_MANY_REDIRECTS,
                        "more than " + MAX_REDIRECTS + " redirects starting at " + request.uri());
            }
            try {
                if (!gate.beforeHop(next)) {
                    return failed(exchanges, current, Cause.HOST_STOPPED,
                            "redirected to " + next.getHost() + ", which is stopped for this run");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return failed(exchanges, current, Cause.HOST_STOPPED, "interrupted while waiting for " + next.getHost());
            }
            current = next;
        }
    }

    /**
     * Runs one exchange on the calling thread; used by {@link FetchExchange}. The deprecated open-response
     * {@code execute} is deliberate: the response-handler variant drains the rest of the body on return,
     * which is exactly what a size cap or a zip bomb must not do.
     */
    @SuppressWarnings("deprecation")
    ClassicHttpResponse execute(HttpGet get, NetworkPolicy policy) throws IOException {
        URI uri;
        try {
            uri = get.getUri();
        } catch (URISyntaxException e) {
            throw new IOException("bad request URI: " + e.getMessage(), e);
        }
        if (settings.proxy().isPresent() && !policy.allowsPrivate()) {
            // Through a proxy httpclient never resolves the target, so check it here (best effort:
            // the proxy does its own lookup). A name only the proxy can resolve is left to the proxy.
            try {
                policy.check(uri);
            } catch (NetworkPolicy.RefusedAddressException e) {
                throw e;
            } catch (UnknownHostException e) {
                // fall through
            }
        }
        return client.execute(get, HttpClientContext.create());
    }

    /**
     * Ties the calling thread's socket I/O to {@code recorder} and its DNS lookups to {@code policy}
     * until closed; an exchange holds it from sending the request to releasing the connection, since
     * the body is read after {@link #execute} returns.
     */
    Recording recording(FetchRecorder recorder, String host, NetworkPolicy policy) {
        connections.attach(recorder);
        dns.attach(host, policy);
        return () -> {
            connections.detach();
            dns.detach();
        };
    }

    /** The span of one exchange's recording; closing it never throws. */
    interface Recording extends AutoCloseable {
        @Override
        void close();
    }

    /** Decides, before a redirect hop, whether (and when) it may go. */
    @FunctionalInterface
    interface HopGate {
        /** Returns false to give up the fetch; may block until the hop may go. */
        boolean beforeHop(URI next) throws InterruptedException;
    }

    FetcherSettings settings() {
        return settings;
    }

    Instant now() {
        return clock.instant();
    }

    static void addStandardHeaders(HttpGet get, FetchRequest request) {
        get.addHeader("Accept", request.kind().accept());
        get.addHeader("Accept-Language", ACCEPT_LANGUAGE);
        get.addHeader("Accept-Encoding", ACCEPT_ENCODING);
        request.referer().ifPresent(referer -> get.addHeader("Referer", referer.toASCIIString()));
        for (Map.Entry<String, String> header : request.extraHeaders().entrySet()) {
            get.setHeader(header.getKey(), header.getValue()); // replaces a default such as Accept
        }
    }

    private Optional<Duration> retryAfter(RecordedExchange exchange) {
        if (exchange.status() != 429 && exchange.status() != 503) {
            return Optional.empty();
        }
        return exchange.header("Retry-After").flatMap(value -> parseRetryAfter(value, clock.instant()));
    }

    /** Retry-After as delay-seconds or an HTTP-date; a date in the past means no wait. */
    static Optional<Duration> parseRetryAfter(String value, Instant now) {
        String v = value.trim();
        if (v.matches("\\d{1,9}")) {
            return Optional.of(Duration.ofSeconds(Long.parseLong(v)));
        }
        try {
            Instant date = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration wait = Duration.between(now, date);
            return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> checkUrl(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Optional.of("refusing " + uri + ": only http and https URLs are fetched");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            return Optional.of("URL has no host: " + uri);
        }
        return Optional.empty();
    }

    private static URI resolve(URI base, String location) throws URISyntaxException {
        // Servers put spaces and non-ASCII in Location; encode them the way browsers do before parsing.
        StringBuilder cleaned = new StringBuilder();
        for (char c : location.trim().toCharArray()) {
            if (c == ' ') {
                cleaned.append("%20");
            } else if (c > 0x7e) {
                for (byte b : String.valueOf(c).getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
                    cleaned.append('%').append(String.format(Locale.ROOT, "%02X", b & 0xff));
                }
            } else {
                cleaned.append(c);
            }
        }
        return base.resolve(new URI(cleaned.toString()));
    }

    private static URI withoutFragment(URI uri) {
        try {
            return new URI(uri.getScheme(), uri.getRawSchemeSpecificPart(), null).normalize();
        } catch (URISyntaxException e) {
            return uri;
        }
    }

    private static FetchResult failed(List<RecordedExchange> exchanges, URI current, Cause cause, String reason) {
        return new FetchResult(exchanges, current, new byte[0], Optional.of(new Failure(cause, reason)), Optional.empty());
    }

    @Override
    public void close() {
        client.close(CloseMode.GRACEFUL);
    }

    static List<Map.Entry<String, String>> headersOf(ClassicHttpResponse response) {
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        for (Header header : response.getHeaders()) {
            headers.add(Map.entry(header.getName(), header.getValue() == null ? "" : header.getValue()));
        }
        return headers;
    }
}
