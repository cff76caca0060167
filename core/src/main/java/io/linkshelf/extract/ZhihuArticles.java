package io.linkshelf.extract;

import io.linkshelf.catalog.Platform;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;

/** Reads Zhihu column articles: the rendered page, its js-initialData, or the API JSON (PLATFORMS.md §9, §10). */
final class ZhihuArticles {
    private static final String TITLE_SUFFIX = " - 知乎";

    private record Dates(Optional<Instant> published, boolean edited) {}

    private ZhihuArticles() {}

    static Optional<Article> extract(Page p, boolean classifiedAsArticle) {
        PageResponse r = p.response();
        Optional<JsonNode> json = ZhihuPages.json(r);
        if (json.isPresent()) {
            return fromApi(r, json.get()).or(() -> ZhihuColumns.fromApi(r, json.get()));
        }
        HtmlPage page = p.html();
        if (!classifiedAsArticle || ZhihuColumns.isListing(page, r.finalUri())) {
            return ZhihuColumns.extract(r, page);
        }
        return fromPage(r, page);
    }

    private static Optional<Article> fromPage(PageResponse r, HtmlPage page) {
        Document doc = page.document();
        URI base = r.finalUri();
        Optional<Element> source = ZhihuPages.body(doc).or(() -> ZhihuPages.initialContent(page, base));
        if (source.isEmpty()) {
            return Optional.empty();
        }
        JsonNode entity = entity(page, base);
        Optional<String> title = HtmlPage.firstText(doc, "h1.Post-Title")
                .or(() -> HtmlPage.firstContent(doc, "meta[property=og:title]"))
                .or(() -> textOf(entity.path("title")))
                .or(() -> Optional.of(stripSuffix(doc.title())).filter(t -> !t.isBlank()));
        Optional<String> author = HtmlPage.firstContent(doc, ".Post-Author .AuthorInfo meta[itemprop=name], .AuthorInfo meta[itemprop=name]")
                .or(() -> HtmlPage.firstText(doc, ".Post-Author .AuthorInfo-name a, .AuthorInfo-name a"))
                .or(() -> textOf(entity.path("author").path("name")));
        String timeText = HtmlPage.firstText(doc, ".ContentItem-time").orElse("");
        Optional<Instant> schemaPublished = HtmlPage.firstContent(doc, "meta[itemprop=datePublished]").flatMap(t -> Times.iso(t, Times.BEIJING));
        Optional<Instant> schemaModified = HtmlPage.firstContent(doc, "meta[itemprop=dateModified]").flatMap(t -> Times.iso(t, Times.BEIJING));
        Dates dates = dates(entity, schemaPublished.or(() -> Times.local(timeText, Times.BEIJING)),
                timeText.contains("编辑于") || isLater(schemaModified, schemaPublished));
        return Optional.of(build(r, source.get(), title, author, dates));
    }

    private static Optional<Article> fromApi(PageResponse r, JsonNode json) {
        String html = json.path("content").asText("");
        if (html.isBlank()) {
            return Optional.empty();
        }
        Element source = HtmlPage.fragment(html, r.finalUri()).document().body();
        Dates dates = dates(json, Optional.empty(), false);
        return Optional.of(build(r, source, textOf(json.path("title")), textOf(json.path("author").path("name")), dates));
    }

    private static Article build(PageResponse r, Element source, Optional<String> title, Optional<String> author, Dates dates) {
        URI base = r.finalUri();
        var collector = new ImageCollector(base, url -> false);
        ZhihuPages.collect(source, collector);
        List<ImageRef> images = collector.images();
        Element body = source.clone();
        ZhihuBodies.prepare(body, base, images);
        BodyCleaner.Body clean = BodyCleaner.finish(body, base);
        return new Article(Platform.ZHIHU, title.orElseGet(() -> BodyCleaner.fallbackTitle(clean.text(), base)), author,
                dates.published(), dates.edited(), r.requestedUri(), base, clean.html(), clean.text(), images,
                clean.links(), clean.wordCount());
    }

    /** JSON {@code created}/{@code updated} first; the page's own date (datePublished, 发布于/编辑于) otherwise. */
    private static Dates dates(JsonNode entity, Optional<Instant> shown, boolean shownEdited) {
        Optional<Instant> created = epoch(entity.path("created"));
        Optional<Instant> updated = epoch(entity.path("updated"));
        return new Dates(created.or(() -> shown), shownEdited || isLater(updated, created));
    }

    private static boolean isLater(Optional<Instant> later, Optional<Instant> earlier) {
        return later.isPresent() && earlier.isPresent() && later.get().isAfter(earlier.get());
    }

    /** The js-initialData entity of the article in the URL, else the first one with content. */
    private static JsonNode entity(HtmlPage page, URI uri) {
        JsonNode articles = ZhihuPages.initialState(page).path("entities").path("articles");
        Matcher id = ZhihuPages.ARTICLE_PATH.matcher(uri.getRawPath() == null ? "" : uri.getRawPath());
        if (id.find() && articles.path(id.group(1)).isObject()) {
            return articles.path(id.group(1));
        }
        for (Iterator<JsonNode> it = articles.elements(); it.hasNext(); ) {
            JsonNode candidate = it.next();
            if (!candidate.path("content").asText("").isBlank()) {
                return candidate;
            }
        }
        return MissingNode.getInstance();
    }

    private static Optional<Instant> epoch(JsonNode node) {
        if (node.canConvertToLong()) {
            return Times.epoch(Long.toString(node.asLong()));
        }
        return node.isTextual() ? Times.iso(node.asText(), Times.BEIJING) : Optional.empty();
    }

    static Optional<String> textOf(JsonNode node) {
        return node.isTextual() && !node.asText().isBlank() ? Optional.of(node.asText().strip()) : Optional.empty();
    }

    static String stripSuffix(String title) {
        String t = title.strip();
        return t.endsWith(TITLE_SUFFIX) ? t.substring(0, t.length() - TITLE_SUFFIX.length()).strip() : t;
    }

    /** Undoes link.zhihu.com's redirect wrapper; a target that does not decode to a URI keeps the raw href. */
    static String unwrapLink(String href) {
        try {
            URI uri = new URI(href.strip());
            String host = uri.getHost() == null ? "" : uri.getHost();
            if (!host.equals("link.zhihu.com") || uri.getRawQuery() == null) {
                return href;
            }
            for (String param : uri.getRawQuery().split("&")) {
                if (param.startsWith("target=")) {
                    String target = URLDecoder.decode(param.substring("target=".length()), StandardCharsets.UTF_8);
                    URI decoded = new URI(target);
                    return decoded.isAbsolute() ? decoded.toString() : href;
                }
            }
        } catch (URISyntaxException | IllegalArgumentException e) {
            return href;
        }
        return href;
    }

    /** The first candidate image URL of a figure, by the same rule as {@link ZhihuPages#collect}. */
    static Optional<URI> figureImage(Element figure, URI base) {
        Elements lazy = figure.select("img").not("noscript img");
        Elements noscript = figure.select("noscript img");
        return BodyCleaner.firstUrl(base, u -> true, lazy.attr("data-original"), lazy.attr("data-actualsrc"),
                noscript.attr("data-original"), noscript.attr("src"), lazy.attr("src"));
    }
}
