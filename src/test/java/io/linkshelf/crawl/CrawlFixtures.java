package io.linkshelf.crawl;

import io.linkshelf.catalog.Catalog;
import io.linkshelf.catalog.CatalogReader;
import io.linkshelf.testing.FixturePages;
import io.linkshelf.testing.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** Fixture pages, images and options for crawl tests. */
final class CrawlFixtures {

    private CrawlFixtures() {}

    static Response wechatArticle(String title, String account, List<String> imageUrls) {
        return FixturePages.wechatArticle(title, account, imageUrls);
    }

    static Response wechatCaptcha() {
        return FixturePages.wechatCaptcha();
    }

    static Response wechatDeleted() {
        return FixturePages.wechatDeleted();
    }

    static byte[] png(int seed) {
        return FixturePages.png(seed);
    }

    static Catalog catalog(Path dir, String markdown) throws IOException {
        Path seeds = dir.resolve("links.md");
        Files.writeString(seeds, markdown, StandardCharsets.UTF_8);
        return CatalogReader.read(seeds);
    }

    /** Fast options for loopback tests: small gaps, short cool-down and timeouts. */
    static CrawlOptions options(Path dir, Catalog catalog, Duration delay) {
        SiteProfiles profiles = SiteProfiles.defaults().withOverrides(Optional.of(delay), Optional.of(delay), OptionalInt.empty());
        return new CrawlOptions(catalog, dir.resolve("archive"), dir.resolve("reports"), profiles, Duration.ofMillis(100),
                RobotsMode.LISTED, "linkshelf-test/1.0", Optional.empty(), Optional.empty(), Optional.empty(),
                OptionalInt.empty(), false, false, false, false, 25L << 20, 50L << 20, Duration.ofSeconds(3),
                Duration.ofMillis(50));
    }
}
