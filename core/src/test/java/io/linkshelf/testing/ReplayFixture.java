package io.linkshelf.testing;

import io.linkshelf.catalog.Catalog;
import io.linkshelf.catalog.CatalogReader;
import io.linkshelf.crawl.CrawlSummary;
import io.linkshelf.snapshot.SnapshotId;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A real two-snapshot archive made for replaying its WACZ, crawled from loopback hosts with the real crawler:
 * a WeChat article captured once (new in snapshot 2, status 200), a WeChat article the server answers with 304 Not
 * Modified in snapshot 2 (a server-not-modified revisit), and a Zhihu article whose formula images have URLs that
 * become capture-index keys holding {@code {}, {@code }}, {@code \}, {@code %20} and escaped CJK.
 *
 * @param archive the archive root
 * @param reports the reports root
 * @param snapshots the two snapshot ids, oldest first
 * @param keys article keys by short name: {@code once, unchanged, formulas}
 * @param urls article URLs by short name
 */
public record ReplayFixture(Path archive, Path reports, List<SnapshotId> snapshots, Map<String, String> keys,
        Map<String, String> urls) {

    /** Titles by short name. */
    public static final Map<String, String> TITLES = Map.of(
            "once", "负采样：双塔召回的关键",
            "unchanged", "特征交叉：从 FM 到 DCN",
            "formulas", "排序指标 NDCG 的推导");

    /** A phrase only the "once" article's body holds, for search. */
    public static final String ONCE_PHRASE = "热门物品打压";
    /**
     * A clause of the "once" article's body, between punctuation: ReplayWeb.page's search matches whole words, and
     * in Chinese text without spaces a word, to it, runs from one punctuation mark to the next.
     */
    public static final String ONCE_CLAUSE = "否则召回全是爆款";
    /** A phrase of the "unchanged" article's body. */
    public static final String UNCHANGED_PHRASE = "显式特征交叉";
    /** A phrase of the "formulas" article's body. */
    public static final String FORMULAS_PHRASE = "折损累计增益";

    /** The TeX of the formula images: braces, a backslash, a space and CJK, all of which reach the index key. */
    public static final List<String> FORMULAS = List.of("\\frac{DCG@k}{IDCG@k}", "x^2 100%", "\\text{增益}_{i}");

    /** Builds the archive under {@code dir} (two crawls of a few seconds each). */
    public static ReplayFixture create(Path dir) throws IOException, InterruptedException {
        try (TestServer server = TestServer.start("127.0.0.2", "127.0.0.3", "127.0.0.4", "127.0.0.5")) {
            Map<String, String> urls = new LinkedHashMap<>();
            urls.put("once", server.uri("127.0.0.2", "/s?__biz=MzR1&mid=201&idx=1&sn=abc").toString());
            urls.put("unchanged", server.uri("127.0.0.2", "/s?__biz=MzR1&mid=202&idx=1&sn=abc").toString());
            urls.put("formulas", server.uri("127.0.0.4", "/p/650001").toString());

            String wechatImage = server.uri("127.0.0.3", "/mmbiz_png/replay1/640?wx_fmt=png").toString();
            String zhihuImage = server.uri("127.0.0.5", "/v2-0123456789abcdef0123_b.png").toString();
            server.on("127.0.0.3", "/mmbiz_png/replay1/640").respond(Response.ok("image/png", FixturePages.png(7)));
            server.on("127.0.0.5", "/v2-0123456789abcdef0123_b.png").respond(Response.ok("image/png", FixturePages.png(8)));
            server.on("127.0.0.5", "/equation").respondWith(request -> Response.ok("image/svg+xml",
                    svg(request.query().orElse("")).getBytes(StandardCharsets.UTF_8)));

            server.on("127.0.0.2", "/s?__biz=MzR1&mid=201&idx=1&sn=abc").respond(FixturePages.wechatArticle(
                    TITLES.get("once"), "搜广推小站", List.of(wechatImage), "负采样时要做" + ONCE_PHRASE + "，" + ONCE_CLAUSE + "。"));
            Response unchanged = FixturePages.wechatArticle(TITLES.get("unchanged"), "搜广推小站", List.of(wechatImage),
                    "DCN 用交叉网络做" + UNCHANGED_PHRASE + "。").withHeader("ETag", "\"v1\"");
            server.on("127.0.0.2", "/s?__biz=MzR1&mid=202&idx=1&sn=abc").respondWith(request ->
                    request.header("If-None-Match").filter("\"v1\""::equals).isPresent()
                            ? Response.status(304).withHeader("ETag", "\"v1\"") : unchanged);
            server.on("127.0.0.4", "/p/650001").respond(zhihuArticle(server, zhihuImage));

            Path archive = dir.resolve("archive");
            Path reports = dir.resolve("reports");
            Path seeds = dir.resolve("links.md");
            Files.writeString(seeds, seedList(urls, false), StandardCharsets.UTF_8);
            CrawlSummary first = FixtureArchive.crawl(CatalogReader.read(seeds), archive, reports);
            Files.writeString(seeds, seedList(urls, true), StandardCharsets.UTF_8);
            CrawlSummary second = FixtureArchive.crawl(CatalogReader.read(seeds), archive, reports);

            Catalog catalog = CatalogReader.read(seeds);
            Map<String, String> keys = new LinkedHashMap<>();
            urls.forEach((name, url) -> catalog.entries().stream().filter(e -> e.url().toString().equals(url))
                    .findFirst().ifPresent(e -> keys.put(name, e.key())));
            return new ReplayFixture(archive, reports, List.of(first.snapshot(), second.snapshot()), Map.copyOf(keys),
                    Map.copyOf(urls));
        }
    }

    /** The URL of a formula image as the Zhihu page links it. */
    public static String formulaPath(String tex) {
        return "/equation?tex=" + URLEncoder.encode(tex, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String seedList(Map<String, String> urls, boolean withOnce) {
        StringBuilder md = new StringBuilder("# 搜广推小站\n\n");
        if (withOnce) {
            md.append('[').append(TITLES.get("once")).append("](").append(urls.get("once")).append(")\n\n");
        }
        md.append('[').append(TITLES.get("unchanged")).append("](").append(urls.get("unchanged")).append(")\n\n");
        md.append("# 知乎专栏\n\n");
        md.append('[').append(TITLES.get("formulas")).append("](").append(urls.get("formulas")).append(")\n\n");
        return md.toString();
    }

    /** A Zhihu column article as the site renders it (PLATFORMS.md §9): inline formula images with their TeX as alt. */
    private static Response zhihuArticle(TestServer server, String image) {
        StringBuilder formulas = new StringBuilder();
        for (String tex : FORMULAS) {
            formulas.append("<p>公式 <img src=\"").append(escape(server.uri("127.0.0.5", formulaPath(tex)).toString()))
                    .append("\" alt=\"").append(escape(tex)).append("\" eeimg=\"1\"/> 如上。</p>");
        }
        String title = TITLES.get("formulas");
        String html = "<!doctype html><html lang=\"zh\"><head><meta charset=\"utf-8\"/><title>" + title + " - 知乎</title>"
                + "<meta property=\"og:title\" content=\"" + title + "\"/></head><body><div id=\"root\"><main>"
                + "<article class=\"Post-Main\"><header><h1 class=\"Post-Title\">" + title + "</h1>"
                + "<div class=\"Post-Author\"><div class=\"AuthorInfo\"><meta itemProp=\"name\" content=\"李四\"/></div></div>"
                + "</header><div class=\"RichText ztext Post-RichText\">"
                + "<p>NDCG 衡量排序质量，分子是" + FORMULAS_PHRASE + "。</p>" + formulas
                + "<figure><img src=\"" + escape(image) + "\" data-rawwidth=\"2\" data-rawheight=\"2\"/>"
                + "<figcaption>示意图</figcaption></figure></div></article></main></div></body></html>";
        return Response.ok("text/html; charset=utf-8", html, StandardCharsets.UTF_8);
    }

    /** A small SVG that differs per formula, as Zhihu's equation service answers. */
    private static String svg(String query) {
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"40\" height=\"12\" viewBox=\"0 0 40 12\">"
                + "<desc>" + escape(query) + "</desc><rect width=\"40\" height=\"12\" fill=\"#333\"/></svg>";
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
