package io.linkshelf.snapshot;

import io.linkshelf.warc.Capture;
import java.util.Objects;
import java.util.Optional;

/**
 * One image of an article in one snapshot, as the manifest records it.
 *
 * @param url the image URL as resolved from the page
 * @param outcome what became of it
 * @param reason why, in a few words (empty for a plain ok)
 * @param capture its response record (for cached, the earlier snapshot's)
 * @param bytes the payload size, when captured
 */
public record ImageCapture(String url, ImageOutcome outcome, String reason, Optional<Capture> capture, Optional<Long> bytes) {

    public ImageCapture {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(capture, "capture");
        Objects.requireNonNull(bytes, "bytes");
    }
}
