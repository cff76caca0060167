package io.linkshelf.warc;

import io.linkshelf.Version;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.MessageVersion;
import org.netpreserve.jwarc.WarcDigest;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcRequest;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcRevisit;
import org.jspecify.annotations.Nullable;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Writes HTTP exchanges to rolling, record-at-a-time gzipped WARC 1.1 files in {@code archive/warc}.
 * <p>
 * Each capture is a response (or revisit) record followed by its request record, both in the same file and linked
 * by WARC-Concurrent-To in both directions. Records go straight to the file channel and are forced to disk before
 * {@link #write} returns, so a crash loses at most the capture being written. After a failed write the file is
 * abandoned and the next capture starts a new one. Methods are synchronized; one recorder may serve several threads.
 */
public final class WarcRecorder implements Closeable {
    /** Roll to a new file once the current one reaches this size, unless told otherwise. */
    public static final long DEFAULT_ROLL_AT_BYTES = 1L << 30;

    private static final Pattern SNAPSHOT_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final Pattern FIELD_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

    private final Path warcDir;
    private final String snapshotId;
    private final Map<String, List<String>> warcinfoFields;
    private final long rollAtBytes;
    private final boolean recordSecrets;
    private final WarcFile.ChannelDecorator decorator;
    private @Nullable WarcFile current;
    private boolean closed;

    private WarcRecorder(Path warcDir, String snapshotId, Map<String, List<String>> warcinfoFields, long rollAtBytes,
                         boolean recordSecrets, WarcFile.ChannelDecorator decorator) {
        this.warcDir = warcDir;
        this.snapshotId = snapshotId;
        this.warcinfoFields = warcinfoFields;
        this.rollAtBytes = rollAtBytes;
        this.recordSecrets = recordSecrets;
        this.decorator = decorator;
    }

    /**
     * Opens a new file {@code linkshelf-<snapshotId>-<nnnnn>.warc.gz} with the next free number (never appending to an
     * existing file) and writes its warcinfo record: software, format, then the given fields in their order.
     *
     * @param warcinfoFields extra warcinfo fields such as {@code robots} and {@code operator}
     * @param rollAtBytes    start a new file before the next capture once the current file has reached this size
     *                       (a file holds at least one capture, and a capture never spans two files)
     * @param recordSecrets  keep Cookie, Authorization and Proxy-Authorization request header values as sent
     */
    public static WarcRecorder open(Path warcDir, String snapshotId, Map<String, String> warcinfoFields,
                                    long rollAtBytes, boolean recordSecrets) throws IOException {
        return open(warcDir, snapshotId, warcinfoFields, rollAtBytes, recordSecrets, WarcFile.ChannelDecorator.NONE);
    }

    /** Opens with the default roll size, redacting secrets. */
    public static WarcRecorder open(Path warcDir, String snapshotId, Map<String, String> warcinfoFields)
            throws IOException {
        return open(warcDir, snapshotId, warcinfoFields, DEFAULT_ROLL_AT_BYTES, false);
    }

    static WarcRecorder open(Path warcDir, String snapshotId, Map<String, String> warcinfoFields, long rollAtBytes,
                             boolean recordSecrets, WarcFile.ChannelDecorator decorator) throws IOException {
        if (!SNAPSHOT_ID.matcher(snapshotId).matches()) {
            throw new IllegalArgumentException("snapshot id not usable in a file name: " + snapshotId);
        }
        if (rollAtBytes <= 0) {
            throw new IllegalArgumentException("rollAtBytes must be positive: " + rollAtBytes);
        }
        WarcRecorder recorder = new WarcRecorder(warcDir, snapshotId, warcinfoFieldsOf(warcinfoFields), rollAtBytes,
                recordSecrets, decorator);
        recorder.current = WarcFile.create(warcDir, snapshotId, recorder.warcinfoFields, decorator);
        return recorder;
    }

    private static Map<String, List<String>> warcinfoFieldsOf(Map<String, String> extra) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        fields.put("software", List.of("linkshelf/" + Version.current()));
        fields.put("format", List.of("WARC File Format 1.1"));
        extra.forEach((name, value) -> {
            if (!FIELD_NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("not a WARC field name: " + name);
            }
            if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
                throw new IllegalArgumentException("warcinfo field " + name + " has a line break");
            }
            if (fields.putIfAbsent(name, List.of(value)) != null) {
                throw new IllegalArgumentException("warcinfo field " + name + " is set by the recorder");
            }
        });
        return Collections.unmodifiableMap(fields);
    }

    /**
     * Writes a response record (with block and payload digests, IP address when known, WARC-Truncated when
     * truncated) and its request record.
     */
    public synchronized Capture write(Exchange exchange) throws IOException {
        String what = exchange.target().toString();
        RawResponse raw = RawResponse.analyse(exchange.rawResponse(), what);
        byte[] request = requestBytes(exchange);
        Instant date = recordDate(exchange);
        UUID responseId = UUID.randomUUID();
        UUID requestId = UUID.randomUUID();
        WarcFile file = fileForNextCapture();
        long offset = file.position();
        long length;
        try (InputStream body = exchange.rawResponse().open()) {
            WarcResponse.Builder builder = new WarcResponse.Builder(exchange.target())
                    .version(MessageVersion.WARC_1_1)
                    .recordId(responseId)
                    .date(date)
                    .warcinfoId(file.warcinfoId())
                    .concurrentTo(urn(requestId))
                    .blockDigest(raw.blockDigest())
                    .body(MediaType.HTTP_RESPONSE, SizedChannel.strict(body, exchange.rawResponse().length()),
                            exchange.rawResponse().length());
            raw.payloadDigest().ifPresent(builder::payloadDigest);
            exchange.ipAddress().ifPresent(builder::ipAddress);
            exchange.truncated().ifPresent(t -> builder.truncated(t.warcReason()));
            length = writeCapture(file, builder.build(), requestRecord(exchange, request, date, requestId, responseId,
                    file), what);
        }
        return new Capture(urn(responseId).toString(), urn(requestId).toString(), exchange.target(), date,
                raw.status(), raw.mime(), raw.payloadDigest().map(WarcDigest::prefixedBase32), file.fileName(),
                offset, length, Capture.Kind.RESPONSE, Optional.empty());
    }

    /**
     * Writes a revisit record holding only the status line and headers of the new response, and its request record.
     * A 304 answer to a conditional request gets the server-not-modified profile; anything else (a 200 whose payload
     * digest equals the original's) gets identical-payload-digest. Either way the record carries WARC-Refers-To,
     * WARC-Refers-To-Target-URI, WARC-Refers-To-Date and the original's WARC-Payload-Digest.
     *
     * @param original the capture of the response whose payload this one repeats; must be a RESPONSE, since a
     *                 revisit of a revisit would send replay tools looking for a payload that is not there
     * @throws IllegalArgumentException if {@code original} is a revisit, or the payloads differ
     */
    public synchronized Capture writeRevisit(Exchange exchange, Capture original) throws IOException {
        if (original.kind() != Capture.Kind.RESPONSE) {
            throw new IllegalArgumentException("a revisit must refer to a response record, not "
                    + original.responseRecordId() + " (a " + original.kind() + ")");
        }
        String what = exchange.target().toString();
        RawResponse raw = RawResponse.analyse(exchange.rawResponse(), what);
        boolean notModified = raw.status() == 304;
        if (!notModified) {
            if (original.payloadDigest().isEmpty()) {
                throw new IllegalArgumentException("original " + original.responseRecordId()
                        + " has no payload digest to be identical to");
            }
            Optional<String> digest = raw.payloadDigest().map(WarcDigest::prefixedBase32);
            if (!digest.equals(original.payloadDigest())) {
                throw new IllegalArgumentException("payload of " + what + " (" + digest.orElse("undelimited")
                        + ") differs from original " + original.payloadDigest().orElse(""));
            }
        }
        byte[] head = raw.head();
        byte[] request = requestBytes(exchange);
        Instant date = recordDate(exchange);
        UUID revisitId = UUID.randomUUID();
        UUID requestId = UUID.randomUUID();
        WarcFile file = fileForNextCapture();
        long offset = file.position();
        WarcRevisit.Builder builder = new WarcRevisit.Builder(exchange.target(), notModified
                ? WarcRevisit.SERVER_NOT_MODIFIED_1_1 : WarcRevisit.IDENTICAL_PAYLOAD_DIGEST_1_1)
                .version(MessageVersion.WARC_1_1)
                .recordId(revisitId)
                .date(date)
                .warcinfoId(file.warcinfoId())
                .concurrentTo(urn(requestId))
                .refersTo(URI.create(original.responseRecordId()), original.target(), original.date())
                .blockDigest(RawResponse.sha1Of(head))
                .body(MediaType.HTTP_RESPONSE, head);
        original.payloadDigest().ifPresent(d -> builder.payloadDigest(new WarcDigest(d)));
        exchange.ipAddress().ifPresent(builder::ipAddress);
        long length = writeCapture(file, builder.build(),
                requestRecord(exchange, request, date, requestId, revisitId, file), what);
        return new Capture(urn(revisitId).toString(), urn(requestId).toString(), exchange.target(), date,
                raw.status(), raw.mime().or(original::mime), original.payloadDigest(), file.fileName(), offset,
                length, Capture.Kind.REVISIT, Optional.of(original.responseRecordId()));
    }

    /**
     * The WARC-Payload-Digest this recorder would write for a raw response ({@code sha1:BASE32} over the entity body
     * with transfer-encoding removed, content-encoding kept), so the crawler can decide whether to write a revisit.
     * Empty when the payload cannot be delimited, as with a chunked body cut short.
     *
     * @throws IOException if the response head is not HTTP, or the body cannot be read
     */
    public static Optional<String> payloadDigest(ByteBody rawResponse) throws IOException {
        return RawResponse.payloadDigestOf(rawResponse).map(WarcDigest::prefixedBase32);
    }

    /** The file the next capture will go to, unless it rolls first; for logs and tests. */
    public synchronized Optional<Path> currentFile() {
        return Optional.ofNullable(current).map(WarcFile::path);
    }

    /** Forces and closes the current file. Further writes fail. */
    @Override
    public synchronized void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        WarcFile file = current;
        current = null;
        if (file != null) {
            file.close();
        }
    }

    private WarcFile fileForNextCapture() throws IOException {
        if (closed) {
            throw new IllegalStateException("WarcRecorder for " + warcDir + " is closed");
        }
        WarcFile file = current;
        if (file != null && file.records() > 0 && file.position() >= rollAtBytes) {
            current = null;
            file.close();
            file = null;
        }
        if (file == null) {
            file = WarcFile.create(warcDir, snapshotId, warcinfoFields, decorator);
            current = file;
        }
        return file;
    }

    /** Writes response then request; returns the compressed length of the first. */
    private long writeCapture(WarcFile file, WarcRecord response, WarcRecord request, String what)
            throws IOException {
        long offset = file.position();
        try {
            long length = file.write(response);
            file.write(request);
            file.force();
            return length;
        } catch (IOException | RuntimeException e) {
            // the file may now end in a torn record: never write to it again
            current = null;
            file.abandon();
            throw new IOException("cannot write WARC records for " + what + " to " + file.path() + " at offset "
                    + offset + ": " + e.getMessage(), e);
        }
    }

    private WarcRequest requestRecord(Exchange exchange, byte[] request, Instant date, UUID requestId,
                                      UUID responseId, WarcFile file) {
        WarcRequest.Builder builder = new WarcRequest.Builder(exchange.target())
                .version(MessageVersion.WARC_1_1)
                .recordId(requestId)
                .date(date)
                .warcinfoId(file.warcinfoId())
                .concurrentTo(urn(responseId))
                .blockDigest(RawResponse.sha1Of(request))
                .body(MediaType.HTTP_REQUEST, request);
        exchange.ipAddress().ifPresent(builder::ipAddress);
        return builder.build();
    }

    private byte[] requestBytes(Exchange exchange) {
        byte[] raw = exchange.rawRequest();
        return recordSecrets ? raw : RequestRedactor.redact(raw);
    }

    // Whole seconds: the 14-digit CDXJ timestamp and WARC 1.0 readers both work at that precision.
    private static Instant recordDate(Exchange exchange) {
        return exchange.date().truncatedTo(ChronoUnit.SECONDS);
    }

    private static URI urn(UUID id) {
        return URI.create("urn:uuid:" + id);
    }
}
