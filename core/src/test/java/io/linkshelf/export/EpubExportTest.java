package io.linkshelf.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.adobe.epubcheck.api.EpubCheck;
import com.adobe.epubcheck.util.WriterReportImpl;
import io.linkshelf.archive.ArchiveView;
import io.linkshelf.archive.ArticleVersion;
import io.linkshelf.extract.Article;
import io.linkshelf.testing.FixtureArchive;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EpubExportTest {

    @TempDir
    static Path dir;

    static FixtureArchive fixture;
    static ExportArchive extra;
    static Path out;
    static ExportSummary first;
    static ExportSummary rich;

    @BeforeAll
    static void export() throws Exception {
        fixture = FixtureArchive.create(Files.createDirectories(dir.resolve("fixture")));
        extra = ExportArchive.create(Files.createDirectories(dir.resolve("extra")));
        out = dir.resolve("exports");
        first = Export.run(options(fixture.archive(), out, ExportOptions.Grouping.AUTHOR), ExportProgress.SILENT);
        rich = Export.run(options(extra.archive(), dir.resolve("extra-out"), ExportOptions.Grouping.AUTHOR), ExportProgress.SILENT);
    }

    static ExportOptions options(Path archive, Path out, ExportOptions.Grouping by) {
        return new ExportOptions(archive, out, ExportOptions.Format.EPUB, by, Optional.empty(), Optional.empty());
    }

    /** Every entry of a book, by name. */
    static Map<String, byte[]> entries(Path epub) throws IOException {
        Map<String, byte[]> all = new LinkedHashMap<>();
        try (ZipFile zip = ZipFile.builder().setPath(epub).get()) {
            for (ZipArchiveEntry e : Collections.list(zip.getEntriesInPhysicalOrder())) {
                try (InputStream in = zip.getInputStream(e)) {
                    all.put(e.getName(), in.readAllBytes());
                }
            }
        }
        return all;
    }

    static String text(Map<String, byte[]> book, String name) {
        assertThat(book).containsKey(name);
        return new String(book.get(name), StandardCharsets.UTF_8);
    }

    static void assertValid(Path epub) {
        StringWriter report = new StringWriter();
        WriterReportImpl check = new WriterReportImpl(new PrintWriter(report), "", true);
        new EpubCheck(epub.toFile(), check).doValidate();
        assertThat(check.getErrorCount() + check.getFatalErrorCount()).as(epub + "\n" + report).isZero();
    }

    @Test
    void everyBookPassesEpubcheckWhateverTheGrouping() throws Exception {
        assertThat(first.files()).extracting(p -> p.getFileName().toString()).containsExactly("搜广推小站.epub", "炼丹笔记.epub");
        for (Path book : first.files()) {
            assertValid(book);
        }
        for (ExportOptions.Grouping by : List.of(ExportOptions.Grouping.SECTION, ExportOptions.Grouping.ALL)) {
            ExportSummary s = Export.run(options(fixture.archive(), dir.resolve("by-" + by.label()), by), ExportProgress.SILENT);
            assertThat(s.files()).isNotEmpty();
            for (Path book : s.files()) {
                assertValid(book);
            }
        }
        assertThat(rich.files()).hasSize(1);
        assertValid(rich.files().get(0));
    }

    @Test
    void mimetypeComesFirstUncompressedAndTheMetadataNamesTheBook() throws IOException {
        Path book = out.resolve("epub").resolve("搜广推小站.epub");
        try (ZipFile zip = ZipFile.builder().setPath(book).get()) {
            ZipArchiveEntry mimetype = Collections.list(zip.getEntriesInPhysicalOrder()).get(0);
            assertThat(mimetype.getName()).isEqualTo("mimetype");
            assertThat(mimetype.getMethod()).isEqualTo(ZipArchiveEntry.STORED);
        }
        Document opf = Jsoup.parse(text(entries(book), "OEBPS/content.opf"), "", Parser.xmlParser());
        assertThat(opf.select("dc|title").text()).isEqualTo("搜广推小站 · linkshelf");
        assertThat(opf.select("dc|language").text()).isEqualTo("zh");
        assertThat(opf.select("item[properties=nav]").attr("href")).isEqualTo("nav.xhtml");
        assertThat(opf.select("item[href=toc.ncx]").attr("media-type")).isEqualTo("application/x-dtbncx+xml");
        assertThat(opf.select("item[href$=.png]").eachAttr("media-type")).isNotEmpty().containsOnly("image/png");
        assertThat(opf.select("spine itemref").eachAttr("idref")).contains(fixture.keys().get("same"));
    }

    @Test
    void everyCapturedArticlesTextAndEveryArchivedImageIsInItsBook() throws Exception {
        ArchiveView view = ArchiveView.open(fixture.archive());
        Map<String, byte[]> all = new LinkedHashMap<>();
        for (Path book : first.files()) {
            all.putAll(entries(book));
        }
        for (String name : FixtureArchive.TITLES.keySet()) {
            String key = fixture.keys().get(name);
            ArticleVersion latest = view.latestVersion(key).orElseThrow();
            Article article = view.article(latest).orElseThrow();
            String chapter = Jsoup.parse(text(all, "OEBPS/text/" + key + ".xhtml"), "", Parser.xmlParser()).text();
            for (String paragraph : article.text().split("\n\n")) {
                assertThat(chapter).as(name).contains(paragraph.strip());
            }
        }
        // every image the archive holds whole is embedded, named by the SHA-1 of its bytes
        List<String> archived = new ArrayList<>();
        for (var capture : view.images().values()) {
            if (capture.status() == 200) {
                byte[] bytes = view.read(capture).payload();
                archived.add("OEBPS/images/" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(bytes)) + ".png");
            }
        }
        assertThat(archived).hasSize(2);
        assertThat(all.keySet()).containsAll(archived);
        assertThat(first.missingImages()).as("the image that failed shows its alt text").isEqualTo(1);
    }

    @Test
    void chaptersFollowTheListsSubSectionsAndOrder() throws IOException {
        Map<String, byte[]> book = entries(out.resolve("epub").resolve("搜广推小站.epub"));
        Document nav = Jsoup.parse(text(book, "OEBPS/nav.xhtml"), "", Parser.xmlParser());
        assertThat(nav.select("nav > ol > li > span").eachText()).containsExactly("召回", "排序");
        assertThat(nav.select("nav a").eachAttr("href")).containsExactly("contents.xhtml",
                "text/" + fixture.keys().get("same") + ".xhtml", "text/" + fixture.keys().get("changed") + ".xhtml",
                "text/" + fixture.keys().get("deleted") + ".xhtml");
        Document opf = Jsoup.parse(text(book, "OEBPS/content.opf"), "", Parser.xmlParser());
        assertThat(opf.select("spine itemref").eachAttr("idref")).containsExactly("contents",
                fixture.keys().get("same"), fixture.keys().get("changed"), fixture.keys().get("deleted"));
        Document ncx = Jsoup.parse(text(book, "OEBPS/toc.ncx"), "", Parser.xmlParser());
        assertThat(ncx.select("navMap > navPoint > navLabel > text").eachText())
                .containsExactly("搜广推小站 · linkshelf", "召回", "排序");
        Map<String, byte[]> other = entries(out.resolve("epub").resolve("炼丹笔记.epub"));
        Document otherOpf = Jsoup.parse(text(other, "OEBPS/content.opf"), "", Parser.xmlParser());
        assertThat(otherOpf.select("spine itemref").eachAttr("idref")).containsExactly("contents",
                fixture.keys().get("blocked"), fixture.keys().get("gone"), fixture.keys().get("failing"),
                fixture.keys().get("tricky"), fixture.keys().get("fresh"));
    }

    @Test
    void anArticleDeletedAtTheSourceCarriesItsLastGoodCopyAndTheMark() throws IOException {
        Map<String, byte[]> book = entries(out.resolve("epub").resolve("搜广推小站.epub"));
        String key = fixture.keys().get("deleted");
        Document chapter = Jsoup.parse(text(book, "OEBPS/text/" + key + ".xhtml"), "", Parser.xmlParser());
        assertThat(chapter.select("p.mark").text()).contains("deleted at the source").contains("last good copy");
        assertThat(chapter.select(".body").text()).contains("出价策略包括 oCPC 与 oCPM。");
        assertThat(text(book, "OEBPS/contents.xhtml")).contains("已删除");
        assertThat(first.deleted()).isEqualTo(1);
    }

    @Test
    void aNeverCapturedArticleIsListedAsMissingAndNoCapturedScriptStyleOrHandlerSurvives() throws Exception {
        assertThat(rich.missing()).isEqualTo(1);
        Path book = rich.files().get(0);
        assertThat(book.getFileName().toString()).isEqualTo("A_B_ 作者_.epub");
        Map<String, byte[]> entries = entries(book);
        assertThat(text(entries, "OEBPS/content.opf")).contains("<dc:title>" + "A/B: 作者? · linkshelf</dc:title>");
        Document contents = Jsoup.parse(text(entries, "OEBPS/contents.xhtml"), "", Parser.xmlParser());
        assertThat(contents.select(".missing").text()).contains(ExportArchive.MISSING_TITLE).contains("未存档");
        String rich = text(entries, "OEBPS/text/" + extra.richKey() + ".xhtml");
        assertThat(rich).contains("def score(x):").contains("DeepFM").contains("alt=\"" + ExportArchive.TEX + "\"")
                .contains("href=\"" + extra.plainKey() + ".xhtml\"");
        for (Map.Entry<String, byte[]> e : entries.entrySet()) {
            if (e.getKey().endsWith(".xhtml")) {
                String xhtml = new String(e.getValue(), StandardCharsets.UTF_8);
                assertThat(xhtml).as(e.getKey()).doesNotContainIgnoringCase("<script").doesNotContain("style=\"")
                        .doesNotContainPattern("\\son[a-z]+=");
            }
        }
    }

    @Test
    void aSecondExportWithNothingChangedRewritesNothing() throws Exception {
        Path again = dir.resolve("again");
        Export.run(options(fixture.archive(), again, ExportOptions.Grouping.AUTHOR), ExportProgress.SILENT);
        Map<Path, Object> before = identities(again);
        Thread.sleep(20);
        ExportSummary second = Export.run(options(fixture.archive(), again, ExportOptions.Grouping.AUTHOR), ExportProgress.SILENT);
        assertThat(second.filesWritten()).isZero();
        assertThat(second.rendered()).isZero();
        assertThat(second.unchanged()).isEqualTo(8);
        assertThat(identities(again)).isEqualTo(before);
    }

    @Test
    void aChangedBookCopiesItsUnchangedChaptersFromThePreviousOneInsteadOfRenderingThemAgain() throws Exception {
        Path grown = dir.resolve("grown");
        ExportOptions part = new ExportOptions(fixture.archive(), grown, ExportOptions.Format.EPUB, ExportOptions.Grouping.AUTHOR,
                Optional.of(java.util.regex.Pattern.compile("召回|MMoE")), Optional.empty());
        ExportSummary small = Export.run(part, ExportProgress.SILENT);
        assertThat(small.rendered()).isEqualTo(2);
        Path book = grown.resolve("epub").resolve("搜广推小站.epub");
        String same = "OEBPS/text/" + fixture.keys().get("same") + ".xhtml";
        byte[] before = entries(book).get(same);

        ExportSummary whole = Export.run(options(fixture.archive(), grown, ExportOptions.Grouping.AUTHOR), ExportProgress.SILENT);
        assertThat(whole.rendered()).as("the deleted article and the five of the other book").isEqualTo(6);
        assertThat(whole.unchanged()).isEqualTo(2);
        Map<String, byte[]> after = entries(book);
        assertThat(after.get(same)).isEqualTo(before);
        assertThat(after).containsKey("OEBPS/text/" + fixture.keys().get("deleted") + ".xhtml");
        assertValid(book);
    }

    /** Each file's inode (where the file system has one) and modification time. */
    static Map<Path, Object> identities(Path root) throws IOException {
        Map<Path, Object> ids = new LinkedHashMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.filter(Files::isRegularFile).sorted().toList()) {
                BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
                ids.put(p, a.fileKey() + " " + a.lastModifiedTime().toMillis());
            }
        }
        return ids;
    }
}
