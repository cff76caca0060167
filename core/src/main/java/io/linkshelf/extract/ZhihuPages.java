package io.linkshelf.extract;

import io.linkshelf.catalog.Platform;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;

/** Page state and images of Zhihu articles, pages and API answers (PLATFORMS.md §8–§11). */
final class ZhihuPages {
    private static final Platform P = Platform.ZHIHU;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NOT_FOUND_TEXT = "你似乎来到了没有知识存在的荒原";
    private static final String LOGIN_WALL_TEXT = "有问题，就会有答案";
    static final Pattern ARTICLE_PATH = Pattern.compile("/p/(\\d+)");
    private static final Map<Integer, String> ANTI_BOT_CODES = Map.of(
            40362, "Zhihu anti-bot (40362 您当前请求存在异常)",
            40352, "Zhihu anti-bot (40352 网络环境存在异常)",
            10003, "Zhihu anti-bot (10003 请求参数异常)");
    private static final String BODY_SELECTOR = ".Post-RichText, .RichText.ztext";

    private ZhihuPages() {}

    static PageVerdict classify(Page p) {
        PageResponse r = p.response();
        for (URI uri : r.chain()) {
            if (path(uri).startsWith("/account/unhuman")) {
                return PageVerdict.of(PageState.BLOCKED, P, "Zhihu anti-bot (redirected to /account/unhuman)");
            }
        }
        Optional<JsonNode> json = json(r);
        Optional<PageVerdict> jsonVerdict = json.flatMap(ZhihuPages::classifyError);
        if (jsonVerdict.isPresent()) {
            return jsonVerdict.get();
        }
        // A stale __zse_ck gives 403 for HTML whatever the body says, even the 404 text: status before text.
        boolean looksHtml = !HtmlPage.isBlank(r.bytes()) && !HtmlPage.looksBinary(r.bytes());
        Optional<HtmlPage> page = looksHtml && json.isEmpty() ? Optional.of(p.html()) : Optional.empty();
        if (page.filter(ZhihuPages::isChallenge).isPresent()) {
            return PageVerdict.of(PageState.BLOCKED, P, "Zhihu JavaScript challenge (zse-ck)");
        }
        if (r.status() == 403) {
            return PageVerdict.of(PageState.BLOCKED, P, "HTTP 403 (Zhihu anti-crawl)");
        }
        for (URI uri : r.chain()) {
            if (path(uri).startsWith("/signin")) {
                return PageVerdict.of(PageState.LOGIN_REQUIRED, P, "login wall (redirected to /signin)");
            }
        }
        if ((r.status() == 404 || r.status() == 410) && page.map(h -> h.raw().contains(NOT_FOUND_TEXT)).orElse(false)) {
            return PageVerdict.of(PageState.NOT_FOUND, P, "not found (" + NOT_FOUND_TEXT + ")");
        }
        Optional<PageVerdict> early = Responses.byStatus(r, P);
        if (early.isPresent()) {
            return early.get();
        }
        if (json.isPresent()) {
            return json.get().hasNonNull("content")
                    ? PageVerdict.of(PageState.OK, P, "article (API JSON)")
                    : PageVerdict.of(PageState.EMPTY, P, "JSON without article content");
        }
        early = Responses.byBody(r, P);
        if (early.isPresent()) {
            return early.get();
        }
        HtmlPage html = page.orElseGet(() -> p.html());
        if (ARTICLE_PATH.matcher(path(r.requestedUri())).find() && !ARTICLE_PATH.matcher(path(r.finalUri())).find()) {
            return PageVerdict.of(PageState.NOT_FOUND, P, "redirected away from the article to " + r.finalUri());
        }
        if (body(html.document()).isPresent()) {
            return PageVerdict.of(PageState.OK, P, "article");
        }
        if (initialContent(html, r.finalUri()).isPresent()) {
            return PageVerdict.of(PageState.OK, P, "article (js-initialData)");
        }
        if (html.raw().contains(NOT_FOUND_TEXT)) {
            return PageVerdict.of(PageState.NOT_FOUND, P, "not found (" + NOT_FOUND_TEXT + ")");
        }
        Element h1 = html.document().selectFirst("h1");
        if (h1 != null && h1.text().contains("请求错误")) {
            return PageVerdict.of(PageState.NOT_FOUND, P, "not found (请求错误)");
        }
        if (html.document().body().text().contains(LOGIN_WALL_TEXT)) {
            return PageVerdict.of(PageState.LOGIN_REQUIRED, P, "login wall (" + LOGIN_WALL_TEXT + ")");
        }
        return html.document().getElementById("js-initialData") == null
                ? PageVerdict.of(PageState.EMPTY, P, "no article body and no js-initialData (cookies missing or anti-bot?)")
                : PageVerdict.of(PageState.EMPTY, P, "no article body");
    }

