package io.linkshelf.extract;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One fetched page, as the extractors see it.
 *
 * @param requestedUri the URI that was asked for
 * @param finalUri the URI that answered, after redirects (equal to requestedUri when there were none)
 * @param redirects every URI a redirect sent the client to, in order (the last one is normally finalUri)
 * @param status the HTTP status of the final response
 * @param contentType the Content-Type header of the final response, if any
 * @param body the entity after transfer- and content-decoding (no gzip), raw bytes in the server's charset
 */
public record PageResponse(
        URI requestedUri, URI finalUri, List<URI> redirects, int status, Optional<String> contentType, byte[] body) {

    public PageResponse {
        Objects.requireNonNull(requestedUri, "requestedUri");
        Objects.requireNonNull(finalUri, "finalUri");
        redirects = List.copyOf(redirects);
        Objects.requireNonNull(contentType, "contentType");
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("HTTP status out of range: " + status + " for " + finalUri);
        }
        if (!finalUri.isAbsolute()) {
            throw new IllegalArgumentException("final URI must be absolute: " + finalUri);
        }
        body = body.clone();
    }

    /** A response that was not redirected. */
    public static PageResponse of(URI uri, int status, Optional<String> contentType, byte[] body) {
        return new PageResponse(uri, uri, List.of(), status, contentType, body);
    }

    /** A copy of the body; the extractors read it without copying. */
    @Override
    public byte[] body() {
        return body.clone();
    }

    byte[] bytes() {
        return body;
    }

    /** The requested URI, the redirect targets and the final URI, in that order. */
    List<URI> chain() {
        var all = new ArrayList<URI>(redirects.size() + 2);
        all.add(requestedUri);
        all.addAll(redirects);
        all.add(finalUri);
        return all;
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof PageResponse other
                && requestedUri.equals(other.requestedUri)
                && finalUri.equals(other.finalUri)
                && redirects.equals(other.redirects)
                && status == other.status
                && contentType.equals(other.contentType)
                && Arrays.equals(body, other.body);
    }

    @Override
    public int hashCode() {
        return Objects.hash(requestedUri, finalUri, redirects, status, contentType, Arrays.hashCode(body));
    }

    @Override
    public String toString() {
        return "PageResponse[" + status + " " + finalUri + " (requested " + requestedUri + ", " + redirects.size()
                + " redirects), " + contentType.orElse("no content type") + ", " + body.length + " bytes]";
    }
}
