package io.linkshelf.export;

import io.linkshelf.catalog.CatalogReader;
import io.linkshelf.crawl.Crawl;
import io.linkshelf.crawl.CrawlListener;
import io.linkshelf.crawl.CrawlOptions;
import io.linkshelf.crawl.RobotsMode;
import io.linkshelf.crawl.SiteProfiles;
import io.linkshelf.testing.FixturePages;
import io.linkshelf.testing.Response;
import io.linkshelf.testing.TestServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A real one-snapshot archive with what the main fixture lacks: a body with a code block, a table, a formula image
 * (TeX in its alt), captured script, style and handlers, a link to another listed article; an article never captured;
 * and author and sub-section names with characters file systems refuse.
 */
record ExportArchive(Path archive, String richKey, String plainKey) {

    static final String AUTHOR = "A/B: 作者?";
    static final String SUBSECTION = "代码 | 表格";
    static final String RICH_TITLE = "代码、表格与公式: \"实战\" #1";
    static final String PLAIN_TITLE = "普通文章";
    static final String MISSING_TITLE = "从未存档的文章";
    static final String TEX = "\\frac{a}{b}";

    static ExportArchive create(Path dir) throws IOException, InterruptedException {
        try (TestServer server = TestServer.start("127.0.0.5", "127.0.0.6")) {
            String rich = "/s?__biz=MzE&mid=1&idx=1&sn=a";
            String plain = "/s?__biz=MzE&mid=2&idx=1&sn=b";
            String missing = "/s?__biz=MzE&mid=3&idx=1&sn=c";
            String photo = server.uri("127.0.0.6", "/mmbiz_png/photo/640?wx_fmt=png").toString();
            String formula = server.uri("127.0.0.6", "/mmbiz_png/formula/640?wx_fmt=png").toString();
            server.on("127.0.0.6", "/mmbiz_png/photo/640").respond(Response.ok("image/png", FixturePages.png(7)));
            server.on("127.0.0.6", "/mmbiz_png/formula/640").respond(Response.ok("image/png", FixturePages.png(8)));
            String body = "<p style=\"color:red\" onclick=\"alert(1)\">代码之前的一段话。</p>"
                    + "<pre><code class=\"language-python\">def score(x):\n    return x * 2</code></pre>"
                    + "<table><thead><tr><th>模型</th><th>AUC</th></tr></thead><tbody><tr><td>DeepFM</td><td>0.81</td></tr></tbody></table>"
                    + "<p>公式 <img class=\"rich_pages wxw-img\" data-src=\"" + formula + "\" alt=\"" + TEX + "\"> 之后。</p>"
                    + "<p><img class=\"rich_pages wxw-img\" data-src=\"" + photo + "\" data-type=\"png\"></p>"
                    + "<p>另见 <a href=\"" + server.uri("127.0.0.5", plain) + "\">普通文章</a>。</p>"
                    + "<script>alert('captured')</script>";
            server.on("127.0.0.5", rich).respond(page(RICH_TITLE, body));
            server.on("127.0.0.5", plain).respond(FixturePages.wechatArticle(PLAIN_TITLE, "小号", java.util.List.of(photo),
                    "普通文章的正文。"));
            server.on("127.0.0.5", missing).respond(Response.status(404));
            Path seeds = dir.resolve("links.md");
            Files.writeString(seeds, "# " + AUTHOR.replace("?", "\\?") + "系列文章\n\n## " + SUBSECTION.replace("|", "\\|") + "\n\n"
                    + "[" + RICH_TITLE + "](" + server.uri("127.0.0.5", rich) + ")\n\n"
                    + "[" + PLAIN_TITLE + "](" + server.uri("127.0.0.5", plain) + ")\n\n"
                    + "[" + MISSING_TITLE + "](" + server.uri("127.0.0.5", missing) + ")\n", StandardCharsets.UTF_8);
            Path archive = dir.resolve("archive");
            SiteProfiles profiles = SiteProfiles.defaults().withOverrides(Optional.of(Duration.ofMillis(5)),
                    Optional.of(Duration.ofMillis(5)), OptionalInt.empty());
            CrawlOptions options = new CrawlOptions(CatalogReader.read(seeds), archive, profiles, Duration.ofMillis(50),
                    RobotsMode.LISTED, "linkshelf-test/1.0", Optional.empty(), Optional.empty(), Optional.empty(),
                    OptionalInt.empty(), false, true, false, false, 25L << 20, 50L << 20, Duration.ofSeconds(3), Duration.ofMillis(20));
            new Crawl(options, CrawlListener.SILENT).run();
            var catalog = CatalogReader.read(seeds);
            String richKey = catalog.entries().stream().filter(e -> e.title().equals(RICH_TITLE)).findFirst().orElseThrow().key();
            String plainKey = catalog.entries().stream().filter(e -> e.title().equals(PLAIN_TITLE)).findFirst().orElseThrow().key();
            return new ExportArchive(archive, richKey, plainKey);
        }
    }

    private static Response page(String title, String body) {
        String esc = title.replace("&", "&amp;").replace("<", "&lt;").replace("\"", "&quot;");
        String html = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><meta property=\"og:title\" content=\"" + esc + "\">"
                + "<title>" + esc + "</title></head><body><div id=\"js_article\"><div id=\"img-content\">"
                + "<h1 id=\"activity-name\" class=\"rich_media_title\">" + esc + "</h1><a id=\"js_name\">小号</a><em id=\"publish_time\"></em>"
                + "<div class=\"rich_media_content\" id=\"js_content\" style=\"visibility: hidden;\">" + body + "</div></div></div>"
                + "<script nonce=\"1\">var ct = \"1700000000\";</script></body></html>";
        return Response.ok("text/html; charset=utf-8", html, StandardCharsets.UTF_8);
    }
}
