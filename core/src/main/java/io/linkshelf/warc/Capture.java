package io.linkshelf.warc;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Where and what one written capture is: the response (or revisit) record and its request record.
 *
 * @param responseRecordId WARC-Record-ID of the response or revisit record, {@code urn:uuid:...}
 * @param requestRecordId  WARC-Record-ID of the request record
 * @param target           WARC-Target-URI
 * @param date             WARC-Date (whole seconds)
 * @param status           HTTP status of the stored response
 * @param mime             media type of the payload without parameters, as the server sent it; for a revisit
 *                         without Content-Type, the original's
 * @param payloadDigest    WARC-Payload-Digest, {@code sha1:BASE32}; absent when the payload could not be delimited
 *                         (a chunked body cut short)
 * @param filename         name of the WARC file in archive/warc
 * @param offset           byte offset of the record's gzip member in the file
 * @param length           compressed length of that gzip member
 * @param kind             response or revisit
 * @param refersTo         for a revisit, the record id of the original response
 */
public record Capture(String responseRecordId, String requestRecordId, URI target, Instant date, int status,
                      Optional<String> mime, Optional<String> payloadDigest, String filename, long offset, long length,
                      Kind kind, Optional<String> refersTo) {

    /** The record type that holds the response. */
    public enum Kind {
        RESPONSE,
        REVISIT
    }

    public Capture {
        Objects.requireNonNull(responseRecordId, "responseRecordId");
        Objects.requireNonNull(requestRecordId, "requestRecordId");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(mime, "mime");
        Objects.requireNonNull(payloadDigest, "payloadDigest");
        Objects.requireNonNull(filename, "filename");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(refersTo, "refersTo");
        if (status < 100 || status > 999) {
            throw new IllegalArgumentException("HTTP status out of range: " + status);
        }
        if (offset < 0 || length <= 0) {
            throw new IllegalArgumentException("bad record position " + offset + "+" + length + " in " + filename);
        }
        if (filename.isEmpty() || filename.contains("/") || filename.contains("\\")) {
            throw new IllegalArgumentException("filename must be a bare file name: " + filename);
        }
        if ((kind == Kind.REVISIT) != refersTo.isPresent()) {
            throw new IllegalArgumentException("refersTo must be present exactly for revisits: " + responseRecordId);
        }
    }
}
