package io.linkshelf.crawl;

import io.linkshelf.catalog.Catalog;
import io.linkshelf.catalog.CatalogReader;
import io.linkshelf.testing.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.zip.CRC32;

/** Fixture pages, images and options for crawl tests. */
final class CrawlFixtures {

    private CrawlFixtures() {}

    /** A WeChat-shaped article page (PLATFORMS.md §2–§3) whose body shows the given images. */
    static Response wechatArticle(String title, String account, List<String> imageUrls) {
        StringBuilder images = new StringBuilder();
        for (String url : imageUrls) {
            images.append("<p><img class=\"rich_pages wxw-img\" data-src=\"").append(url).append("\" data-type=\"png\"></p>\n");
        }
        String html = "<!DOCTYPE html><html><head><meta charset=\"utf-8\">"
                + "<meta property=\"og:title\" content=\"" + title + "\"><title>" + title + "</title></head><body>"
                + "<div id=\"js_article\"><div id=\"img-content\"><h1 id=\"activity-name\" class=\"rich_media_title\">" + title
                + "</h1><a id=\"js_name\">" + account + "</a><em id=\"publish_time\"></em>"
                + "<div class=\"rich_media_content\" id=\"js_content\" style=\"visibility: hidden; opacity: 0;\">"
                + "<p>召回、粗排、精排与重排是推荐系统的四个阶段。这篇文章讲" + title + "。</p>\n" + images
                + "<p>多目标建模需要平衡点击率与转化率。</p></div></div></div>"
                + "<script nonce=\"1\">var ct = \"1700000000\"; var msg_link = \"http://mp.weixin.qq.com/s?__biz=x\";</script>"
                + "</body></html>";
        return Response.ok("text/html; charset=utf-8", html, StandardCharsets.UTF_8);
    }

    /** A WeChat captcha page, as the site serves it after a 302. */
    static Response wechatCaptcha() {
        String html = "<html><head><title>wappoc_appmsgcaptcha</title></head><body><div class=\"weui-msg\">"
                + "<h2 class=\"weui-msg__title\">环境异常</h2><p class=\"weui-msg__desc\">当前环境异常，完成验证后即可继续访问。</p>"
                + "<a id=\"js_verify\">去验证</a></div></body></html>";
        return Response.ok("text/html; charset=utf-8", html, StandardCharsets.UTF_8);
    }

    /** A WeChat page saying the publisher deleted the article. */
    static Response wechatDeleted() {
        String html = "<html><body><div class=\"weui-msg\"><div class=\"weui-msg__text-area\">"
                + "<h2 class=\"weui-msg__title\">该内容已被发布者删除</h2></div></div></body></html>";
        return Response.ok("text/html; charset=utf-8", html, StandardCharsets.UTF_8);
    }

    /** A small valid PNG whose pixels depend on the seed, so every image has its own digest. */
    static byte[] png(int seed) {
        try {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
            byte[] ihdr = {0, 0, 0, 2, 0, 0, 0, 2, 8, 2, 0, 0, 0};
            chunk(out, "IHDR", ihdr);
            byte[] raw = new byte[2 * (1 + 2 * 3)];
            for (int i = 0; i < raw.length; i++) {
                raw[i] = (i % 7 == 0) ? 0 : (byte) (seed * 31 + i * 17);
            }
            java.util.zip.Deflater deflater = new java.util.zip.Deflater();
            deflater.setInput(raw);
            deflater.finish();
            byte[] compressed = new byte[256];
            int n = deflater.deflate(compressed);
            deflater.end();
            chunk(out, "IDAT", java.util.Arrays.copyOf(compressed, n));
            chunk(out, "IEND", new byte[0]);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void chunk(java.io.ByteArrayOutputStream out, String type, byte[] data) throws IOException {
        out.write(java.nio.ByteBuffer.allocate(4).putInt(data.length).array());
        byte[] t = type.getBytes(StandardCharsets.US_ASCII);
        out.write(t);
        out.write(data);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        out.write(java.nio.ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
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
