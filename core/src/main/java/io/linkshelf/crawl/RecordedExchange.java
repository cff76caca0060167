package io.linkshelf.crawl;

import io.linkshelf.warc.Exchange;
import io.linkshelf.warc.Truncation;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One hop of a fetch as the crawl holds it: the {@link Exchange} exactly as it crossed the wire (the one type for
 * that, which the WARC writer takes as it is), plus what only the live crawl has: ownership of the spooled
 * response file, and the status and headers it parsed to decide what to do next. A redirect chain has one per hop.
 *
 * <p>Closing it deletes the spooled response.
 */
final class RecordedExchange implements AutoCloseable {

    private final Exchange wire;
    private final Spool rawResponse;
    private final int status;
    private final List<Map.Entry<String, String>> headers;

    RecordedExchange(URI target, Instant date, Optional<InetAddress> ipAddress, byte[] rawRequest, Spool rawResponse,
            int status, List<Map.Entry<String, String>> headers, Optional<Truncation> truncated) {
        this.wire = new Exchange(target, date, ipAddress, rawRequest, rawResponse, truncated);
        this.rawResponse = Objects.requireNonNull(rawResponse);
        this.status = status;
        this.headers = List.copyOf(headers);
    }

    /** The exchange as it went over the wire, ready to become a WARC request/response pair. */
    Exchange wire() {
        return wire;
    }

    /** The URL requested in this hop. */
    public URI target() {
        return wire.target();
    }

    /** When the request started. */
    public Instant date() {
        return wire.date();
    }

    /** The address of the server connected to; empty through a proxy, which hides it. */
    public Optional<InetAddress> ipAddress() {
        return wire.ipAddress();
    }

    /** The request bytes exactly as written. */
    public byte[] rawRequest() {
        return wire.rawRequest();
    }

    /** The response bytes exactly as read; possibly partial (see {@link #truncated()}), possibly empty. */
    public Spool rawResponse() {
        return rawResponse;
    }

    /** The response status, or 0 when no status line was received. */
    public int status() {
        return status;
    }

    /** The response headers in order, as parsed; empty when no header block was received. */
    public List<Map.Entry<String, String>> headers() {
        return headers;
    }

    /** The first response header with this name, ignoring case. */
    public Optional<String> header(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return headers.stream()
                .filter(h -> h.getKey().toLowerCase(Locale.ROOT).equals(lower))
                .map(Map.Entry::getValue)
                .findFirst();
    }

    public Optional<Truncation> truncated() {
        return wire.truncated();
    }

    @Override
    public void close() throws IOException {
        rawResponse.close();
    }

    @Override
    public String toString() {
        return "RecordedExchange[" + target() + " " + status + truncated().map(t -> " truncated " + t.name().toLowerCase(Locale.ROOT)).orElse("") + "]";
    }
}
