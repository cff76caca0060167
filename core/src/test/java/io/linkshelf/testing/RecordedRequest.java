package io.linkshelf.testing;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One request as the server received it.
 *
 * @param host the local address the connection arrived on, e.g. {@code 127.0.0.2}
 * @param connectionId the server-wide id of the connection (requests on one keep-alive connection share it)
 * @param method the request method as sent
 * @param target the request target: path and query; an absolute-form target is reduced to them
 * @param version the protocol version, e.g. {@code HTTP/1.1}
 * @param headers the header fields in the order received
 * @param body the body bytes (per {@code Content-Length}; empty without one)
 * @param raw every byte of this request exactly as received: request line, headers, blank line and body
 * @param arrivedAt wall-clock time when the first byte of the request was read
 * @param arrivedNanos {@link System#nanoTime()} at the same moment, for measuring gaps between requests
 */
public record RecordedRequest(String host, long connectionId, String method, String target, String version,
        List<Header> headers, byte[] body, byte[] raw, Instant arrivedAt, long arrivedNanos) {

    /** Copies the collections and arrays so the record stays immutable. */
    public RecordedRequest {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(arrivedAt, "arrivedAt");
        headers = List.copyOf(headers);
        body = body.clone();
        raw = raw.clone();
    }

    /** The path part of the target (before any {@code ?}). */
    public String path() {
        int q = target.indexOf('?');
        return q < 0 ? target : target.substring(0, q);
    }

    /** The raw query string after {@code ?}, if the target has one. */
    public Optional<String> query() {
        int q = target.indexOf('?');
        return q < 0 ? Optional.empty() : Optional.of(target.substring(q + 1));
    }

    /** The value of the first header with this name, ignoring case. */
    public Optional<String> header(String name) {
        return headers.stream().filter(h -> h.is(name)).map(Header::value).findFirst();
    }

    /** The values of all headers with this name, ignoring case, in order. */
    public List<String> headerValues(String name) {
        return headers.stream().filter(h -> h.is(name)).map(Header::value).toList();
    }

    /** A copy of the body bytes. */
    @Override
    public byte[] body() {
        return body.clone();
    }

    /** The body decoded with the given charset. */
    public String bodyText(Charset charset) {
        return new String(body, charset);
    }

    /** A copy of the raw request bytes. */
    @Override
    public byte[] raw() {
        return raw.clone();
    }

    /** The raw request bytes as ISO-8859-1 text, which maps every byte to one char. */
    public String rawText() {
        return new String(raw, StandardCharsets.ISO_8859_1);
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof RecordedRequest r && host.equals(r.host) && connectionId == r.connectionId
                && method.equals(r.method) && target.equals(r.target) && version.equals(r.version)
                && headers.equals(r.headers) && Arrays.equals(body, r.body) && Arrays.equals(raw, r.raw)
                && arrivedAt.equals(r.arrivedAt) && arrivedNanos == r.arrivedNanos;
    }

    @Override
    public int hashCode() {
        return Objects.hash(host, connectionId, target, arrivedNanos);
    }

    @Override
    public String toString() {
        return method + " " + target + " on " + host + " (connection " + connectionId + ", " + body.length
                + " body bytes, at " + arrivedAt + ")";
    }
}
