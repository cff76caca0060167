package io.linkshelf.crawl;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything one {@link HttpFetcher#fetch} did: every exchange of the redirect chain in order, the final
 * status and decoded body, or why it failed. Network trouble is a failure value, not an exception, and
 * the partially received bytes stay available for a WARC record marked truncated.
 *
 * <p>Closing it deletes the spooled responses.
 */
final class FetchResult implements AutoCloseable {

    /** Why a fetch did not produce a complete final response. */
    public enum Cause {
        /** Connection refused, unknown host, reset before any response, or another I/O error. */
        NETWORK,
        /** Connect or read timeout. */
        TIMEOUT,
        /** The connection broke off mid-body (reset, or fewer bytes than Content-Length). */
        TRUNCATED,
        /** The raw or the decoded body exceeded its cap. */
        TOO_LARGE,
        REDIRECT_LOOP,
        TOO_MANY_REDIRECTS,
        /** The host resolves to a loopback or private address this URL may not reach. */
        REFUSED_ADDRESS,
        /** The URL (or a redirect's Location) is malformed or not http(s). */
        BAD_URL,
        /** A redirect led to a host that is stopped for this run (or the wait for its turn was interrupted). */
        HOST_STOPPED,
        /** TLS failed: untrusted certificate, wrong host name, handshake error. */
        TLS,
        /** The body's Content-Encoding could not be decoded. */
        BAD_ENCODING
    }

    /**
     * A failure's cause and a human-readable reason naming what happened.
     *
     * @param unreachable when the host could not be reached at all (unknown host, connection refused, connect
     *     timeout), a few words saying so, e.g. "unknown host"; such a failure belongs to the host, not the URL
     */
    public record Failure(Cause cause, String reason, Optional<String> unreachable) {
        public Failure {
            Objects.requireNonNull(cause, "cause");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(unreachable, "unreachable");
        }

        public Failure(Cause cause, String reason) {
            this(cause, reason, Optional.empty());
        }

        @Override
        public String toString() {
            return cause + ": " + reason;
        }
    }

    private final List<RecordedExchange> exchanges;
    private final URI finalUri;
    private final byte[] body;
    private final Optional<Failure> failure;
    private final Optional<Duration> retryAfter;

    FetchResult(List<RecordedExchange> exchanges, URI finalUri, byte[] body, Optional<Failure> failure,
            Optional<Duration> retryAfter) {
        this.exchanges = List.copyOf(exchanges);
        this.finalUri = Objects.requireNonNull(finalUri);
        this.body = body;
        this.failure = Objects.requireNonNull(failure);
        this.retryAfter = Objects.requireNonNull(retryAfter);
    }

    /** Every exchange in order, one per redirect hop; empty when no request was sent. */
    public List<RecordedExchange> exchanges() {
        return exchanges;
    }

    /** The last URL requested (the original one when nothing redirected). */
    public URI finalUri() {
        return finalUri;
    }

    /** The status of the last exchange, or 0 when no response arrived. */
    public int status() {
        return lastExchange().map(RecordedExchange::status).orElse(0);
    }

    /** The Content-Type of the last response. */
    public Optional<String> contentType() {
        return lastExchange().flatMap(e -> e.header("Content-Type"));
    }

    /** The last response's body with its Content-Encoding removed; empty on failure. */
    public byte[] body() {
        return body.clone();
    }

    public Optional<Failure> failure() {
        return failure;
    }

    /** True when the final response arrived complete (whatever its status). */
    public boolean isComplete() {
        return failure.isEmpty();
    }

    /** The server's Retry-After on a 429 or 503, in seconds or as an HTTP date converted to a wait. */
    public Optional<Duration> retryAfter() {
        return retryAfter;
    }

    public Optional<RecordedExchange> lastExchange() {
        return exchanges.isEmpty() ? Optional.empty() : Optional.of(exchanges.get(exchanges.size() - 1));
    }

    @Override
    public void close() throws IOException {
        IOException first = null;
        for (RecordedExchange exchange : exchanges) {
            try {
                exchange.close();
            } catch (IOException e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    @Override
    public String toString() {
        return "FetchResult[" + finalUri + " " + status() + failure.map(f -> " " + f).orElse("") + "]";
    }
}
