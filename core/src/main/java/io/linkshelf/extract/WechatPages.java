package io.linkshelf.extract;

import io.linkshelf.catalog.Platform;
import java.net.URI;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** Page state and images of mp.weixin.qq.com pages (PLATFORMS.md §3–§5). */
final class WechatPages {
    private static final Platform P = Platform.WECHAT;
    private static final String MESSAGE_SELECTOR = ".weui-msg__title, .mesg-block, .global_error_msg, .weui-msg__desc";
    private static final Pattern FOLLOWERS_ONLY = Pattern.compile("作者设置了[^<\"']{0,20}可见");
    private static final Pattern CSS_URL = Pattern.compile("url\\(\\s*(['\"]?)(.*?)\\1\\s*\\)");

    private record Signal(String needle, PageState state, String reason) {}

    // Order matters: the first signal found wins, and a page names at most one of these.
    private static final List<Signal> SIGNALS = List.of(
            new Signal("环境异常", PageState.BLOCKED, "WeChat captcha (环境异常)"),
            new Signal("访问过于频繁", PageState.BLOCKED, "WeChat rate limit (访问过于频繁)"),
            new Signal("操作频繁", PageState.BLOCKED, "WeChat rate limit (操作频繁)"),
            new Signal("该内容已被发布者删除", PageState.DELETED, "deleted by the publisher (该内容已被发布者删除)"),
            new Signal("has been deleted by the author", PageState.DELETED, "deleted by the author"),
            new Signal("此内容因违规无法查看", PageState.DELETED, "taken down for a violation (此内容因违规无法查看)"),
            new Signal("此内容因涉嫌违反相关法律法规", PageState.DELETED, "taken down for breaking the law (此内容因涉嫌违反相关法律法规)"),
            new Signal("此内容被多人投诉", PageState.DELETED, "taken down after complaints (此内容被多人投诉)"),
            new Signal("此内容被投诉且经审核涉嫌侵权", PageState.DELETED, "taken down for infringement (此内容被投诉且经审核涉嫌侵权)"),
            new Signal("涉嫌过度营销", PageState.DELETED, "taken down for over-marketing (涉嫌过度营销)"),
            new Signal("此帐号已被屏蔽", PageState.DELETED, "account blocked (此帐号已被屏蔽)"),
            new Signal("此账号已被屏蔽", PageState.DELETED, "account blocked (此账号已被屏蔽)"),
            new Signal("此帐号已自主注销", PageState.DELETED, "account closed by its owner (此帐号已自主注销)"),
            new Signal("此账号已自主注销", PageState.DELETED, "account closed by its owner (此账号已自主注销)"),
            new Signal("此内容发送失败无法查看", PageState.DELETED, "never delivered (此内容发送失败无法查看)"),
            new Signal("该公众号已迁移", PageState.DELETED, "account migrated (该公众号已迁移)"),
            new Signal("此帐号处于帐号迁移流程中", PageState.DELETED, "account migrated (此帐号处于帐号迁移流程中)"),
            new Signal("链接已过期", PageState.NOT_FOUND, "link expired (链接已过期)"),
            new Signal("参数错误", PageState.NOT_FOUND, "malformed link (参数错误)"),
            new Signal("系统出错", PageState.NOT_FOUND, "WeChat system error (系统出错)"));

    private WechatPages() {}

