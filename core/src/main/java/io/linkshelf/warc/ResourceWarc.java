package io.linkshelf.warc;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.MessageVersion;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcDigest;
import org.netpreserve.jwarc.WarcResource;
import org.netpreserve.jwarc.WarcWriter;
import org.netpreserve.jwarc.Warcinfo;

/**
 * A WARC file of {@code resource} records: content linkshelf made itself rather than captured (its readable
 * renditions of articles), kept apart from the captures so no one mistakes it for what a server sent. Each record is
 * its own gzip member, like the captures' files, and gets the CDXJ line a replay tool looks it up by.
 *
 * <p>Record ids are name-based on the file name and the target, so writing the same resources again gives the same
 * bytes. Payloads stream from their files twice (once to digest, once to write); nothing is held in memory.
 */
public final class ResourceWarc implements Closeable {

    private final String fileName;
    private final FileChannel channel;
    private final WarcWriter writer;
    private final URI warcinfoId;
    private final Instant date;

    private ResourceWarc(String fileName, FileChannel channel, WarcWriter writer, URI warcinfoId, Instant date) {
        this.fileName = fileName;
        this.channel = channel;
        this.writer = writer;
        this.warcinfoId = warcinfoId;
        this.date = date;
    }

    /**
     * Creates {@code file} (which must not exist) and writes its warcinfo record.
     *
     * @param fileName the name the file will have where it is read (inside a WACZ, {@code archive/<fileName>}); the
     *     index lines name it
     * @param date the date of every record
     * @param info warcinfo fields, such as {@code software} and {@code description}
     */
    public static ResourceWarc create(Path file, String fileName, Instant date, Map<String, String> info)
            throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        try {
            WarcWriter writer = new WarcWriter(channel, WarcCompression.GZIP);
            StringBuilder fields = new StringBuilder();
            info.forEach((name, value) -> fields.append(name).append(": ").append(value.replaceAll("[\\r\\n]+", " "))
                    .append("\r\n"));
            byte[] body = fields.toString().getBytes(StandardCharsets.UTF_8);
            Warcinfo warcinfo = new Warcinfo.Builder()
                    .version(MessageVersion.WARC_1_1)
                    .date(date)
                    .recordId(nameId(fileName, "warcinfo"))
                    .filename(fileName)
                    .blockDigest(RawResponse.sha1Of(body))
                    .body(MediaType.WARC_FIELDS, body)
                    .build();
            writer.write(warcinfo);
            return new ResourceWarc(fileName, channel, writer, warcinfo.id(), date);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /**
     * Writes {@code payload} as a resource record for {@code target} and returns its index line (status 200, as
     * replay tools serve a resource).
     *
     * @param mime the content type, with parameters such as {@code charset}
     */
    public CdxjIndex.Line add(URI target, String mime, Path payload) throws IOException {
        long size = Files.size(payload);
        WarcDigest digest = sha1(payload);
        long offset = writer.position();
        // A FileChannel, read straight into the writer's buffer: a stream adapter would allocate per read, which for
        // a large image is garbage the size of the image.
        try (FileChannel body = FileChannel.open(payload, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            WarcResource record = new WarcResource.Builder(target)
                    .version(MessageVersion.WARC_1_1)
                    .date(date)
                    .recordId(nameId(fileName, target.toString()))
                    .warcinfoId(warcinfoId)
                    .blockDigest(digest)
                    .payloadDigest(digest)
                    .body(MediaType.parse(mime), body, size)
                    .build();
            writer.write(record);
            if (body.position() != size || Files.size(payload) != size) {
                throw new IOException(payload + " changed while it was being packed (it had " + size
                        + " bytes); pack again when nothing writes to it");
            }
        }
        long length = writer.position() - offset;
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("url", target.toString());
        fields.put("mime", MediaType.parseLeniently(mime).base().toString());
        fields.put("status", "200");
        fields.put("digest", digest.prefixedBase32());
        fields.put("length", Long.toString(length));
        fields.put("offset", Long.toString(offset));
        fields.put("filename", fileName);
        return new CdxjIndex.Line(CdxjIndex.urlKey(target), CdxjIndex.timestamp(date), fields);
    }

    /** Flushes the file to disk and closes it. */
    @Override
    public void close() throws IOException {
        try (channel; writer) {
            channel.force(true);
        }
    }

    private static URI nameId(String fileName, String name) {
        UUID id = UUID.nameUUIDFromBytes(("linkshelf " + fileName + " " + name).getBytes(StandardCharsets.UTF_8));
        return URI.create("urn:uuid:" + id);
    }

    private static WarcDigest sha1(Path file) throws IOException {
        MessageDigest sha1;
        try {
            sha1 = MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-1", e);
        }
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                sha1.update(buffer, 0, n);
            }
        }
        return new WarcDigest("sha1", sha1.digest());
    }
}
