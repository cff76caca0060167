package io.linkshelf.warc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcCaptureRecord;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcRevisit;

/**
 * Brings {@code captures.cdxj} up to date with the WARC files: indexes every file the index does not
 * name yet. Reading the files themselves (rather than trusting what a run remembered) means the
 * records of a run that was killed get indexed by the next one.
 */
public final class WarcIndexer {

    private WarcIndexer() {}

    /** Indexes the WARC files under {@code warcDir} that {@code cdxjFile} does not mention; returns how many. */
    public static int update(Path warcDir, Path cdxjFile) throws IOException {
        if (!Files.isDirectory(warcDir)) {
            return 0;
        }
        Set<String> indexed = new HashSet<>();
        if (Files.exists(cdxjFile)) {
            CdxjIndex.read(cdxjFile).forEach(line -> line.filename().ifPresent(indexed::add));
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(warcDir)) {
            files = list.filter(p -> p.getFileName().toString().endsWith(".warc.gz"))
                    .filter(p -> !indexed.contains(p.getFileName().toString()))
                    .sorted()
                    .toList();
        }
        List<Capture> captures = new ArrayList<>();
        for (Path file : files) {
            captures.addAll(capturesIn(file));
        }
        if (!captures.isEmpty()) {
            Files.createDirectories(cdxjFile.getParent());
            CdxjIndex.merge(cdxjFile, captures);
        }
        return files.size();
    }

    /**
     * The response and revisit records of one WARC file, with offsets and compressed lengths. A torn
     * last record (a run killed mid-write) ends the list; everything before it is returned.
     */
    public static List<Capture> capturesIn(Path file) throws IOException {
        List<Capture> captures = new ArrayList<>();
        String name = file.getFileName().toString();
        try (WarcReader reader = new WarcReader(file)) {
            reader.onWarning(message -> { });
            Optional<WarcRecord> next = nextRecord(reader);
            while (next.isPresent()) {
                WarcRecord record = next.get();
                long offset = reader.position();
                // The HTTP head must be parsed before the reader moves on and consumes the body.
                Optional<Capture> capture = record instanceof WarcResponse || record instanceof WarcRevisit
                        ? captureOf((WarcCaptureRecord) record, name, offset, 1)
                        : Optional.empty();
                next = nextRecord(reader);
                long end = next.isPresent() ? reader.position() : Files.size(file);
                capture.map(c -> withLength(c, end - offset)).ifPresent(captures::add);
            }
        }
        return captures;
    }

    private static Capture withLength(Capture c, long length) {
        return new Capture(c.responseRecordId(), c.requestRecordId(), c.target(), c.date(), c.status(), c.mime(),
                c.payloadDigest(), c.filename(), c.offset(), length, c.kind(), c.refersTo());
    }

    private static Optional<WarcRecord> nextRecord(WarcReader reader) {
        try {
            return reader.next();
        } catch (IOException | RuntimeException torn) {
            return Optional.empty();
        }
    }

    /** Empty for a record whose HTTP head cannot be parsed or whose revisit names no original: pywb skips those too. */
    private static Optional<Capture> captureOf(WarcCaptureRecord record, String file, long offset, long length)
            throws IOException {
        boolean revisit = record instanceof WarcRevisit;
        int status = 0;
        Optional<String> mime = Optional.empty();
        try {
            HttpResponse http = revisit ? ((WarcRevisit) record).http() : ((WarcResponse) record).http();
            status = http.status();
            mime = http.headers().first("Content-Type").map(t -> MediaType.parseLeniently(t).base().toString());
        } catch (IOException | RuntimeException unparseable) {
            return Optional.empty();
        }
        String requestId = record.concurrentTo().stream().findFirst().map(Object::toString).orElse("");
        Optional<String> refersTo = revisit ? ((WarcRevisit) record).refersTo().map(Object::toString) : Optional.empty();
        if (revisit && refersTo.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Capture(record.id().toString(), requestId, record.targetURI(), record.date(), status, mime,
                record.payloadDigest().map(d -> d.prefixedBase32()), file, offset, length,
                revisit ? Capture.Kind.REVISIT : Capture.Kind.RESPONSE, refersTo));
    }
}
