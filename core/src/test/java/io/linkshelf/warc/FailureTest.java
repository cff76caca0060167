package io.linkshelf.warc;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcDigest;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcWriter;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import static io.linkshelf.warc.JwarcChecks.jwarcValidates;
import static io.linkshelf.warc.JwarcChecks.problems;
import static io.linkshelf.warc.WarcRecorderTest.ARTICLE;
import static io.linkshelf.warc.WarcRecorderTest.SNAPSHOT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;

class FailureTest {
    @TempDir
    Path warcDir;

    @Test
    void aFullDiskNamesTheFileKeepsEarlierRecordsAndMovesOnToANewFile() throws Exception {
        AtomicBoolean diskFull = new AtomicBoolean();
        WarcFile.ChannelDecorator disk = (path, channel) -> new FillingUpChannel(channel, diskFull);
        Capture first;
        Capture afterwards;
        try (WarcRecorder recorder = WarcRecorder.open(warcDir, SNAPSHOT, Map.of(), 1L << 30, false, disk)) {
            first = recorder.write(WarcRecorderTest.exchange(ARTICLE, Http.html()));
            diskFull.set(true);
            assertThatIOException()
                    .isThrownBy(() -> recorder.write(WarcRecorderTest.exchange(ARTICLE, Http.chunkedGzipHtml(50))))
                    .withMessageContaining(first.filename())
                    .withMessageContaining("No space left on device");
            diskFull.set(false);
            afterwards = recorder.write(WarcRecorderTest.exchange(ARTICLE, Http.html()));
        }
        assertThat(afterwards.filename()).isEqualTo("linkshelf-" + SNAPSHOT + "-00001.warc.gz");
        assertThat(jwarcValidates(warcDir.resolve(afterwards.filename()))).isTrue();

        // the damaged file still yields its first capture intact, up to the torn record
        List<WarcRecord> intact = new ArrayList<>();
        try (WarcReader reader = new WarcReader(warcDir.resolve(first.filename()))) {
            reader.calculateBlockDigest();
            reader.onWarning(w -> { });
            try {
                for (WarcRecord record : reader) {
                    record.body().consume();
                    assertThat(record.blockDigest()).isEqualTo(record.calculatedBlockDigest());
                    intact.add(record);
                }
            } catch (RuntimeException | AssertionError torn) {
                // expected at the torn record
            }
        }
        assertThat(intact).extracting(WarcRecord::type).startsWith("warcinfo", "response", "request");
        assertThat(intact.get(1).id().toString()).isEqualTo(first.responseRecordId());
        CaptureReader.StoredResponse stored = new CaptureReader(warcDir).read(first.filename(), first.offset());
        assertThat(stored.status()).isEqualTo(200);
    }

    @Test
    void aBodyThatShrinksWhileBeingWrittenNeverBecomesAShortRecord() throws Exception {
        byte[] full = Http.html();
        java.util.concurrent.atomic.AtomicInteger opens = new java.util.concurrent.atomic.AtomicInteger();
        ByteBody shrinking = new ByteBody() {
            @Override
            public long length() {
                return full.length;
            }

            @Override
            public java.io.InputStream open() {
                byte[] now = opens.getAndIncrement() == 0 ? full : java.util.Arrays.copyOf(full, full.length / 2);
                return new java.io.ByteArrayInputStream(now);
            }
        };
        try (WarcRecorder recorder = WarcRecorder.open(warcDir, SNAPSHOT, Map.of())) {
            Capture before = recorder.write(WarcRecorderTest.exchange(ARTICLE, full));
            assertThatIOException().isThrownBy(() -> recorder.write(Exchange.of(ARTICLE, WarcRecorderTest.DATE,
                            java.util.Optional.empty(), Http.request(ARTICLE), shrinking)))
                    .withMessageContaining(before.filename());
            assertThat(recorder.write(WarcRecorderTest.exchange(ARTICLE, full)).filename())
                    .isEqualTo("linkshelf-" + SNAPSHOT + "-00001.warc.gz");
        }
    }

    @Test
    void theChecksUsedByTheseTestsDoCatchABadPayloadDigest(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bad.warc.gz");
        try (FileChannel channel = FileChannel.open(file, java.nio.file.StandardOpenOption.CREATE_NEW,
                java.nio.file.StandardOpenOption.WRITE);
             WarcWriter writer = new WarcWriter(channel, WarcCompression.GZIP)) {
            byte[] raw = Http.html();
            writer.write(new WarcResponse.Builder(ARTICLE)
                    .blockDigest(RawResponse.sha1Of(raw))
                    .payloadDigest(new WarcDigest("sha1", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"))
                    .body(MediaType.HTTP_RESPONSE, raw)
                    .build());
        }
        assertThat(problems(file, true)).singleElement().asString().contains("payload digest");
        assertThat(jwarcValidates(file)).isFalse();
    }

    /** Lets writes through until the disk is "full", then writes half of the next buffer and fails. */
    private static final class FillingUpChannel implements WritableByteChannel {
        private final FileChannel file;
        private final AtomicBoolean full;

        FillingUpChannel(FileChannel file, AtomicBoolean full) {
            this.file = file;
            this.full = full;
        }

        @Override
        public int write(ByteBuffer src) throws IOException {
            if (full.get()) {
                ByteBuffer half = src.duplicate();
                half.limit(src.position() + src.remaining() / 2);
                file.write(half);
                throw new IOException("No space left on device");
            }
            return file.write(src);
        }

        @Override
        public boolean isOpen() {
            return file.isOpen();
        }

        @Override
        public void close() throws IOException {
            file.close();
        }
    }
}