    private static Optional<PageVerdict> classifyError(JsonNode json) {
        JsonNode error = json.path("error");
        JsonNode codeNode = error.isObject() ? error.path("code") : json.path("code");
        if (!codeNode.canConvertToInt()) {
            return Optional.empty();
        }
        int code = codeNode.asInt();
        String known = ANTI_BOT_CODES.get(code);
        if (known != null) {
            return Optional.of(PageVerdict.of(PageState.BLOCKED, P, known));
        }
        if (code == 100) {
            return Optional.of(PageVerdict.of(PageState.LOGIN_REQUIRED, P, "Zhihu API wants a login (100 AuthenticationInvalidRequest)"));
        }
        return Optional.empty();
    }

    private static boolean isChallenge(HtmlPage page) {
        Document doc = page.document();
        return doc.getElementById("zh-zse-ck") != null
                || !doc.select("meta[id=zh-zse-ck], script[src*=/zse-ck/]").isEmpty();
    }

    static List<ImageRef> images(Page p) {
        PageResponse r = p.response();
        var images = new ImageCollector(r.finalUri(), url -> false);
        Optional<Element> body;
        Optional<JsonNode> json = json(r);
        if (json.isPresent()) {
            body = json.map(j -> j.path("content").asText(""))
                    .filter(s -> !s.isBlank())
                    .map(s -> HtmlPage.fragment(s, r.finalUri()).document().body());
        } else {
            HtmlPage page = p.html();
            body = body(page.document()).or(() -> initialContent(page, r.finalUri()));
        }
        body.ifPresent(b -> collect(b, images));
        return images.images();
    }

    static void collect(Element body, ImageCollector images) {
        for (Element el : body.getAllElements()) {
            if (el.nameIs("figure")) {
                addFigure(el, images);
            } else if (el.nameIs("img") && el.closest("figure") == null && el.closest("noscript") == null) {
                addFirst(images, el.attr("alt"), el.attr("data-original"), el.attr("data-actualsrc"), el.attr("src"));
            } else if (el.nameIs("noscript") && el.closest("figure") == null) {
                // Outside a figure the lazy <img> sits next to its <noscript>; they dedupe by v2 hash.
                for (Element img : el.select("img")) {
                    addFirst(images, img.attr("alt"), img.attr("data-original"), img.attr("src"));
                }
            }
        }
    }

    /** One figure, one image: data-original → data-actualsrc → noscript img → src, never data:. */
    private static void addFigure(Element figure, ImageCollector images) {
        Elements lazy = figure.select("img").not("noscript img");
        Elements noscript = figure.select("noscript img");
        Element caption = figure.selectFirst("figcaption");
        String alt = caption != null ? caption.text() : "";
        if (alt.isEmpty()) {
            alt = figure.select("img[alt]").eachAttr("alt").stream().filter(a -> !a.isBlank()).findFirst().orElse("");
        }
        addFirst(images, alt,
                lazy.attr("data-original"), lazy.attr("data-actualsrc"),
                noscript.attr("data-original"), noscript.attr("src"),
                lazy.attr("src"));
    }

    private static void addFirst(ImageCollector images, String alt, String... candidates) {
        for (String c : candidates) {
            if (images.add(c, alt)) {
                return;
            }
        }
    }

    static Optional<Element> body(Document doc) {
        return doc.select(BODY_SELECTOR).stream()
                .filter(e -> !e.text().isBlank() || !e.select("img, figure").isEmpty())
                .findFirst();
    }

    /** The article HTML in {@code js-initialData}: the entity for the /p/ id of the URL, else the first with content. */
    static Optional<Element> initialContent(HtmlPage page, URI finalUri) {
        JsonNode articles = initialState(page).path("entities").path("articles");
        Matcher id = ARTICLE_PATH.matcher(path(finalUri));
        JsonNode article = id.find() ? articles.path(id.group(1)) : JSON.missingNode();
        if (!article.path("content").isTextual()) {
            for (Iterator<JsonNode> it = articles.elements(); it.hasNext(); ) {
                JsonNode candidate = it.next();
                if (candidate.path("content").isTextual() && !candidate.path("content").asText().isBlank()) {
                    article = candidate;
                    break;
                }
            }
        }
        String html = article.path("content").asText("");
        if (html.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(HtmlPage.fragment(html, finalUri).document().body());
    }

    /** The {@code initialState} object of {@code js-initialData}; a missing node when there is none or it is not JSON. */
    static JsonNode initialState(HtmlPage page) {
        Element script = page.document().getElementById("js-initialData");
        if (script == null) {
            return JSON.missingNode();
        }
        try {
            JsonNode root = JSON.readTree(script.data());
            return root == null ? JSON.missingNode() : root.path("initialState");
        } catch (JacksonException e) {
            return JSON.missingNode();
        }
    }

    static Optional<JsonNode> json(PageResponse r) {
        boolean declared = r.contentType().map(HtmlPage::mediaType).filter(t -> t.endsWith("json")).isPresent();
        if (!declared && !HtmlPage.looksLikeJson(r.bytes())) {
            return Optional.empty();
        }
        try {
            JsonNode node = JSON.readTree(r.bytes());
            return node != null && node.isObject() ? Optional.of(node) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static String path(URI uri) {
        return uri.getRawPath() == null ? "" : uri.getRawPath();
    }
}
