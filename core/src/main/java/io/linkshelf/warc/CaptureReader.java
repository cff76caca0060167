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
import java.nio.channels.ReadableByteChannel;
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
 * empty and {@link #readOriginal} finds the original through the CDXJ index.
 */
public final class CaptureReader {
    private final Path warcDir;

    public CaptureReader(Path warcDir) {
        this.warcDir = warcDir;
    }

    /** A revisit's WARC-Refers-To, WARC-Refers-To-Target-URI and WARC-Refers-To-Date. */
    public record Reference(String recordId, URI target, Instant date) {
        public Reference {
            Objects.requireNonNull(recordId, "recordId");
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(date, "date");
        }
    }

    /**
     * A response as stored.
     *
     * @param headers   HTTP headers in the order received; look them up with {@link #header(String)}
     * @param payload   the entity body without transfer- and content-encoding; empty for a revisit; for a truncated
     *                  record, as much as could be decoded
     * @param refersTo  for a revisit, the original response it refers to
     * @param truncated why the record is incomplete, if it is
     */
    public record StoredResponse(String recordId, Capture.Kind kind, URI target, Instant date, int status,
                                 Map<String, List<String>> headers, byte[] payload, Optional<Reference> refersTo,
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
            return read(channel, where);
        } catch (NoSuchFileException e) {
            throw new IOException("WARC file not found: " + file, e);
        }
    }

    /**
     * Reads the record at the channel's position (gzip-compressed or not) as {@link #read(String, long)} does; for
     * records that come from elsewhere than a local file, such as a Hadoop input split.
     *
     * @param where names the record in error messages (file and offset, say)
     */
    public static StoredResponse read(ReadableByteChannel channel, String where) throws IOException {
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
                    reference(revisit, where), truncated);
        }
        throw new IOException("the record in " + where + " is a " + record.type() + ", not a response");
    }

    /**
     * The original response a revisit refers to: looked up in the CDXJ index by its target and date, as pywb does,
     * and accepted only if its record id is the one referred to.
     *
     * @throws IOException if the index holds no such response
     */
    public StoredResponse readOriginal(StoredResponse revisit, Path cdxjFile) throws IOException {
        Reference ref = revisit.refersTo().orElseThrow(() -> new IllegalArgumentException(
                revisit.recordId() + " is not a revisit"));
        String urlKey = CdxjIndex.urlKey(ref.target());
        String timestamp = CdxjIndex.timestamp(ref.date());
        for (CdxjIndex.Line line : CdxjIndex.read(cdxjFile)) {
            if (line.urlKey().equals(urlKey) && line.timestamp().equals(timestamp)
                    && !line.isRevisit() && line.filename().isPresent() && line.offset().isPresent()) {
                StoredResponse candidate = read(line.filename().get(), line.offset().get());
                if (candidate.recordId().equals(ref.recordId())) {
                    return candidate;
                }
            }
        }
        throw new IOException("original " + ref.recordId() + " of revisit " + revisit.recordId() + " (" + ref.target()
                + " at " + ref.date() + ") is not in " + cdxjFile);
    }

    private static Optional<Reference> reference(WarcRevisit revisit, String where) throws IOException {
        Optional<URI> id = revisit.refersTo();
        Optional<URI> target = revisit.refersToTargetURI();
        Optional<Instant> date = revisit.refersToDate();
        if (id.isEmpty() || target.isEmpty() || date.isEmpty()) {
            throw new IOException("the revisit in " + where + " lacks WARC-Refers-To, -Target-URI or -Date");
        }
        return Optional.of(new Reference(id.get().toString(), target.get(), date.get()));
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
