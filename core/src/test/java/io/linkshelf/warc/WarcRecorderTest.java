package io.linkshelf.warc;

import io.linkshelf.warc.JwarcChecks.Stored;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcRequest;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.Warcinfo;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import static io.linkshelf.warc.JwarcChecks.jwarcValidates;
import static io.linkshelf.warc.JwarcChecks.problems;
import static io.linkshelf.warc.JwarcChecks.read;
import static org.assertj.core.api.Assertions.assertThat;

class WarcRecorderTest {
    static final URI ARTICLE = URI.create("https://mp.weixin.qq.com/s?__biz=MzA3NDM0ODQwMw==&mid=2649&idx=1");
    static final Instant DATE = Instant.parse("2026-11-29T10:15:30.123Z");
    static final String SNAPSHOT = "20261129T101500Z";

    @TempDir
    Path warcDir;

    static Exchange exchange(URI target, byte[] rawResponse) throws IOException {
        return Exchange.of(target, DATE, Optional.of(InetAddress.getByName("127.0.0.2")), Http.request(target),
                ByteBody.of(rawResponse));
    }

    static Map<String, String> info() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("robots", "listed");
        fields.put("operator", "test operator");
        return fields;
    }

    @Test
    void writesWarcinfoThenLinkedResponseAndRequestThatJwarcValidates() throws Exception {
        byte[] raw = Http.html();
        Capture capture;
        try (WarcRecorder recorder = WarcRecorder.open(warcDir, SNAPSHOT, info())) {
            capture = recorder.write(exchange(ARTICLE, raw));
        }

        Path file = warcDir.resolve("linkshelf-" + SNAPSHOT + "-00000.warc.gz");
        assertThat(capture.filename()).isEqualTo(file.getFileName().toString());
        List<Stored> records = read(file);
        assertThat(records).extracting(s -> s.record().type()).containsExactly("warcinfo", "response", "request");

        Warcinfo warcinfo = (Warcinfo) records.get(0).record();
        assertThat(warcinfo.version().toString()).isEqualTo("WARC/1.1");
        assertThat(warcinfo.filename()).contains(capture.filename());
        String fields = new String(records.get(0).block(), StandardCharsets.UTF_8);
        assertThat(fields).startsWith("software: linkshelf/").contains("format: WARC File Format 1.1\r\n")
                .contains("robots: listed\r\n").contains("operator: test operator\r\n");

        Stored response = records.get(1);
        Stored request = records.get(2);
        WarcResponse warcResponse = (WarcResponse) response.record();
        assertThat(response.block()).isEqualTo(raw);
        assertThat(warcResponse.target()).isEqualTo(ARTICLE.toString());
        assertThat(warcResponse.date()).isEqualTo(Instant.parse("2026-11-29T10:15:30Z"));
        assertThat(warcResponse.ipAddress()).contains(InetAddress.getByName("127.0.0.2"));
        assertThat(warcResponse.contentType()).isEqualTo(MediaType.HTTP_RESPONSE);
        assertThat(warcResponse.warcinfoID()).contains(warcinfo.id());
        assertThat(response.record().headers().sole("WARC-Truncated")).isEmpty();
        String bodySha1 = RawResponse.sha1Of(Http.HTML.getBytes(StandardCharsets.UTF_8)).prefixedBase32();
        assertThat(response.header("WARC-Payload-Digest")).isEqualTo(bodySha1);
        assertThat(response.header("WARC-Block-Digest")).isEqualTo(RawResponse.sha1Of(raw).prefixedBase32());

        WarcRequest warcRequest = (WarcRequest) request.record();
        assertThat(warcRequest.concurrentTo()).containsExactly(warcResponse.id());
        assertThat(warcResponse.concurrentTo()).containsExactly(warcRequest.id());
        assertThat(warcRequest.target()).isEqualTo(ARTICLE.toString());
        assertThat(request.block()).isEqualTo(Http.request(ARTICLE));

        assertThat(capture.responseRecordId()).isEqualTo(warcResponse.id().toString());
        assertThat(capture.requestRecordId()).isEqualTo(warcRequest.id().toString());
        assertThat(capture.date()).isEqualTo(warcResponse.date());
        assertThat(capture.status()).isEqualTo(200);
        assertThat(capture.mime()).contains("text/html");
        assertThat(capture.payloadDigest()).contains(bodySha1);
        assertThat(capture.kind()).isEqualTo(Capture.Kind.RESPONSE);
        assertThat(capture.offset()).isEqualTo(response.offset());
        assertThat(capture.length()).isEqualTo(request.offset() - response.offset());

        assertThat(problems(file, true)).isEmpty();
        assertThat(jwarcValidates(file)).isTrue();
    }

    @Test
    void payloadDigestOfChunkedGzipResponseIsOverTheDechunkedStillEncodedEntity() throws Exception {
        byte[] raw = Http.chunkedGzipHtml(100);
        Capture capture;
        try (WarcRecorder recorder = WarcRecorder.open(warcDir, SNAPSHOT, Map.of())) {
            capture = recorder.write(exchange(ARTICLE, raw));
        }

        String entitySha1 = RawResponse.sha1Of(Http.gzip(Http.HTML.getBytes(StandardCharsets.UTF_8)))
                .prefixedBase32();
        assertThat(capture.payloadDigest()).contains(entitySha1);
        // the same entity in other chunk sizes is the same payload, so a later capture can be a revisit
        assertThat(WarcRecorder.payloadDigest(ByteBody.of(Http.chunkedGzipHtml(7)))).contains(entitySha1);
        Path file = warcDir.resolve(capture.filename());
        assertThat(read(file).get(1).block()).isEqualTo(raw);
        assertThat(problems(file, true)).isEmpty();
        assertThat(jwarcValidates(file)).isTrue();
    }

    @Test
    void storesABigBodyStreamedFromAFile(@TempDir Path spool) throws Exception {
        byte[] image = new byte[3 * 1024 * 1024];
        new Random(42).nextBytes(image);
        Path rawFile = spool.resolve("response.raw");
        Files.write(rawFile, Http.ok("image/jpeg", image, "Cache-Control: max-age=31536000"));
        URI target = URI.create("https://mmbiz.qpic.cn/mmbiz_jpg/abc/640?wx_fmt=jpeg");
        Capture capture;
        try (WarcRecorder recorder = WarcRecorder.open(warcDir, SNAPSHOT, Map.of())) {
            capture = recorder.write(exchange(target, Files.readAllBytes(rawFile)));
            Capture fromFile = recorder.write(Exchange.of(target, DATE, Optional.empty(), Http.request(target),
                    ByteBody.of(rawFile)));
            assertThat(fromFile.payloadDigest()).isEqualTo(capture.payloadDigest());
            capture = fromFile;
        }
        assertThat(capture.payloadDigest()).contains(RawResponse.sha1Of(image).prefixedBase32());
        assertThat(capture.mime()).contains("image/jpeg");
        Path file = warcDir.resolve(capture.filename());
        List<Stored> records = read(file);
        assertThat(records.get(3).block()).isEqualTo(Files.readAllBytes(rawFile));
        assertThat(records.get(3).record().headers().sole("WARC-IP-Address")).isEmpty();
        assertThat(problems(file, true)).isEmpty();
        assertThat(jwarcValidates(file)).isTrue();
    }

    @Test
    void marksTruncatedResponsesAndDigestsWhatWasReceived() throws Exception {
        byte[] body = Http.HTML.getBytes(StandardCharsets.UTF_8);
        byte[] cutByLength = java.util.Arrays.copyOf(Http.html(), Http.html().length - 500);
        byte[] cutByTime = Http.concat(Http.ascii("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n"
                + "Connection: close\r\n\r\n"), java.util.Arrays.copyOf(body, 1000));
        byte[] chunked = Http.chunkedGzipHtml(100);
        byte[] cutMidChunk = java.util.Arrays.copyOf(chunked, chunked.length - 60);
        Capture length;
        Capture time;
        Capture disconnect;
        try (WarcRecorder recorder = WarcRecorder.open(warcDir, SNAPSHOT, Map.of(), 1, false)) {
            length = recorder.write(truncated(cutByLength, Truncation.LENGTH));
            time = recorder.write(truncated(cutByTime, Truncation.TIME));
            disconnect = recorder.write(truncated(cutMidChunk, Truncation.DISCONNECT));
        }

        Stored byLength = read(warcDir.resolve(length.filename())).get(1);
        assertThat(byLength.header("WARC-Truncated")).isEqualTo("length");
        assertThat(byLength.block()).isEqualTo(cutByLength);
        // the payload is considered truncated at the same position (WARC 1.1, 6.3.2)
        int headLength = Http.html().length - body.length;
        assertThat(length.payloadDigest()).contains(RawResponse.sha1Of(
                java.util.Arrays.copyOfRange(cutByLength, headLength, cutByLength.length)).prefixedBase32());
        // jwarc's validator also compares Content-Length with the stored payload, which a truncated record
        // cannot satisfy; everything else it checks must hold
        assertThat(problems(warcDir.resolve(length.filename()), true)).isEmpty();

        assertThat(read(warcDir.resolve(time.filename())).get(1).header("WARC-Truncated")).isEqualTo("time");
        assertThat(time.payloadDigest()).contains(
                RawResponse.sha1Of(java.util.Arrays.copyOf(body, 1000)).prefixedBase32());
        assertThat(jwarcValidates(warcDir.resolve(time.filename()))).isTrue();

        Stored midChunk = read(warcDir.resolve(disconnect.filename())).get(1);
        assertThat(midChunk.header("WARC-Truncated")).isEqualTo("disconnect");
        assertThat(midChunk.record().headers().sole("WARC-Payload-Digest")).isEmpty();
        assertThat(disconnect.payloadDigest()).isEmpty();
        assertThat(problems(warcDir.resolve(disconnect.filename()), false)).isEmpty();
    }

    private static Exchange truncated(byte[] raw, Truncation why) {
        return new Exchange(ARTICLE, DATE, Optional.empty(), Http.request(ARTICLE), ByteBody.of(raw),
                Optional.of(why));
    }

    @Test
    void redactsCredentialsInRequestsByDefaultAndKeepsSetCookie() throws Exception {
        byte[] request = Http.request(ARTICLE, "Cookie: d_c0=SECRET1; z_c0=SECRET2", "authorization: Bearer SECRET3",
                "Proxy-Authorization: Basic SECRET4", "Referer: https://mp.weixin.qq.com/");
        Exchange exchange = Exchange.of(ARTICLE, DATE, Optional.empty(), request, ByteBody.of(Http.html()));
        try (WarcRecorder recorder = WarcRecorder.open(warcDir, SNAPSHOT, Map.of())) {
            recorder.write(exchange);
        }
        Path file = warcDir.resolve("linkshelf-" + SNAPSHOT + "-00000.warc.gz");
        List<Stored> records = read(file);
        String stored = new String(records.get(2).block(), StandardCharsets.ISO_8859_1);
        assertThat(stored).doesNotContain("SECRET")
                .contains("\r\nCookie: <redacted>\r\n", "\r\nauthorization: <redacted>\r\n",
                        "\r\nProxy-Authorization: <redacted>\r\n", "\r\nReferer: https://mp.weixin.qq.com/\r\n")
                .startsWith("GET /s?__biz=MzA3NDM0ODQwMw==&mid=2649&idx=1 HTTP/1.1\r\n").endsWith("\r\n\r\n");
        assertThat(new String(records.get(1).block(), StandardCharsets.ISO_8859_1))
                .contains("Set-Cookie: rewardsn=; Path=/; HttpOnly");
        assertThat(problems(file, true)).isEmpty();

        try (WarcRecorder recorder = WarcRecorder.open(warcDir, SNAPSHOT, Map.of(), 1L << 30, true)) {
            recorder.write(exchange);
        }
        List<Stored> kept = read(warcDir.resolve("linkshelf-" + SNAPSHOT + "-00001.warc.gz"));
        assertThat(kept.get(2).block()).isEqualTo(request);
    }

    @Test
    void rollsToANewFileWithItsOwnWarcinfoOnceOverTheLimit() throws Exception {
        List<Capture> captures = new java.util.ArrayList<>();
        try (WarcRecorder recorder = WarcRecorder.open(warcDir, SNAPSHOT, info(), 1, false)) {
            for (int i = 0; i < 3; i++) {
                captures.add(recorder.write(exchange(URI.create(ARTICLE + "&n=" + i), Http.html())));
            }
        }
        assertThat(captures).extracting(Capture::filename).containsExactly(
                "linkshelf-" + SNAPSHOT + "-00000.warc.gz",
                "linkshelf-" + SNAPSHOT + "-00001.warc.gz",
                "linkshelf-" + SNAPSHOT + "-00002.warc.gz");
        for (Capture capture : captures) {
            Path file = warcDir.resolve(capture.filename());
            List<Stored> records = read(file);
            assertThat(records).extracting(s -> s.record().type()).containsExactly("warcinfo", "response", "request");
            assertThat(((Warcinfo) records.get(0).record()).filename()).contains(capture.filename());
            assertThat(new String(records.get(0).block(), StandardCharsets.UTF_8)).contains("robots: listed");
            assertThat(jwarcValidates(file)).isTrue();
        }
        try (var files = Files.list(warcDir)) {
            assertThat(files).hasSize(3);
        }
    }

    @Test
    void keepsCapturesTogetherUntilTheFileReachesTheLimit() throws Exception {
        try (WarcRecorder recorder = WarcRecorder.open(warcDir, SNAPSHOT, Map.of(), 1L << 20, false)) {
            for (int i = 0; i < 5; i++) {
                assertThat(recorder.write(exchange(ARTICLE, Http.html())).filename()).endsWith("-00000.warc.gz");
            }
        }
    }

    @Test
    void aNewRecorderStartsANewFileAndLeavesATornOneAlone() throws Exception {
        try (WarcRecorder recorder = WarcRecorder.open(warcDir, SNAPSHOT, Map.of())) {
            recorder.write(exchange(ARTICLE, Http.html()));
        }
        // what kill -9 in the middle of a record leaves behind
        Path first = warcDir.resolve("linkshelf-" + SNAPSHOT + "-00000.warc.gz");
        byte[] whole = Files.readAllBytes(first);
        byte[] torn = java.util.Arrays.copyOf(whole, whole.length - 40);
        Files.write(first, torn);

        Capture next;
        try (WarcRecorder recorder = WarcRecorder.open(warcDir, SNAPSHOT, Map.of())) {
            assertThat(recorder.currentFile()).contains(warcDir.resolve("linkshelf-" + SNAPSHOT + "-00001.warc.gz"));
            next = recorder.write(exchange(ARTICLE, Http.html()));
        }
        assertThat(next.filename()).isEqualTo("linkshelf-" + SNAPSHOT + "-00001.warc.gz");
        assertThat(Files.readAllBytes(first)).isEqualTo(torn);
        assertThat(jwarcValidates(warcDir.resolve(next.filename()))).isTrue();

        try (WarcRecorder other = WarcRecorder.open(warcDir, "20261206T101500Z", Map.of())) {
            assertThat(other.currentFile()).contains(warcDir.resolve("linkshelf-20261206T101500Z-00000.warc.gz"));
        }
    }

    @Test
    void rejectsWarcinfoFieldsThatWouldCorruptTheRecord() {
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> WarcRecorder.open(warcDir, SNAPSHOT, Map.of("operator", "a\r\nWARC-Type: x")));
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> WarcRecorder.open(warcDir, SNAPSHOT, Map.of("software", "other")));
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> WarcRecorder.open(warcDir, "../x", Map.of()));
    }

    @Test
    void refusesAResponseWhoseAnnouncedLengthIsWrong() throws Exception {
        ByteBody lying = new ByteBody() {
            @Override
            public long length() {
                return Http.html().length + 10;
            }

            @Override
            public java.io.InputStream open() {
                return new java.io.ByteArrayInputStream(Http.html());
            }
        };
        try (WarcRecorder recorder = WarcRecorder.open(warcDir, SNAPSHOT, Map.of())) {
            org.assertj.core.api.Assertions.assertThatIOException()
                    .isThrownBy(() -> recorder.write(Exchange.of(ARTICLE, DATE, Optional.empty(),
                            Http.request(ARTICLE), lying)))
                    .withMessageContaining(ARTICLE.toString());
            recorder.write(exchange(ARTICLE, Http.html()));
        }
        Path file = warcDir.resolve("linkshelf-" + SNAPSHOT + "-00000.warc.gz");
        assertThat(read(file)).hasSize(3);
        assertThat(jwarcValidates(file)).isTrue();
    }
}
