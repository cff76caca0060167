package io.linkshelf.crawl;

import io.linkshelf.warc.Capture;
import io.linkshelf.warc.WarcRecorder;
import java.io.IOException;
import java.util.Optional;

/** Writes what the fetcher recorded to WARC: each hop's wire {@link io.linkshelf.warc.Exchange}, as a response or a revisit. */
final class ExchangeWriter {

    private final WarcRecorder recorder;

    ExchangeWriter(WarcRecorder recorder) {
        this.recorder = recorder;
    }

    /**
     * Writes a request/response pair as it went over the wire. An exchange that received no status
     * line holds no HTTP response to store, so it is left out and empty is returned.
     */
    Optional<Capture> write(RecordedExchange exchange) throws IOException {
        if (exchange.status() == 0) {
            return Optional.empty();
        }
        return Optional.of(recorder.write(exchange.wire()));
    }

    /** Writes the exchange as a revisit of an earlier response with the same payload (or a 304 to it). */
    Capture writeRevisit(RecordedExchange exchange, Capture original) throws IOException {
        return recorder.writeRevisit(exchange.wire(), original);
    }

    /** The payload digest the exchange's response record would carry, to compare with an earlier capture. */
    static Optional<String> payloadDigest(RecordedExchange exchange) throws IOException {
        return WarcRecorder.payloadDigest(exchange.rawResponse());
    }
}
