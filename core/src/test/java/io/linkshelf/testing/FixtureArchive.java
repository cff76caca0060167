package io.linkshelf.testing;

import io.linkshelf.catalog.Catalog;
import io.linkshelf.catalog.CatalogReader;
import io.linkshelf.crawl.Crawl;
import io.linkshelf.crawl.CrawlListener;
import io.linkshelf.crawl.CrawlOptions;
import io.linkshelf.crawl.CrawlSummary;
import io.linkshelf.crawl.RobotsMode;
import io.linkshelf.crawl.SiteProfiles;
import io.linkshelf.snapshot.SnapshotId;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A real two-snapshot archive, made by crawling fixture pages on loopback hosts with the real
 * crawler, for the tests of everything derived from an archive (mirror, text store, grep, reports).
 *
 * <p>Snapshot 1 captures seven articles of two author sections (with images, one shared). Between
 * the snapshots the site changes, so snapshot 2 holds one of each: unchanged (revisit), changed,
 * deleted at the source, blocked (captcha), not-found, a new article, and an image that fails.
 * Article titles and keys are in {@link #keys()}, by a short name:
 * {@code same, changed, deleted, blocked, gone, failing, tricky, fresh}.
 *
 * @param archive the archive root
 * @param reports the reports root
 * @param seeds the seed list of the second snapshot
 * @param snapshots the two snapshot ids, oldest first
 * @param keys article keys by short name
 */
public record FixtureArchive(Path archive, Path reports, Path seeds, List<SnapshotId> snapshots, Map<String, String> keys) {

    /** Titles by short name; "tricky" holds markup that must render as text. */
    public static final Map<String, String> TITLES = titles();

    private static Map<String, String> titles() {
        Map<String, String> t = new LinkedHashMap<>();
        t.put("same", "推荐系统中的召回：双塔模型");
        t.put("changed", "多目标排序：MMoE 实践");
        t.put("deleted", "广告出价策略综述");
        t.put("blocked", "DeepFM 论文精读");
        t.put("gone", "已经消失的文章");
        t.put("failing", "图片会失败的文章");
        t.put("tricky", "<img src=x onerror=alert(1)> 与 \"引号\" & 符号");
        t.put("fresh", "新加入的文章：粗排模型");
        return Map.copyOf(t);
    }

    /** Builds the archive under {@code dir} (two crawls of a few seconds each). */
    public static FixtureArchive create(Path dir) throws IOException, InterruptedException {
        try (TestServer server = TestServer.start("127.0.0.2", "127.0.0.3")) {
            Map<String, String> paths = new LinkedHashMap<>();
            int n = 0;
            for (String name : TITLES.keySet()) {
                paths.put(name, "/s?__biz=MzA5&mid=" + (100 + ++n) + "&idx=1&sn=abc");
            }
            String img1 = server.uri("127.0.0.3", "/mmbiz_png/shared/640?wx_fmt=png").toString();
            String img2 = server.uri("127.0.0.3", "/mmbiz_png/own2/640?wx_fmt=png").toString();
            String broken = server.uri("127.0.0.3", "/mmbiz_png/broken/640?wx_fmt=png").toString();
            server.on("127.0.0.3", "/mmbiz_png/shared/640").respond(Response.ok("image/png", FixturePages.png(1)));
            server.on("127.0.0.3", "/mmbiz_png/own2/640").respond(Response.ok("image/png", FixturePages.png(2)));
            server.on("127.0.0.3", "/mmbiz_png/broken/640").respond(Response.status(404));

            String acc = "搜广推小站";
            server.on("127.0.0.2", paths.get("same")).respond(FixturePages.wechatArticle(TITLES.get("same"), acc, List.of(img1),
                    "双塔模型把用户和物品分别编码，召回阶段用向量检索。"));
            server.on("127.0.0.2", paths.get("changed")).respond(
                    FixturePages.wechatArticle(TITLES.get("changed"), acc, List.of(img1, img2), "MMoE 用多个专家网络建模多目标。"),
                    FixturePages.wechatArticle(TITLES.get("changed"), acc, List.of(img1, img2),
                            "MMoE 用多个专家网络建模多目标；修订版补充了 PLE 的对比。"));
            server.on("127.0.0.2", paths.get("deleted")).respond(
                    FixturePages.wechatArticle(TITLES.get("deleted"), acc, List.of(), "出价策略包括 oCPC 与 oCPM。"),
                    FixturePages.wechatDeleted());
            server.on("127.0.0.2", paths.get("blocked")).respond(
                    FixturePages.wechatArticle(TITLES.get("blocked"), "炼丹笔记", List.of(), "DeepFM 结合了 FM 与深度网络。"),
                    Response.redirect(302, "/mp/wappoc_appmsgcaptcha?poc_token=x&target_url=y"));
            server.on("127.0.0.2", "/mp/wappoc_appmsgcaptcha").respond(FixturePages.wechatCaptcha());
            server.on("127.0.0.2", paths.get("gone")).respond(
                    FixturePages.wechatArticle(TITLES.get("gone"), "炼丹笔记", List.of(), "这篇文章后来不见了。"),
                    Response.status(404));
            server.on("127.0.0.2", paths.get("failing")).respond(
                    FixturePages.wechatArticle(TITLES.get("failing"), "炼丹笔记", List.of(broken), "这篇文章的图片取不到。"));
            server.on("127.0.0.2", paths.get("tricky")).respond(
                    FixturePages.wechatArticle(TITLES.get("tricky"), "炼丹笔记", List.of(), "标题里有标签，正文也提到 <script>alert(1)</script>。"));
            server.on("127.0.0.2", paths.get("fresh")).respond(
                    FixturePages.wechatArticle(TITLES.get("fresh"), "炼丹笔记", List.of(img1), "粗排模型介于召回与精排之间。"));

            Path archive = dir.resolve("archive");
            Path reports = dir.resolve("reports");
            Path seeds = dir.resolve("links.md");
            Files.writeString(seeds, seedList(server, paths, false), StandardCharsets.UTF_8);
            CrawlSummary first = crawl(CatalogReader.read(seeds), archive, reports);
            Files.writeString(seeds, seedList(server, paths, true), StandardCharsets.UTF_8);
            CrawlSummary second = crawl(CatalogReader.read(seeds), archive, reports);

            Map<String, String> keys = new LinkedHashMap<>();
            Catalog catalog = CatalogReader.read(seeds);
            for (Map.Entry<String, String> title : TITLES.entrySet()) {
                catalog.entries().stream().filter(e -> e.title().equals(title.getValue())).findFirst()
                        .ifPresent(e -> keys.put(title.getKey(), e.key()));
            }
            return new FixtureArchive(archive, reports, seeds, List.of(first.snapshot(), second.snapshot()), Map.copyOf(keys));
        }
    }

    private static String seedList(TestServer server, Map<String, String> paths, boolean withFresh) {
        StringBuilder md = new StringBuilder("# 搜广推小站的系列文章\n\n## 召回\n\n");
        link(md, server, "same", paths);
        md.append("## 排序\n\n");
        link(md, server, "changed", paths);
        link(md, server, "deleted", paths);
        md.append("# 炼丹笔记系列文章\n\n");
        link(md, server, "blocked", paths);
        link(md, server, "gone", paths);
        link(md, server, "failing", paths);
        link(md, server, "tricky", paths);
        if (withFresh) {
            link(md, server, "fresh", paths);
        }
        return md.toString();
    }

    private static void link(StringBuilder md, TestServer server, String name, Map<String, String> paths) {
        String title = TITLES.get(name).replace("[", "\\[").replace("]", "\\]").replace("<", "\\<");
        md.append('[').append(title).append("](").append(server.uri("127.0.0.2", paths.get(name))).append(")\n\n");
    }

    private static CrawlSummary crawl(Catalog catalog, Path archive, Path reports) throws IOException, InterruptedException {
        SiteProfiles profiles = SiteProfiles.defaults().withOverrides(Optional.of(Duration.ofMillis(5)),
                Optional.of(Duration.ofMillis(5)), OptionalInt.empty());
        CrawlOptions options = new CrawlOptions(catalog, archive, profiles, Duration.ofMillis(50), RobotsMode.LISTED,
                "linkshelf-test/1.0", Optional.empty(), Optional.empty(), Optional.empty(), OptionalInt.empty(), false, true,
                false, false, 25L << 20, 50L << 20, Duration.ofSeconds(3), Duration.ofMillis(20));
        return new Crawl(options, CrawlListener.SILENT).run();
    }
}
