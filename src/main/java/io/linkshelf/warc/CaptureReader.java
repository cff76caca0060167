package io.linkshelf.warc;

import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcRevisit;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;

/**
 * Reads one stored response back from {@code archive/warc} by file name and record offset (as in a {@link Capture}
 * or a CDXJ line): its status, headers, and payload de-chunked and content-decoded. For a revisit the payload is
 * empty and the caller follows {@link StoredResponse#refersTo()} to the original.
 */
public final class CaptureReader {
    private final Path warcDir;

    public CaptureReader(Path warcDir) {
        this.warcDir = warcDir;
    }

    /**
     * A response as stored.
     *
     * @param headers   HTTP headers in the order received; look them up with {@link #header(String)}
     * @param payload   the entity body without transfer- and content-encoding; empty for a revisit; for a truncated
     *                  record, as much as could be decoded
     * @param refersTo  for a revisit, the WARC-Record-ID of the original response
     * @param truncated why the record is incomplete, if it is
     */
    public record StoredResponse(String recordId, Capture.Kind kind, URI target, Instant date, int status,
                                 Map<String, List<String>> headers, byte[] payload, Optional<String> refersTo,
                                 Optional<Truncation> truncated) {
        public StoredResponse {
            Objects.requireNonNull(recordId, "recordId");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(date, "date");
            Map<String, List<String>> copy = new LinkedHashMap<>();
            headers.forEach((name, values) -> copy.put(name, List.copyOf(values)));
            headers = java.util.Collections.unmodifiableMap(copy);
            payload = Arrays.copyOf(payload, payload.length);
            Objects.requireNonNull(refersTo, "refersTo");
            Objects.requireNonNull(truncated, "truncated");
        }

        /** The first value of a header, matched case-insensitively. */
        public Optional<String> header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty())
                    .map(e -> e.getValue().get(0))
                    .findFirst();
        }

        @Override
        public byte[] payload() {
            return Arrays.copyOf(payload, payload.length);
        }
    }

    /**
     * Reads the response or revisit record at {@code offset} in {@code warcDir/filename}.
     *
     * @throws IOException if the file or record cannot be read, is not a response or revisit, or its payload cannot
     *                     be decoded
     */
    public StoredResponse read(String filename, long offset) throws IOException {
        if (filename.isEmpty() || filename.contains("/") || filename.contains("\\") || filename.startsWith(".")) {
            throw new IllegalArgumentException("not a WARC file name: " + filename);
        }
        Path file = warcDir.resolve(filename);
        String where = file + " at offset " + offset;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            if (offset < 0 || offset >= channel.size()) {
                throw new IOException("no record in " + where + ": the file has " + channel.size() + " bytes");
            }
            channel.position(offset);
            WarcReader reader = new WarcReader(channel);
            WarcRecord record = reader.next()
                    .orElseThrow(() -> new IOException("no record in " + where));
            Optional<Truncation> truncated = Truncation.of(record.truncated());
            if (record instanceof WarcResponse response) {
                HttpResponse http = response.http();
                byte[] payload = decode(http, truncated.isPresent(), where);
                return new StoredResponse(record.id().toString(), Capture.Kind.RESPONSE, response.targetURI(),
                        record.date(), http.status(), http.headers().map(), payload, Optional.empty(), truncated);
            }
            if (record instanceof WarcRevisit revisit) {
                HttpResponse http = revisit.http();
                return new StoredResponse(record.id().toString(), Capture.Kind.REVISIT, revisit.targetURI(),
                        record.date(), http.status(), http.headers().map(), new byte[0],
                        revisit.refersTo().map(URI::toString), truncated);
            }
            throw new IOException("the record in " + where + " is a " + record.type() + ", not a response");
        } catch (NoSuchFileException e) {
            throw new IOException("WARC file not found: " + file, e);
        }
    }

    private static byte[] decode(HttpResponse http, boolean truncated, String where) throws IOException {
        if (truncated) {
            return decodeWhatThereIs(http);
        }
        try (InputStream in = http.bodyDecoded().stream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IOException("cannot decode the payload in " + where + ": " + e.getMessage(), e);
        }
    }

    /**
     * A truncated record legitimately ends mid-chunk or mid-gzip-stream, where jwarc's decoders stop with an error
     * before handing out what they had; so de-chunk and inflate here, keeping every byte decoded before the cut.
     */
    private static byte[] decodeWhatThereIs(HttpResponse http) throws IOException {
        ByteArrayOutputStream entity = new ByteArrayOutputStream();
        copyUntilEof(http.body().stream(), entity);
        String encoding = http.headers().first("Content-Encoding").orElse("identity").strip()
                .toLowerCase(java.util.Locale.ROOT);
        InputStream encoded = new ByteArrayInputStream(entity.toByteArray());
        ByteArrayOutputStream payload = new ByteArrayOutputStream();
        switch (encoding) {
            case "identity", "none" -> copyUntilEof(encoded, payload);
            case "gzip", "x-gzip" -> {
                try (InputStream in = new GZIPInputStream(encoded)) {
                    copyUntilEof(in, payload);
                } catch (IOException headerCut) {
                    // not even the gzip header survived
                }
            }
            case "deflate" -> copyUntilEof(new InflaterInputStream(encoded), payload);
            default -> {
                // brotli and others: nothing we can decode partially
            }
        }
        return payload.toByteArray();
    }

    private static void copyUntilEof(InputStream in, ByteArrayOutputStream out) {
        byte[] buffer = new byte[8192];
        try {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                out.write(buffer, 0, n);
            }
        } catch (IOException cut) {
            // the end of what was stored
        }
    }
}