    static PageVerdict classify(Page p) {
        PageResponse r = p.response();
        for (URI uri : r.chain()) {
            String s = uri.toString();
            if (s.contains("wappoc_appmsgcaptcha") || s.contains("/mp/verify")) {
                return PageVerdict.of(PageState.BLOCKED, P, "WeChat captcha (redirected to " + uri.getRawPath() + ")");
            }
        }
        Optional<PageVerdict> early = Responses.byStatus(r, P).or(() -> Responses.byBody(r, P));
        if (early.isPresent()) {
            return early.get();
        }
        HtmlPage page = p.html();
        Document doc = page.document();
        String messages = doc.select(MESSAGE_SELECTOR).eachText().toString();
        if (doc.getElementById("js_verify") != null || messages.contains("环境异常")) {
            return PageVerdict.of(PageState.BLOCKED, P, "WeChat captcha (环境异常)");
        }
        if (doc.getElementById("js_article") != null) {
            return PageVerdict.of(PageState.OK, P, "article");
        }
        if (content(doc).filter(WechatPages::hasContent).isPresent()) {
            return PageVerdict.of(PageState.OK, P, "article body");
        }
        if (WechatScripts.isImagePost(page.raw())) {
            return PageVerdict.of(PageState.OK, P, "image post (item_show_type 8)");
        }
        Optional<PageVerdict> named = match(messages, page.raw());
        if (named.isPresent()) {
            return named.get();
        }
        if (!doc.select(".page_rumor").isEmpty()) {
            return PageVerdict.of(PageState.DELETED, P, "flagged as a rumour (page_rumor)");
        }
        // Video, audio, text and share posts have no #js_content; error pages declare no type. Check this before
        // grepping the raw HTML, whose scripts of a real post may hold strings such as 系统出错.
        Optional<Integer> type = WechatScripts.itemShowType(page.raw()).filter(t -> t != 0);
        if (type.isPresent()) {
            return PageVerdict.of(PageState.OK, P, "post without #js_content (item_show_type " + type.get() + ")");
        }
        named = match(page.raw(), page.raw());
        if (named.isPresent()) {
            return named.get();
        }
        if (FOLLOWERS_ONLY.matcher(page.raw()).find()) {
            return PageVerdict.of(PageState.LOGIN_REQUIRED, P, "visible to followers only (作者设置了…可见)");
        }
        return PageVerdict.of(PageState.EMPTY, P, "no article body (unrecognised WeChat page)");
    }

    private static Optional<PageVerdict> match(String text, String raw) {
        for (Signal s : SIGNALS) {
            if (text.contains(s.needle())) {
                String reason = s.reason();
                if (reason.startsWith("account migrated")) {
                    reason += WechatScripts.variable(raw, "transfer_target_link").map(t -> " to " + t).orElse("");
                }
                return Optional.of(PageVerdict.of(s.state(), P, reason));
            }
        }
        return Optional.empty();
    }

    static List<ImageRef> images(Page p) {
        PageResponse r = p.response();
        HtmlPage page = p.html();
        var images = new ImageCollector(r.finalUri(), ImageUrls::isWechatAvatar);
        Optional<Element> content = content(page.document());
        content.ifPresent(c -> collect(c, images));
        if (content.filter(WechatPages::hasContent).isEmpty()) {
            for (String url : WechatScripts.pictureUrls(page.raw())) {
                images.add(url, "");
            }
        }
        return images.images();
    }

    /** Adds the images of a body in page order: {@code data-src} before {@code src}, then style backgrounds. */
    static void collect(Element content, ImageCollector images) {
        for (Element el : content.getAllElements()) {
            if (el.nameIs("img") && !GenericPages.isPixel(el)) {
                String alt = el.attr("alt");
                if (!images.add(el.attr("data-src"), alt)) {
                    images.add(el.attr("src"), alt);
                }
            }
            String style = el.attr("style");
            if (style.contains("url(")) {
                Matcher m = CSS_URL.matcher(style);
                while (m.find()) {
                    images.add(m.group(2), "");
                }
            }
        }
    }

    /** The real body: {@code id=js_content} can occur twice (DOM plus a JS copy), so take the one with most text. */
    static Optional<Element> content(Document doc) {
        return doc.select("[id=js_content]").stream()
                .max(Comparator.comparingInt((Element e) -> e.text().length())
                        .thenComparingInt(e -> e.getAllElements().size()));
    }

    static boolean hasContent(Element content) {
        return !content.text().isBlank() || !content.select("img, svg, video, iframe, [style*=url(]").isEmpty();
    }
}
