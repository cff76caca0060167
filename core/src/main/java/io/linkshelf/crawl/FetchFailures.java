package io.linkshelf.crawl;

import io.linkshelf.crawl.FetchResult.Cause;
import io.linkshelf.crawl.FetchResult.Failure;
import io.linkshelf.warc.Truncation;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.security.cert.CertificateException;
import java.time.Duration;
import java.util.Optional;
import javax.net.ssl.SSLException;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.impl.TunnelRefusedException;
import org.apache.hc.core5.http.ConnectionClosedException;
import org.apache.hc.core5.http.MalformedChunkCodingException;
import org.apache.hc.core5.http.NoHttpResponseException;

/** Turns the exceptions of one exchange into a {@link Failure} with a reason a user can act on. */
final class FetchFailures {

    /** A classified failure and how it left the recorded response. */
    record Classified(Failure failure, Optional<Truncation> truncation) {}

    private FetchFailures() {}

    /** An exception before any response header arrived. */
    @SuppressWarnings("deprecation") // TunnelRefusedException is still what 5.4 throws for a refused CONNECT
    static Classified beforeResponse(IOException e, URI uri, boolean requestSent, FetcherSettings settings) {
        String host = uri.getHost();
        if (e instanceof NetworkPolicy.RefusedAddressException) {
            return none(Cause.REFUSED_ADDRESS, e.getMessage());
        }
        String viaProxy = settings.proxy().map(p -> " (proxy " + p.getHost() + ":" + p.getPort() + ")").orElse("");
        if (e instanceof UnknownHostException) {
            return unreachable(Cause.NETWORK, "unknown host " + host + viaProxy, "unknown host" + viaProxy);
        }
        if (e instanceof SSLException) {
            boolean certificate = hasCause(e, CertificateException.class)
                    || String.valueOf(e.getMessage()).contains("PKIX");
            return none(Cause.TLS, (certificate ? "TLS certificate of " + host + " rejected: " : "TLS handshake with " + host + " failed: ")
                    + e.getMessage());
        }
        if (hasCause(e, TunnelRefusedException.class)) {
            return none(Cause.NETWORK, "proxy refused to open a tunnel to " + host + ": " + e.getMessage());
        }
        if (e instanceof ConnectTimeoutException || (!requestSent && e instanceof SocketTimeoutException)) {
            return unreachable(Cause.TIMEOUT, "connect to " + host + viaProxy + " timed out after "
                    + format(settings.connectTimeout()), "connect timed out" + viaProxy);
        }
        if (e instanceof ConnectException) {
            return unreachable(Cause.NETWORK, "connection to " + host + viaProxy + " refused: " + e.getMessage(),
                    "connection refused" + viaProxy);
        }
        if (e instanceof SocketTimeoutException) {
            return new Classified(new Failure(Cause.TIMEOUT, "read timed out after " + format(settings.readTimeout())
                    + " waiting for the response from " + host), Optional.of(Truncation.TIME));
        }
        if (e instanceof NoHttpResponseException) {
            return new Classified(new Failure(Cause.NETWORK, host + " closed the connection without a response"),
                    Optional.of(Truncation.DISCONNECT));
        }
        if (e instanceof SocketException) {
            return new Classified(new Failure(Cause.NETWORK, "connection to " + host + " failed before a response: "
                    + e.getMessage()), requestSent ? Optional.of(Truncation.DISCONNECT) : Optional.empty());
        }
        return new Classified(new Failure(Cause.NETWORK, "fetching " + uri + " failed: " + describe(e)),
                requestSent ? Optional.of(Truncation.DISCONNECT) : Optional.empty());
    }

    /** An exception while reading the body, after {@code received} body bytes. */
    static Classified duringBody(IOException e, long received, Optional<String> contentLength, FetcherSettings settings) {
        if (e instanceof SocketTimeoutException) {
            return new Classified(new Failure(Cause.TIMEOUT, "read timed out after " + format(settings.readTimeout())
                    + " (" + received + " bytes of the body received)"), Optional.of(Truncation.TIME));
        }
        String reason;
        if (e instanceof ConnectionClosedException && contentLength.isPresent()) {
            reason = "body shorter than Content-Length (" + received + " of " + contentLength.get().trim() + " bytes)";
        } else if (e instanceof ConnectionClosedException || e instanceof MalformedChunkCodingException) {
            reason = "connection closed before the end of the body, after " + received + " bytes (" + describe(e) + ")";
        } else if (e instanceof SocketException && String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT).contains("reset")) {
            reason = "connection reset after " + received + " bytes";
        } else {
            reason = "body broken off after " + received + " bytes: " + describe(e);
        }
        return new Classified(new Failure(Cause.TRUNCATED, reason), Optional.of(Truncation.DISCONNECT));
    }

    /** "30 s" for whole seconds, "500 ms" otherwise. */
    static String format(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? (millis / 1000) + " s" : millis + " ms";
    }

    /** "25 MiB" for whole mebibytes, else bytes. */
    static String formatBytes(long bytes) {
        return bytes % (1024 * 1024) == 0 ? (bytes / (1024 * 1024)) + " MiB" : bytes + " bytes";
    }

    private static String describe(Throwable e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static Classified unreachable(Cause cause, String reason, String shortly) {
        return new Classified(new Failure(cause, reason, Optional.of(shortly)), Optional.empty());
    }

    private static Classified none(Cause cause, String reason) {
        return new Classified(new Failure(cause, reason), Optional.empty());
    }
}
