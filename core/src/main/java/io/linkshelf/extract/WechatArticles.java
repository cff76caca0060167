package io.linkshelf.extract;

import io.linkshelf.catalog.Platform;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** Reads mp.weixin.qq.com article pages and image posts (PLATFORMS.md §2, §3, Table A). */
final class WechatArticles {
    // var ct = "1700000000"; window.ct = '…'; ct = "" || '…'
    private static final Pattern CT = Pattern.compile(
            "(?:\\bvar\\s+ct|\\bwindow\\.ct|(?<![\\w$.])ct)\\s*=\\s*(?:([\"'])\\s*\\1\\s*\\|\\|\\s*)?[\"']?(\\d{9,13})\\b");
    private static final Pattern ORIGINAL_MARK = Pattern.compile("^原创\\s*[：:]?\\s*");
    private static final String CHROME = "mp-style-type, ul.code-snippet__line-index, #js_top_ad_area,"
            + " #content_bottom_area, #js_pc_qr_code, #wx_stream_article_slide_tip, mp-common-profile, mpprofile,"
            + " mpshop, mp-common-product, mpvote, iframe.vote_iframe, .js_uneditable.custom_select_card,"
            + " .qr_code_pc, .qr_code_pc_outer, .js_product_container";

    private WechatArticles() {}

    static Optional<Article> extract(Page p) {
        PageResponse r = p.response();
        HtmlPage page = p.html();
        Document doc = page.document();
        String raw = page.raw();
        URI base = r.finalUri();
        var collector = new ImageCollector(base, ImageUrls::isWechatAvatar);
        Optional<Element> content = WechatPages.content(doc).filter(WechatPages::hasContent);
        Element body;
        List<ImageRef> images;
        if (content.isPresent()) {
            WechatPages.collect(content.get(), collector);
            images = collector.images();
            body = content.get().clone();
            prepare(body, base, images);
        } else if (WechatScripts.isImagePost(raw)) {
            WechatScripts.pictureUrls(raw).forEach(url -> collector.add(url, ""));
            images = collector.images();
            body = imagePost(doc, raw, images);
        } else {
            return Optional.empty();
        }
        BodyCleaner.Body clean = BodyCleaner.finish(body, base);
        if (clean.text().isBlank() && images.isEmpty()) {
            return Optional.empty();
        }
        String title = title(doc, raw).orElseGet(() -> BodyCleaner.fallbackTitle(clean.text(), base));
        return Optional.of(new Article(Platform.WECHAT, title, author(doc, raw), published(doc, raw), false,
                r.requestedUri(), base, clean.html(), clean.text(), images, clean.links(), clean.wordCount()));
    }

    private static void prepare(Element body, URI base, List<ImageRef> images) {
        for (Element pre : body.select("pre[class*=code-snippet], .code-snippet__fix pre")) {
            List<String> lines = pre.select("code").stream().map(Element::wholeText).toList();
            String text = lines.isEmpty() ? BodyCleaner.preText(pre) : String.join("\n", lines);
            BodyCleaner.codeBlock(pre, text, language(pre));
        }
        embeds(body, base);
        body.select(CHROME).remove();
        for (Element leaf : body.select("span[leaf]")) {
            leaf.unwrap();
        }
        BodyCleaner.resolveImages(body, images,
                img -> BodyCleaner.firstUrl(base, u -> !ImageUrls.isWechatAvatar(u), img.attr("data-src"), img.attr("src")));
    }

    private static Optional<String> language(Element pre) {
        String lang = pre.attr("data-lang");
        if (lang.isBlank()) {
            for (String cls : pre.classNames()) {
                if (cls.startsWith("code-snippet__") && !cls.equals("code-snippet__fix")) {
                    lang = cls.substring("code-snippet__".length());
                }
            }
        }
        return lang.matches("[A-Za-z0-9+#]+") ? Optional.of(lang.toLowerCase(Locale.ROOT)) : Optional.empty();
    }

