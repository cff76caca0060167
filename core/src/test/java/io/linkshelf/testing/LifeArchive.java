package io.linkshelf.testing;

import io.linkshelf.catalog.Catalog;
import io.linkshelf.catalog.CatalogReader;
import io.linkshelf.crawl.Crawl;
import io.linkshelf.crawl.CrawlListener;
import io.linkshelf.crawl.CrawlOptions;
import io.linkshelf.crawl.RobotsMode;
import io.linkshelf.crawl.SiteProfiles;
import io.linkshelf.snapshot.SnapshotId;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * A real four-snapshot archive for the articles' life stories, crawled with the real crawler from loopback pages
 * that change between snapshots. Each article's page per snapshot (1 to 4):
 * <ul>
 *   <li>{@code lazarus}: alive, deleted (该内容已被发布者删除), still deleted, back again;</li>
 *   <li>{@code edited}: text v1, v2, v2, v3 — edited twice;</li>
 *   <li>{@code blocked}: alive, captcha, alive, alive — blocked once;</li>
 *   <li>{@code banned}: alive, alive, taken down (此内容因违规无法查看), still taken down;</li>
 *   <li>{@code vanished}: alive three times, then 404;</li>
 *   <li>{@code steady}: the same page every time;</li>
 *   <li>{@code never}: 404 every time, never captured.</li>
 * </ul>
 * The site's state is chosen by the crawl's number, not by request count, so retries and block probes see the
 * same site.
 *
 * @param archive the archive root
 * @param reports the reports root
 * @param seeds the seed list
 * @param snapshots the four snapshot ids, oldest first
 * @param keys article keys by short name
 */
public record LifeArchive(Path archive, Path reports, Path seeds, List<SnapshotId> snapshots, Map<String, String> keys) {

    public static final Map<String, String> TITLES = Map.of(
            "lazarus", "删了又回来的文章",
            "edited", "改过两次的文章",
            "blocked", "被拦过一次的文章",
            "banned", "因违规下架的文章",
            "vanished", "最后一次才消失的文章",
            "steady", "一直都在的文章",
            "never", "从未存档的文章");
    private static final List<String> ORDER = List.of("lazarus", "edited", "blocked", "banned", "vanished", "steady", "never");

    public static LifeArchive create(Path dir) throws IOException, InterruptedException {
        try (TestServer server = TestServer.start("127.0.0.5")) {
            String host = "127.0.0.5";
            AtomicInteger crawl = new AtomicInteger();
            Map<String, String> paths = new LinkedHashMap<>();
            for (int i = 0; i < ORDER.size(); i++) {
                paths.put(ORDER.get(i), "/s?__biz=MzL&mid=" + (300 + i) + "&idx=1&sn=life");
            }
            route(server, host, paths.get("lazarus"), crawl, n -> n == 2 || n == 3 ? FixturePages.wechatDeleted() : page("lazarus", "删了又回来。"));
            route(server, host, paths.get("edited"), crawl, n -> page("edited", n == 1 ? "第一版：召回。" : n == 4 ? "第三版：召回、粗排与精排。" : "第二版：召回与粗排。"));
            route(server, host, paths.get("blocked"), crawl, n -> n == 2
                    ? Response.redirect(302, "/mp/wappoc_appmsgcaptcha?poc_token=x&target_url=y") : page("blocked", "验证码之后又能访问了。"));
            route(server, host, paths.get("banned"), crawl, n -> n >= 3 ? violation() : page("banned", "这篇后来违规了。"));
            route(server, host, paths.get("vanished"), crawl, n -> n == 4 ? Response.status(404) : page("vanished", "最后一次才不见。"));
            route(server, host, paths.get("steady"), crawl, n -> page("steady", "一直都在。"));
            route(server, host, paths.get("never"), crawl, n -> Response.status(404));
            server.on(host, "/mp/wappoc_appmsgcaptcha").respond(FixturePages.wechatCaptcha());

            Path seeds = dir.resolve("links.md");
            StringBuilder md = new StringBuilder("# 生命故事的系列文章\n\n## 第一组\n\n");
            for (String name : ORDER) {
                if (name.equals("banned")) {
                    md.append("## 第二组\n\n");
                }
                md.append('[').append(TITLES.get(name)).append("](").append(server.uri(host, paths.get(name))).append(")\n\n");
            }
            Files.writeString(seeds, md.toString(), StandardCharsets.UTF_8);
            Path archive = dir.resolve("archive");
            Catalog catalog = CatalogReader.read(seeds);
            List<SnapshotId> ids = new ArrayList<>();
            for (int n = 1; n <= 4; n++) {
                crawl.set(n);
                ids.add(new Crawl(options(catalog, archive), CrawlListener.SILENT).run().snapshot());
            }
            Map<String, String> keys = new LinkedHashMap<>();
            for (String name : ORDER) {
                catalog.entries().stream().filter(e -> e.title().equals(TITLES.get(name))).findFirst()
                        .ifPresent(e -> keys.put(name, e.key()));
            }
            return new LifeArchive(archive, dir.resolve("reports"), seeds, List.copyOf(ids), Map.copyOf(keys));
        }
    }

    /** The crawl options the fixtures use: short gaps, loopback allowed, a fresh snapshot per crawl. */
    public static CrawlOptions options(Catalog catalog, Path archive) {
        SiteProfiles profiles = SiteProfiles.defaults().withOverrides(Optional.of(Duration.ofMillis(5)),
                Optional.of(Duration.ofMillis(5)), OptionalInt.empty());
        return new CrawlOptions(catalog, archive, profiles, Duration.ofMillis(50), RobotsMode.LISTED, "linkshelf-test/1.0",
                Optional.empty(), Optional.empty(), Optional.empty(), OptionalInt.empty(), false, true, false, false,
                25L << 20, 50L << 20, Duration.ofSeconds(3), Duration.ofMillis(20));
    }

    private static void route(TestServer server, String host, String path, AtomicInteger crawl, IntFunction<Response> perCrawl) {
        server.on(host, path).respondWith(r -> perCrawl.apply(crawl.get()));
    }

    private static Response page(String name, String paragraph) {
        return FixturePages.wechatArticle(TITLES.get(name), "生命小站", List.of(), paragraph);
    }

    private static Response violation() {
        String html = "<html><body><div class=\"weui-msg\"><div class=\"weui-msg__text-area\">"
                + "<h2 class=\"weui-msg__title\">此内容因违规无法查看</h2></div></div></body></html>";
        return Response.ok("text/html; charset=utf-8", html, StandardCharsets.UTF_8);
    }
}
