package io.linkshelf.warc;

import java.net.InetAddress;
import java.net.URI;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * One HTTP exchange exactly as it went over the wire: the request as sent and the response as received (status line,
 * headers and body still chunked and content-encoded).
 *
 * @param target     the URL that was requested
 * @param date       when the request was sent
 * @param ipAddress  the server address the connection went to, when known
 * @param rawRequest request line, headers and body as sent (copied)
 * @param rawResponse the raw response bytes
 * @param truncated  why the response is incomplete, if it is
 */
public record Exchange(URI target, Instant date, Optional<InetAddress> ipAddress, byte[] rawRequest,
                       ByteBody rawResponse, Optional<Truncation> truncated) {

    public Exchange {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(ipAddress, "ipAddress");
        Objects.requireNonNull(rawResponse, "rawResponse");
        Objects.requireNonNull(truncated, "truncated");
        if (!target.isAbsolute()) {
            throw new IllegalArgumentException("target must be an absolute URI: " + target);
        }
        if (rawRequest.length == 0) {
            throw new IllegalArgumentException("empty raw request for " + target);
        }
        rawRequest = Arrays.copyOf(rawRequest, rawRequest.length);
    }

    /** A complete exchange. */
    public static Exchange of(URI target, Instant date, Optional<InetAddress> ipAddress, byte[] rawRequest,
                              ByteBody rawResponse) {
        return new Exchange(target, date, ipAddress, rawRequest, rawResponse, Optional.empty());
    }

    /** A copy of the raw request bytes. */
    @Override
    public byte[] rawRequest() {
        return Arrays.copyOf(rawRequest, rawRequest.length);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Exchange other && target.equals(other.target) && date.equals(other.date)
                && ipAddress.equals(other.ipAddress) && Arrays.equals(rawRequest, other.rawRequest)
                && rawResponse.equals(other.rawResponse) && truncated.equals(other.truncated);
    }

    @Override
    public int hashCode() {
        return Objects.hash(target, date, ipAddress, Arrays.hashCode(rawRequest), rawResponse, truncated);
    }

    @Override
    public String toString() {
        return "Exchange[" + target + " at " + date + ", request " + rawRequest.length + " bytes, response "
                + rawResponse.length() + " bytes" + truncated.map(t -> ", truncated " + t).orElse("") + "]";
    }
}
