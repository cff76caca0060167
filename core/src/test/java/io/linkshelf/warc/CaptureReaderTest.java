package io.linkshelf.warc;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.linkshelf.warc.WarcRecorderTest.ARTICLE;
import static io.linkshelf.warc.WarcRecorderTest.SNAPSHOT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class CaptureReaderTest {
    @TempDir
    Path warcDir;

    @Test
    void readsBackTheDechunkedDecodedPayloadAndFollowsRevisitsToTheOriginal(@TempDir Path index) throws Exception {
        Capture page;
        Capture revisit;
        Capture cut;
        byte[] chunked = Http.chunkedGzipHtml(100);
        try (WarcRecorder recorder = WarcRecorder.open(warcDir, SNAPSHOT, Map.of())) {
            page = recorder.write(WarcRecorderTest.exchange(ARTICLE, chunked));
            revisit = recorder.writeRevisit(Exchange.of(ARTICLE, RevisitTest.LATER, Optional.empty(),
                    Http.request(ARTICLE), ByteBody.of(Http.notModified())), page);
            cut = recorder.write(new Exchange(ARTICLE, RevisitTest.LATER, Optional.empty(), Http.request(ARTICLE),
                    ByteBody.of(Arrays.copyOf(chunked, chunked.length - 20)), Optional.of(Truncation.DISCONNECT)));
        }
        CaptureReader reader = new CaptureReader(warcDir);

        CaptureReader.StoredResponse stored = reader.read(page.filename(), page.offset());
        assertThat(stored.kind()).isEqualTo(Capture.Kind.RESPONSE);
        assertThat(stored.recordId()).isEqualTo(page.responseRecordId());
        assertThat(stored.status()).isEqualTo(200);
        assertThat(stored.header("content-type")).contains("text/html; charset=UTF-8");
        assertThat(stored.header("Transfer-Encoding")).contains("chunked");
        assertThat(new String(stored.payload(), StandardCharsets.UTF_8)).isEqualTo(Http.HTML);
        assertThat(stored.truncated()).isEmpty();

        CaptureReader.StoredResponse notModified = reader.read(revisit.filename(), revisit.offset());
        assertThat(notModified.kind()).isEqualTo(Capture.Kind.REVISIT);
        assertThat(notModified.status()).isEqualTo(304);
        assertThat(notModified.payload()).isEmpty();
        assertThat(notModified.refersTo()).hasValueSatisfying(ref -> {
            assertThat(ref.recordId()).isEqualTo(page.responseRecordId());
            assertThat(ref.target()).isEqualTo(ARTICLE);
            assertThat(ref.date()).isEqualTo(page.date());
        });
        Path cdxj = index.resolve("captures.cdxj");
        CdxjIndex.merge(cdxj, List.of(page, revisit, cut));
        CaptureReader.StoredResponse original = reader.readOriginal(notModified, cdxj);
        assertThat(original.recordId()).isEqualTo(page.responseRecordId());
        assertThat(new String(original.payload(), StandardCharsets.UTF_8)).isEqualTo(Http.HTML);
        assertThatIOException().isThrownBy(() -> reader.readOriginal(notModified, index.resolve("none.cdxj")))
                .withMessageContaining(page.responseRecordId());
        assertThat(notModified.date()).isEqualTo(RevisitTest.LATER);

        CaptureReader.StoredResponse partial = reader.read(cut.filename(), cut.offset());
        assertThat(partial.truncated()).contains(Truncation.DISCONNECT);
        assertThat(partial.payload()).isNotEmpty();
        assertThat(Http.HTML.getBytes(StandardCharsets.UTF_8)).startsWith(partial.payload());
    }

    @Test
    void saysWhereItFailed() throws Exception {
        Capture page;
        try (WarcRecorder recorder = WarcRecorder.open(warcDir, SNAPSHOT, Map.of())) {
            page = recorder.write(WarcRecorderTest.exchange(ARTICLE, Http.html()));
        }
        CaptureReader reader = new CaptureReader(warcDir);
        assertThatIOException().isThrownBy(() -> reader.read(page.filename(), 0))
                .withMessageContaining(page.filename()).withMessageContaining("offset 0")
                .withMessageContaining("warcinfo");
        assertThatIOException().isThrownBy(() -> reader.read(page.filename(), 1_000_000))
                .withMessageContaining("offset 1000000");
        assertThatIOException().isThrownBy(() -> reader.read("missing.warc.gz", 0))
                .withMessageContaining("missing.warc.gz");
        assertThatIllegalArgumentException().isThrownBy(() -> reader.read("../etc/passwd", 0));
    }
}
