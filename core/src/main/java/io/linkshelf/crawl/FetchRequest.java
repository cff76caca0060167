package io.linkshelf.crawl;

import java.net.URI;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One URL to fetch.
 *
 * @param uri an absolute http or https URL
 * @param kind what is fetched; decides the Accept header and the size cap
 * @param extraHeaders further request headers, e.g. {@code If-None-Match} for a conditional request
 * @param referer the Referer to send; empty sends none (images are fetched without one)
 * @param privateAddressAllowed whether this URL may reach loopback or private addresses (true for a
 *     seed that is itself on such a host)
 */
record FetchRequest(
        URI uri, Kind kind, Map<String, String> extraHeaders, Optional<URI> referer, boolean privateAddressAllowed) {

    /** What a request is for. */
    public enum Kind {
        PAGE("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"),
        IMAGE("image/avif,image/webp,image/apng,image/*,*/*;q=0.8"),
        ROBOTS("text/plain,*/*;q=0.8");

        private final String accept;

        Kind(String accept) {
            this.accept = accept;
        }

        /** The Accept header sent for this kind. */
        public String accept() {
            return accept;
        }
    }

    /** Headers the fetcher sets itself and that must not be overridden through {@link #extraHeaders}. */
    private static final Set<String> RESERVED = Set.of(
            "host", "referer", "cookie", "user-agent", "accept-encoding", "connection", "content-length",
            "transfer-encoding", "proxy-connection", "te");

    public FetchRequest {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(referer, "referer");
        if (!uri.isAbsolute()) {
            throw new IllegalArgumentException("URL is not absolute: " + uri);
        }
        Map<String, String> copy = new LinkedHashMap<>();
        extraHeaders.forEach((name, value) -> {
            if (RESERVED.contains(name.toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("header " + name + " is set by the fetcher, not by a request");
            }
            if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
                throw new IllegalArgumentException("header " + name + " has a line break in its value");
            }
            copy.put(name, value);
        });
        extraHeaders = Collections.unmodifiableMap(copy);
    }

    /** A page, with no Referer, on a public address. */
    public static FetchRequest page(URI uri) {
        return new FetchRequest(uri, Kind.PAGE, Map.of(), Optional.empty(), false);
    }

    /** An image, with no Referer (both image CDNs refuse foreign ones), on a public address. */
    public static FetchRequest image(URI uri) {
        return new FetchRequest(uri, Kind.IMAGE, Map.of(), Optional.empty(), false);
    }

    /** A robots.txt, on a public address. */
    public static FetchRequest robots(URI uri) {
        return new FetchRequest(uri, Kind.ROBOTS, Map.of(), Optional.empty(), false);
    }

    public FetchRequest withPrivateAddressAllowed(boolean allowed) {
        return new FetchRequest(uri, kind, extraHeaders, referer, allowed);
    }

    public FetchRequest withReferer(URI referer) {
        return new FetchRequest(uri, kind, extraHeaders, Optional.of(referer), privateAddressAllowed);
    }

    public FetchRequest withHeader(String name, String value) {
        Map<String, String> headers = new LinkedHashMap<>(extraHeaders);
        headers.put(name, value);
        return new FetchRequest(uri, kind, headers, referer, privateAddressAllowed);
    }
}
