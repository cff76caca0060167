package io.linkshelf.warc;

import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.MessageVersion;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcWriter;
import org.netpreserve.jwarc.Warcinfo;

import java.io.Closeable;
import java.io.IOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.channels.WritableByteChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One WARC file being written: always a new file, starting with its warcinfo record, each record its own gzip member
 * written straight to the file channel.
 */
final class WarcFile implements Closeable {

    /** Lets tests put a failing channel between the writer and the file, to play a full disk. */
    interface ChannelDecorator {
        ChannelDecorator NONE = (path, channel) -> channel;

        WritableByteChannel decorate(Path path, FileChannel channel);
    }

    private final Path path;
    private final FileChannel channel;
    private final WarcWriter writer;
    private final URI warcinfoId;
    private int records;

    private WarcFile(Path path, FileChannel channel, WarcWriter writer, URI warcinfoId) {
        this.path = path;
        this.channel = channel;
        this.writer = writer;
        this.warcinfoId = warcinfoId;
    }

    /**
     * Creates the next free {@code linkshelf-<snapshotId>-<nnnnn>.warc.gz} in {@code dir}. Never reuses a name: a file
     * left by a killed process may end in a torn record, and anything appended after it would be unreachable.
     */
    static WarcFile create(Path dir, String snapshotId, Map<String, List<String>> warcinfoFields,
                           ChannelDecorator decorator) throws IOException {
        Files.createDirectories(dir);
        byte[] fields = warcFields(warcinfoFields);
        int serial = nextSerial(dir, snapshotId);
        while (true) {
            Path path = dir.resolve(fileName(snapshotId, serial));
            FileChannel channel;
            try {
                channel = FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            } catch (FileAlreadyExistsException e) {
                serial++; // another recorder took this name between our listing and our open
                continue;
            }
            try {
                WarcWriter writer = new WarcWriter(decorator.decorate(path, channel), WarcCompression.GZIP);
                Warcinfo warcinfo = new Warcinfo.Builder()
                        .version(MessageVersion.WARC_1_1)
                        .date(Instant.now().truncatedTo(ChronoUnit.SECONDS))
                        .recordId(UUID.randomUUID())
                        .filename(path.getFileName().toString())
                        .blockDigest(RawResponse.sha1Of(fields))
                        .body(MediaType.WARC_FIELDS, fields)
                        .build();
                writer.write(warcinfo);
                channel.force(false);
                return new WarcFile(path, channel, writer, warcinfo.id());
            } catch (IOException | RuntimeException e) {
                closeQuietly(channel);
                // the file holds nothing but a torn warcinfo record; leaving it would only confuse readers
                Files.deleteIfExists(path);
                throw new IOException("cannot start WARC file " + path + ": " + e.getMessage(), e);
            }
        }
    }

    /** application/warc-fields: one "name: value" line per value, CRLF-terminated, UTF-8. */
    private static byte[] warcFields(Map<String, List<String>> fields) {
        StringBuilder out = new StringBuilder();
        fields.forEach((name, values) -> values.forEach(v -> out.append(name).append(": ").append(v).append("\r\n")));
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    static String fileName(String snapshotId, int serial) {
        return String.format(java.util.Locale.ROOT, "linkshelf-%s-%05d.warc.gz", snapshotId, serial);
    }

    private static int nextSerial(Path dir, String snapshotId) throws IOException {
        Pattern name = Pattern.compile("linkshelf-" + Pattern.quote(snapshotId) + "-(\\d{5,9})\\.warc\\.gz");
        int next = 0;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path entry : entries) {
                Matcher m = name.matcher(entry.getFileName().toString());
                if (m.matches()) {
                    next = Math.max(next, Integer.parseInt(m.group(1)) + 1);
                }
            }
        }
        return next;
    }

    Path path() {
        return path;
    }

    String fileName() {
        return path.getFileName().toString();
    }

    URI warcinfoId() {
        return warcinfoId;
    }

    /** Offset of the next record, which is also the size of the file so far. */
    long position() {
        return writer.position();
    }

    /** Writes one record as one gzip member; returns its compressed length. */
    long write(WarcRecord record) throws IOException {
        long start = writer.position();
        writer.write(record);
        records++;
        return writer.position() - start;
    }

    /** Records written after the warcinfo record. */
    int records() {
        return records;
    }

    /** Pushes written records to the disk, so a power cut after a capture returns cannot lose it. */
    void force() throws IOException {
        channel.force(false);
    }

    @Override
    public void close() throws IOException {
        try {
            channel.force(false);
        } finally {
            writer.close();
            channel.close();
        }
    }

    /** Closes after a failed write; the file keeps its earlier records and is never written to again. */
    void abandon() {
        closeQuietly(channel);
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // the write error that brought us here is the one worth reporting
        }
    }
}
