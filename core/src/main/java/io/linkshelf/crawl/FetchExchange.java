package io.linkshelf.crawl;

import io.linkshelf.crawl.FetchResult.Cause;
import io.linkshelf.crawl.FetchResult.Failure;
import io.linkshelf.warc.Truncation;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpEntity;

/**
 * One hop of a fetch: sends the GET, reads the body within its cap, and turns what happened into a
 * {@link RecordedExchange} plus the decoded body or a failure. Used once, on the fetching thread.
 */
final class FetchExchange {

    private final HttpFetcher fetcher;
    private final FetchRequest request;
    private final URI uri;
    private final NetworkPolicy policy;
    private final FetcherSettings settings;

    private Optional<RecordedExchange> exchange = Optional.empty();
    private byte[] body = new byte[0];
    private Optional<Failure> failure = Optional.empty();
    /** How a failed body read left the recorded response. */
    private Optional<Truncation> bodyTruncation = Optional.empty();

    FetchExchange(HttpFetcher fetcher, FetchRequest request, URI uri, NetworkPolicy policy) {
        this.fetcher = fetcher;
        this.request = request;
        this.uri = uri;
        this.policy = policy;
        this.settings = fetcher.settings();
    }

    Optional<RecordedExchange> exchange() {
        return exchange;
    }

    byte[] body() {
        return body;
    }

    Optional<Failure> failure() {
        return failure;
    }

    @SuppressWarnings("try") // the recording spans the block, never used by name
    void run() {
        Instant date = fetcher.now();
        FetchRecorder recorder = new FetchRecorder();
        HttpGet get;
        try {
            get = new HttpGet(new URI(uri.getScheme(), uri.getRawAuthority(), uri.getRawPath(), uri.getRawQuery(), null));
        } catch (URISyntaxException | IllegalArgumentException e) {
            failure = Optional.of(new Failure(Cause.BAD_URL, "malformed URL " + uri + ": " + e.getMessage()));
            return;
        }
        HttpFetcher.addStandardHeaders(get, request);
        int status = 0;
        List<Map.Entry<String, String>> headers = List.of();
        Optional<Truncation> truncation = Optional.empty();
        try (HttpFetcher.Recording recording = fetcher.recording(recorder, uri.getHost(), policy)) {
            ClassicHttpResponse response;
            try {
                response = fetcher.execute(get, policy);
            } catch (IOException e) {
                FetchFailures.Classified c = FetchFailures.beforeResponse(e, uri, recorder.requestLength() > 0, settings);
                failure = Optional.of(c.failure());
                finish(date, recorder, status, headers, c.truncation());
                return;
            }
            try {
                status = response.getCode();
                headers = HttpFetcher.headersOf(response);
                long cap = settings.maxBytes(request.kind());
                Optional<byte[]> raw = readBody(response.getEntity(), cap, get, headers);
                if (raw.isPresent() && !hasBody(status)) {
                    // A 304 (or 204) has no body even when it repeats the representation's Content-Encoding:
                    // there is nothing to decode.
                    body = new byte[0];
                } else if (raw.isEmpty() && failure.isEmpty()) {
                    truncation = Optional.of(Truncation.LENGTH);
                    failure = Optional.of(new Failure(Cause.TOO_LARGE, "body of " + uri + " exceeds the "
                            + FetchFailures.formatBytes(cap) + " " + capName() + " cap; stopped reading"));
                } else if (raw.isPresent()) {
                    decode(raw.get(), cap, headers);
                } else {
                    truncation = bodyTruncation;
                }
            } finally {
                closeQuietly(response, get);
            }
        }
        finish(date, recorder, status, headers, truncation);
    }

    /** The raw (still content-encoded) body, or empty when the cap was hit or the read failed. */
    private Optional<byte[]> readBody(HttpEntity entity, long cap, HttpGet get, List<Map.Entry<String, String>> headers) {
        if (entity == null) {
            return Optional.of(new byte[0]);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long received = 0;
        try (InputStream in = entity.getContent()) {
            byte[] buffer = new byte[64 * 1024];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                received += n;
                if (received > cap) {
                    get.cancel(); // close the connection instead of draining the rest of the body
                    return Optional.empty();
                }
                out.write(buffer, 0, n);
            }
            return Optional.of(out.toByteArray());
        } catch (IOException e) {
            get.cancel();
            Optional<String> contentLength = headers.stream()
                    .filter(h -> h.getKey().equalsIgnoreCase("Content-Length"))
                    .map(Map.Entry::getValue)
                    .findFirst();
            FetchFailures.Classified c = FetchFailures.duringBody(e, received, contentLength, settings);
            failure = Optional.of(c.failure());
            bodyTruncation = c.truncation();
            return Optional.empty();
        }
    }

    private static boolean hasBody(int status) {
        return status >= 200 && status != 204 && status != 304;
    }

    private void decode(byte[] raw, long cap, List<Map.Entry<String, String>> headers) {
        Optional<String> encoding = headers.stream()
                .filter(h -> h.getKey().equalsIgnoreCase("Content-Encoding"))
                .map(Map.Entry::getValue)
                .findFirst();
        try {
            FetchDecoding.Decoded decoded = FetchDecoding.decode(raw, encoding, cap);
            if (decoded.overCap()) {
                // The raw bytes arrived complete, so the exchange is not truncated; only its payload is too big.
                failure = Optional.of(new Failure(Cause.TOO_LARGE, "decoded body of " + uri + " exceeds the "
                        + FetchFailures.formatBytes(cap) + " " + capName() + " cap"));
            } else {
                body = decoded.body();
            }
        } catch (IOException e) {
            failure = Optional.of(new Failure(Cause.BAD_ENCODING, "cannot decode the "
                    + encoding.orElse("") + " body of " + uri + ": " + e.getMessage()));
        }
    }

    private String capName() {
        return request.kind() == FetchRequest.Kind.IMAGE ? "image" : "page";
    }

    private void finish(Instant date, FetchRecorder recorder, int status, List<Map.Entry<String, String>> headers,
            Optional<Truncation> truncation) {
        if (recorder.requestLength() == 0) {
            // Nothing went over the wire (refused address, DNS or connect failure): nothing to archive.
            closeSpool(recorder);
            return;
        }
        exchange = Optional.of(new RecordedExchange(uri, date,
                settings.proxy().isPresent() ? Optional.empty() : recorder.remoteAddress(),
                recorder.requestBytes(), recorder.response(), status, headers, truncation));
    }

    private static void closeSpool(FetchRecorder recorder) {
        try {
            recorder.response().close();
        } catch (IOException e) {
            // an unused spool holds no file worth reporting
        }
    }

    private static void closeQuietly(ClassicHttpResponse response, HttpGet get) {
        try {
            response.close();
        } catch (IOException e) {
            get.cancel(); // the connection is discarded either way; the exchange's outcome is already known
        }
    }
}
