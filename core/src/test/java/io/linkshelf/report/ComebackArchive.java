package io.linkshelf.report;

import io.linkshelf.catalog.CatalogReader;
import io.linkshelf.crawl.Crawl;
import io.linkshelf.crawl.CrawlListener;
import io.linkshelf.crawl.CrawlOptions;
import io.linkshelf.crawl.RobotsMode;
import io.linkshelf.crawl.SiteProfiles;
import io.linkshelf.snapshot.SnapshotId;
import io.linkshelf.testing.FixturePages;
import io.linkshelf.testing.Response;
import io.linkshelf.testing.TestServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real three-snapshot archive for "came back": one article is deleted at the source in the
 * second snapshot and there again in the third, another is blocked and then served again.
 */
record ComebackArchive(Path archive, Path reports, List<SnapshotId> snapshots) {

    static final String DELETED_TITLE = "删了又回来的文章";
    static final String BLOCKED_TITLE = "被拦截后恢复的文章";

    static ComebackArchive create(Path dir) throws IOException, InterruptedException {
        try (TestServer server = TestServer.start("127.0.0.4")) {
            Response back = FixturePages.wechatArticle(DELETED_TITLE, "小站", List.of(), "作者把文章删了又恢复了。");
            Response unblocked = FixturePages.wechatArticle(BLOCKED_TITLE, "小站", List.of(), "验证码之后又能访问了。");
            // the site's state per crawl: the second crawl finds one article deleted and the other blocked however often
            // it asks; the third finds both as they were
            AtomicInteger crawl = new AtomicInteger();
            server.on("127.0.0.4", "/s?__biz=MzB&mid=1&idx=1&sn=a")
                    .respondWith(r -> crawl.get() == 1 ? FixturePages.wechatDeleted() : back);
            server.on("127.0.0.4", "/s?__biz=MzB&mid=2&idx=1&sn=b").respondWith(r -> crawl.get() == 1
                    ? Response.redirect(302, "/mp/wappoc_appmsgcaptcha?poc_token=x&target_url=y") : unblocked);
            server.on("127.0.0.4", "/mp/wappoc_appmsgcaptcha").respond(FixturePages.wechatCaptcha());
            Path seeds = dir.resolve("links.md");
            Files.writeString(seeds, "# 小站的系列文章\n\n"
                    + "[" + DELETED_TITLE + "](" + server.uri("127.0.0.4", "/s?__biz=MzB&mid=1&idx=1&sn=a") + ")\n\n"
                    + "[" + BLOCKED_TITLE + "](" + server.uri("127.0.0.4", "/s?__biz=MzB&mid=2&idx=1&sn=b") + ")\n",
                    StandardCharsets.UTF_8);
            Path archive = dir.resolve("archive");
            Path reports = dir.resolve("reports");
            List<SnapshotId> ids = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                crawl.set(i);
                SiteProfiles profiles = SiteProfiles.defaults().withOverrides(Optional.of(Duration.ofMillis(5)),
                        Optional.of(Duration.ofMillis(5)), OptionalInt.empty());
                CrawlOptions options = new CrawlOptions(CatalogReader.read(seeds), archive, profiles,
                        Duration.ofMillis(50), RobotsMode.LISTED, "linkshelf-test/1.0", Optional.empty(), Optional.empty(),
                        Optional.empty(), OptionalInt.empty(), false, true, false, false, 25L << 20, 50L << 20,
                        Duration.ofSeconds(3), Duration.ofMillis(20));
                ids.add(new Crawl(options, CrawlListener.SILENT).run().snapshot());
            }
            return new ComebackArchive(archive, reports, List.copyOf(ids));
        }
    }
}
