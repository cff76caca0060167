package io.linkshelf.crawl;

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
 * One HTTP request and its response exactly as they crossed the wire: the request bytes we wrote and the
 * response bytes we read (status line, headers, and the body still chunked and content-encoded), ready
 * to become a WARC request/response pair. A redirect chain has one exchange per hop.
 *
 * <p>Closing it deletes the spooled response. It is the crawl's live, spooled side of an exchange (with the
 * status and headers the crawl decides on); {@code ExchangeWriter} hands the same bytes to the WARC writer as a
 * {@link io.linkshelf.warc.Exchange}, the record-to-be, and {@link io.linkshelf.warc.Truncation} is the one
 * truncation type of both.
 */
final class RecordedExchange implements AutoCloseable {


    private final URI target;
    private final Instant date;
    private final Optional<InetAddress> ipAddress;
    private final byte[] rawRequest;
    private final Spool rawResponse;
    private final int status;
    private final List<Map.Entry<String, String>> headers;
    private final Optional<Truncation> truncated;

    RecordedExchange(URI target, Instant date, Optional<InetAddress> ipAddress, byte[] rawRequest, Spool rawResponse,
            int status, List<Map.Entry<String, String>> headers, Optional<Truncation> truncated) {
        this.target = Objects.requireNonNull(target);
        this.date = Objects.requireNonNull(date);
        this.ipAddress = Objects.requireNonNull(ipAddress);
        this.rawRequest = rawRequest.clone();
        this.rawResponse = Objects.requireNonNull(rawResponse);
        this.status = status;
        this.headers = List.copyOf(headers);
        this.truncated = Objects.requireNonNull(truncated);
    }

    /** The URL requested in this hop. */
    public URI target() {
        return target;
    }

    /** When the request started. */
    public Instant date() {
        return date;
    }

    /** The address of the server connected to; empty through a proxy, which hides it. */
    public Optional<InetAddress> ipAddress() {
        return ipAddress;
    }

    /** The request bytes exactly as written. */
    public byte[] rawRequest() {
        return rawRequest.clone();
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
        return truncated;
    }

    @Override
    public void close() throws IOException {
        rawResponse.close();
    }

    @Override
    public String toString() {
        return "RecordedExchange[" + target + " " + status + truncated.map(t -> " truncated " + t.name().toLowerCase(Locale.ROOT)).orElse("") + "]";
    }
}