    /** Video, audio, music and mini-program embeds become a one-line note; the player itself cannot be kept. */
    private static void embeds(Element body, URI base) {
        for (Element el : body.select("iframe.video_iframe, iframe[data-mpvid], iframe[src*=v.qq.com], iframe[data-src*=v.qq.com]")) {
            String src = el.hasAttr("data-src") ? el.attr("data-src") : el.attr("src");
            BodyCleaner.placeholder(el, "视频", el.attr("data-title"), ImageUrls.resolve(base, src));
        }
        for (Element el : body.select("mpvoice, mp-common-mpaudio")) {
            String id = el.attr("voice_encode_fileid");
            Optional<URI> link = id.matches("[A-Za-z0-9_=+/-]+")
                    ? ImageUrls.resolve(base, "https://res.wx.qq.com/voice/getvoice?mediaid=" + id) : Optional.empty();
            BodyCleaner.placeholder(el, "音频", first(el.attr("name"), el.attr("data-name"), el.attr("data-title")), link);
        }
        for (Element el : body.select("mp-common-videosnap")) {
            BodyCleaner.placeholder(el, "视频号", first(el.attr("data-desc"), el.attr("data-nickname")),
                    ImageUrls.resolve(base, el.attr("data-url")));
        }
        for (Element el : body.select("qqmusic")) {
            String name = el.attr("music_name").strip();
            String singer = el.attr("singer").strip();
            BodyCleaner.placeholder(el, "音乐", singer.isEmpty() ? name : name + " - " + singer, Optional.empty());
        }
        for (Element el : body.select("mp-miniprogram, mp-weapp")) {
            BodyCleaner.placeholder(el, "小程序", first(el.attr("data-miniprogram-title"), el.attr("data-title")), Optional.empty());
        }
    }

    /** An image post: its description (window.desc) as paragraphs, then its pictures. */
    private static Element imagePost(Document doc, String raw, List<ImageRef> images) {
        Element body = new Element("div");
        String desc = WechatScripts.variable(raw, "desc")
                .or(() -> HtmlPage.firstContent(doc, "meta[property=og:description], meta[name=description]"))
                .orElse("");
        for (String line : desc.split("\\R")) {
            if (!line.isBlank()) {
                body.appendElement("p").text(line.strip());
            }
        }
        for (ImageRef image : images) {
            body.appendElement("p").appendElement("img").attr("src", image.url().toString());
        }
        return body;
    }

    private static Optional<String> title(Document doc, String raw) {
        return HtmlPage.firstContent(doc, "meta[property=og:title]")
                .or(() -> HtmlPage.firstText(doc, "#activity-name, h1.rich_media_title, h2.rich_media_title"))
                .or(() -> WechatScripts.variable(raw, "msg_title"))
                .or(() -> Optional.of(doc.title().strip()).filter(t -> !t.isEmpty()));
    }

    /** The account name, with the person's name in parentheses when the page names a different one. */
    static Optional<String> author(Document doc, String raw) {
        Optional<String> account = HtmlPage.firstText(doc, "#js_name")
                .or(() -> WechatScripts.variable(raw, "nickname"))
                .or(() -> WechatScripts.variable(raw, "nick_name"))
                .or(() -> HtmlPage.firstText(doc, ".wx_follow_nickname, .profile_nickname"));
        Optional<String> person = HtmlPage.firstContent(doc, "meta[name=author]")
                .or(() -> HtmlPage.firstText(doc, "#js_author_name, #js_author_name_text"))
                .or(() -> oldMetaAuthor(doc, account));
        if (account.isPresent() && person.isPresent() && !person.get().equals(account.get())) {
            return Optional.of(account.get() + "（" + person.get() + "）");
        }
        return account.or(() -> person);
    }

    private static Optional<String> oldMetaAuthor(Document doc, Optional<String> account) {
        return doc.select(".rich_media_meta_text").stream()
                .filter(e -> !e.id().equals("publish_time") && e.selectFirst("#js_name") == null)
                .filter(e -> Times.local(e.text(), Times.BEIJING).isEmpty())
                .map(e -> ORIGINAL_MARK.matcher(e.text().strip()).replaceFirst("").strip())
                .filter(t -> !t.isEmpty() && !t.equals("原创") && !account.map(t::equals).orElse(false))
                .findFirst();
    }

    static Optional<Instant> published(Document doc, String raw) {
        Matcher m = CT.matcher(raw);
        while (m.find()) {
            Optional<Instant> ct = Times.epoch(m.group(2));
            if (ct.isPresent()) {
                return ct;
            }
        }
        return Stream.of("createTime", "oriCreateTime", "publish_time", "create_time")
                .map(name -> WechatScripts.variable(raw, name).flatMap(v -> Times.epoch(v).or(() -> Times.local(v, Times.BEIJING))))
                .flatMap(Optional::stream)
                .findFirst()
                .or(() -> HtmlPage.firstText(doc, "#publish_time").flatMap(t -> Times.local(t, Times.BEIJING)));
    }

    private static String first(String... values) {
        return Stream.of(values).map(String::strip).filter(s -> !s.isEmpty()).findFirst().orElse("");
    }
}
