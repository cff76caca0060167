package io.linkshelf.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/** Fixture responses shaped like the real pages (PLATFORMS.md), for crawl and archive tests. */
public final class FixturePages {

    private FixturePages() {}

    /** A WeChat-shaped article page (PLATFORMS.md §2–§3) whose body shows the given images. */
    public static Response wechatArticle(String title, String account, List<String> imageUrls) {
        return wechatArticle(title, account, imageUrls, "召回、粗排、精排与重排是推荐系统的四个阶段。这篇文章讲" + title + "。");
    }

    /** The same, with the given first paragraph (plain text, escaped here). */
    public static Response wechatArticle(String title, String account, List<String> imageUrls, String paragraph) {
        StringBuilder images = new StringBuilder();
        for (String url : imageUrls) {
            images.append("<p><img class=\"rich_pages wxw-img\" data-src=\"").append(url).append("\" data-type=\"png\"></p>\n");
        }
        String html = "<!DOCTYPE html><html><head><meta charset=\"utf-8\">"
                + "<meta property=\"og:title\" content=\"" + escape(title) + "\"><title>" + escape(title) + "</title></head><body>"
                + "<div id=\"js_article\"><div id=\"img-content\"><h1 id=\"activity-name\" class=\"rich_media_title\">" + escape(title)
                + "</h1><a id=\"js_name\">" + escape(account) + "</a><em id=\"publish_time\"></em>"
                + "<div class=\"rich_media_content\" id=\"js_content\" style=\"visibility: hidden; opacity: 0;\">"
                + "<p>" + escape(paragraph) + "</p>\n" + images
                + "<p>多目标建模需要平衡点击率与转化率。</p></div></div></div>"
                + "<script nonce=\"1\">var ct = \"1700000000\"; var msg_link = \"http://mp.weixin.qq.com/s?__biz=x\";</script>"
                + "</body></html>";
        return Response.ok("text/html; charset=utf-8", html, StandardCharsets.UTF_8);
    }

    /** A WeChat captcha page, as the site serves it after a 302. */
    public static Response wechatCaptcha() {
        String html = "<html><head><title>wappoc_appmsgcaptcha</title></head><body><div class=\"weui-msg\">"
                + "<h2 class=\"weui-msg__title\">环境异常</h2><p class=\"weui-msg__desc\">当前环境异常，完成验证后即可继续访问。</p>"
                + "<a id=\"js_verify\">去验证</a></div></body></html>";
        return Response.ok("text/html; charset=utf-8", html, StandardCharsets.UTF_8);
    }

    /** A WeChat page saying the publisher deleted the article. */
    public static Response wechatDeleted() {
        String html = "<html><body><div class=\"weui-msg\"><div class=\"weui-msg__text-area\">"
                + "<h2 class=\"weui-msg__title\">该内容已被发布者删除</h2></div></div></body></html>";
        return Response.ok("text/html; charset=utf-8", html, StandardCharsets.UTF_8);
    }

    /** A small valid 2×2 PNG whose pixels depend on the seed, so every image has its own digest. */
    public static byte[] png(int seed) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
            chunk(out, "IHDR", new byte[] {0, 0, 0, 2, 0, 0, 0, 2, 8, 2, 0, 0, 0});
            byte[] raw = new byte[2 * (1 + 2 * 3)];
            for (int i = 0; i < raw.length; i++) {
                raw[i] = (i % 7 == 0) ? 0 : (byte) (seed * 31 + i * 17);
            }
            Deflater deflater = new Deflater();
            deflater.setInput(raw);
            deflater.finish();
            byte[] compressed = new byte[256];
            int n = deflater.deflate(compressed);
            deflater.end();
            chunk(out, "IDAT", Arrays.copyOf(compressed, n));
            chunk(out, "IEND", new byte[0]);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) throws IOException {
        out.write(ByteBuffer.allocate(4).putInt(data.length).array());
        byte[] t = type.getBytes(StandardCharsets.US_ASCII);
        out.write(t);
        out.write(data);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        out.write(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
