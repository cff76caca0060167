package io.linkshelf.warc;

import io.linkshelf.warc.JwarcChecks.Stored;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.WarcRequest;
import org.netpreserve.jwarc.WarcRevisit;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.linkshelf.warc.JwarcChecks.jwarcValidates;
import static io.linkshelf.warc.JwarcChecks.problems;
import static io.linkshelf.warc.JwarcChecks.read;
import static io.linkshelf.warc.WarcRecorderTest.ARTICLE;
import static io.linkshelf.warc.WarcRecorderTest.SNAPSHOT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class RevisitTest {
    static final Instant LATER = Instant.parse("2026-12-06T10:15:30Z");

    @TempDir
    Path warcDir;

    @Test
    void writesRevisitWhenPayloadUnchangedStoringOnlyTheHead() throws Exception {
        Capture original;
        Capture revisit;
        // the same entity, chunked differently the second time: still the same payload
        byte[] again = Http.chunkedGzipHtml(333);
        try (WarcRecorder recorder = WarcRecorder.open(warcDir, SNAPSHOT, Map.of())) {
            original = recorder.write(WarcRecorderTest.exchange(ARTICLE, Http.chunkedGzipHtml(100)));
            assertThat(WarcRecorder.payloadDigest(ByteBody.of(again))).isEqualTo(original.payloadDigest());
            revisit = recorder.writeRevisit(later(again, "If-None-Match: \"v1\""), original);
        }

        Path file = warcDir.resolve(revisit.filename());
        List<Stored> records = read(file);
        assertThat(records).extracting(s -> s.record().type())
                .containsExactly("warcinfo", "response", "request", "revisit", "request");
        Stored stored = records.get(3);
        WarcRevisit record = (WarcRevisit) stored.record();
        assertThat(record.profile()).isEqualTo(WarcRevisit.IDENTICAL_PAYLOAD_DIGEST_1_1);
        assertThat(record.refersTo()).contains(URI.create(original.responseRecordId()));
        assertThat(record.refersToTargetURI()).contains(ARTICLE);
        assertThat(record.refersToDate()).contains(original.date());
        assertThat(record.date()).isEqualTo(LATER);
        assertThat(record.payloadDigest().map(d -> d.prefixedBase32())).isEqualTo(original.payloadDigest());
        String head = new String(again, StandardCharsets.ISO_8859_1);
        head = head.substring(0, head.indexOf("\r\n\r\n") + 4);
        assertThat(new String(stored.block(), StandardCharsets.ISO_8859_1)).isEqualTo(head);
        WarcRequest request = (WarcRequest) records.get(4).record();
        assertThat(record.concurrentTo()).containsExactly(request.id());
        assertThat(request.concurrentTo()).containsExactly(record.id());
        assertThat(new String(records.get(4).block(), StandardCharsets.ISO_8859_1)).contains("If-None-Match: \"v1\"");

        assertThat(revisit.kind()).isEqualTo(Capture.Kind.REVISIT);
        assertThat(revisit.refersTo()).contains(original.responseRecordId());
        assertThat(revisit.responseRecordId()).isEqualTo(record.id().toString());
        assertThat(revisit.offset()).isEqualTo(stored.offset());
        assertThat(revisit.length()).isEqualTo(records.get(4).offset() - stored.offset());
        assertThat(revisit.status()).isEqualTo(200);
        assertThat(problems(file, true)).isEmpty();
        assertThat(jwarcValidates(file)).isTrue();
    }

    @Test
    void writesServerNotModifiedRevisitForA304() throws Exception {
        Capture original;
        Capture revisit;
        try (WarcRecorder recorder = WarcRecorder.open(warcDir, SNAPSHOT, Map.of())) {
            original = recorder.write(WarcRecorderTest.exchange(ARTICLE, Http.html()));
            revisit = recorder.writeRevisit(later(Http.notModified(), "If-None-Match: \"v1\""), original);
        }
        Stored stored = read(warcDir.resolve(revisit.filename())).get(3);
        WarcRevisit record = (WarcRevisit) stored.record();
        assertThat(record.profile()).isEqualTo(WarcRevisit.SERVER_NOT_MODIFIED_1_1);
        assertThat(record.refersTo()).contains(URI.create(original.responseRecordId()));
        assertThat(stored.block()).isEqualTo(Http.notModified());
        assertThat(revisit.status()).isEqualTo(304);
        assertThat(revisit.mime()).isEqualTo(original.mime());
        assertThat(revisit.payloadDigest()).isEqualTo(original.payloadDigest());
        assertThat(jwarcValidates(warcDir.resolve(revisit.filename()))).isTrue();
    }

    @Test
    void refusesARevisitThatWouldHideAChangedPayloadOrPointAtARevisit() throws Exception {
        try (WarcRecorder recorder = WarcRecorder.open(warcDir, SNAPSHOT, Map.of())) {
            Capture original = recorder.write(WarcRecorderTest.exchange(ARTICLE, Http.html()));
            byte[] changed = Http.ok("text/html", "<p>edited</p>".getBytes(StandardCharsets.UTF_8));
            assertThatIllegalArgumentException().isThrownBy(() -> recorder.writeRevisit(later(changed), original))
                    .withMessageContaining("differs");
            Capture revisit = recorder.writeRevisit(later(Http.html()), original);
            assertThatIllegalArgumentException().isThrownBy(() -> recorder.writeRevisit(later(Http.html()), revisit))
                    .withMessageContaining("response record");
        }
    }

    private static Exchange later(byte[] rawResponse, String... requestHeaders) {
        return Exchange.of(ARTICLE, LATER, Optional.empty(), Http.request(ARTICLE, requestHeaders),
                ByteBody.of(rawResponse));
    }
}
