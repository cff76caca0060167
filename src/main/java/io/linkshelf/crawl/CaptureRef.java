package io.linkshelf.crawl;

import java.util.Objects;
import java.util.Optional;

/**
 * Where a capture sits in the WARC files, enough to read it back without the CDXJ index.
 *
 * @param recordId the WARC-Record-ID of the response or revisit record
 * @param file the WARC file name under archive/warc
 * @param offset the byte offset of the record's gzip member in that file
 * @param payloadDigest the WARC-Payload-Digest, {@code sha1:BASE32}
 * @param revisitOf for a revisit record, the record id of the response it refers to
 * @param date the WARC-Date of the record, ISO-8601
 */
public record CaptureRef(String recordId, String file, long offset, String payloadDigest, Optional<String> revisitOf, String date) {

    public CaptureRef {
        Objects.requireNonNull(recordId, "recordId");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(payloadDigest, "payloadDigest");
        Objects.requireNonNull(revisitOf, "revisitOf");
        Objects.requireNonNull(date, "date");
        if (offset < 0) {
            throw new IllegalArgumentException("offset must not be negative: " + offset);
        }
    }
}
