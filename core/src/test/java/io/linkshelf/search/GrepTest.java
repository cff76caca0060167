package io.linkshelf.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GrepTest {

    private static final String[] WORDS = {"推荐", "系统", "召回", "排序", "模型", "特征", "用户", "物品", "向量", "训练", "DeepFM",
        "MMoE", "embedding", "ＣＴＲ", "①", "😀", "的", "了", "，", "。", "㈱"};

    @TempDir
    Path archive;

    @BeforeEach
    void writeAStoreOf300RandomArticles() throws Exception {
        Random random = new Random(42);
        Path text = Files.createDirectories(archive.resolve("text"));
        for (int a = 0; a < 300; a++) {
            StringBuilder body = new StringBuilder();
            for (int line = 0; line < 20; line++) {
                for (int w = 0; w < 15; w++) {
                    body.append(WORDS[random.nextInt(WORDS.length)]);
                }
                if (a % 37 == 0 && line == 7) {
                    body.append("蒙特卡洛树搜索");
                }
                body.append('\n');
            }
            String key = String.format("web-doc-%03d", a);
            Files.writeString(text.resolve(key + ".txt"), TextFiles.render(
                    new TextHeader("文章 " + a, a % 2 == 0 ? "甲" : "乙", "甲 › 一", "https://example.com/" + a, "", "20260101T000000Z"),
                    body.toString()), StandardCharsets.UTF_8);
        }
    }

    private static List<String> run(Grep grep, GrepQuery query) throws Exception {
        List<String> out = new ArrayList<>();
        grep.search(query, hit -> hit.lines().forEach(l -> out.add(hit.key() + ":" + l.number() + ":" + l.spans())));
        return out;
    }

    private static GrepQuery query(String pattern, boolean fixed, boolean ignoreCase) {
        return new GrepQuery(pattern, fixed, ignoreCase, false, 0, Optional.empty(), Optional.empty(), false, false);
    }

    @Test
    void theIndexNeverDropsAMatchTheFilesHold() throws Exception {
        Grep scan = Grep.open(archive);
        assertThat(scan.indexed()).isFalse();
        List<List<String>> expected = new ArrayList<>();
        List<GrepQuery> queries = List.of(query("蒙特卡洛树搜索", true, false), query("召回排序", false, false),
                query("deepfm推荐", false, true), query("ctr", true, true), query("MMoE.{0,6}系统", false, false),
                query("1了", false, true), query("(株)", true, true), query("😀的", true, false), query("特征|向量训练", false, false));
        for (GrepQuery q : queries) {
            expected.add(run(scan, q));
        }
        TextStore.reindex(archive);
        Grep indexed = Grep.open(archive);
        assertThat(indexed.indexed()).isTrue();
        for (int i = 0; i < queries.size(); i++) {
            assertThat(run(indexed, queries.get(i))).as(queries.get(i).pattern()).isEqualTo(expected.get(i)).isNotEmpty();
        }
    }

    @Test
    void aRareLiteralReadsOnlyTheArticlesThatMayHoldIt() throws Exception {
        TextStore.reindex(archive);
        Grep.Summary summary = Grep.open(archive).search(query("蒙特卡洛树搜索", false, false), hit -> { });
        assertThat(summary.matchingArticles()).isEqualTo(9);
        assertThat(summary.articles()).isEqualTo(300);
        assertThat(summary.read()).isLessThan(30);
    }

    @Test
    void aStaleIndexIsNotTrustedSoNewFilesAreStillFound() throws Exception {
        TextStore.reindex(archive);
        Path text = archive.resolve("text");
        Files.writeString(text.resolve("web-new.txt"), TextFiles.render(new TextHeader("新", "", "", "", "", "20260102T000000Z"),
                "新来的独一无二的句子\n"), StandardCharsets.UTF_8);
        // The kernel's directory time stamps are coarse; make the change visible the way a later write would.
        Files.setLastModifiedTime(text, FileTime.fromMillis(Files.getLastModifiedTime(text).toMillis() + 60_000));

        Grep grep = Grep.open(archive);
        assertThat(grep.indexed()).isFalse();
        assertThat(run(grep, query("独一无二的句子", false, false))).hasSize(1);
    }

    @Test
    void filtersMatchAuthorAndSection() throws Exception {
        GrepQuery byAuthor = new GrepQuery("蒙特卡洛", false, false, false, 0, Optional.of("乙"), Optional.empty(), false, false);
        List<String> keys = new ArrayList<>();
        Grep.open(archive).search(byAuthor, hit -> keys.add(hit.key() + " " + hit.header().author()));
        assertThat(keys).isNotEmpty().allSatisfy(k -> assertThat(k).endsWith(" 乙"));
    }

    /** What a line-by-line regex over the decoded files finds, as {@link #run} reports it. */
    private static List<String> reference(Path archive, GrepQuery query) throws Exception {
        Pattern pattern = CompiledQuery.of(query).pattern();
        List<String> out = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> list = Files.list(archive.resolve("text"))) {
            files = list.filter(f -> f.toString().endsWith(".txt")).sorted().toList();
        }
        for (Path file : files) {
            byte[] bytes = Files.readAllBytes(file);
            int bodyStart = TextFiles.parse(bytes, bytes.length).bodyStart();
            int firstLine = bodyStart == 0 ? 1 : TextFiles.BODY_FIRST_LINE;
            String body = new String(bytes, bodyStart, bytes.length - bodyStart, StandardCharsets.UTF_8);
            String[] lines = body.split("\n", -1);
            int count = body.endsWith("\n") ? lines.length - 1 : lines.length;
            String key = file.getFileName().toString().replace(".txt", "");
            for (int i = 0; i < count; i++) {
                Matcher m = pattern.matcher(lines[i]);
                List<GrepLine.Span> spans = new ArrayList<>();
                while (m.find()) {
                    spans.add(new GrepLine.Span(m.start(), m.end()));
                }
                if (!spans.isEmpty()) {
                    out.add(key + ":" + (firstLine + i) + ":" + spans);
                }
            }
        }
        return out;
    }

    @Test
    void everyWayOfSearchingFindsTheLinesAndSpansALineByLineRegexFinds() throws Exception {
        Path text = archive.resolve("text");
        Files.writeString(text.resolve("web-raw.txt"), "没有头的文件：推荐系统\nDeepFM 的 系统\n推荐", StandardCharsets.UTF_8);
        Files.writeString(text.resolve("web-short.txt"), TextFiles.render(new TextHeader("短", "", "", "", "", "20260101T000000Z"),
                "😀推荐😀推荐\n\nMMoE_MMoE MMoE"), StandardCharsets.UTF_8);
        TextStore.reindex(archive);
        List<GrepQuery> queries = List.of(query("推荐", true, false), query("MMoE", false, false), query("DeepFM.{0,4}系统", false, false),
                query("①|㈱", false, false), query("[推荐]{2}", false, false),
                new GrepQuery("MMoE", false, false, true, 0, Optional.empty(), Optional.empty(), false, false),
                new GrepQuery("的了", true, false, true, 0, Optional.empty(), Optional.empty(), false, false));
        Grep grep = Grep.open(archive);
        assertThat(grep.indexed()).isTrue();
        for (GrepQuery q : queries) {
            assertThat(run(grep, q)).as(q.pattern() + (q.word() ? " -w" : "")).isEqualTo(reference(archive, q)).isNotEmpty();
        }
    }

    @Test
    void aRegexTriedOnlyWhereItsLeadingLiteralIsFindsWhatALineByLineRegexFinds() throws Exception {
        Path text = archive.resolve("text");
        byte[] bad = {(byte) 0xE6, 'x', (byte) 0xFF};
        Files.write(text.resolve("web-lead.txt"), concat(TextFiles.render(new TextHeader("L", "", "", "", "", "20260101T000000Z"),
                // The literal fails where it first occurs and matches later in the line; matches next to
                // a 4-byte emoji, bad UTF-8 before and after, a near miss, a needle at the very end.
                "AUC 提升了 很多，AUC 提升了 1.5%\n😀AUC 提升了 2.25%😀\n12年3月 与 2024年12月 和 x年1月\n"
                        + "AUC 提升了 3.1\n年1月 开头\n").getBytes(StandardCharsets.UTF_8),
                bad, "AUC 提升了 4.5% 后\n".getBytes(StandardCharsets.UTF_8), bad,
                "\n2025年6月 前".getBytes(StandardCharsets.UTF_8), bad, "\nAUC 提升了 9.9%".getBytes(StandardCharsets.UTF_8)));
        TextStore.reindex(archive);
        Grep grep = Grep.open(archive);
        for (String pattern : new String[] {"AUC 提升了 \\d+\\.\\d+%", "\\d{4}年\\d{1,2}月", "[0-9]{2}年\\d月", "\\d年\\d",
            "AUC 提升了 \\d+\\.\\d+%$", "(?<=很多，)AUC 提升了 \\d", "AUC 提升了 \\d+\\.\\d\\b"}) {
            GrepQuery q = query(pattern, false, false);
            assertThat(run(grep, q)).as(pattern).isEqualTo(reference(archive, q)).anyMatch(l -> l.startsWith("web-lead:"));
        }
        assertThat(CompiledQuery.of(query("\\d{4}年\\d{1,2}月", false, false)).needleOffset()).isEqualTo(4);
        assertThat(CompiledQuery.of(query("AUC 提升了 \\d", false, false)).needleOffset()).isZero();
        assertThat(CompiledQuery.of(query("(?<=很多，)AUC 提升了 \\d", false, false)).needleOffset()).as("looks behind").isEqualTo(-1);
        assertThat(CompiledQuery.of(query("\\d+年", false, false)).needleOffset()).as("not a fixed width").isEqualTo(-1);
    }

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    @Test
    void contextStopsAtTheBodyEdgesAndShowsEachLineOnce(@TempDir Path store) throws Exception {
        Path text = Files.createDirectories(store.resolve("text"));
        Files.writeString(text.resolve("web-c.txt"), "Title: C\nAuthor: \nSection: \nURL: \nPublished: \nSnapshot: 20260101T000000Z\n\n"
                + "X1\na\nb\nX2\nc\nX3\nd\ne\nf\ng", StandardCharsets.UTF_8);
        Grep grep = Grep.open(store);
        assertThat(context(grep, "X", 2)).containsExactly("8:X1", "9-a", "10-b", "11:X2", "12-c", "13:X3", "14-d", "15-e");
        assertThat(context(grep, "X1", 3)).containsExactly("8:X1", "9-a", "10-b", "11-X2");
        assertThat(context(grep, "g", 2)).as("the last line has no line end").containsExactly("15-e", "16-f", "17:g");
    }

    private static List<String> context(Grep grep, String pattern, int lines) throws Exception {
        List<String> out = new ArrayList<>();
        grep.search(new GrepQuery(pattern, false, false, false, lines, Optional.empty(), Optional.empty(), false, false),
                hit -> hit.lines().forEach(l -> out.add(l.number() + (l.matched() ? ":" : "-") + l.text())));
        return out;
    }

    @Test
    void hitsKeepTheirLinesAfterTheSearchHasReadOtherFiles() throws Exception {
        List<ArticleHit> hits = new ArrayList<>();
        Grep.open(archive).search(query("推荐", true, false), hits::add);
        assertThat(hits).hasSizeGreaterThan(100);
        for (ArticleHit hit : hits) {
            List<String> fileLines = Files.readAllLines(hit.file(), StandardCharsets.UTF_8);
            for (GrepLine line : hit.lines()) {
                assertThat(line.text()).isEqualTo(fileLines.get(line.number() - 1)).contains("推荐");
            }
        }
    }

    @Test
    void aLiteralHoldingALineEndMatchesNoLineEvenWhereItsBytesOccur() throws Exception {
        String literal = "系统\n推荐";
        List<String> holders = new ArrayList<>();
        try (Stream<Path> files = Files.list(archive.resolve("text"))) {
            for (Path f : files.toList()) {
                if (Files.readString(f, StandardCharsets.UTF_8).contains(literal)) {
                    holders.add(f.toString());
                }
            }
        }
        assertThat(holders).isNotEmpty();
        assertThat(run(Grep.open(archive), query(literal, true, false))).isEmpty();
        assertThat(run(Grep.open(archive), query(literal, false, false))).isEmpty();
    }
}
