package io.linkshelf.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An immutable scripted HTTP response: status, headers in order (duplicates allowed), body bytes, and how to put it
 * on the wire, including faults. Every wither returns a new instance.
 *
 * <p>Framing: unless the headers already name {@code Content-Length} or {@code Transfer-Encoding}, the server
 * adds {@code Content-Length} of the (possibly gzipped) body, or {@code Transfer-Encoding: chunked} after
 * {@link #chunked()}. Scripting a wrong {@code Content-Length} header yourself is how to lie about the length.
 * Byte counts of {@link #shortBody(int)} and {@link #resetAfterBodyBytes(int)} count bytes after the header block as
 * sent, i.e. gzipped and chunk-framed where those apply. The header block is encoded as UTF-8, so a non-ASCII
 * {@code Location} goes out as raw UTF-8 bytes, as some real servers send it.
 */
public final class Response {

    private static final Map<Integer, String> REASONS = Map.ofEntries(
            Map.entry(200, "OK"), Map.entry(201, "Created"), Map.entry(204, "No Content"),
            Map.entry(206, "Partial Content"), Map.entry(301, "Moved Permanently"), Map.entry(302, "Found"),
            Map.entry(303, "See Other"), Map.entry(304, "Not Modified"), Map.entry(307, "Temporary Redirect"),
            Map.entry(308, "Permanent Redirect"), Map.entry(400, "Bad Request"), Map.entry(401, "Unauthorized"),
            Map.entry(403, "Forbidden"), Map.entry(404, "Not Found"), Map.entry(410, "Gone"),
            Map.entry(429, "Too Many Requests"), Map.entry(431, "Request Header Fields Too Large"),
            Map.entry(500, "Internal Server Error"), Map.entry(501, "Not Implemented"),
            Map.entry(502, "Bad Gateway"), Map.entry(503, "Service Unavailable"), Map.entry(504, "Gateway Timeout"));

    private static final int NONE = -1;

    private final int status;
    private final String reason;
    private final List<Header> headers;
    private final byte[] body;
    private final boolean gzip;
    private final boolean chunked;
    private final Duration firstByteDelay;
    private final int resetAfterBodyBytes;
    private final int shortBody;
    private final long bytesPerSecond;
    private final boolean closeConnection;

    private Response(int status, String reason, List<Header> headers, byte[] body, boolean gzip, boolean chunked,
            Duration firstByteDelay, int resetAfterBodyBytes, int shortBody, long bytesPerSecond,
            boolean closeConnection) {
        if (status < 100 || status > 999) {
            throw new IllegalArgumentException("status must have three digits: " + status);
        }
        if (reason.indexOf('\r') >= 0 || reason.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("reason contains a line break: " + reason);
        }
        if (resetAfterBodyBytes != NONE && shortBody != NONE) {
            throw new IllegalArgumentException("choose either resetAfterBodyBytes or shortBody, not both");
        }
        this.status = status;
        this.reason = reason;
        this.headers = List.copyOf(headers);
        this.body = body;
        this.gzip = gzip;
        this.chunked = chunked;
        this.firstByteDelay = firstByteDelay;
        this.resetAfterBodyBytes = resetAfterBodyBytes;
        this.shortBody = shortBody;
        this.bytesPerSecond = bytesPerSecond;
        this.closeConnection = closeConnection;
    }

    /** A response with the given status, its usual reason phrase, no headers and an empty body. */
    public static Response status(int status) {
        return new Response(status, REASONS.getOrDefault(status, "Status " + status), List.of(), new byte[0],
                false, false, Duration.ZERO, NONE, NONE, 0, false);
    }

    /** 200 with a {@code Content-Type} and the given body bytes. */
    public static Response ok(String contentType, byte[] body) {
        return status(200).withHeader("Content-Type", contentType).withBody(body);
    }

    /** 200 with a {@code Content-Type} and the text encoded in the given charset. */
    public static Response ok(String contentType, String body, Charset charset) {
        return ok(contentType, body.getBytes(charset));
    }

    /** 200 with a body read from a classpath resource (a name like {@code io/linkshelf/x.html}, no leading slash). */
    public static Response okResource(String contentType, String resourceName) {
        try (InputStream in = Response.class.getClassLoader().getResourceAsStream(resourceName)) {
            if (in == null) {
                throw new IllegalArgumentException("no classpath resource " + resourceName);
            }
            return ok(contentType, in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read classpath resource " + resourceName, e);
        }
    }

    /** 200 with a body read from a file. */
    public static Response okFile(String contentType, Path file) throws IOException {
        return ok(contentType, Files.readAllBytes(file));
    }

    /** A redirect (301, 302, 303, 307 or 308) to {@code location}, sent verbatim in the {@code Location} header. */
    public static Response redirect(int status, String location) {
        if (status < 300 || status > 399) {
            throw new IllegalArgumentException("not a redirect status: " + status);
        }
        return status(status).withHeader("Location", location);
    }

    /** The same response with another status code and its usual reason phrase. */
    public Response withStatus(int newStatus) {
        return new Response(newStatus, REASONS.getOrDefault(newStatus, "Status " + newStatus), headers, body, gzip,
                chunked, firstByteDelay, resetAfterBodyBytes, shortBody, bytesPerSecond, closeConnection);
    }

    /** The same response with another reason phrase (may be empty). */
    public Response withReason(String newReason) {
        return new Response(status, newReason, headers, body, gzip, chunked, firstByteDelay, resetAfterBodyBytes,
                shortBody, bytesPerSecond, closeConnection);
    }

    /** The same response with one more header appended (an existing header of that name stays). */
    public Response withHeader(String name, String value) {
        List<Header> more = new ArrayList<>(headers);
        more.add(new Header(name, value));
        return new Response(status, reason, more, body, gzip, chunked, firstByteDelay, resetAfterBodyBytes,
                shortBody, bytesPerSecond, closeConnection);
    }

    /** The same response with another body (the bytes are copied). */
    public Response withBody(byte[] newBody) {
        return new Response(status, reason, headers, newBody.clone(), gzip, chunked, firstByteDelay,
                resetAfterBodyBytes, shortBody, bytesPerSecond, closeConnection);
    }

    /** Sends the body gzip-compressed with {@code Content-Encoding: gzip}. */
    public Response gzip() {
        return new Response(status, reason, headers, body, true, chunked, firstByteDelay, resetAfterBodyBytes,
                shortBody, bytesPerSecond, closeConnection);
    }

    /** Sends the body with {@code Transfer-Encoding: chunked} in three chunks (fewer for tiny bodies). */
    public Response chunked() {
        return new Response(status, reason, headers, body, gzip, true, firstByteDelay, resetAfterBodyBytes,
                shortBody, bytesPerSecond, closeConnection);
    }

    /** Waits this long after reading the request before sending any byte, e.g. to trip a client's read timeout. */
    public Response firstByteDelay(Duration delay) {
        if (delay.isNegative()) {
            throw new IllegalArgumentException("negative delay: " + delay);
        }
        return new Response(status, reason, headers, body, gzip, chunked, delay, resetAfterBodyBytes, shortBody,
                bytesPerSecond, closeConnection);
    }

    /** Sends the header block and {@code n} body bytes, then aborts the connection with a TCP RST. */
    public Response resetAfterBodyBytes(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("negative byte count: " + n);
        }
        return new Response(status, reason, headers, body, gzip, chunked, firstByteDelay, n, shortBody,
                bytesPerSecond, closeConnection);
    }

    /** Declares the full body length but sends only {@code n} body bytes, then closes the connection normally (FIN). */
    public Response shortBody(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("negative byte count: " + n);
        }
        return new Response(status, reason, headers, body, gzip, chunked, firstByteDelay, resetAfterBodyBytes, n,
                bytesPerSecond, closeConnection);
    }

    /** Limits the body to roughly this many bytes per second (the header block is sent at once). */
    public Response throttle(long newBytesPerSecond) {
        if (newBytesPerSecond <= 0) {
            throw new IllegalArgumentException("bytes per second must be positive: " + newBytesPerSecond);
        }
        return new Response(status, reason, headers, body, gzip, chunked, firstByteDelay, resetAfterBodyBytes,
                shortBody, newBytesPerSecond, closeConnection);
    }

    /** Sends {@code Connection: close} and closes the connection after this response. */
    public Response closeConnection() {
        return new Response(status, reason, headers, body, gzip, chunked, firstByteDelay, resetAfterBodyBytes,
                shortBody, bytesPerSecond, true);
    }

    /** The status code. */
    public int statusCode() {
        return status;
    }

    /** The reason phrase. */
    public String reason() {
        return reason;
    }

    /** The scripted headers, in order; framing headers the server adds are not included. */
    public List<Header> headers() {
        return headers;
    }

    /** A copy of the body before any gzip or chunking. */
    public byte[] body() {
        return body.clone();
    }

    boolean isGzip() {
        return gzip;
    }

    boolean isChunked() {
        return chunked;
    }

    Duration delayBeforeFirstByte() {
        return firstByteDelay;
    }

    /** Body bytes to send before a RST, or -1. */
    int resetLimit() {
        return resetAfterBodyBytes;
    }

    /** Body bytes to send before a normal close, or -1. */
    int shortLimit() {
        return shortBody;
    }

    /** Throttle rate, or 0 for none. */
    long bytesPerSecond() {
        return bytesPerSecond;
    }

    boolean closesConnection() {
        return closeConnection;
    }

    byte[] bodyBytes() {
        return body;
    }

    @Override
    public String toString() {
        return "Response[" + status + " " + reason + ", " + body.length + " body bytes"
                + (gzip ? ", gzip" : "") + (chunked ? ", chunked" : "")
                + (firstByteDelay.isZero() ? "" : ", delay " + firstByteDelay)
                + (resetAfterBodyBytes == NONE ? "" : ", reset after " + resetAfterBodyBytes)
                + (shortBody == NONE ? "" : ", short body " + shortBody)
                + (bytesPerSecond == 0 ? "" : ", " + bytesPerSecond + " B/s") + "]";
    }

    static Response plainText(int status, String text) {
        return status(status).withHeader("Content-Type", "text/plain; charset=utf-8")
                .withBody(text.getBytes(StandardCharsets.UTF_8));
    }
}
