package io.linkshelf.crawl;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.SSLContext;

/**
 * How {@link HttpFetcher} talks to the network.
 *
 * @param userAgent the honest User-Agent, e.g. {@code linkshelf/1.0 (+https://github.com/linkshelf/linkshelf)}
 * @param proxy an HTTP proxy {@code http://host:port}, used for http and (with CONNECT) https
 * @param cookiesFile a Netscape cookies.txt read once; never written back
 * @param connectTimeout how long to wait for a TCP connection and the TLS handshake
 * @param readTimeout how long to wait for the first byte and between reads
 * @param maxPageBytes cap on a page's (and robots.txt's) body, raw and decoded alike
 * @param maxImageBytes cap on an image's body, raw and decoded alike
 * @param allowPrivateNetworks let every URL reach loopback and private addresses
 * @param sslContext the TLS trust to use instead of the JVM default; for tests only, since the JVM
 *     default already honours {@code -Djavax.net.ssl.trustStore}
 */
public record FetcherSettings(
        String userAgent,
        Optional<URI> proxy,
        Optional<Path> cookiesFile,
        Duration connectTimeout,
        Duration readTimeout,
        long maxPageBytes,
        long maxImageBytes,
        boolean allowPrivateNetworks,
        Optional<SSLContext> sslContext) {

    public static final long DEFAULT_MAX_PAGE_BYTES = 25L * 1024 * 1024;
    public static final long DEFAULT_MAX_IMAGE_BYTES = 50L * 1024 * 1024;

    public FetcherSettings {
        Objects.requireNonNull(userAgent, "userAgent");
        if (userAgent.isBlank() || userAgent.chars().anyMatch(c -> c < 0x20 || c > 0x7e)) {
            throw new IllegalArgumentException("User-Agent must be non-blank printable ASCII: \"" + userAgent + "\"");
        }
        Objects.requireNonNull(proxy, "proxy");
        proxy.ifPresent(FetcherSettings::requireHttpProxy);
        Objects.requireNonNull(cookiesFile, "cookiesFile");
        requirePositive(connectTimeout, "connectTimeout");
        requirePositive(readTimeout, "readTimeout");
        if (maxPageBytes <= 0 || maxImageBytes <= 0) {
            throw new IllegalArgumentException("size caps must be positive: page " + maxPageBytes + ", image " + maxImageBytes);
        }
        Objects.requireNonNull(sslContext, "sslContext");
    }

    /** 15 s to connect, 30 s to read, 25 MiB pages, 50 MiB images, no proxy, no cookies, public addresses only. */
    public static FetcherSettings defaults(String userAgent) {
        return new FetcherSettings(userAgent, Optional.empty(), Optional.empty(), Duration.ofSeconds(15),
                Duration.ofSeconds(30), DEFAULT_MAX_PAGE_BYTES, DEFAULT_MAX_IMAGE_BYTES, false, Optional.empty());
    }

    /**
     * Parses a {@code --proxy} value.
     *
     * @throws IllegalArgumentException unless it has the form {@code http://host:port}
     */
    public static URI parseProxy(String value) {
        URI uri;
        try {
            uri = new URI(value.trim());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException(proxyMessage(value), e);
        }
        requireHttpProxy(uri);
        return uri;
    }

    public FetcherSettings withProxy(URI proxy) {
        return new FetcherSettings(userAgent, Optional.of(proxy), cookiesFile, connectTimeout, readTimeout,
                maxPageBytes, maxImageBytes, allowPrivateNetworks, sslContext);
    }

    public FetcherSettings withCookiesFile(Path file) {
        return new FetcherSettings(userAgent, proxy, Optional.of(file), connectTimeout, readTimeout,
                maxPageBytes, maxImageBytes, allowPrivateNetworks, sslContext);
    }

    public FetcherSettings withTimeouts(Duration connect, Duration read) {
        return new FetcherSettings(userAgent, proxy, cookiesFile, connect, read,
                maxPageBytes, maxImageBytes, allowPrivateNetworks, sslContext);
    }

    public FetcherSettings withCaps(long pageBytes, long imageBytes) {
        return new FetcherSettings(userAgent, proxy, cookiesFile, connectTimeout, readTimeout,
                pageBytes, imageBytes, allowPrivateNetworks, sslContext);
    }

    public FetcherSettings withAllowPrivateNetworks(boolean allow) {
        return new FetcherSettings(userAgent, proxy, cookiesFile, connectTimeout, readTimeout,
                maxPageBytes, maxImageBytes, allow, sslContext);
    }

    public FetcherSettings withSslContext(SSLContext context) {
        return new FetcherSettings(userAgent, proxy, cookiesFile, connectTimeout, readTimeout,
                maxPageBytes, maxImageBytes, allowPrivateNetworks, Optional.of(context));
    }

    /** The body cap for a request of this kind. */
    public long maxBytes(FetchRequest.Kind kind) {
        return kind == FetchRequest.Kind.IMAGE ? maxImageBytes : maxPageBytes;
    }

    private static void requireHttpProxy(URI uri) {
        boolean ok = "http".equalsIgnoreCase(uri.getScheme())
                && uri.getHost() != null
                && uri.getPort() > 0
                && uri.getRawUserInfo() == null
                && (uri.getRawPath() == null || uri.getRawPath().isEmpty() || uri.getRawPath().equals("/"))
                && uri.getRawQuery() == null
                && uri.getRawFragment() == null;
        if (!ok) {
            throw new IllegalArgumentException(proxyMessage(uri.toString()));
        }
    }

    private static String proxyMessage(String value) {
        return "proxy must have the form http://host:port (an HTTP proxy, also used for https via CONNECT; "
                + "no user name, path or other scheme), got: " + value;
    }

    private static void requirePositive(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive: " + duration);
        }
    }
}
