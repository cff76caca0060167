package io.linkshelf.crawl;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.linkshelf.files.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Hosts known to serve only https, like a browser's HSTS list: a host that once redirected an
 * {@code http://} URL to the same URL on {@code https://} gets its later http URLs over https
 * directly, so an article costs one request instead of a redirect and a second request. Learned
 * hosts are kept in {@code archive/state/https-hosts.json}; WeChat and Zhihu are known from the start.
 * Thread-safe.
 */
final class HttpsHosts {

    /** Hosts that answer every http request with a redirect to https (checked by hand, 2026-12). */
    static final Map<String, String> PRELOADED = Map.of(
            "mp.weixin.qq.com", "mp.weixin.qq.com",
            "zhuanlan.zhihu.com", "zhuanlan.zhihu.com",
            "www.zhihu.com", "www.zhihu.com");

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Optional<Path> file;
    private final Map<String, String> learned = new TreeMap<>();
    private final Map<String, String> preloaded;

    private HttpsHosts(Optional<Path> file, Map<String, String> preloaded) {
        this.file = file;
        this.preloaded = preloaded;
    }

    /** A table that learns for this fetcher's life only, with nothing preloaded. */
    static HttpsHosts inMemory() {
        return new HttpsHosts(Optional.empty(), Map.of());
    }

    /**
     * The table kept in {@code file}, with the preloaded hosts. A missing or unreadable file starts
     * an empty table (the state directory is safe to delete; the hosts are learned again).
     */
    static HttpsHosts load(Path file) {
        HttpsHosts hosts = new HttpsHosts(Optional.of(file), PRELOADED);
        if (Files.isRegularFile(file)) {
            try {
                hosts.learned.putAll(JSON.readValue(file.toFile(), new TypeReference<Map<String, String>>() { }));
            } catch (IOException e) {
                // a damaged state file only costs one redirect per host until it is learned again
            }
        }
        return hosts;
    }

    /** The URL to request for {@code uri}: its https twin when the host is known to be https-only. */
    synchronized URI upgrade(URI uri) {
        if (!"http".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
            return uri;
        }
        String to = learned.getOrDefault(httpAuthority(uri), preloaded.get(httpAuthority(uri)));
        if (to == null) {
            return uri;
        }
        String rest = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return URI.create("https://" + to + rest + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
    }

    /** Remembers the host when a redirect went from an http URL to the same URL over https. */
    void learn(URI from, URI to) {
        if (!"http".equalsIgnoreCase(from.getScheme()) || !"https".equalsIgnoreCase(to.getScheme())
                || from.getHost() == null || to.getHost() == null
                || !from.getHost().equalsIgnoreCase(to.getHost())
                || !same(from.getRawPath(), to.getRawPath()) || !same(from.getRawQuery(), to.getRawQuery())) {
            return;
        }
        String key = httpAuthority(from);
        String value = httpsAuthority(to);
        synchronized (this) {
            if (value.equals(learned.get(key)) || value.equals(preloaded.get(key))) {
                return;
            }
            learned.put(key, value);
            if (file.isPresent()) {
                try {
                    AtomicFiles.write(file.get(), JSON.writeValueAsBytes(learned), AtomicFiles.Durability.DURABLE);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot write " + file.get() + ": " + e.getMessage(), e);
                }
            }
        }
    }

    /** Whether http URLs of the host are fetched over https. */
    synchronized boolean isHttpsOnly(URI httpUri) {
        return learned.containsKey(httpAuthority(httpUri)) || preloaded.containsKey(httpAuthority(httpUri));
    }

    private static boolean same(String a, String b) {
        String x = a == null || a.isEmpty() ? "/" : a;
        String y = b == null || b.isEmpty() ? "/" : b;
        return x.equals(y) || (a == null && b == null);
    }

    private static String httpAuthority(URI uri) {
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        return uri.getPort() == -1 || uri.getPort() == 80 ? host : host + ":" + uri.getPort();
    }

    private static String httpsAuthority(URI uri) {
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        return uri.getPort() == -1 || uri.getPort() == 443 ? host : host + ":" + uri.getPort();
    }
}
