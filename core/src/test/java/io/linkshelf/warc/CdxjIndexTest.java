package io.linkshelf.warc;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.cdx.CdxFormat;
import org.netpreserve.jwarc.cdx.CdxWriter;

import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import static io.linkshelf.warc.WarcRecorderTest.SNAPSHOT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CdxjIndexTest {
    @TempDir
    Path archive;

    @Test
    void writesLinesExactlyAsPywbsIndexerDoes() {
        Capture capture = new Capture("urn:uuid:1", "urn:uuid:2",
                URI.create("https://mp.weixin.qq.com/s?__biz=MzA3NDM0ODQwMw==&mid=2649&idx=1"),
                Instant.parse("2026-11-29T10:15:30Z"), 200, Optional.of("text/html"),
                Optional.of("sha1:5HRHOYHGU2457PWWSWTBKII3YQRNRABL"), "linkshelf-x-00000.warc.gz", 512, 1700,
                Capture.Kind.RESPONSE, Optional.empty());
        assertThat(CdxjIndex.line(capture).text()).isEqualTo(
                "com,qq,weixin,mp)/s?__biz=mza3ndm0odqwmw==&idx=1&mid=2649 20261129101530 "
                        + "{\"url\": \"https://mp.weixin.qq.com/s?__biz=MzA3NDM0ODQwMw==&mid=2649&idx=1\", "
                        + "\"mime\": \"text/html\", \"status\": \"200\", "
                        + "\"digest\": \"sha1:5HRHOYHGU2457PWWSWTBKII3YQRNRABL\", \"length\": \"1700\", "
                        + "\"offset\": \"512\", \"filename\": \"linkshelf-x-00000.warc.gz\"}");
    }

    @Test
    void escapesJsonAsPythonDoes() {
        assertThat(CdxjJson.write(Map.of("url", "https://zhuanlan.zhihu.com/p/1?q=搜\"\\\u007f😀")))
                .isEqualTo("{\"url\": \"https://zhuanlan.zhihu.com/p/1?q=\\u641c\\\"\\\\\\u007f\\ud83d\\ude00\"}");
    }

    @Test
    void mergeKeepsTheIndexSortedAndIsIdempotent() throws Exception {
        List<Capture> captures = recordSome();
        Path cdxj = archive.resolve("index/captures.cdxj");
        Files.createDirectories(cdxj.getParent());
        String foreign = "org,example)/ 20200101000000 {\"url\": \"https://example.org/\", \"mime\": \"text/html\", "
                + "\"status\": \"200\", \"length\": \"10\", \"offset\": \"0\", \"filename\": \"old.warc.gz\"}";
        Files.writeString(cdxj, foreign + "\n", StandardCharsets.UTF_8);

        CdxjIndex.merge(cdxj, captures.subList(0, 2));
        CdxjIndex.merge(cdxj, captures.subList(2, captures.size()));
        List<String> lines = Files.readAllLines(cdxj, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(captures.size() + 1).contains(foreign);
        assertThat(lines).isSortedAccordingTo(CdxjIndexTest::utf8Order);
        assertThat(lines.stream().filter(l -> l.contains("\"mime\": \"warc/revisit\""))).hasSize(1);

        byte[] before = Files.readAllBytes(cdxj);
        CdxjIndex.merge(cdxj, captures);
        assertThat(Files.readAllBytes(cdxj)).isEqualTo(before);
        try (var files = Files.list(cdxj.getParent())) {
            assertThat(files).containsExactly(cdxj);
        }

        List<CdxjIndex.Line> read = CdxjIndex.read(cdxj);
        assertThat(read).extracting(CdxjIndex.Line::text).containsExactlyElementsOf(lines);
        assertThat(read).filteredOn(CdxjIndex.Line::isRevisit).singleElement()
                .satisfies(l -> assertThat(l.field("status")).contains("200"));
    }

    @Test
    void mergeCreatesTheIndexAndReadFindsNothingBeforeThat() throws Exception {
        Path cdxj = archive.resolve("index/captures.cdxj");
        assertThat(CdxjIndex.read(cdxj)).isEmpty();
        List<Capture> captures = recordSome();
        CdxjIndex.merge(cdxj, captures);
        assertThat(CdxjIndex.read(cdxj)).hasSize(4).allSatisfy(line -> {
            assertThat(line.filename()).isPresent();
            assertThat(line.offset()).isPresent();
        });
    }

    @Test
    void parsesKeysHoldingBracesBackslashesEscapesAndCjkBySplittingAtTheFirstTwoSpaces() {
        String key = "com,zhihu)/equation?tex=\\frac{a}{b}%20\\text{%e5%a2%9e}_{i}";
        String url = "https://www.zhihu.com/equation?tex=%5Cfrac%7Ba%7D%7Bb%7D%20%5Ctext%7B%E5%A2%9E%7D_%7Bi%7D";
        CdxjIndex.Line line = CdxjIndex.parse(key + " 20261201000000 {\"url\": \"" + url
                + "\", \"title\": \"\\u589e {x} \", \"filename\": \"a.warc.gz\"}");

        assertThat(line.urlKey()).isEqualTo(key);
        assertThat(line.timestamp()).isEqualTo("20261201000000");
        assertThat(line.url()).contains(url);
        assertThat(line.field("title")).contains("增 {x} ");
        assertThat(line.filename()).contains("a.warc.gz");
        assertThat(CdxjIndex.parse(line.text())).isEqualTo(line);
        // a key another indexer wrote with the characters themselves
        assertThat(CdxjIndex.parse("com,example)/搜索/{推荐}\\x 20261201000000 {\"url\": \"u\"}").urlKey())
                .isEqualTo("com,example)/搜索/{推荐}\\x");
    }

    @Test
    void scanNamesTheFileAndLineOfALineItCannotParse() throws Exception {
        Path cdxj = archive.resolve("captures.cdxj");
        Files.writeString(cdxj, "com,a)/ 20200101000000 {}\n\ncom,b)/{x} 20200101000000 {\"url\": \n",
                StandardCharsets.UTF_8);
        List<CdxjIndex.Line> seen = new ArrayList<>();

        assertThatThrownBy(() -> CdxjIndex.scan(cdxj, seen::add))
                .hasMessageStartingWith(cdxj + " line 3: bad JSON");
        assertThat(seen).extracting(CdxjIndex.Line::urlKey).containsExactly("com,a)/");
        assertThatThrownBy(() -> CdxjIndex.parse("com,a)/{\"url\": \"x\"}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("<surt> <timestamp> {json}");
    }

    @Test
    void mergeSortsAnIndexSomeoneLeftUnsorted() throws Exception {
        Path cdxj = archive.resolve("captures.cdxj");
        Files.writeString(cdxj, "org,b)/ 20200101000000 {}\ncom,a)/ 20200101000000 {}\n", StandardCharsets.UTF_8);
        CdxjIndex.merge(cdxj, List.of());
        assertThat(Files.readAllLines(cdxj, StandardCharsets.UTF_8))
                .containsExactly("com,a)/ 20200101000000 {}", "org,b)/ 20200101000000 {}");
    }

    @Test
    void orderIsThatOfTheUtf8Bytes() {
        String bmp = "a\uFFFD";
        String astral = "a\uD83D\uDE00";
        assertThat(bmp.compareTo(astral)).isPositive(); // String order would get this wrong
        assertThat(CdxjIndex.BYTE_ORDER.compare(bmp, astral)).isNegative();
        assertThat(utf8Order(bmp, astral)).isNegative();
    }

    @Test
    void offsetsAndFieldsAgreeWithJwarcsOwnIndexing() throws Exception {
        List<Capture> captures = recordSome();
        Map<String, List<Capture>> byFile = captures.stream().collect(Collectors.groupingBy(Capture::filename));
        assertThat(byFile).hasSize(2);
        for (var entry : byFile.entrySet()) {
            StringWriter out = new StringWriter();
            try (CdxWriter writer = new CdxWriter(out)) {
                writer.setFormat(new CdxFormat.Builder().legend("N b a m s k S V g").digestUnchanged().build());
                writer.onWarning(w -> { throw new AssertionError(w); });
                writer.process(List.of(archive.resolve("warc").resolve(entry.getKey())), false);
            }
            List<String> expected = new ArrayList<>();
            for (Capture c : entry.getValue()) {
                CdxjIndex.Line line = CdxjIndex.line(c);
                Map<String, String> f = line.fields();
                expected.add(String.join(" ", line.urlKey(), line.timestamp(), f.get("url"), f.get("mime"),
                        f.get("status"), f.get("digest"), f.get("length"), f.get("offset"), f.get("filename")));
            }
            assertThat(out.toString().lines()).containsExactlyElementsOf(expected);
        }
    }

    /** Two files: a rolled recorder with plain, chunked, image and revisit captures. */
    private List<Capture> recordSome() throws Exception {
        Path warcDir = archive.resolve("warc");
        List<Capture> captures = new ArrayList<>();
        try (WarcRecorder recorder = WarcRecorder.open(warcDir, SNAPSHOT, Map.of(), 2500, false)) {
            Capture page = recorder.write(WarcRecorderTest.exchange(WarcRecorderTest.ARTICLE, Http.chunkedGzipHtml(64)));
            captures.add(page);
            captures.add(recorder.write(WarcRecorderTest.exchange(
                    URI.create("https://zhuanlan.zhihu.com/p/123456"), Http.html())));
            captures.add(recorder.write(WarcRecorderTest.exchange(URI.create("https://pic1.zhimg.com/v2-abc_720w.jpg"),
                    Http.ok("image/jpeg", new byte[]{(byte) 0xff, (byte) 0xd8, 1, 2, 3}))));
            captures.add(recorder.writeRevisit(Exchange.of(WarcRecorderTest.ARTICLE, RevisitTest.LATER,
                    Optional.empty(), Http.request(WarcRecorderTest.ARTICLE), ByteBody.of(Http.chunkedGzipHtml(10))),
                    page));
        }
        return captures;
    }

    private static int utf8Order(String a, String b) {
        return Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
